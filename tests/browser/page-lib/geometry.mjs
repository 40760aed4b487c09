// Where the draft's highlights are, measured two ways in the page:
//   - the overlay: the client rects of the <mark>s that carry a finding;
//   - the reference: a DOM Range over the same characters in a fresh copy of
//     the textarea's layout (a div given the textarea's computed text styles,
//     box and position, holding the textarea's value as one text node).
// If the overlay is right, the two agree line by line to within a pixel.

/** Runs in the page. Returns, for each { start, end, index }, both sets of line boxes. */
export function measureHighlights(spans) {
  const ta = document.querySelector('#draft');
  const mirror = document.querySelector('#draft-mirror');
  const cs = getComputedStyle(ta);
  const copy = document.createElement('div');
  for (const p of [
    'font-family', 'font-size', 'font-weight', 'font-style', 'font-stretch', 'font-kerning', 'font-variant-ligatures',
    'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align', 'direction',
    'white-space', 'overflow-wrap', 'word-break', 'tab-size', 'box-sizing',
    'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  ]) copy.style.setProperty(p, cs.getPropertyValue(p));
  const box = ta.getBoundingClientRect();
  Object.assign(copy.style, {
    position: 'absolute', left: `${box.left + scrollX}px`, top: `${box.top + scrollY}px`, width: `${box.width}px`,
    height: `${box.height}px`, borderStyle: 'solid', borderColor: 'transparent', visibility: 'hidden', margin: '0', overflow: 'hidden',
  });
  copy.textContent = ta.value;
  document.body.append(copy);

  // Rects on one line merged into one box; tiny rects (line ends) dropped.
  const lines = (rects) => {
    const byTop = new Map();
    for (const r of rects) {
      if (r.width < 0.5) continue;
      const k = Math.round(r.top);
      const b = byTop.get(k) ?? { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      b.left = Math.min(b.left, r.left);
      b.right = Math.max(b.right, r.right);
      b.top = Math.min(b.top, r.top);
      b.bottom = Math.max(b.bottom, r.bottom);
      byTop.set(k, b);
    }
    return [...byTop.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  };

  const out = spans.map(({ start, end, index }) => {
    const marks = [...mirror.querySelectorAll(`mark[data-f~="${index}"]`)];
    const range = document.createRange();
    range.setStart(copy.firstChild, start);
    range.setEnd(copy.firstChild, end);
    // The marks' own offsets in the mirror's text.
    let offset = 0;
    let markStart = -1;
    let markEnd = -1;
    const walker = document.createTreeWalker(mirror, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const inMark = n.parentElement.matches(`mark[data-f~="${index}"]`);
      if (inMark && markStart < 0) markStart = offset;
      offset += n.data.length;
      if (inMark) markEnd = offset;
    }
    return {
      start, end, index,
      markText: marks.map((m) => m.textContent).join(''),
      markStart, markEnd,
      overlay: lines(marks.flatMap((m) => [...m.getClientRects()])),
      reference: lines([...range.getClientRects()]),
    };
  });
  const sameText = mirror.textContent === ta.value;
  copy.remove();
  return { sameText, spans: out };
}

/** Asserts, in Node, that overlay and reference agree to within `tol` pixels. */
export function compareBoxes(assert, m, label, tol = 1) {
  assert.equal(m.overlay.length, m.reference.length, `${label}: the highlight spans ${m.overlay.length} line(s), the text ${m.reference.length}`);
  m.overlay.forEach((o, k) => {
    const r = m.reference[k];
    for (const side of ['left', 'right', 'top', 'bottom']) {
      assert.ok(Math.abs(o[side] - r[side]) <= tol, `${label}: line ${k + 1} ${side} is ${o[side].toFixed(1)}, the characters' ${r[side].toFixed(1)}`);
    }
  });
}
