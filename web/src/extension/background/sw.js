// PostCheck's service worker (Chromium) / background script (Firefox).
// It runs the checker for the content scripts, keeps the toolbar badge count,
// stores "Turn off this rule", opens the extension's own pages, and registers
// the content script on extra sites the user granted in the options page.
// It makes no network request: the only fetch is the extension's own .wasm.
import { ext } from '../shared/ext.js';
import { MSG, PORT } from '../shared/messages.js';
import { loadSettings, saveSettings, onSettingsChanged } from '../shared/settings.js';
import { checkDraft, getChecker, getSettings } from './checker-service.js';

const SEVERITY_RANK = { info: 0, advice: 1, warning: 2, serious: 3 };
const BADGE_COLOURS = { serious: '#b3261e', warning: '#c25e00', advice: '#1a5fb4', info: '#5f6368' };

// ---------------------------------------------------------------- toolbar badge

/** tabId -> Map(frameId -> { count, worst }) */
const counts = new Map();

async function setCount(tabId, frameId, count, worst, reset = false) {
  if (tabId === undefined || tabId < 0) return;
  if (reset) counts.delete(tabId);
  let frames = counts.get(tabId);
  if (!frames) counts.set(tabId, (frames = new Map()));
  if (count > 0) frames.set(frameId, { count, worst });
  else frames.delete(frameId);
  let total = 0;
  let top = null;
  for (const f of frames.values()) {
    total += f.count;
    if (!top || SEVERITY_RANK[f.worst] > SEVERITY_RANK[top]) top = f.worst;
  }
  try {
    await ext.action.setBadgeText({ tabId, text: total > 0 ? String(Math.min(total, 99)) : '' });
    if (total > 0) await ext.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[top] ?? BADGE_COLOURS.warning });
    await ext.action.setTitle({ tabId, title: total > 0 ? `PostCheck: ${total} to review in this post` : 'PostCheck' });
  } catch {
    // The tab closed meanwhile.
  }
}

ext.tabs?.onRemoved?.addListener((tabId) => counts.delete(tabId));

// ------------------------------------------------------------------- messages

async function handle(message, sender) {
  switch (message?.type) {
    case MSG.WARM:
      await getChecker();
      return { ok: true };
    case MSG.COUNT:
      await setCount(sender.tab?.id, sender.frameId ?? 0, Number(message.count) || 0, message.worst, message.reset === true && sender.frameId === 0);
      return { ok: true };
    case MSG.DISABLE_RULE: {
      if (typeof message.rule !== 'string' || !message.rule) return { error: 'rule must be a string' };
      const { settings, locked } = await loadSettings();
      if (locked.includes('disabledRules')) return { error: 'Your organisation manages the list of rules.' };
      if (!settings.disabledRules.includes(message.rule)) {
        await saveSettings({ disabledRules: [...settings.disabledRules, message.rule] });
      }
      return { ok: true };
    }
    case MSG.OPEN_PAGE: {
      if (message.page === 'options') {
        await ext.runtime.openOptionsPage();
      } else {
        const hash = typeof message.hash === 'string' ? `#${encodeURIComponent(message.hash)}` : '';
        await ext.tabs.create({ url: ext.runtime.getURL(`explain.html${hash}`) });
      }
      return { ok: true };
    }
    case MSG.RULES: {
      const checker = await getChecker();
      return { rules: checker.rules(), version: checker.version };
    }
    case MSG.SYNC_SITES:
      await syncSiteScripts();
      return { ok: true };
    default:
      return { error: `unknown message ${message?.type}` };
  }
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own content scripts and pages talk to it.
  if (sender.id !== ext.runtime.id) return false;
  handle(message, sender).then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) }));
  return true;
});

// ------------------------------------------------------------------- checks

async function check(request) {
  if (typeof request?.text !== 'string') return { error: 'text must be a string' };
  const platform = ['facebook', 'x', 'other'].includes(request.platform) ? request.platform : 'other';
  return { findings: await checkDraft(request.text, platform) };
}

// Drafts come over one long-lived port per frame (see content/check-channel.js).
ext.runtime.onConnect.addListener((port) => {
  // Only this extension's own content scripts.
  if (port.name !== PORT.CHECK || port.sender?.id !== ext.runtime.id) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener(async (request) => {
    const answer = await check(request).catch((e) => ({ error: String(e?.message ?? e) }));
    try {
      port.postMessage({ id: request?.id, ...answer });
    } catch {
      // The frame went away meanwhile.
    }
  });
});

// ------------------------------------------------------- extra sites (optional)

const OTHER_SITES_SCRIPT = 'postcheck-other-sites';

/**
 * Registers the content script on the extra sites the user granted. Needs the
 * optional "scripting" permission, requested with the site from the options page.
 */
async function syncSiteScripts() {
  if (!ext.scripting?.registerContentScripts) return;
  const { settings } = await loadSettings();
  const granted = (await ext.permissions.getAll()).origins ?? [];
  const matches = settings.otherSites.map((o) => `${o}/*`).filter((m) => granted.includes(m));
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [OTHER_SITES_SCRIPT] });
  if (existing.length) await ext.scripting.unregisterContentScripts({ ids: [OTHER_SITES_SCRIPT] });
  if (matches.length) {
    await ext.scripting.registerContentScripts([{
      id: OTHER_SITES_SCRIPT, matches, js: ['content.js'], css: ['highlights.css'], allFrames: true, runAt: 'document_idle',
    }]);
  }
}

const syncQuietly = () => syncSiteScripts().catch(() => {});
ext.runtime.onInstalled?.addListener(syncQuietly);
ext.runtime.onStartup?.addListener(syncQuietly);
ext.permissions?.onAdded?.addListener(syncQuietly);
ext.permissions?.onRemoved?.addListener(syncQuietly);
onSettingsChanged(syncQuietly);

// The toolbar button opens the settings.
ext.action?.onClicked?.addListener(() => ext.runtime.openOptionsPage());

// Warm the engine's settings early; the engine itself starts on the first WARM or CHECK.
getSettings().catch(() => {});
