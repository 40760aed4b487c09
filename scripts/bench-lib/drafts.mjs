// Deterministic benchmark drafts: realistic councillor and resident posts,
// with a few things PostCheck flags, cut to an exact length in UTF-16 units.
// Every system in scripts/bench checks the same drafts.

const SENTENCES = [
  'Thanks to everyone who came to the litter pick on Saturday morning.',
  'The bin collection moves to Tuesday this week because of the bank holiday.',
  'Residents on Mill Lane have asked about the potholes near the primary school.',
  'My surgery is at the library from 10am until noon, all welcome.',
  'The planning committee meets on 12 March to consider the Witney application.',
  'Great to see so many people at the Penistone show, the weather held up!',
  'Ring me on 07700 900461 if your street has not been gritted yet.',
  'I have raised the flooding on Church Road with the highways team again.',
  'Apparently it will snow tomorrow, so please check on elderly neighbours.',
  'Honestly the leader is a total pillock about this budget.',
  'The consultation on the new car park closes on Friday, have your say.',
  'Email me at cllr.jones@example.org with any questions about the grant.',
  'Well done to Scunthorpe United for a great win at the weekend 🎉',
  'The café on the high street is raising money for the food bank ☕',
];

/** A pseudo-random but repeatable sequence (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draft of exactly `length` UTF-16 units (never splitting a surrogate pair). */
export function draft(length, seed = length) {
  const next = rng(seed);
  let text = '';
  while (text.length < length) {
    text += SENTENCES[Math.floor(next() * SENTENCES.length)] + (next() < 0.2 ? '\n\n' : ' ');
  }
  text = text.slice(0, length);
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1) + ' ';
  return text;
}

/**
 * One post brought to exactly `length` UTF-16 units: repeated when shorter
 * (so a short abusive post becomes a 280-character abusive post), cut when
 * longer. For issue 3's budget on the slowest single post.
 */
export function postAt(text, length) {
  let out = text;
  while (out.length < length) out += ' ' + text;
  out = out.slice(0, length);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1) + ' ';
  return out;
}

/** The three lengths users live with: X's limit, a long post, Facebook's limit. */
export const STANDARD_LENGTHS = [280, 2000, 63206];

/** Lengths for the scaling curve, 100 characters to 1 MB. */
export const SCALING_LENGTHS = [100, 300, 1000, 3000, 10000, 30000, 100000, 300000, 1048576];

/** How many timed checks per length: enough for a stable median, bounded in time. */
export function iterationsFor(length) {
  return Math.max(5, Math.min(5000, Math.floor(2_000_000 / length)));
}
