// The built extension's manifest and package: the permission allow-list,
// `web-ext lint`, the managed-storage schema, no remote code, and the settings
// merge (managed values win). No browser here. Needs `node web/build.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { extensionDir, root, requireBuilt } from './lib/extension-harness.mjs';
import {
  mergeSettings, sanitize, DEFAULTS, inQuietHours, platformFor, localTime, accountFor, siteEnabled, inMeeting,
} from '../../web/src/extension/shared/settings.js';

requireBuilt();
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));

// What PostCheck may ask for. Adding to these lists is a privacy decision: change it here on purpose.
const ALLOWED = {
  permissions: ['storage'],
  optionalPermissions: ['scripting'], // only to run on extra sites the user adds in the options page
  optionalHostPermissions: ['https://*/*', 'http://*/*'], // asked one site at a time, from the options page
  contentScriptMatches: [
    'https://facebook.com/*', 'https://www.facebook.com/*', 'https://m.facebook.com/*', 'https://web.facebook.com/*',
    'https://x.com/*', 'https://mobile.x.com/*',
    'https://twitter.com/*', 'https://www.twitter.com/*', 'https://mobile.twitter.com/*',
  ],
  keys: [
    'manifest_version', 'name', 'short_name', 'version', 'description', 'author', 'icons', 'action', 'options_ui',
    'permissions', 'optional_permissions', 'optional_host_permissions', 'background', 'content_scripts',
    'content_security_policy', 'storage', 'browser_specific_settings',
  ],
};

test('the manifest asks for no permission or host beyond the allow-list', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ALLOWED.permissions, 'permissions are exactly ["storage"]');
  for (const p of manifest.optional_permissions ?? []) assert.ok(ALLOWED.optionalPermissions.includes(p), `optional permission ${p}`);
  for (const h of manifest.optional_host_permissions ?? []) assert.ok(ALLOWED.optionalHostPermissions.includes(h), `optional host ${h}`);
  assert.equal(manifest.host_permissions, undefined, 'no host_permissions');
  assert.equal(manifest.web_accessible_resources, undefined, 'no web-accessible resources');
  assert.equal(manifest.externally_connectable, undefined, 'no externally_connectable');
  for (const key of Object.keys(manifest)) assert.ok(ALLOWED.keys.includes(key), `manifest key ${key}`);
  for (const cs of manifest.content_scripts) {
    for (const m of cs.matches) assert.ok(ALLOWED.contentScriptMatches.includes(m), `content script host ${m}`);
    assert.equal(cs.exclude_matches, undefined);
  }
});

test('the manifest works in Chromium and Firefox from one source, with a strict CSP', () => {
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.equal(manifest.content_security_policy.sandbox, undefined);
  assert.equal(manifest.background.service_worker, 'sw.js');
  assert.equal(manifest.background.type, 'module');
  assert.deepEqual(manifest.background.scripts, ['sw.js'], 'Firefox runs the same file as a background script');
  assert.match(manifest.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.equal(manifest.storage.managed_schema, 'managed_schema.json');
  const cs = manifest.content_scripts[0];
  assert.deepEqual(cs.css, ['highlights.css']);
  for (const f of [...cs.js, ...cs.css, 'sw.js', 'options.html', 'explain.html', 'postcheck-core.wasm', ...Object.values(manifest.icons)]) {
    assert.ok(fs.existsSync(path.join(extensionDir, f)), `${f} is in the package`);
  }
});

test('`web-ext lint` finds no errors', () => {
  let out;
  try {
    out = execFileSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', extensionDir, '--output', 'json'], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000,
    });
  } catch (e) {
    out = e.stdout; // web-ext exits non-zero when it finds errors
  }
  const report = JSON.parse(out.slice(out.indexOf('{')));
  assert.deepEqual(report.errors.map((e) => `${e.code}: ${e.message}`), []);
  // Known and expected: Firefox ignores background.service_worker (it runs background.scripts).
  const unexpected = report.warnings.filter((w) => w.code !== 'BACKGROUND_SERVICE_WORKER_IGNORED');
  assert.deepEqual(unexpected.map((w) => `${w.code}: ${w.message}`), []);
});

