// Two ways to draw highlights, neither of which touches the editor:
//
// - HighlightPainter: the CSS Custom Highlight API. Ranges over the page's
//   own text nodes, styled by ::highlight(postcheck-<severity>) in the
//   manifest's highlights.css. One registry per document, shared by every
//   composer in it.
// - MirrorOverlay: for textarea and input (whose text has no DOM ranges), a
//   transparent copy of the box's text in PostCheck's shadow root, laid out
//   exactly over the box, with the flagged spans decorated.
// - RectOverlay: for contenteditable where the Highlight API is missing,
//   underline strips drawn from the ranges' client rectangles.
import { SEVERITY_RANK } from './severity.js';

export const SEVERITIES = ['info', 'advice', 'warning', 'serious'];

export class HighlightPainter {
  static supported(win) {
    return Boolean(win.CSS && win.CSS.highlights && typeof win.Highlight === 'function');
  }

  constructor(win) {
    this.win = win;
    this.bySession = new Map();
    this.highlights = {};
    for (const sev of [...SEVERITIES, 'active']) {
      const h = new win.Highlight();
      h.priority = sev === 'active' ? 10 : SEVERITY_RANK[sev];
      this.highlights[sev] = h;
    }
  }

  /** entries: [{ range, severity, active }] */
  set(session, entries) {
    if (entries.length) this.bySession.set(session, entries);
    else this.bySession.delete(session);
    this.flush();
  }

  remove(session) {
    if (this.bySession.delete(session)) this.flush();
  }

  flush() {
    for (const h of Object.values(this.highlights)) h.clear();
    for (const entries of this.bySession.values()) {
      for (const e of entries) {
        this.highlights[e.severity].add(e.range);
        if (e.active) this.highlights.active.add(e.range);
      }
    }
    const reg = this.win.CSS.highlights;
    for (const [sev, h] of Object.entries(this.highlights)) {
      const name = `postcheck-${sev}`;
      if (h.size) {
        if (reg.get(name) !== h) reg.set(name, h);
      } else if (reg.has(name)) {
        reg.delete(name);
      }
    }
  }
}

/** The visible part of an element: its rect cut by scrolling ancestors and the viewport. */
export function visibleRect(el) {
  const win = el.ownerDocument.defaultView;
  const r = el.getBoundingClientRect();
  let left = Math.max(r.left, 0);
  let top = Math.max(r.top, 0);
  let right = Math.min(r.right, win.innerWidth);
  let bottom = Math.min(r.bottom, win.innerHeight);
  for (let a = el.parentElement; a && a !== el.ownerDocument.documentElement; a = a.parentElement) {
    const cs = win.getComputedStyle(a);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
      const ar = a.getBoundingClientRect();
      left = Math.max(left, ar.left);
      top = Math.max(top, ar.top);
      right = Math.min(right, ar.right);
      bottom = Math.min(bottom, ar.bottom);
    }
    if (cs.position === 'fixed') break;
  }
  return { rect: r, clip: { left, top, right, bottom }, empty: right <= left || bottom <= top || (r.width === 0 && r.height === 0) };
}

const COPIED = [
  'direction', 'writing-mode', 'font-style', 'font-variant', 'font-weight', 'font-stretch', 'font-size', 'font-size-adjust',
  'line-height', 'font-family', 'font-feature-settings', 'font-kerning', 'font-variation-settings', 'text-align', 'text-transform',
  'text-indent', 'letter-spacing', 'word-spacing', 'tab-size', 'white-space', 'word-break', 'overflow-wrap', 'text-rendering',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
];

/** Splits [0, len) at every finding edge; each piece carries the findings covering it. */
function pieces(len, findings) {
  const cuts = new Set([0, len]);
  for (const f of findings) {
    if (f.end > f.start) {
      cuts.add(Math.max(0, Math.min(len, f.start)));
      cuts.add(Math.max(0, Math.min(len, f.end)));
    }
  }
  const xs = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i];
    const b = xs[i + 1];
    const covering = findings.filter((f) => f.start <= a && f.end >= b && f.end > f.start);
    out.push({ start: a, end: b, covering });
  }
  return out;
}

/**
 * Chromium ends a textarea's undo step whenever nodes are added to or removed
 * from the document, anywhere, while the user types (changes of text data,
 * attributes and styles do not). So the overlays keep a pool of elements made
 * up front and only change their text, class and style while the user types.
 */
const MIRROR_POOL = 65; // pieces: 32 findings and the text around them

export class MirrorOverlay {
  constructor(ui, control) {
    this.ui = ui;
    this.control = control;
    this.isInput = control.tagName === 'INPUT';
    this.box = ui.el('div', { class: 'mirror', 'aria-hidden': 'true' });
    this.inner = ui.el('div', { class: 'mirror-inner' });
    this.box.append(this.inner);
    this.pool = [];
    this.grow(MIRROR_POOL);
    ui.layer.append(this.box);
    this.marks = [];
  }

