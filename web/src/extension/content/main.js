// PostCheck's content script: one instance per frame (the manifest injects it
// into same-origin frames too). It finds composers, reads drafts, sends them
// to the extension's service worker for checking (over a runtime port: the
// draft stays on the device), and draws highlights, the badge, the card and
// the before-you-post prompt without ever touching the editor's DOM.
import { ext } from '../shared/ext.js';
import { MSG } from '../shared/messages.js';
import { loadSettings, onSettingsChanged, platformFor, siteEnabled } from '../shared/settings.js';
import { composerOf, findComposers, isComposer } from './composers.js';
import { UiRoot } from './ui-root.js';
import { HighlightPainter } from './painters.js';
import { Session } from './session.js';
import { Card } from './card.js';
import { PostGuard } from './post-guard.js';
import { CheckChannel } from './check-channel.js';
import { isAlarm, worstOf } from './severity.js';

const HOVER_OPEN_MS = 300;
const HOVER_CLOSE_MS = 350;
const SHORTCUT = { code: 'KeyP', altKey: true, shiftKey: true };

/** The site's hostname, also from an about:blank or srcdoc frame. */
function siteLocation() {
  if (location.hostname) return location;
  try {
    if (window.top.location.hostname) return window.top.location;
  } catch {
    // cross-origin parent
  }
  const origins = location.ancestorOrigins;
  if (origins?.length) return new URL(origins[origins.length - 1]);
  return location;
}

class PageController {
  constructor(doc) {
    this.doc = doc;
    this.win = doc.defaultView;
    this.sessions = new Map();
    this.location = siteLocation();
    this.platform = platformFor(this.location.hostname);
    this.running = false;
    this.ui = null;
    this.lastCount = null;
    this.warmed = false;
    this.listeners = [];
    this.pendingNodes = new Set();
    this.channel = new CheckChannel();
  }

  // ----------------------------------------------------------- lifecycle

  async init() {
    await this.applySettings();
    onSettingsChanged(() => this.applySettings());
  }

  async applySettings() {
    let settings;
    try {
      ({ settings } = await loadSettings());
    } catch {
      return;
    }
    const on = siteEnabled(settings, this.location);
    if (on && !this.running) this.start();
    else if (!on && this.running) this.stop();
    else if (on) for (const s of this.sessions.values()) s.schedule(null, 0);
  }

