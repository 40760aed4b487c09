// The checker inside the extension: one WebAssembly engine in the service
// worker (Chromium) or the background page (Firefox), created lazily, fed
// each draft with the context of Contract 3 built from the settings.
//
// Host pages (facebook.com, x.com) forbid WebAssembly in their CSP, and a
// content script is held to that CSP, so the engine cannot run there. The
// content script messages the draft here instead; it never leaves the device.
import { createChecker } from '@postcheck/checker';
import { ext } from '../shared/ext.js';
import { loadSettings, onSettingsChanged, accountFor, inMeeting, localTime, inQuietHours } from '../shared/settings.js';

const LATE_NIGHT = 'haste.late-night';
/** A time inside the shipped pack's late-night window, to apply the user's own quiet hours. */
const LATE_NIGHT_PROBE = '23:30';

let checkerPromise = null;
let checkerProfile = null;
let settingsPromise = null;

export function getSettings() {
  settingsPromise ??= loadSettings().catch((e) => {
    settingsPromise = null;
    throw e;
  });
  return settingsPromise;
}

onSettingsChanged(() => {
  settingsPromise = null;
});

export async function getChecker() {
  const { settings } = await getSettings();
  if (checkerPromise && checkerProfile !== settings.profile) {
    const old = checkerPromise;
    checkerPromise = null;
    old.then((c) => c.dispose(), () => {});
  }
  if (!checkerPromise) {
    checkerProfile = settings.profile;
    checkerPromise = createChecker({
      // An extension URL: read from the package, not the network.
      wasm: ext.runtime.getURL('postcheck-core.wasm'),
      profile: settings.profile,
      orgTerms: settings.orgTerms,
    }).catch((e) => {
      checkerPromise = null;
      throw e;
    });
  }
  return checkerPromise;
}

/** The context of Contract 3 for a draft on `platform`, now. */
export function contextFor(settings, platform, now = new Date()) {
  return {
    account: accountFor(settings, platform),
    platform,
    localTime: localTime(now),
    inMeeting: inMeeting(settings, now.getTime()),
    orgTerms: settings.orgTerms,
  };
}

/**
 * Checks a draft: findings of Contract 1 (UTF-16 offsets), with the user's
 * turned-off rules, hint preference and quiet hours applied.
 */
export async function checkDraft(text, platform, now = new Date()) {
  const [{ settings }, checker] = await Promise.all([getSettings(), getChecker()]);
  const context = contextFor(settings, platform, now);
  let findings = checker.check(text, context);

  // The pack's late-night window is fixed (23:00-05:00); the user's quiet
  // hours replace it. Outside them, drop the nudge; inside them, ask the core
  // as if it were late at night so every other condition of the rule holds.
  const quiet = inQuietHours(settings.quietHours, context.localTime.slice(11));
  const hasLate = findings.some((f) => f.rule === LATE_NIGHT);
  if (!quiet && hasLate) {
    findings = findings.filter((f) => f.rule !== LATE_NIGHT);
  } else if (quiet && !hasLate) {
    const probe = { ...context, localTime: `${context.localTime.slice(0, 11)}${LATE_NIGHT_PROBE}` };
    const late = checker.check(text, probe).filter((f) => f.rule === LATE_NIGHT);
    findings = [...late, ...findings];
  }

  const off = new Set(settings.disabledRules);
  return findings.filter((f) => !off.has(f.rule) && (settings.showHints || f.severity !== 'info'));
}
