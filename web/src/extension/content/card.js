// The card that explains a finding: the message, the policy it comes from
// (name, section, title), the safer wording with a copy button, "Dismiss
// once", "Turn off this rule" and "Learn more". A non-modal dialog in
// PostCheck's shadow root: opened by hover or click on a highlight, or from
// the keyboard (Alt+Shift+P in the composer, or the badge), it closes on
// Escape and gives focus back to where it was.
import { CATEGORY_BY_ID, POLICY_NAMES, SEVERITY_LABEL } from '../../shared/categories.js';

let uid = 0;

export function policyName(id) {
  return POLICY_NAMES[id] ?? id;
}

export function citationText(source) {
  const title = source.title ? ` “${source.title}”` : '';
  return `${policyName(source.policy)}, section ${source.section}${title}`;
}

export class Card {
  /**
   * handlers: { dismiss(session, finding), disableRule(session, finding), learnMore(finding),
   *             closed(session, { restoreFocus }), changed(session, finding) }
   */
  constructor(ui, handlers) {
    this.ui = ui;
    this.handlers = handlers;
    this.id = `postcheck-card-${++uid}`;
    this.el = ui.el('div', {
      class: 'card', role: 'dialog', 'aria-modal': 'false', tabindex: '-1', hidden: true,
      'aria-labelledby': `${this.id}-title`, 'aria-describedby': `${this.id}-message`,
    });
    this.el.addEventListener('mouseenter', () => this.handlers.hoverCard?.(true));
    this.el.addEventListener('mouseleave', () => this.handlers.hoverCard?.(false));
    ui.ui.append(this.el);
    this.state = null;
  }

  get isOpen() {
    return this.state !== null;
  }

  /**
   * session, list (findings, in order), index, anchor (a DOMRect-like), focus: move focus in,
   * pinned: stays open when the pointer leaves.
   */
  open({ session, list, index, anchor, focus = false, pinned = false, returnTo = null }) {
    const wasOpen = this.state;
    this.state = {
      session, list, index, anchor, pinned: pinned || Boolean(wasOpen?.pinned && wasOpen.session === session),
      returnTo: returnTo ?? wasOpen?.returnTo ?? null, keyboard: focus || Boolean(wasOpen?.keyboard),
    };
    this.render();
    this.el.hidden = false;
    this.place(anchor);
    if (focus) this.el.focus({ preventScroll: true });
    this.handlers.changed?.(session, this.current);
  }

  get current() {
    return this.state ? this.state.list[this.state.index] : null;
  }

  render() {
    const { list, index } = this.state;
    const f = list[index];
    const el = (...a) => this.ui.el(...a);
    const category = CATEGORY_BY_ID[f.category];
    const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const children = [];
    children.push(el('div', { class: 'head' },
      el('span', { class: `sev sev-chip-${f.severity}`, text: SEVERITY_LABEL[f.severity] ?? f.severity }),
      el('h2', { class: 'title', id: `${this.id}-title`, text: category?.label ?? f.category }),
      el('button', { class: 'close', type: 'button', 'aria-label': 'Close', title: 'Close (Esc)', text: '×', onclick: (e) => this.trusted(e) && this.close({ restoreFocus: true }) })));
    if (f.text) children.push(el('p', { class: 'flagged' }, 'In your post: ', el('q', { text: f.text.length > 80 ? `${f.text.slice(0, 77)}…` : f.text })));
    children.push(el('p', { class: 'message', id: `${this.id}-message`, text: f.message }));
    if (f.sources?.length) {
      children.push(el('div', { class: 'cite' },
        el('span', { text: f.sources.length > 1 ? 'Policy:' : 'Policy: ' }),
        f.sources.length > 1
          ? el('ul', {}, ...f.sources.map((s) => el('li', { text: citationText(s) })))
          : el('span', { text: citationText(f.sources[0]) })));
    }
    if (f.suggestion) {
      const copy = el('button', {
        class: 'btn copy', type: 'button', 'aria-label': 'Copy the safer wording', text: 'Copy',
        onclick: (e) => this.trusted(e) && this.copy(f.suggestion, status, copy),
      });
      children.push(el('div', { class: 'safer' },
        el('span', { class: 'safer-label', text: 'Safer wording' }),
        el('div', { class: 'safer-row' }, el('span', { class: 'safer-text', text: f.suggestion }), copy)));
    }
    const learn = el('a', { class: 'learn', href: '#', role: 'link', text: 'Learn more' });
    learn.addEventListener('click', (e) => {
      e.preventDefault();
      if (this.trusted(e)) this.handlers.learnMore(f);
    });
    children.push(el('div', { class: 'actions' },
      el('button', { class: 'btn', type: 'button', 'data-action': 'dismiss', text: 'Dismiss once', onclick: (e) => this.trusted(e) && this.handlers.dismiss(this.state.session, f) }),
      el('button', { class: 'btn', type: 'button', 'data-action': 'disable', text: 'Turn off this rule', title: `Turn off “${f.rule}” everywhere (undo in PostCheck's options)`, onclick: (e) => this.trusted(e) && this.handlers.disableRule(this.state.session, f) })));
    const nav = list.length > 1
      ? [
        el('button', { class: 'btn', type: 'button', 'aria-label': 'Previous finding', text: '‹', onclick: (e) => this.trusted(e) && this.step(-1) }),
        el('span', { text: `${index + 1} of ${list.length}` }),
        el('button', { class: 'btn', type: 'button', 'aria-label': 'Next finding', text: '›', onclick: (e) => this.trusted(e) && this.step(1) }),
      ]
      : [];
    children.push(el('div', { class: 'nav' }, ...nav, learn));
    children.push(status);
    this.el.replaceChildren(...children);
    this.el.dataset.rule = f.rule;
    this.el.dataset.severity = f.severity;
  }

