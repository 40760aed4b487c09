// Character limits and how each platform counts.
//
// X counts by weight (twitter-text v3): most Latin, Greek, Cyrillic and
// punctuation count 1, other scripts and each emoji (however many code points
// it has) count 2, and every link counts 23 whatever its length. Facebook's
// limit is in characters; we count Unicode code points.

export const PLATFORMS = {
  facebook: { label: 'Facebook', limit: 63206 },
  x: { label: 'X (Twitter)', limit: 280 },
  other: { label: 'Other', limit: null },
};

const LIGHT_RANGES = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
const URL_RE = /\bhttps?:\/\/[^\s<>"]+|\b(?:www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|io|co|gov|info|ly|me)(?:\/[^\s<>"]*)?/gi;
const EMOJI_RE = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

function graphemes(text) {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

function weightOf(text) {
  let n = 0;
  for (const g of graphemes(text)) {
    if (EMOJI_RE.test(g)) {
      n += 2;
      continue;
    }
    for (const ch of g) {
      const cp = ch.codePointAt(0);
      n += LIGHT_RANGES.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2;
    }
  }
  return n;
}

/** X's weighted length of a post. */
export function xLength(text) {
  let n = 0;
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    n += weightOf(text.slice(last, m.index)) + 23;
    last = m.index + m[0].length;
  }
  return n + weightOf(text.slice(last));
}

export function countFor(platform, text) {
  if (platform === 'x') return xLength(text);
  let n = 0;
  for (const _ of text) n++;
  return n;
}