  start() {
    this.running = true;
    const on = (target, type, fn, opts = true) => {
      target.addEventListener(type, fn, opts);
      this.listeners.push([target, type, fn, opts]);
    };
    on(this.doc, 'focusin', (e) => this.onFocusIn(e));
    on(this.doc, 'input', (e) => this.onInput(e));
    on(this.win, 'click', (e) => this.onClick(e));
    on(this.win, 'keydown', (e) => this.onKeyDown(e));
    on(this.win, 'keyup', (e) => this.fromUi(e));
    on(this.win, 'keypress', (e) => this.fromUi(e));
    on(this.win, 'mousemove', (e) => this.onMouseMove(e), { capture: true, passive: true });
    on(this.win, 'mousedown', (e) => this.onMouseDown(e), { capture: true, passive: true });
    on(this.win, 'scroll', () => this.schedulePosition(), { capture: true, passive: true });
    on(this.win, 'resize', () => this.schedulePosition(), { passive: true });
    // An open port could keep the page out of the back/forward cache; the next check opens another.
    on(this.win, 'pagehide', () => this.channel.close());
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'readonly', 'disabled'] });
    this.resizeObserver = new ResizeObserver(() => this.schedulePosition());
    for (const el of findComposers(this.doc)) this.discover(el);
    const active = composerOf(this.doc.activeElement);
    if (active) this.sessionFor(active);
    this.ticker = setInterval(() => this.tick(), 300);
    // A new page in the tab: the top frame clears what the last page counted.
    if (this.win === this.win.top) this.send({ type: MSG.COUNT, count: 0, reset: true }).catch(() => {});
  }

  stop() {
    this.running = false;
    for (const [t, type, fn, opts] of this.listeners) t.removeEventListener(type, fn, opts);
    this.listeners = [];
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    clearInterval(this.ticker);
    if (this.discoverTimer) (this.win.cancelIdleCallback ?? clearTimeout)(this.discoverTimer);
    this.discoverTimer = 0;
    this.pendingNodes.clear();
    clearInterval(this.warmTimer);
    this.warmTimer = 0;
    this.card?.close();
    this.guard?.hide();
    for (const s of this.sessions.values()) s.destroy();
    this.sessions.clear();
    this.ui?.destroy();
    this.ui = null;
    this.channel.close();
    this.reportCount(true);
  }

  /** The extension was reloaded or removed: go quiet and leave the page as it was. */
  shutdown() {
    if (this.running) this.stop();
  }

  send(message) {
    try {
      if (!ext.runtime?.id) throw new Error('PostCheck was reloaded');
      return ext.runtime.sendMessage(message);
    } catch (e) {
      this.shutdown();
      return Promise.reject(e);
    }
  }

  ensureUi() {
    if (this.ui) return;
    this.ui = new UiRoot(this.doc);
    this.painter = null;
    if (HighlightPainter.supported(this.win)) {
      try {
        this.painter = new HighlightPainter(this.win);
        this.painter.flush();
      } catch {
        this.painter = null; // e.g. a content-script sandbox that cannot reach the registry: draw rectangles instead
      }
    }
    this.card = new Card(this.ui, {
      dismiss: (session, f) => this.afterAction(session, f, () => session.dismiss(f)),
      disableRule: (session, f) => {
        this.send({ type: MSG.DISABLE_RULE, rule: f.rule }).catch(() => {});
        this.afterAction(session, f, () => {
          for (const s of this.sessions.values()) s.dropRule(f.rule);
        });
      },
      learnMore: (f) => this.send({ type: MSG.OPEN_PAGE, page: 'explain', hash: f.rule }).catch(() => {}),
      navigate: (session, list, index) => this.openCard(session, { index, keepMode: true }),
      closed: (session, { restoreFocus, returnTo }) => {
        session.setActive(null);
        if (restoreFocus) this.restoreFocus(session, returnTo);
      },
      changed: (session, f) => session.setActive(f?.key ?? null),
      hoverCard: (inside) => {
        this.pointerInCard = inside;
        if (inside) clearTimeout(this.hoverCloseTimer);
      },
    });
    this.guard = new PostGuard({
      ui: this.ui,
      sessions: () => [...this.sessions.values()],
      review: (session) => this.openCard(session, { index: Math.max(0, session.visible.findIndex((f) => f === session.postBlockers()[0])), focus: true, pinned: true }),
    });
  }

  // ------------------------------------------------------------ sessions

  discover(el) {
    // Prefilled or restored drafts are checked at once; empty boxes wait for focus.
    if (this.sessions.has(el)) return;
    const hasText = el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' ? el.value.trim() !== '' : el.textContent.trim() !== '';
    if (hasText) this.sessionFor(el);
  }

  sessionFor(el) {
    let s = this.sessions.get(el);
    if (s || !this.running) return s;
    this.ensureUi();
    s = new Session(el, {
      ui: this.ui,
      painter: this.painter,
      check: (text) => this.check(text),
      changed: (session) => this.sessionChanged(session),
      openCard: (session, opts) => this.openCard(session, opts),
    });
    this.sessions.set(el, s);
    this.resizeObserver.observe(el);
    if (!this.warmed) {
      this.warmed = true;
      this.send({ type: MSG.WARM }).catch(() => {});
    }
    return s;
  }

  dropSession(el) {
    const s = this.sessions.get(el);
    if (!s) return;
    if (this.card?.state?.session === s) this.card.close();
    if (this.guard?.session === s) this.guard.hide();
    this.resizeObserver.unobserve(el);
    this.sessions.delete(el);
    s.destroy();
  }

  check(text) {
    try {
      if (!ext.runtime?.id) throw new Error('PostCheck was reloaded');
      return this.channel.check(text, this.platform);
    } catch (e) {
      this.shutdown();
      return Promise.reject(e);
    }
  }

  sessionChanged(session) {
    // Keep an open card in step with the findings it shows.
    if (this.card?.isOpen && this.card.state.session === session) {
      const cur = this.card.current;
      const still = session.visible.find((f) => f.key === cur.key);
      if (!still) this.card.close({ restoreFocus: true });
      else {
        this.card.state.list = session.visible;
        this.card.state.index = session.visible.indexOf(still);
      }
    }
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.reportCount(), 60);
  }

  reportCount(force = false) {
    let count = 0;
    const all = [];
    for (const s of this.sessions.values()) {
      const alarms = s.visible.filter(isAlarm);
      count += alarms.length;
      all.push(...alarms);
    }
    if (!force && count === this.lastCount) return;
    this.lastCount = count;
    this.send({ type: MSG.COUNT, count, worst: worstOf(all) }).catch(() => {});
  }

  // -------------------------------------------------------------- events

  onFocusIn(e) {
    const el = composerOf(e.target);
    if (!el) return;
    this.sessionFor(el);
    this.keepWarm();
  }

  /**
   * An idle service worker is stopped after ~30 s and the engine must start again
   * (about 2 s). While a composer has focus, a ping every 20 s keeps it ready.
   */
  keepWarm() {
    if (this.warmTimer) return;
    this.warmTimer = setInterval(() => {
      const el = composerOf(this.doc.activeElement);
      if (!this.running || !el || !this.sessions.has(el) || !this.doc.hasFocus()) {
        clearInterval(this.warmTimer);
        this.warmTimer = 0;
        return;
      }
      this.send({ type: MSG.WARM }).catch(() => {});
    }, 20000);
  }

  onInput(e) {
    const el = composerOf(e.target);
    if (!el) return;
    const s = this.sessionFor(el);
    // contenteditable sessions also watch their DOM; this covers textarea and input.
    if (s?.control) s.onChange();
  }

  onMutations(records) {
    let removed = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        if (isComposer(r.target)) this.discover(r.target);
        else if (this.sessions.has(r.target)) this.dropSession(r.target);
        continue;
      }
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n !== this.ui?.host) this.pendingNodes.add(n);
      }
    }
    if (this.pendingNodes.size && !this.discoverTimer) {
      // Look for new composers in what was added, in one pass when the page is idle.
      const run = () => {
        this.discoverTimer = 0;
        const nodes = [...this.pendingNodes];
        this.pendingNodes.clear();
        for (const n of nodes) if (n.isConnected) for (const el of findComposers(n)) this.discover(el);
      };
      this.discoverTimer = this.win.requestIdleCallback ? this.win.requestIdleCallback(run, { timeout: 300 }) : setTimeout(run, 50);
    }
    if (removed) for (const el of [...this.sessions.keys()]) if (!el.isConnected) this.dropSession(el);
    if (this.ui && this.sessions.size && !this.topTimer) {
      // A modal the site opened after PostCheck's layer would cover it (checked at most ~7 times a second).
      this.topTimer = setTimeout(() => {
        this.topTimer = 0;
        this.ui?.ensureOnTop();
      }, 150);
    }
    if (this.sessions.size) this.schedulePosition();
  }

  tick() {
    // Layout can move without an event (animations, lazy images): keep the overlay on the box.
    let any = false;
    for (const s of this.sessions.values()) {
      if (s.control && s.el.value !== s.text) s.onChange(); // set by a script, no input event
      if (s.visible.length) any = true;
    }
    if (any && this.doc.visibilityState === 'visible') this.positionAll();
  }

  schedulePosition() {
    if (this.positionRaf) return;
    this.positionRaf = this.win.requestAnimationFrame(() => {
      this.positionRaf = 0;
      this.positionAll();
    });
  }

  positionAll() {
    for (const s of this.sessions.values()) s.position();
    if (this.card?.isOpen) {
      const { session } = this.card.state;
      this.card.place(session.anchorFor(this.card.current));
    }
  }

  onClick(e) {
    if (!this.ui) return;
    if (this.guard.onClick(e)) return;
    if (!e.isTrusted) return;
    const el = composerOf(e.target);
    const s = el && this.sessions.get(el);
    if (!s) return;
    const hit = s.findingsAt(e.clientX, e.clientY);
    if (hit.length) this.openCard(s, { finding: hit[0], pinned: true });
    else if (this.card.isOpen) this.card.close();
  }

  onMouseDown(e) {
    if (!this.card?.isOpen || !e.isTrusted) return;
    const path = e.composedPath();
    if (path.includes(this.ui.host)) return;
    const el = composerOf(e.target);
    if (el && this.sessions.get(el)?.findingsAt(e.clientX, e.clientY).length) return;
    this.card.close();
  }

  /** Keys pressed in PostCheck's own UI: handled here, and kept from the site's shortcuts. */
  fromUi(e) {
    if (!this.ui || !e.composedPath().includes(this.ui.host)) return false;
    e.stopImmediatePropagation();
    return true;
  }

  onKeyDown(e) {
    if (!this.ui || !e.isTrusted) return;
    const target = e.composedPath()[0];
    if (this.fromUi(e)) {
      if (this.card.isOpen && this.card.contains(target)) this.card.onKeyDown(e);
      else if (this.guard.isOpen && this.guard.contains(target)) this.guard.onKeyDown(e);
      else if (e.key === 'Escape' && this.card.isOpen) {
        // From the badge: close the card and go back to the post.
        const { session } = this.card.state;
        this.card.close();
        this.restoreFocus(session, null);
      }
      return;
    }
    if (e.key === 'Escape') {
      if (this.card.isOpen && !this.card.hasFocus()) {
        // Close the card, not the site's dialog around the composer.
        const inComposer = composerOf(e.target) && this.sessions.has(composerOf(e.target));
        this.card.close();
        if (inComposer) {
          e.preventDefault();
          e.stopImmediatePropagation();
        }
      }
      if (this.guard.isOpen && !this.guard.contains(e.composedPath()[0])) this.guard.hide();
      return;
    }
    if (e.code === SHORTCUT.code && e.altKey === SHORTCUT.altKey && e.shiftKey === SHORTCUT.shiftKey && !e.ctrlKey && !e.metaKey) {
      const el = composerOf(e.target);
      const s = el && this.sessions.get(el);
      if (!s || !s.visible.length) return; // nothing to show: let the key through
      e.preventDefault();
      e.stopImmediatePropagation();
      const caret = s.caretOffset();
      let index = s.visible.findIndex((f) => f.end > f.start && f.end >= caret && caret >= 0);
      if (index < 0) index = 0;
      this.openCard(s, { index, focus: true, pinned: true, returnTo: 'composer' });
    }
  }

  onMouseMove(e) {
    if (!this.ui || !this.sessions.size) return;
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.hoverRaf) return;
    this.hoverRaf = this.win.requestAnimationFrame(() => {
      this.hoverRaf = 0;
      this.checkHover();
    });
  }

  checkHover() {
    const { x, y } = this.pointer;
    const card = this.card;
    if (card.isOpen && (card.state.pinned || card.state.keyboard)) return;
    if (card.isOpen) {
      const r = card.rect();
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
        clearTimeout(this.hoverCloseTimer);
        return;
      }
    }
    let hit = null;
    for (const s of this.sessions.values()) {
      if (!s.visible.length) continue;
      const r = s.el.getBoundingClientRect();
      if (x < r.left || x > r.right || y < r.top - 4 || y > r.bottom + 4) continue;
      const found = s.findingsAt(x, y);
      if (found.length) {
        hit = { session: s, finding: found[0] };
        break;
      }
    }
    if (hit) {
      clearTimeout(this.hoverCloseTimer);
      if (card.isOpen && card.current?.key === hit.finding.key) return;
      if (this.hoverTarget?.finding.key === hit.finding.key) return;
      this.hoverTarget = hit;
      clearTimeout(this.hoverOpenTimer);
      this.hoverOpenTimer = setTimeout(() => {
        this.hoverTarget = null;
        const still = !hit.session.destroyed && hit.session.visible.find((f) => f.key === hit.finding.key);
        if (still) this.openCard(hit.session, { finding: still });
      }, HOVER_OPEN_MS);
    } else {
      clearTimeout(this.hoverOpenTimer);
      this.hoverTarget = null;
      if (card.isOpen && !this.pointerInCard) {
        clearTimeout(this.hoverCloseTimer);
        this.hoverCloseTimer = setTimeout(() => {
          if (card.isOpen && !card.state.pinned && !card.state.keyboard && !this.pointerInCard) card.close();
        }, HOVER_CLOSE_MS);
      }
    }
  }

  // ----------------------------------------------------------------- card

  openCard(session, { index = 0, finding = null, focus = false, pinned = false, returnTo = null, keepMode = false } = {}) {
    const list = session.visible;
    if (!list.length) return;
    let i = finding ? list.findIndex((f) => f.key === finding.key) : index;
    if (i < 0) i = 0;
    i = Math.min(i, list.length - 1);
    if (focus && !this.card.hasFocus()) this.saveFocus(session);
    const keep = keepMode && this.card.isOpen ? this.card.state : null;
    this.card.open({
      session, list, index: i, anchor: session.anchorFor(list[i]),
      focus: focus || Boolean(keep && this.card.hasFocus()), pinned: pinned || Boolean(keep?.pinned), returnTo: returnTo ?? keep?.returnTo ?? null,
    });
  }

  /** After Dismiss once / Turn off this rule: show the next finding, or close and give focus back. */
  afterAction(session, f, act) {
    const list = session.visible;
    const i = list.findIndex((x) => x.key === f.key);
    const hadFocus = this.card.hasFocus();
    act();
    const next = session.visible;
    if (!next.length || !this.card.isOpen) {
      if (this.card.isOpen) this.card.close({ restoreFocus: true });
      else if (hadFocus) this.restoreFocus(session, null);
      return;
    }
    this.openCard(session, { index: Math.min(Math.max(0, i), next.length - 1), keepMode: true });
  }

  saveFocus(session) {
    if (session.control) {
      const el = session.el;
      this.savedSelection = { session, start: el.selectionStart, end: el.selectionEnd, dir: el.selectionDirection };
    } else {
      const sel = this.doc.getSelection();
      this.savedSelection = sel?.rangeCount && session.el.contains(sel.anchorNode) ? { session, range: sel.getRangeAt(0).cloneRange() } : { session };
    }
  }

  restoreFocus(session, returnTo) {
    if (session.destroyed) return;
    if (returnTo === 'badge' && !session.badge.hidden) {
      session.badge.focus({ preventScroll: true });
      return;
    }
    session.el.focus({ preventScroll: true });
    const saved = this.savedSelection;
    this.savedSelection = null;
    if (!saved || saved.session !== session) return;
    try {
      if (session.control && saved.start != null) session.el.setSelectionRange(saved.start, saved.end, saved.dir);
      else if (saved.range) {
        const sel = this.doc.getSelection();
        sel.removeAllRanges();
        sel.addRange(saved.range);
      }
    } catch {
      // The draft changed under the saved selection; focus is enough.
    }
  }
}

// One instance per frame, even if both the manifest and a registered script inject it.
if (!globalThis.__postcheckContent) {
  globalThis.__postcheckContent = new PageController(document);
  globalThis.__postcheckContent.init();
}
