// The options page and what each setting changes in a real check: profile,
// organisation terms, meeting mode, quiet hours (the late-night nudge), the
// per-site switch; the explanation page behind "Learn more"; and axe checks of
// the options page, the explanation page and the card. Needs `node web/build.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startFixtureSite, launchWithPostCheck, readMarks, readCard, readBadge, until, ui, root, saveScreenshot,
} from './lib/extension-harness.mjs';

const AXE = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let site;
let ext;
let page;
let options;

before(async () => {
  site = await startFixtureSite();
  ext = await launchWithPostCheck(site.port, { netLog: false });
  page = await ext.context.newPage();
  await page.goto('https://m.facebook.com/textarea.html');
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
});

after(async () => {
  await ext?.close().catch(() => {});
  ext?.cleanup();
  await site?.close();
});

/** Serious and critical axe violations in a page (or inside one element). */
async function axe(p, selector) {
  // CDP evaluation is not subject to the page's CSP.
  await p.evaluate(AXE);
  const result = await p.evaluate((sel) => window.axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] }), selector);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function replaceComment(text) {
  await page.bringToFront();
  await page.click('#comment');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

const markTexts = async () => (await readMarks(page)).map((m) => m.text);
const stored = (key) => ext.worker.evaluate((k) => chrome.storage.local.get(k).then((v) => v[k]), key);

test('the options page states what is stored, reminds about platform privacy settings, and passes axe', async () => {
  const text = await options.locator('main').innerText();
  assert.match(text, /Your drafts never leave this device/);
  assert.match(text, /storage\.local/);
  assert.match(text, /no network requests/i);
  assert.match(text, /Check your platform privacy settings/);
  assert.deepEqual(await axe(options), []);
  await saveScreenshot(options, 'options');
});

test('profile: a personal account gets the "speaking as a councillor" warning, a councillor account does not', async () => {
  const draft = 'As your councillor I will be voting against the application';
  await replaceComment(draft);
  await until(async () => (await markTexts()).includes('I will be voting against'), { message: 'the first check' });
  assert.ok(!(await markTexts()).includes('As your councillor'));
  await options.bringToFront();
  await options.check('input[name="profile"][value="personal"]');
  assert.equal(await stored('profile'), 'personal');
  await until(async () => (await markTexts()).includes('As your councillor'), { message: 'the personal-account warning' });
  await options.check('input[name="profile"][value="councillor"]');
  await until(async () => !(await markTexts()).includes('As your councillor'), { message: 'the warning to go' });
});

test('organisation terms from the options page are checked', async () => {
  await options.bringToFront();
  await options.fill('#terms-confidential', 'Project Kestrel\nOperation Wren');
  await options.click('#save-terms');
  await until(async () => (await stored('orgTerms'))?.confidential?.length === 2, { message: 'terms saved' });
  await replaceComment('Update on Project Kestrel tomorrow');
  const m = await until(async () => (await readMarks(page)).find((x) => x.text === 'Project Kestrel'), { message: 'the confidential term' });
  assert.match(m.cls, /sev-serious/);
});

test('meeting mode adds the meeting reminder; the card lists it', async () => {
  await replaceComment('The bins are late today');
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(await readBadge(page), [], 'nothing to say yet');
  await options.bringToFront();
  await options.check('#meeting');
  await page.bringToFront();
  await until(async () => (await readBadge(page)).length === 1, { message: 'the meeting reminder' });
  await page.focus('#comment');
  await page.keyboard.press('Alt+Shift+P');
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.match(card.rule, /^meeting-use\./);
  assert.equal(card.flagged, null, 'about the whole post, not a phrase');
  await page.keyboard.press('Escape');
  await options.bringToFront();
  await options.uncheck('#meeting');
  await page.bringToFront();
  await until(async () => (await readBadge(page)).length === 0, { message: 'the reminder to go' });
});

test('quiet hours: the late-night nudge follows the hours set in the options', async () => {
  const hhmm = (d) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const now = Date.now();
  await options.bringToFront();
  // Quiet hours around now: the nudge shows, whatever the time of day.
  await options.fill('#quiet-start', hhmm(new Date(now - 3600_000)));
  await options.fill('#quiet-end', hhmm(new Date(now + 3600_000)));
  await until(async () => (await stored('quietHours'))?.end === hhmm(new Date(now + 3600_000)), { message: 'saved' });
  await replaceComment('The bins are late again');
  await page.keyboard.press('Alt+Shift+P');
  const card = await until(() => readCard(page), { message: 'the late-night card' });
  assert.equal(card.rule, 'haste.late-night');
  await page.keyboard.press('Escape');
  // Quiet hours that exclude now: no nudge.
  await options.bringToFront();
  await options.fill('#quiet-start', hhmm(new Date(now + 2 * 3600_000)));
  await options.fill('#quiet-end', hhmm(new Date(now + 3 * 3600_000)));
  await page.bringToFront();
  await until(async () => (await readBadge(page)).length === 0, { message: 'no nudge' });
});

test('the per-site switch turns PostCheck off and on for Facebook', async () => {
  await replaceComment('You are an idiot');
  await until(async () => (await markTexts()).includes('idiot'), { message: 'the underline' });
  await options.bringToFront();
  await options.uncheck('tr[data-platform="facebook"] [data-field="enabled"]');
  await until(async () => (await readMarks(page)).length === 0 && (await readBadge(page)).length === 0, { message: 'PostCheck off' });
  await options.check('tr[data-platform="facebook"] [data-field="enabled"]');
  await page.bringToFront();
  await page.click('#comment');
  await page.keyboard.type(' ');
  await until(async () => (await markTexts()).includes('idiot'), { message: 'PostCheck on again' });
});

test('the card passes axe, and "Learn more" opens the explanation page at that rule', async () => {
  const m = (await readMarks(page)).find((x) => x.text === 'idiot');
  await page.mouse.click((m.rects[0].left + m.rects[0].right) / 2, (m.rects[0].top + m.rects[0].bottom) / 2);
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.deepEqual(await axe(page, 'postcheck-ui'), []);
  const [explain] = await Promise.all([ext.context.waitForEvent('page'), ui(page, '.card a.learn').click()]);
  await explain.waitForLoadState();
  assert.equal(new URL(explain.url()).pathname, '/explain.html');
  assert.equal(decodeURIComponent(new URL(explain.url()).hash.slice(1)), card.rule);
  await explain.locator('#focus:not([hidden])').waitFor();
  assert.match(await explain.locator('#focus').innerText(), /about this warning/i);
  assert.equal(await explain.locator('section.category').count(), 17, 'all 17 categories from categories.js');
  assert.deepEqual(await axe(explain), []);
  await saveScreenshot(explain, 'explain');
  await explain.close();
});