  grow(n) {
    while (this.pool.length < n) {
      const span = this.ui.el('span');
      span.append(this.ui.doc.createTextNode(''));
      this.inner.append(span);
      this.pool.push(span);
    }
  }

  /** findings: visible findings, each with { start, end, severity, key }; active: key of the open card's finding. */
  update(text, findings, activeKey) {
    const parts = pieces(text.length, findings);
    if (parts.length > this.pool.length) this.grow(parts.length);
    this.marks = [];
    for (let i = 0; i < this.pool.length; i++) {
      const span = this.pool[i];
      const p = parts[i];
      let data = '';
      let cls = '';
      if (p) {
        data = text.slice(p.start, p.end);
        if (p.covering.length) {
          const top = p.covering.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
          cls = `mark sev-${top.severity}${p.covering.some((f) => f.key === activeKey) ? ' active' : ''}`;
          this.marks.push({ mark: span, findings: p.covering });
        }
        // A trailing new line still makes a line in a textarea.
        if (i === parts.length - 1) data += '\u200b';
      }
      if (span.firstChild.data !== data) span.firstChild.data = data;
      if (span.className !== cls) span.className = cls;
    }
    this.position();
  }

  position() {
    const c = this.control;
    const win = c.ownerDocument.defaultView;
    const vis = visibleRect(c);
    const s = this.box.style;
    if (vis.empty || !c.isConnected) {
      s.display = 'none';
      return;
    }
    s.display = 'block';
    const cs = win.getComputedStyle(c);
    for (const p of COPIED) s.setProperty(p, cs.getPropertyValue(p));
    const r = vis.rect;
    s.left = `${r.left}px`;
    s.top = `${r.top}px`;
    s.width = `${r.width}px`;
    s.height = `${r.height}px`;
    s.boxSizing = 'border-box';
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, c.offsetWidth - c.clientWidth - bl - br);
    s.paddingRight = `${(parseFloat(cs.paddingRight) || 0) + scrollbar}px`;
    if (this.isInput) {
      const pt = parseFloat(cs.paddingTop) || 0;
      const pb = parseFloat(cs.paddingBottom) || 0;
      s.whiteSpace = 'pre';
      s.lineHeight = `${Math.max(0, c.clientHeight - pt - pb)}px`;
    } else {
      s.whiteSpace = cs.whiteSpace === 'normal' ? 'pre-wrap' : cs.whiteSpace;
    }
    s.clipPath = `inset(${vis.clip.top - r.top}px ${r.right - vis.clip.right}px ${r.bottom - vis.clip.bottom}px ${vis.clip.left - r.left}px)`;
    this.box.scrollTop = c.scrollTop;
    this.box.scrollLeft = c.scrollLeft;
  }

  /** Client rects of the pieces of one finding. */
  rectsFor(key) {
    const out = [];
    for (const m of this.marks) if (m.findings.some((f) => f.key === key)) out.push(...m.mark.getClientRects());
    return out;
  }

  /** The findings under a viewport point. */
  findingsAt(x, y) {
    for (const m of this.marks) {
      for (const r of m.mark.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 3) return m.findings;
      }
    }
    return [];
  }

  destroy() {
    this.box.remove();
  }
}

export class RectOverlay {
  constructor(ui) {
    this.ui = ui;
    this.box = ui.el('div', { 'aria-hidden': 'true' });
    this.strips = [];
    this.grow(32);
    ui.layer.append(this.box);
    this.entries = [];
  }

  grow(n) {
    while (this.strips.length < n) {
      const strip = this.ui.el('div', { class: 'rect' });
      strip.style.display = 'none';
      this.box.append(strip);
      this.strips.push(strip);
    }
  }

  /** entries: [{ range, severity, active }] */
  update(entries) {
    this.entries = entries;
    this.position();
  }

  position() {
    const rects = [];
    for (const e of this.entries) {
      for (const r of e.range.getClientRects()) if (r.width >= 1) rects.push({ r, e });
    }
    if (rects.length > this.strips.length) this.grow(rects.length);
    this.strips.forEach((strip, i) => {
      const item = rects[i];
      if (!item) {
        strip.style.display = 'none';
        return;
      }
      const { r, e } = item;
      const h = e.severity === 'advice' ? 2 : e.severity === 'info' ? 1 : 4;
      const cls = `rect sev-${e.severity}${e.active ? ' active' : ''}`;
      if (strip.className !== cls) strip.className = cls;
      strip.style.display = 'block';
      strip.style.left = `${r.left}px`;
      strip.style.top = `${r.bottom - h + 1}px`;
      strip.style.width = `${r.width}px`;
    });
  }

  destroy() {
    this.box.remove();
  }
}
