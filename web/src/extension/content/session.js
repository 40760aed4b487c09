// One composer being watched: its draft, the findings on it, their
// highlights and its badge. It reads the draft on every change, moves the
// highlights it has across the edit at once, and asks the service worker for
// a fresh check after a short pause (sooner after a word ends).
import { readDraft, rangeFor, offsetAt, isTextControl } from './draft-text.js';
import { diffEdit, shiftFindings, shiftSpan, endsWord } from './edit-shift.js';
import { MirrorOverlay, RectOverlay, visibleRect } from './painters.js';
import { SEVERITY_RANK, isAlarm, isPostBlocker, worstOf } from './severity.js';

/** Debounce after a word boundary (space, punctuation, Enter, deletion). */
export const DEBOUNCE_WORD_MS = 150;
/** Debounce in the middle of a word. */
export const DEBOUNCE_MIDWORD_MS = 200;

let nextKey = 0;

export class Session {
  /**
   * host: { ui, painter (HighlightPainter|null), check(text) -> Promise<findings>, changed(session) }
   */
  constructor(el, host) {
    this.el = el;
    this.host = host;
    this.control = isTextControl(el);
    this.draft = readDraft(el);
    this.text = this.draft.text;
    this.findings = [];
    this.visible = [];
    this.dismissed = []; // { rule, start, end } moved across edits like findings
    this.dismissedWhole = new Set();
    this.seq = 0;
    this.timer = 0;
    this.activeKey = null;
    this.guardPassedText = null;
    this.destroyed = false;
    this.lastEdited = Date.now();
    if (this.control) {
      this.mirror = new MirrorOverlay(host.ui, el);
    } else {
      this.observer = new MutationObserver(() => this.onChange());
      this.observer.observe(el, { childList: true, characterData: true, subtree: true });
      if (!host.painter) this.rects = new RectOverlay(host.ui);
    }
    this.badge = host.ui.el('button', { class: 'badge', type: 'button', hidden: true });
    // Its text changes by data only: adding nodes while the user types would end
    // the textarea's undo step (see painters.js).
    this.badgeText = host.ui.doc.createTextNode('');
    this.badge.append(this.badgeText);
    this.badge.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      e.preventDefault();
      // The card takes the focus; it goes back to the badge after Enter or Space on it
      // (detail 0), to the post after a mouse click.
      host.openCard(this, { index: 0, focus: true, pinned: true, returnTo: e.detail === 0 ? 'badge' : 'composer' });
    });
    host.ui.ui.append(this.badge);
    this.refresh();
    if (this.text) this.schedule(null, 0);
  }

  /** The draft changed (or may have). */
  onChange() {
    if (this.destroyed) return;
    const draft = readDraft(this.el);
    const edit = diffEdit(this.text, draft.text);
    this.draft = draft;
    if (edit) {
      this.text = draft.text;
      this.lastEdited = Date.now();
      this.findings = shiftFindings(this.findings, edit, draft.text);
      this.dismissed = this.dismissed.map((d) => {
        const s = shiftSpan(d.start, d.end, edit);
        return s && { ...d, ...s };
      }).filter(Boolean);
      this.schedule(edit);
    }
    this.refresh();
  }

  schedule(edit, delay) {
    clearTimeout(this.timer);
    const wait = delay ?? (endsWord(edit, this.text) ? DEBOUNCE_WORD_MS : DEBOUNCE_MIDWORD_MS);
    this.debounceMs = wait;
    this.timer = setTimeout(() => this.runCheck(), wait);
  }

  async runCheck() {
    if (this.destroyed) return;
    const text = this.text;
    const seq = ++this.seq;
    // User Timing marks (no draft content) for scripts/bench's check-to-paint
    // latency: from the check starting, after the debounce, to the frame
    // that paints its highlights.
    performance.mark('postcheck:check', { detail: { seq, debounceMs: this.debounceMs ?? 0, length: text.length } });
    let findings;
    try {
      findings = await this.host.check(text);
    } catch {
      return;
    }
    if (seq !== this.seq || this.destroyed || !findings) return;
    // The user may have typed on while the check ran: move the result along.
    const edit = diffEdit(text, this.text);
    const moved = edit ? shiftFindings(findings, edit, this.text) : findings;
    // A finding still where it was keeps its key, so an open card stays open.
    const old = new Map(this.findings.map((f) => [`${f.rule}@${f.start}-${f.end}`, f.key]));
    this.findings = moved.map((f) => ({ ...f, key: old.get(`${f.rule}@${f.start}-${f.end}`) ?? `k${++nextKey}` }));
    this.host.checked?.(this);
    this.refresh();
    requestAnimationFrame(() => performance.mark('postcheck:painted', { detail: { seq } }));
  }

  isDismissed(f) {
    if (f.start === f.end) return this.dismissedWhole.has(f.rule);
    return this.dismissed.some((d) => d.rule === f.rule && d.start === f.start && d.end === f.end);
  }

  dismiss(f) {
    if (f.start === f.end) this.dismissedWhole.add(f.rule);
    else this.dismissed.push({ rule: f.rule, start: f.start, end: f.end });
    this.refresh();
  }

  dropRule(rule) {
    this.findings = this.findings.filter((f) => f.rule !== rule);
    this.refresh();
  }

  /** Visible findings in reading order; those about the whole draft first. */
  computeVisible() {
    const list = this.findings.filter((f) => !this.isDismissed(f));
    list.sort((a, b) => a.start - b.start || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.end - b.end);
    return list;
  }

  /** Repaints highlights and badge from the current findings and draft map. */
  refresh() {
    if (this.destroyed) return;
    this.visible = this.computeVisible();
    const spans = this.visible.filter((f) => f.end > f.start);
    if (this.control) {
      this.mirror.update(this.text, spans, this.activeKey);
    } else {
      const entries = [];
      for (const f of spans) {
        const range = rangeFor(this.draft, f.start, f.end);
        if (range) entries.push({ range, severity: f.severity, active: f.key === this.activeKey, finding: f });
      }
      this.entries = entries;
      if (this.host.painter) this.host.painter.set(this, entries);
      else this.rects.update(entries);
    }
    this.renderBadge();
    this.host.changed(this);
  }

  renderBadge() {
    const alarms = this.visible.filter(isAlarm);
    const shown = this.visible.length > 0;
    this.badge.hidden = !shown;
    if (!shown) return;
    const worst = worstOf(this.visible);
    this.badge.dataset.worst = worst;
    const n = alarms.length;
    const label = n ? String(n) : 'i';
    if (this.badgeText.data !== label) this.badgeText.data = label;
    const what = n ? `${n} thing${n === 1 ? '' : 's'} to review` : `${this.visible.length} hint${this.visible.length === 1 ? '' : 's'}`;
    this.badge.setAttribute('aria-label', `PostCheck: ${what} in this post. Open (Alt+Shift+P from the post)`);
    this.badge.title = `PostCheck: ${what}. Alt+Shift+P from the post opens the first.`;
    this.position();
  }

  position() {
    if (this.destroyed) return;
    this.mirror?.position();
    this.rects?.position();
    if (this.badge.hidden) return;
    const vis = visibleRect(this.el);
    if (vis.empty) {
      this.badge.style.visibility = 'hidden';
      return;
    }
    this.badge.style.visibility = 'visible';
    const r = vis.rect;
    const bw = this.badge.offsetWidth || 24;
    const bh = this.badge.offsetHeight || 22;
    // Bottom-right corner, straddling the box's lower edge so it covers as little text as possible.
    const left = Math.min(r.right, vis.clip.right) - bw - 6;
    const top = Math.min(r.bottom, vis.clip.bottom) - bh / 2;
    this.badge.style.left = `${Math.max(vis.clip.left, left)}px`;
    this.badge.style.top = `${Math.max(vis.clip.top, top)}px`;
  }

  /** Findings under a viewport point. */
  findingsAt(x, y) {
    if (this.control) return this.mirror.findingsAt(x, y);
    const out = [];
    for (const e of this.entries ?? []) {
      for (const r of e.range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 3) {
          out.push(e.finding);
          break;
        }
      }
    }
    return out;
  }

  /** Where a finding is on screen, for placing the card. */
  anchorFor(f) {
    let rects = [];
    if (f && f.end > f.start) {
      if (this.control) rects = this.mirror.rectsFor(f.key);
      else rects = [...(this.entries?.find((e) => e.finding.key === f.key)?.range.getClientRects() ?? [])];
    }
    const r = rects.find((x) => x.width > 0) ?? (this.badge.hidden ? this.el.getBoundingClientRect() : this.badge.getBoundingClientRect());
    // `below`: the bottom of the box, so the card can sit under it and leave the draft readable.
    const vis = visibleRect(this.el);
    return { left: r.left, top: r.top, bottom: r.bottom, right: r.right, below: vis.empty ? null : Math.max(vis.clip.bottom, r.bottom) };
  }

  /** The draft offset of the caret, or -1. */
  caretOffset() {
    if (this.control) return this.el.selectionStart ?? -1;
    const sel = this.el.ownerDocument.getSelection();
    if (!sel || !sel.rangeCount || !this.el.contains(sel.anchorNode)) return -1;
    return offsetAt(this.draft, sel.anchorNode, sel.anchorOffset);
  }

  setActive(key) {
    if (this.activeKey === key) return;
    this.activeKey = key;
    this.refresh();
  }

  alarms() {
    return this.visible.filter(isAlarm);
  }

  postBlockers() {
    return this.visible.filter(isPostBlocker);
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.mirror?.destroy();
    this.rects?.destroy();
    this.host.painter?.remove(this);
    this.badge.remove();
    this.visible = [];
    this.host.changed(this);
  }
}
