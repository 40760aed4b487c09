// Reads the whole draft of a composer as one string, with a map from every
// character back to a position in the DOM, so a finding's UTF-16 offsets
// become a DOM Range over exactly the characters the checker saw.
//
// - textarea / input: the value, as is.
// - contenteditable (Lexical, Draft.js, plain): text nodes in document order;
//   each block (paragraph, div, list item) starts a new line ("\n"); a <br>
//   is "\n" unless it is only the placeholder that keeps an empty or
//   line-break-ended block open; <img alt> (emoji) counts as its alt text;
//   mention and hashtag chips count as the text inside them.
// Reading never changes the DOM.

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'CANVAS']);

export function isTextControl(el) {
  return el instanceof el.ownerDocument.defaultView.HTMLTextAreaElement || el instanceof el.ownerDocument.defaultView.HTMLInputElement;
}

/** Whether a <br> only holds an empty (or line-break-ended) block open. */
function isPlaceholderBr(br, root) {
  let block = br.parentNode;
  while (block && block !== root && !(block.nodeType === 1 && BLOCKS.has(block.tagName))) block = block.parentNode;
  const limit = block ?? root;
  // Is there any text, image or other <br> after this <br> inside the block?
  let n = br;
  for (;;) {
    if (n.nextSibling) {
      n = n.nextSibling;
    } else {
      while (n && n !== limit && !n.nextSibling) n = n.parentNode;
      if (!n || n === limit) return true;
      n = n.nextSibling;
    }
    // n is the next subtree in order; scan it.
    if (containsContent(n)) return false;
  }
}

function containsContent(n) {
  if (n.nodeType === 3) return n.data.length > 0;
  if (n.nodeType !== 1) return false;
  if (n.tagName === 'BR' || (n.tagName === 'IMG' && n.alt)) return true;
  if (SKIP.has(n.tagName)) return false;
  if (BLOCKS.has(n.tagName)) return false; // a new block: this one ended
  for (let c = n.firstChild; c; c = c.nextSibling) if (containsContent(c)) return true;
  return false;
}

/**
 * @returns {{ text: string, segs: Array<{start:number,end:number,kind:'text'|'atom'|'sep',node:Node}>, root: Element }}
 */
export function readEditable(root) {
  let text = '';
  const segs = [];
  let needNewline = false;
  let lineHasContent = false;

  const sep = (node) => {
    segs.push({ start: text.length, end: text.length + 1, kind: 'sep', node });
    text += '\n';
    needNewline = false;
    lineHasContent = false;
  };
  const walk = (parent) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = child.data;
        if (!data) continue;
        if (needNewline) sep(child);
        segs.push({ start: text.length, end: text.length + data.length, kind: 'text', node: child });
        text += data;
        lineHasContent = true;
      } else if (child.nodeType === 1) {
        const tag = child.tagName;
        if (SKIP.has(tag) || child.hidden) continue;
        if (tag === 'BR') {
          if (isPlaceholderBr(child, root)) continue;
          if (needNewline) sep(child);
          segs.push({ start: text.length, end: text.length + 1, kind: 'atom', node: child });
          text += '\n';
          lineHasContent = false;
          continue;
        }
        if (tag === 'IMG') {
          const alt = child.getAttribute('alt');
          if (!alt) continue;
          if (needNewline) sep(child);
          segs.push({ start: text.length, end: text.length + alt.length, kind: 'atom', node: child });
          text += alt;
          lineHasContent = true;
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block && (needNewline || lineHasContent)) sep(child);
        walk(child);
        if (block) needNewline = true;
      }
    }
  };
  walk(root);
  return { text, segs, root };
}

/** Reads a composer: { text, segs?, control? }. */
export function readDraft(el) {
  if (isTextControl(el)) return { text: el.value, control: true };
  return readEditable(el);
}

function findSeg(segs, offset, bias) {
  // bias 'start': the segment holding the character at `offset`;
  // bias 'end': the segment holding the character before `offset`.
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    const inside = bias === 'start' ? offset >= s.start && offset < s.end : offset > s.start && offset <= s.end;
    if (inside) return s;
    if ((bias === 'start' ? offset < s.start : offset <= s.start)) hi = mid - 1;
    else lo = mid + 1;
  }
  return null;
}

function before(node) {
  return [node.parentNode, Array.prototype.indexOf.call(node.parentNode.childNodes, node)];
}

/** A DOM boundary point [node, offset] for a draft offset. */
export function pointAt(draft, offset, bias) {
  const { segs, root } = draft;
  let s = findSeg(segs, offset, bias);
  if (!s) {
    if (!segs.length) return [root, 0];
    s = offset <= 0 ? segs[0] : segs[segs.length - 1];
    bias = offset <= 0 ? 'start' : 'end';
    offset = offset <= 0 ? s.start : s.end;
  }
  if (s.kind === 'text') return [s.node, offset - s.start];
  if (s.kind === 'sep') {
    // A line break between blocks: the boundary sits at the start of what follows.
    if (s.node.nodeType === 3) return [s.node, 0];
    if (s.node.tagName === 'BR' || s.node.tagName === 'IMG') return before(s.node);
    return [s.node, 0];
  }
  // An atom (<img alt>, <br>): all of it or none of it.
  const [p, i] = before(s.node);
  return bias === 'start' ? [p, i] : [p, i + 1];
}

/** A live DOM Range over draft[start, end), or null when the map is stale. */
export function rangeFor(draft, start, end) {
  const doc = draft.root.ownerDocument;
  try {
    const range = doc.createRange();
    const [sn, so] = pointAt(draft, start, 'start');
    const [en, eo] = pointAt(draft, end, 'end');
    if (!draft.root.contains(sn) || !draft.root.contains(en)) return null;
    range.setStart(sn, so);
    range.setEnd(en, eo);
    return range;
  } catch {
    return null;
  }
}

/** The draft offset of a DOM boundary point (for the caret), or -1. */
export function offsetAt(draft, node, offset) {
  for (const s of draft.segs) {
    if (s.kind === 'text' && s.node === node) return s.start + Math.min(offset, s.end - s.start);
  }
  // An element boundary: the first segment at or after it.
  const doc = draft.root.ownerDocument;
  const probe = doc.createRange();
  try {
    probe.setStart(node, offset);
  } catch {
    return -1;
  }
  for (const s of draft.segs) {
    const r = doc.createRange();
    r.selectNode(s.node);
    if (r.compareBoundaryPoints(Range.START_TO_START, probe) >= 0) return s.start;
  }
  return draft.text.length;
}
