// PostCheck's settings: defaults, validation, and the merge of what the user
// chose (storage.local) with what council IT set (storage.managed, which wins).
// Used by the service worker, the content script and the options page.
//
// Settings live in storage.local only, never storage.sync: the organisation's
// term lists can name confidential projects and staff, and sync would copy
// them to the browser vendor's servers.
import { ext } from './ext.js';

export const DEFAULTS = Object.freeze({
  /** The account drafts come from unless a platform says otherwise. */
  profile: 'councillor',
  /** Per platform: which account you post from ('default' = profile) and whether PostCheck runs there. */
  platforms: { facebook: { account: 'default', enabled: true }, x: { account: 'default', enabled: true }, other: { account: 'default', enabled: true } },
  /** Show `info` hints (e.g. "say that views are your own"). */
  showHints: true,
  /** Extra sites granted from the options page, as origins ("https://www.linkedin.com"). */
  otherSites: [],
  orgTerms: { confidential: [], pendingDecisions: [], staff: [], allow: [] },
  /** The late-night nudge (haste.late-night) fires inside these hours. */
  quietHours: { enabled: true, start: '23:00', end: '05:00' },
  /** Meeting mode: `until` is a time in ms; it switches itself off then. */
  meeting: { on: false, until: 0 },
  /** Rules turned off with "Turn off this rule". */
  disabledRules: [],
});

export const SETTING_KEYS = Object.keys(DEFAULTS);
/** Keys council IT can set (managed_schema.json). */
export const MANAGED_KEYS = ['profile', 'platforms', 'showHints', 'orgTerms', 'quietHours', 'disabledRules'];
export const TERM_LISTS = ['confidential', 'pendingDecisions', 'staff', 'allow'];
export const PLATFORMS = ['facebook', 'x', 'other'];
export const MEETING_HOURS = 4;

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const strList = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string').map((s) => s.trim()).filter(Boolean).slice(0, 2000) : []);
const hhmm = (v, d) => (typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : d);

/** One key's value made safe, or the default when it is malformed. */
export function sanitize(key, value) {
  const d = DEFAULTS[key];
  switch (key) {
    case 'profile':
      return value === 'councillor' || value === 'personal' ? value : d;
    case 'showHints':
      return typeof value === 'boolean' ? value : d;
    case 'platforms': {
      const out = {};
      for (const p of PLATFORMS) {
        const v = isObj(value) && isObj(value[p]) ? value[p] : {};
        out[p] = {
          account: ['default', 'councillor', 'personal'].includes(v.account) ? v.account : d[p].account,
          enabled: typeof v.enabled === 'boolean' ? v.enabled : d[p].enabled,
        };
      }
      return out;
    }
    case 'otherSites':
      return strList(value).filter((o) => /^https?:\/\/[^/]+$/.test(o));
    case 'orgTerms': {
      const out = {};
      for (const k of TERM_LISTS) out[k] = strList(isObj(value) ? value[k] : undefined);
      return out;
    }
    case 'quietHours': {
      const v = isObj(value) ? value : {};
      return { enabled: typeof v.enabled === 'boolean' ? v.enabled : d.enabled, start: hhmm(v.start, d.start), end: hhmm(v.end, d.end) };
    }
    case 'meeting': {
      const v = isObj(value) ? value : {};
      return { on: v.on === true, until: Number.isFinite(v.until) ? v.until : 0 };
    }
    case 'disabledRules':
      return strList(value);
    default:
      return undefined;
  }
}

/** Merges local and managed values: managed keys win and are reported as locked. */
export function mergeSettings(local = {}, managed = {}) {
  const settings = {};
  const locked = [];
  for (const key of SETTING_KEYS) {
    if (MANAGED_KEYS.includes(key) && managed[key] !== undefined) {
      settings[key] = sanitize(key, managed[key]);
      locked.push(key);
    } else {
      settings[key] = sanitize(key, local[key] === undefined ? structuredClone(DEFAULTS[key]) : local[key]);
    }
  }
  return { settings, locked };
}

const lateListeners = new Set();
let managedCache = null;
export const MANAGED_WAIT_MS = 500;

/**
 * What council IT set (storage.managed), or {}. Chromium can be slow to answer
 * (or not answer) right after start-up when no policy is set, so this waits at
 * most MANAGED_WAIT_MS; a late answer that differs is announced to the
 * onSettingsChanged listeners.
 */
export function readManaged() {
  let timedOut = false;
  const fresh = Promise.resolve()
    .then(() => ext.storage.managed.get(null))
    .then((v) => v ?? {}, () => ({})) // Firefox without a managed-storage manifest, or no policy at all
    .then((v) => {
      const changed = JSON.stringify(v) !== JSON.stringify(managedCache ?? {});
      managedCache = v;
      if (timedOut && changed) for (const fn of lateListeners) fn();
      return v;
    });
  const wait = new Promise((resolve) => {
    setTimeout(() => {
      timedOut = true;
      resolve(managedCache ?? {});
    }, MANAGED_WAIT_MS);
  });
  return Promise.race([fresh, wait]);
}

/** { settings, locked } from storage. */
export async function loadSettings() {
  const [local, managed] = await Promise.all([ext.storage.local.get(SETTING_KEYS), readManaged()]);
  return mergeSettings(local, managed);
}

/** Writes some keys to storage.local (managed values still win when read). */
export function saveSettings(patch) {
  const clean = {};
  for (const [k, v] of Object.entries(patch)) {
    const s = sanitize(k, v);
    if (s !== undefined) clean[k] = s;
  }
  return ext.storage.local.set(clean);
}

/** Calls fn() when any setting changes (local or managed). Returns an unsubscribe. */
export function onSettingsChanged(fn) {
  const listener = (changes, area) => {
    if (area !== 'local' && area !== 'managed') return;
    if (Object.keys(changes).some((k) => SETTING_KEYS.includes(k))) fn();
  };
  ext.storage.onChanged.addListener(listener);
  lateListeners.add(fn);
  return () => {
    ext.storage.onChanged.removeListener(listener);
    lateListeners.delete(fn);
  };
}

/** facebook / x / other, from a hostname. */
export function platformFor(hostname) {
  const h = String(hostname).toLowerCase().replace(/\.$/, '');
  const under = (d) => h === d || h.endsWith(`.${d}`);
  if (under('facebook.com')) return 'facebook';
  if (under('x.com') || under('twitter.com')) return 'x';
  return 'other';
}

export function accountFor(settings, platform) {
  const a = settings.platforms[platform]?.account;
  return a === 'councillor' || a === 'personal' ? a : settings.profile;
}

export function inMeeting(settings, now = Date.now()) {
  return settings.meeting.on && now < settings.meeting.until;
}

/** "YYYY-MM-DDTHH:MM" in local time (Contract 3). */
export function localTime(date = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

const minutes = (s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Whether a "HH:MM" time falls inside [start, end) (which may wrap past midnight). */
export function inQuietHours(quietHours, hhmmNow) {
  if (!quietHours.enabled) return false;
  const t = minutes(hhmmNow);
  const s = minutes(quietHours.start);
  const e = minutes(quietHours.end);
  if (s === e) return false;
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** Whether PostCheck runs on a page of this location, by the per-site switch. */
export function siteEnabled(settings, location) {
  const platform = platformFor(location.hostname);
  if (!settings.platforms[platform]?.enabled) return false;
  if (platform !== 'other') return true;
  return settings.otherSites.includes(location.origin);
}