  /** Ignores clicks a page script forged on PostCheck's buttons. */
  trusted(e) {
    return e.isTrusted;
  }

  step(delta) {
    const s = this.state;
    const index = (s.index + delta + s.list.length) % s.list.length;
    this.handlers.navigate(s.session, s.list, index);
  }

  async copy(text, status, button) {
    let ok = false;
    try {
      await this.ui.doc.defaultView.navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // Not a secure context, or no permission: copy from a selection instead.
      const area = this.ui.el('textarea', { class: 'sr-only', 'aria-hidden': 'true' });
      area.value = text;
      this.el.append(area);
      area.select();
      try {
        ok = this.ui.doc.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      button.focus({ preventScroll: true });
    }
    status.textContent = ok ? 'Copied. Paste it over the flagged words.' : 'Could not copy; select the text and copy it yourself.';
    this.lastCopied = ok ? text : null;
  }

  place(anchor) {
    const win = this.ui.doc.defaultView;
    const w = this.el.offsetWidth;
    const h = this.el.offsetHeight;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    const left = Math.min(Math.max(8, anchor.left), Math.max(8, vw - w - 8));
    let top;
    if (anchor.below != null && anchor.below + 8 + h <= vh - 8) {
      // Under the post box: the draft stays readable; the active highlight shows which words it means.
      top = anchor.below + 8;
    } else {
      top = anchor.bottom + 8;
      if (top + h > vh - 8 && anchor.top - h - 8 >= 8) top = anchor.top - h - 8;
    }
    top = Math.max(8, Math.min(top, vh - h - 8));
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }

  focusables() {
    return [...this.el.querySelectorAll('button, a[href]')].filter((e) => !e.disabled && e.offsetParent !== null);
  }

  /** Keys pressed inside the card (routed here by the content script). */
  onKeyDown(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close({ restoreFocus: true });
      return;
    }
    if (e.key === 'Tab') {
      const items = this.focusables();
      if (!items.length) return;
      const active = this.ui.shadow.activeElement;
      const i = items.indexOf(active);
      if (e.shiftKey && (i <= 0)) {
        e.preventDefault();
        items[items.length - 1].focus();
      } else if (!e.shiftKey && i === items.length - 1) {
        e.preventDefault();
        items[0].focus();
      }
    }
    if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && this.state.list.length > 1 && e.composedPath()[0] === this.el) {
      e.preventDefault();
      this.step(e.key === 'ArrowRight' ? 1 : -1);
    }
  }

  /** Whether focus is inside the card. */
  hasFocus() {
    return this.isOpen && this.ui.doc.activeElement === this.ui.host && this.el.contains(this.ui.shadow.activeElement);
  }

  close({ restoreFocus = false } = {}) {
    if (!this.state) return;
    const { session, returnTo } = this.state;
    const hadFocus = this.hasFocus();
    this.state = null;
    this.el.hidden = true;
    this.el.replaceChildren();
    this.handlers.closed(session, { restoreFocus: restoreFocus && hadFocus, returnTo });
  }

  contains(node) {
    return this.el.contains(node);
  }

  rect() {
    return this.el.getBoundingClientRect();
  }
}