test('no remote code: every script is in the package and names no remote address', () => {
  const examples = new Set(['https://www.linkedin.com', 'https://nextdoor.co.uk']); // placeholder text in the options page
  for (const f of fs.readdirSync(extensionDir).filter((x) => /\.(js|html)$/.test(x))) {
    const text = fs.readFileSync(path.join(extensionDir, f), 'utf8');
    for (const url of text.match(/\b(https?|wss?):\/\/[^\s"'`)<>]+/g) ?? []) assert.ok(examples.has(url), `${f} names ${url}`);
    assert.doesNotMatch(text, /<script[^>]+src=["']?(https?:)?\/\//i, `${f} loads no remote script`);
    assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(/, `${f} has no eval`);
  }
  // The pages load only their own bundled scripts.
  for (const f of ['options.html', 'explain.html']) {
    const html = fs.readFileSync(path.join(extensionDir, f), 'utf8');
    for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) assert.ok(fs.existsSync(path.join(extensionDir, src)), src);
  }
});

test('the managed-storage schema covers what council IT can set', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(extensionDir, 'managed_schema.json'), 'utf8'));
  assert.equal(schema.type, 'object');
  for (const k of ['profile', 'platforms', 'orgTerms', 'quietHours', 'disabledRules', 'showHints']) assert.ok(schema.properties[k], k);
  for (const k of ['confidential', 'pendingDecisions', 'staff', 'allow']) assert.equal(schema.properties.orgTerms.properties[k].type, 'array');
});

test('settings: managed values win over local ones and are locked', () => {
  const local = { profile: 'personal', orgTerms: { confidential: ['Mine'] }, showHints: false };
  const managed = { profile: 'councillor', orgTerms: { confidential: ['Project Kestrel'], staff: ['Sarah Jenkins'] } };
  const { settings, locked } = mergeSettings(local, managed);
  assert.equal(settings.profile, 'councillor');
  assert.deepEqual(settings.orgTerms, { confidential: ['Project Kestrel'], pendingDecisions: [], staff: ['Sarah Jenkins'], allow: [] });
  assert.equal(settings.showHints, false, 'a key IT did not set stays the user\'s');
  assert.deepEqual(locked.sort(), ['orgTerms', 'profile']);
  // Malformed values fall back to the defaults.
  assert.equal(sanitize('profile', 'admin'), 'councillor');
  assert.deepEqual(sanitize('quietHours', { enabled: true, start: '25:00', end: '06:00' }), { enabled: true, start: DEFAULTS.quietHours.start, end: '06:00' });
  assert.deepEqual(sanitize('otherSites', ['https://nextdoor.co.uk', 'javascript:alert(1)', 'https://a.b/path']), ['https://nextdoor.co.uk']);
});

test('settings: the context of each check (account, platform, local time, meeting, quiet hours)', () => {
  const { settings } = mergeSettings({ platforms: { x: { account: 'personal', enabled: true } } }, {});
  assert.equal(platformFor('www.facebook.com'), 'facebook');
  assert.equal(platformFor('m.facebook.com'), 'facebook');
  assert.equal(platformFor('x.com'), 'x');
  assert.equal(platformFor('mobile.twitter.com'), 'x');
  assert.equal(platformFor('notfacebook.com'), 'other');
  assert.equal(accountFor(settings, 'facebook'), 'councillor');
  assert.equal(accountFor(settings, 'x'), 'personal');
  assert.equal(localTime(new Date(2026, 10, 21, 23, 52)), '2026-11-21T23:52');
  assert.ok(inQuietHours({ enabled: true, start: '23:00', end: '05:00' }, '23:30'));
  assert.ok(inQuietHours({ enabled: true, start: '23:00', end: '05:00' }, '04:59'));
  assert.ok(!inQuietHours({ enabled: true, start: '23:00', end: '05:00' }, '05:00'));
  assert.ok(inQuietHours({ enabled: true, start: '21:00', end: '23:00' }, '22:10'));
  assert.ok(!inQuietHours({ enabled: false, start: '23:00', end: '05:00' }, '23:30'));
  assert.ok(inMeeting({ meeting: { on: true, until: 2000 } }, 1000));
  assert.ok(!inMeeting({ meeting: { on: true, until: 2000 } }, 3000), 'meeting mode switches itself off');
  assert.ok(siteEnabled(settings, new URL('https://www.facebook.com/')));
  assert.ok(!siteEnabled(settings, new URL('https://nextdoor.co.uk/')), 'other sites only when added');
  const off = mergeSettings({ platforms: { facebook: { account: 'default', enabled: false } } }, {}).settings;
  assert.ok(!siteEnabled(off, new URL('https://www.facebook.com/')), 'the per-site switch');
});
