// PostCheck's own UI lives in one shadow root per document, on a host element
// appended to <html> (never inside or next to an editor), shown in the top
// layer as a manual popover where the browser has them, so it sits above the
// site's modals. Pointer events pass through everything but the badge, card
// and prompt.
import { UI_CSS } from './ui-styles.js';

const HOST_TAG = 'postcheck-ui';

export class UiRoot {
  constructor(doc) {
    this.doc = doc;
    const win = doc.defaultView;
    this.host = doc.createElement(HOST_TAG);
    // Inline !important beats any page rule aimed at the tag.
    this.host.style.cssText = [
      'all: initial', 'position: fixed', 'inset: 0 auto auto 0', 'width: 0', 'height: 0', 'margin: 0', 'padding: 0',
      'border: 0', 'background: transparent', 'overflow: visible', 'pointer-events: none', 'z-index: 2147483647',
      'display: block', 'color-scheme: light dark',
    ].map((d) => `${d} !important`).join(';');
    this.host.setAttribute('data-postcheck', '');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(UI_CSS);
      this.shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Firefox content scripts may not set adoptedStyleSheets across the Xray boundary.
      const style = doc.createElement('style');
      style.textContent = UI_CSS;
      this.shadow.append(style);
    }
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.ui = doc.createElement('div');
    this.ui.className = 'ui';
    this.shadow.append(this.layer, this.ui);
    this.usePopover = typeof this.host.showPopover === 'function';
    if (this.usePopover) this.host.setAttribute('popover', 'manual');
    this.attach();
  }

  /** (Re)attaches the host and lifts it to the top of the top layer. */
  attach() {
    const root = this.doc.documentElement;
    if (!root) return;
    if (this.host.parentNode !== root) root.appendChild(this.host);
    if (this.usePopover) {
      try {
        if (this.host.matches(':popover-open')) this.host.hidePopover();
        this.host.showPopover();
      } catch {
        this.usePopover = false;
      }
    }
  }

  /** Keeps the host attached, and above any modal or popover the page opened after it. */
  ensureOnTop() {
    if (!this.host.isConnected) return this.attach();
    if (!this.usePopover) return;
    let open = [];
    try {
      open = [...this.doc.querySelectorAll(':modal, :popover-open')].filter((e) => e !== this.host);
    } catch {
      return;
    }
    const seen = this.seenTopLayer ?? new Set();
    const fresh = open.some((e) => !seen.has(e));
    this.seenTopLayer = new Set(open);
    if (fresh || !this.host.matches(':popover-open')) this.attach();
  }

  el(tag, props = {}, ...children) {
    const e = this.doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else if (v !== false && v != null) e.setAttribute(k, v);
    }
    e.append(...children.filter((c) => c != null));
    return e;
  }

  destroy() {
    this.host.remove();
  }
}
