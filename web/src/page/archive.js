// Reads a person's own post history, entirely in memory:
//   - an X archive: the whole .zip, or data/tweets.js from it
//     (`window.YTD.tweets.part0 = [ { "tweet": { "full_text", "created_at", "id_str" } } ]`)
//   - a Facebook "your posts" export: the JSON file
//     ([ { "timestamp": 1600000000, "data": [ { "post": "..." } ] } ]) or the .zip.
// Returns { source: 'x' | 'facebook', posts: [{ id, time, text }] } with
// `time` in epoch milliseconds (or null).
import { unzipSync } from 'fflate';

export { localTimeString } from './time.js';

export class ArchiveError extends Error {}

const X_FILE = /(^|\/)data\/(tweets?|tweets-part\d+|tweet-part\d+)\.js$/i;
const FB_FILE = /(^|\/)your_posts[^/]*\.json$/i;

const decoder = new TextDecoder('utf-8');

function bytesToText(bytes) {
  const t = decoder.decode(bytes);
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

const isZip = (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The X archive's date: "Wed Oct 10 20:19:24 +0000 2018". */
const MONTHS = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
export function parseXDate(s) {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(String(s ?? '').trim());
  if (m && m[1] in MONTHS) {
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8])) * 60000;
    return Date.UTC(Number(m[9]), MONTHS[m[1]], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset;
  }
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

/** X's archive stores tweet text HTML-escaped. */
export function decodeEntities(s) {
  return s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e]);
}

/**
 * Facebook's exports escape UTF-8 bytes as if each were a character
 * ("donâ\u0080\u0099t"). Put them back when the whole string decodes cleanly.
 */
export function fixMojibake(s) {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(s)) return s;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s;
  try {
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return s;
  }
}

function xPosts(items, into) {
  if (!Array.isArray(items)) throw new ArchiveError('The tweets file does not hold a list of tweets.');
  for (const item of items) {
    const t = item?.tweet ?? item;
    const text = t?.full_text ?? t?.text;
    if (typeof text !== 'string') continue;
    into.push({ id: String(t.id_str ?? t.id ?? into.length + 1), time: parseXDate(t.created_at), text: decodeEntities(text) });
  }
}

function parseYTD(text) {
  const m = /^\s*window\.YTD\.[\w.]+\s*=\s*/.exec(text);
  if (!m) return null;
  try {
    return JSON.parse(text.slice(m[0].length).replace(/;\s*$/, ''));
  } catch (e) {
    throw new ArchiveError(`The tweets file could not be read (${e.message}).`);
  }
}

function looksLikeFacebook(items) {
  return Array.isArray(items) && items.some((p) => p && typeof p === 'object' && ('timestamp' in p) && Array.isArray(p.data));
}

function facebookPosts(items, into) {
  items.forEach((item, i) => {
    const parts = (Array.isArray(item?.data) ? item.data : [])
      .map((d) => d?.post)
      .filter((p) => typeof p === 'string' && p.trim());
    if (!parts.length) return; // a photo or check-in with no words
    const ts = Number(item.timestamp);
    into.push({ id: `${Number.isFinite(ts) ? ts : 'post'}-${i + 1}`, time: Number.isFinite(ts) ? ts * 1000 : null, text: fixMojibake(parts.join('\n\n')) });
  });
}

/** Finds the posts in a parsed JSON document, whichever export it is. */
function fromJSON(data, into) {
  if (looksLikeFacebook(data)) return facebookPosts(data, into), 'facebook';
  if (Array.isArray(data) && data.some((t) => t?.tweet || t?.full_text)) return xPosts(data, into), 'x';
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const v of Object.values(data)) if (looksLikeFacebook(v)) return facebookPosts(v, into), 'facebook';
  }
  return null;
}

function parseText(name, text, into) {
  const ytd = parseYTD(text);
  if (ytd) return xPosts(ytd, into), 'x';
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ArchiveError(`${name} is not an X archive (data/tweets.js) or a Facebook posts export (JSON).`);
  }
  const source = fromJSON(data, into);
  if (!source) throw new ArchiveError(`${name} holds JSON, but not a list of posts from X or Facebook.`);
  return source;
}

/**
 * bytes: the file as a Uint8Array. Throws ArchiveError with a message a
 * person can act on.
 */
export function readArchive(name, bytes) {
  const posts = [];
  let source = null;
  if (isZip(bytes)) {
    let files;
    try {
      files = unzipSync(bytes, { filter: (f) => X_FILE.test(f.name) || FB_FILE.test(f.name) });
    } catch (e) {
      throw new ArchiveError(`${name} could not be unzipped (${e.message}).`);
    }
    const names = Object.keys(files).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (!names.length) {
      throw new ArchiveError(`${name} has no data/tweets.js (X) or your_posts….json (Facebook) inside it.`);
    }
    for (const n of names) source = parseText(n, bytesToText(files[n]), posts) ?? source;
  } else {
    source = parseText(name, bytesToText(bytes), posts);
  }
  return { source, posts };
}
