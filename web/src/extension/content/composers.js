// Which boxes are composers. PostCheck reads textareas, text inputs and
// contenteditable editors (Lexical on Facebook, Draft.js on X), and leaves
// alone what is not a post: passwords, payment and one-time-code fields,
// read-only or disabled boxes, and boxes that opt out of writing assistants
// (data-gramm="false", data-enable-grammarly="false").

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);
const SECRET_AUTOCOMPLETE = /(^|\s)(cc-[a-z-]+|one-time-code|current-password|new-password|transaction-[a-z-]+)(\s|$)/i;

function optedOut(el) {
  return Boolean(el.closest('[data-gramm="false"], [data-enable-grammarly="false"], [data-gramm_editor="false"]'));
}

/** The root of the editing host holding `node`, or null. */
export function editingHost(node) {
  let el = node?.nodeType === 1 ? node : node?.parentElement;
  if (!el || !el.isContentEditable) return null;
  while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
  return el;
}

/** Whether `el` is a box PostCheck should read. */
export function isComposer(el) {
  if (!el || el.nodeType !== 1 || !el.isConnected) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') {
    if (tag === 'INPUT' && !TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) return false;
    if (el.readOnly || el.disabled) return false;
    if (SECRET_AUTOCOMPLETE.test(el.getAttribute('autocomplete') ?? '')) return false;
    return !optedOut(el);
  }
  if (!el.isContentEditable) return false;
  if (editingHost(el) !== el) return false;
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return false;
  return !optedOut(el);
}

/** The composer an event target belongs to, or null. */
export function composerOf(target) {
  if (!target || target.nodeType !== 1 && target.nodeType !== 3) return null;
  const el = target.nodeType === 3 ? target.parentElement : target;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return isComposer(el) ? el : null;
  const host = editingHost(el);
  return host && isComposer(host) ? host : null;
}

const CANDIDATES = 'textarea, input, [contenteditable]:not([contenteditable="false"])';

/** Composers in or under `root` (an element or document). */
export function findComposers(root) {
  const out = new Set();
  const consider = (el) => {
    const c = composerOf(el);
    if (c) out.add(c);
  };
  if (root.nodeType === 1 && root.matches(CANDIDATES)) consider(root);
  for (const el of root.querySelectorAll(CANDIDATES)) consider(el);
  return [...out];
}
