// The highlight layer behind the draft's <textarea>: a mirror with the same
// text, font, padding and wrapping, in which each flagged span is a <mark>.
// The text in the mirror is transparent; the textarea above it shows the
// text, keeps the caret, selection and undo history, and lets the marks'
// backgrounds and underlines show through.
import { SEVERITY_ORDER } from '../shared/categories.js';

/**
 * Splits `text` at every finding's start and end. Each piece covered by one
 * or more findings becomes <mark class="hl sev-WORST" data-f="i j"> where
 * i, j are indices into `findings`.
 */
export function renderHighlights(container, text, findings, { activeIndex = -1 } = {}) {
  const cuts = new Set([0, text.length]);
  findings.forEach((f) => {
    if (f.end > f.start) {
      cuts.add(Math.max(0, Math.min(text.length, f.start)));
      cuts.add(Math.max(0, Math.min(text.length, f.end)));
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k];
    const b = points[k + 1];
    const covering = [];
    findings.forEach((f, i) => {
      if (f.end > f.start && f.start <= a && f.end >= b) covering.push(i);
    });
    const piece = text.slice(a, b);
    if (!covering.length) {
      frag.append(piece);
      continue;
    }
    const worst = SEVERITY_ORDER.find((sev) => covering.some((i) => findings[i].severity === sev)) ?? 'info';
    const mark = document.createElement('mark');
    mark.className = `hl sev-${worst}${covering.includes(activeIndex) ? ' is-active' : ''}`;
    mark.dataset.f = covering.join(' ');
    mark.textContent = piece;
    frag.append(mark);
  }
  container.replaceChildren(frag);
}

/** Marks `index`'s pieces as the active finding (and no others). */
export function setActiveHighlight(container, index) {
  for (const m of container.querySelectorAll('mark.is-active')) m.classList.remove('is-active');
  if (index < 0) return null;
  const marks = container.querySelectorAll(`mark[data-f~="${index}"]`);
  for (const m of marks) m.classList.add('is-active');
  return marks[0] ?? null;
}
