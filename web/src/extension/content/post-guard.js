// A last look before posting. When the user clicks the site's Post / Reply
// button while a warning-or-worse finding is still open in that post,
// PostCheck holds that one click and shows a small prompt: "Review" or
// "Post anyway". It never stands in the way for long:
// - only the user's own (trusted) click is held, once per version of the
//   draft: a second click on Post, or any click a script makes, goes through;
// - "Post anyway" clicks the same button again for the user;
// - if the prompt cannot be shown, the click is not held at all.

// Buttons that publish. Not "Reply", "Comment" or "Share": on these sites they
// also open boxes and menus, and holding such a click would be wrong.
const POST_LABEL = /^(post|post all|tweet|tweet all|share now|publish)$/i;
const POST_SELECTOR = [
  '[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]',
  'button', '[role="button"]', 'input[type="submit"]',
].join(',');

function labelOf(el) {
  return (el.getAttribute('aria-label') || el.value || el.textContent || '').replace(/\s+/g, ' ').trim();
}

/** The Post / Reply button an event target is in, or null. */
export function postButtonOf(target) {
  const el = target?.nodeType === 1 ? target : target?.parentElement;
  if (!el) return null;
  const b = el.closest(POST_SELECTOR);
  if (!b) return null;
  if (b.matches('[data-testid="tweetButton"], [data-testid="tweetButtonInline"]')) return b;
  return POST_LABEL.test(labelOf(b)) ? b : null;
}

/** The watched composer a Post button belongs to: the nearest one around it with something to review. */
export function sessionForButton(button, sessions) {
  const candidates = sessions.filter((s) => !s.destroyed && s.el.ownerDocument === button.ownerDocument);
  // Stay inside the button's own dialog, form or article; X's buttons are known to
  // belong to the composer beside them however deep the markup.
  const known = button.matches('[data-testid="tweetButton"], [data-testid="tweetButtonInline"]');
  const boundary = button.closest('[role="dialog"], dialog, form, [role="article"], article');
  let depth = 0;
  for (let a = button.parentElement; a; a = a.parentElement) {
    const inside = candidates.filter((s) => a.contains(s.el));
    if (inside.length) return inside.sort((x, y) => y.lastEdited - x.lastEdited)[0];
    if (a === boundary || (!boundary && !known && ++depth >= 12)) break;
  }
  return null;
}

export class PostGuard {
  /** host: { ui, sessions(): Session[], review(session) } */
  constructor(host) {
    this.host = host;
    this.el = null;
  }

  /** Called for every trusted click, in the capture phase at the window. Returns true if it held the click. */
  onClick(event) {
    if (!event.isTrusted || event.button !== 0) return false;
    const button = postButtonOf(event.target);
    if (!button) return false;
    const session = sessionForButton(button, this.host.sessions());
    if (!session) return false;
    const blockers = session.postBlockers();
    if (!blockers.length) return false;
    if (session.guardPassedText === session.text) return false; // asked once already for this draft
    session.guardPassedText = session.text;
    try {
      this.show(session, button, blockers);
    } catch {
      return false; // no prompt, no hold
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    return true;
  }

  show(session, button, blockers) {
    const ui = this.host.ui;
    this.hide();
    const n = blockers.length;
    const first = blockers[0];
    const titleId = 'postcheck-prompt-title';
    const review = ui.el('button', { class: 'btn primary', type: 'button', 'data-action': 'review', text: 'Review' });
    const post = ui.el('button', { class: 'btn', type: 'button', 'data-action': 'post-anyway', text: 'Post anyway' });
    const el = ui.el('div', { class: 'prompt', role: 'alertdialog', 'aria-modal': 'false', 'aria-labelledby': titleId, tabindex: '-1' },
      ui.el('p', { id: titleId },
        ui.el('strong', { text: 'Before you post: ' }),
        n === 1 ? `PostCheck found something to review: “${first.text || first.message.slice(0, 60)}”.` : `PostCheck found ${n} things to review in this post.`),
      ui.el('div', { class: 'actions' }, review, post));
    review.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      this.hide();
      this.host.review(session);
    });
    post.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      this.hide();
      // The same button, clicked for the user; this click is not trusted, so it is never held.
      if (button.isConnected) button.click();
    });
    ui.ui.append(el);
    this.el = el;
    this.session = session;
    const r = button.getBoundingClientRect();
    const win = ui.doc.defaultView;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = Math.min(Math.max(8, r.right - w), win.innerWidth - w - 8);
    let top = r.bottom + 8;
    if (top + h > win.innerHeight - 8) top = Math.max(8, r.top - h - 8);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    review.focus({ preventScroll: true });
  }

  /** Keys pressed inside the prompt (routed here by the content script). */
  onKeyDown(e) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    const session = this.session;
    this.hide();
    session?.el.focus({ preventScroll: true });
  }

  get isOpen() {
    return Boolean(this.el);
  }

  contains(node) {
    return Boolean(this.el && this.el.contains(node));
  }

  hide() {
    this.el?.remove();
    this.el = null;
    this.session = null;
  }
}
