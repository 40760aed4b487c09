// Synthetic post histories for the audit tests and the 50,000-post timing:
// clean posts mixed with posts that carry known findings (phone numbers,
// insults, emails, declared votes, passwords, rumours, ...), at times spread
// over ten years including late at night. Deterministic for a given seed.
import { zipSync, strToU8 } from 'fflate';

const PLACES = ['Witney', 'Carterton', 'Chipping Norton', 'Eynsham', 'Woodstock', 'Burford', 'Charlbury', 'Bampton'];
const NAMES = ['sam', 'alex', 'jo', 'chris', 'pat', 'morgan', 'robin', 'jamie'];

const CLEAN = [
  (r) => `Great to see so many residents at the ${r.place} litter pick this morning. Thank you all!`,
  (r) => `Reminder: ${r.place} library has new opening hours from Monday.`,
  (r) => `Thanks to everyone who came to my surgery at ${r.place} community centre today.`,
  (r) => `Lovely walk along the river at ${r.place} this afternoon.`,
  (r) => `The consultation on bus routes through ${r.place} closes on Friday. Have your say on the council website.`,
  (r) => `Pleased to support the ${r.place} food bank collection this weekend.`,
  (r) => `Roadworks on the ${r.place} high street finish next week &amp; the diversion ends then.`,
  (r) => `Congratulations to ${r.place} Primary on their new garden 🌱`,
];

const FLAGGED = [
  (r) => `Call me on 07700 900${String(r.n % 1000).padStart(3, '0')} if your bins were missed.`,
  (r) => `What an idiot the new ${r.place} manager is.`,
  (r) => `Email me at ${r.name}${r.n}@gmail.com about the ${r.place} parking scheme.`,
  (r) => `I will be voting against the ${r.place} application at committee.`,
  (r) => `Share before it's deleted! ${r.place} council is hiding the truth.`,
  (r) => `The password is ${r.name}${r.n} for the ward account`,
  (r) => `John Smith stole money from the ${r.place} fund`,
  (r) => `Just out of the Part II session on the ${r.place} leisure centre.`,
  (r) => `Anyone with a problem can ring Sarah on 07700 900${String((r.n * 7) % 1000).padStart(3, '0')} — she is an idiot though 😂`,
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** X's created_at: "Wed Oct 10 20:19:24 +0000 2018" (always UTC in archives). */
export function xDate(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** [{ id, time, raw, text }]: raw as X stores it (HTML-escaped), text as the person wrote it. */
export function generatePosts(count, { seed = 1, flaggedShare = 0.4 } = {}) {
  const rand = rng(seed);
  const start = Date.UTC(2014, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  const posts = [];
  for (let n = 0; n < count; n++) {
    const r = { n, place: PLACES[Math.floor(rand() * PLACES.length)], name: NAMES[Math.floor(rand() * NAMES.length)] };
    const pool = rand() < flaggedShare ? FLAGGED : CLEAN;
    const raw = pool[Math.floor(rand() * pool.length)](r);
    const time = Math.floor((start + rand() * span) / 1000) * 1000;
    posts.push({ id: String(1000000000000000000n + BigInt(n)), time, raw, text: raw.replace(/&amp;/g, '&') });
  }
  return posts;
}

/** data/tweets.js as X's archive writes it. */
export function tweetsJs(posts) {
  const items = posts.map((p) => ({ tweet: { id_str: p.id, created_at: xDate(p.time), full_text: p.raw, lang: 'en' } }));
  return `window.YTD.tweets.part0 = ${JSON.stringify(items, null, 2)}`;
}

/** An X archive .zip with data/tweets.js and a few other files around it. */
export function xArchiveZip(posts) {
  return zipSync({
    'Your archive.html': strToU8('<!doctype html><title>Your archive</title>'),
    'data/account.js': strToU8('window.YTD.account.part0 = [{"account":{"username":"cllr_example"}}]'),
    'data/tweets.js': strToU8(tweetsJs(posts)),
    'data/like.js': strToU8('window.YTD.like.part0 = []'),
  });
}

/**
 * A Facebook "your posts" export, with Facebook's own mis-encoding of
 * non-ASCII text (each UTF-8 byte written as a \u00XX character).
 */
export function facebookJson(posts) {
  const mangle = (s) => Array.from(new TextEncoder().encode(s), (b) => String.fromCharCode(b)).join('');
  return JSON.stringify(posts.map((p) => ({ timestamp: Math.floor(p.time / 1000), data: [{ post: mangle(p.text) }], title: 'Cllr Example updated their status.' })));
}

/** A Facebook "Download your information" .zip holding the posts file. */
export function facebookZip(posts) {
  return zipSync({
    'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json': strToU8(facebookJson(posts)),
    'your_facebook_activity/posts/album/0.json': strToU8('{"name":"Profile pictures"}'),
    'personal_information/profile_information/profile_information.json': strToU8('{"profile_v2":{}}'),
  });
}
