// Keeps highlights on the right words while the user types, until the next
// result arrives: the edit between two drafts (common prefix and suffix) and
// the findings moved across it. No flicker: nothing disappears just because
// a check is in flight.

/** The single edit turning `a` into `b`: a[start, oldEnd) became b[start, newEnd). */
export function diffEdit(a, b) {
  if (a === b) return null;
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return { start, oldEnd: a.length - tail, newEnd: b.length - tail };
}

/**
 * A span [start, end) moved across an edit, or null when the edit ate into it.
 * Typing inside a flagged phrase keeps it (stretched); touching its edge from
 * outside leaves it as it was (the next check decides).
 */
export function shiftSpan(start, end, edit) {
  if (start === end) return { start, end }; // about the whole draft
  const delta = edit.newEnd - edit.oldEnd;
  if (end <= edit.start) return { start, end };
  if (start >= edit.oldEnd) return { start: start + delta, end: end + delta };
  if (start < edit.start && edit.oldEnd < end) {
    const e = end + delta;
    return e > start ? { start, end: e } : null;
  }
  return null;
}

/** Findings moved across an edit; their `text` re-read from the new draft. */
export function shiftFindings(findings, edit, newText) {
  const out = [];
  for (const f of findings) {
    const s = shiftSpan(f.start, f.end, edit);
    if (s) out.push({ ...f, start: s.start, end: s.end, text: newText.slice(s.start, s.end) });
  }
  return out;
}

/** Whether the last thing typed ends a word (space, punctuation, new line) or deleted text. */
export function endsWord(edit, newText) {
  if (!edit) return true;
  if (edit.newEnd === edit.start) return true; // a deletion
  const ch = newText[edit.newEnd - 1];
  return /[\s.,;:!?)\]}"'’”…-]/u.test(ch);
}
