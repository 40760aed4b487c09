// The page's settings: who is posting, where, whether a meeting is on, and
// the organisation's term lists. Kept in this browser's localStorage only;
// the draft itself is never stored anywhere.

const KEY = 'postcheck.settings.v1';

export const TERM_LISTS = [
  {
    key: 'confidential',
    label: 'Confidential terms',
    help: 'Project names, exempt reports and other words that must never appear in a public post.',
    example: 'Project Kestrel',
  },
  {
    key: 'pendingDecisions',
    label: 'Pending decisions',
    help: 'Planning or licensing references and other matters still to be decided.',
    example: '21/01234/FUL',
  },
  {
    key: 'staff',
    label: 'Staff names',
    help: 'Officers and staff, so that criticism aimed at them is caught.',
    example: 'Sarah Jenkins',
  },
  {
    key: 'allow',
    label: 'Always allowed',
    help: 'Phrases never to flag, such as the council’s published switchboard number.',
    example: '01993 861000',
  },
];

export const ACCOUNTS = ['councillor', 'personal'];
export const PLATFORMS = ['facebook', 'x', 'other'];

export function emptyTerms() {
  return Object.fromEntries(TERM_LISTS.map((l) => [l.key, []]));
}

export function defaultSettings() {
  return { account: 'councillor', platform: 'facebook', inMeeting: false, orgTerms: emptyTerms() };
}

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the page still works, it just forgets
  }
}

/** Term lists cleaned: strings only, trimmed, no blanks, no duplicates. */
export function cleanTerms(terms) {
  const out = emptyTerms();
  for (const { key } of TERM_LISTS) {
    const list = Array.isArray(terms?.[key]) ? terms[key] : [];
    const seen = new Set();
    for (const t of list) {
      if (typeof t !== 'string') continue;
      const v = t.trim().replace(/\s+/g, ' ');
      if (!v || seen.has(v.toLowerCase())) continue;
      seen.add(v.toLowerCase());
      out[key].push(v);
    }
  }
  return out;
}

export function loadSettings() {
  const s = defaultSettings();
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return s;
    const saved = JSON.parse(raw);
    if (ACCOUNTS.includes(saved.account)) s.account = saved.account;
    if (PLATFORMS.includes(saved.platform)) s.platform = saved.platform;
    s.inMeeting = saved.inMeeting === true;
    s.orgTerms = cleanTerms(saved.orgTerms);
  } catch {
    // a damaged entry: start again from the defaults
  }
  return s;
}

export function saveSettings(settings) {
  try {
    storage()?.setItem(KEY, JSON.stringify({
      account: settings.account,
      platform: settings.platform,
      inMeeting: settings.inMeeting,
      orgTerms: cleanTerms(settings.orgTerms),
    }));
    return true;
  } catch {
    return false;
  }
}

/** The orgTerms of Contract 3, with empty lists left out (undefined if none). */
export function contextTerms(terms) {
  const clean = cleanTerms(terms);
  const out = {};
  for (const [k, v] of Object.entries(clean)) if (v.length) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Reads an imported term-list file. Accepts { confidential: [...], ... } or
 * the same under an "orgTerms" key. Throws an Error a person can act on.
 */
export function parseTermsJSON(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`That file is not valid JSON (${e.message}).`);
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && data.orgTerms) data = data.orgTerms;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('Expected an object with lists such as "confidential", "pendingDecisions", "staff" and "allow".');
  }
  const known = TERM_LISTS.map((l) => l.key);
  const unknown = Object.keys(data).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`Unknown list ${unknown.map((k) => `“${k}”`).join(', ')}. Known lists: ${known.join(', ')}.`);
  for (const k of known) {
    if (data[k] === undefined) continue;
    if (!Array.isArray(data[k]) || data[k].some((t) => typeof t !== 'string')) {
      throw new Error(`“${k}” must be a list of text entries.`);
    }
  }
  return cleanTerms(data);
}

export function termsToJSON(terms) {
  return `${JSON.stringify(cleanTerms(terms), null, 2)}\n`;
}

export const termCount = (terms) => TERM_LISTS.reduce((n, l) => n + (terms?.[l.key]?.length ?? 0), 0);
