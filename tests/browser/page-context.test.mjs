// The self-service page's context controls in Chromium: profile, platform and
// its character counter, "I'm in a meeting", the local time, the
// organisation's term lists (with JSON import and export), what is
// remembered across a reload (settings, never the draft), the tabs by
// keyboard, and "Why this matters".
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openSession, nodeChecker, axeViolations, screenshot, setLocalTime, foreignRequests } from './page-lib/harness.mjs';
import { CATEGORIES, POLICY_NAMES } from '../../web/src/shared/categories.js';

const DAY = '2026-03-10T14:30';

describe('page: context, settings and the other views', () => {
  let s;
  let checker;
  const ctx = { account: 'councillor', platform: 'facebook', inMeeting: false, localTime: DAY };
  before(async () => {
    checker = await nodeChecker();
    s = await openSession();
    await setLocalTime(s.page, DAY);
  });
  after(async () => {
    checker?.dispose();
    await s?.close();
  });

  const panelRules = () => s.page.$$eval('#findings .finding', (els) => els.map((e) => `${e.dataset.rule}@${e.dataset.start}`).sort());
  const expectedRules = (text, c) => checker.check(text, c).map((f) => `${f.rule}@${f.start}`).sort();

  async function draft(text) {
    await s.page.fill('#draft', text);
  }

  /** Waits until the panel shows what the Checker in Node finds for this context. */
  async function assertPanelMatches(text, c, label) {
    const want = expectedRules(text, c);
    await s.page.waitForFunction((n) => document.querySelectorAll('#findings .finding').length === n, want.length, { timeout: 5000 }).catch(() => {});
    assert.deepEqual(await panelRules(), want, label);
    return want;
  }

  it('counts characters as the chosen platform does, and warns past its limit', async () => {
    const page = s.page;
    await page.selectOption('#platform', 'x');
    ctx.platform = 'x';
    await draft('');
    assert.equal(await page.textContent('#draft-count'), '0 / 280');
    await draft('Have a look https://example.com/a/very/long/path/that/keeps/going/and/going 👋🏽');
    assert.equal(await page.textContent('#draft-count'), '38 / 280', '12 characters, a link counting 23, a space and an emoji counting 2');
    await draft('a'.repeat(290));
    assert.match(await page.textContent('#draft-count'), /290 \/ 280 — 10 over X \(Twitter\)’s limit/);
    assert.match(await page.getAttribute('#draft-count', 'class'), /is-over/);
    await page.selectOption('#platform', 'facebook');
    ctx.platform = 'facebook';
    assert.equal(await page.textContent('#draft-count'), '290 / 63,206');
    await page.selectOption('#platform', 'other');
    assert.equal(await page.textContent('#draft-count'), '290 characters');
    await page.selectOption('#platform', 'x');
    ctx.platform = 'x';
  });

  it('passes the meeting, the time and the profile to the checker', async () => {
    const page = s.page;
    const text = 'Planning committee now: I will be voting against the Tesco application. As your councillor I can confirm the council will close the library.';
    await draft(text);
    await assertPanelMatches(text, ctx, 'daytime, not in a meeting');

    await page.check('#in-meeting');
    const meeting = await assertPanelMatches(text, { ...ctx, inMeeting: true }, 'in a meeting');
    assert.ok(meeting.some((r) => r.startsWith('meeting-use.')), 'a meeting-use finding appears');

    await setLocalTime(page, '2026-03-10T23:52');
    const late = await assertPanelMatches(text, { ...ctx, inMeeting: true, localTime: '2026-03-10T23:52' }, 'late at night');
    assert.ok(late.some((r) => r.startsWith('haste.late-night')), 'a late-night finding appears');
    assert.match(await page.textContent('#time-shown'), /Tue 10 Mar, 23:52/);
    assert.equal(await page.textContent('#time-source'), 'set by you');

    await page.click('label[for="account-personal"]');
    await assertPanelMatches(text, { ...ctx, account: 'personal', inMeeting: true, localTime: '2026-03-10T23:52' }, 'personal account');

    // Back to the clock: the time shown is this device's.
    await page.click('#time-clock');
    assert.equal(await page.textContent('#time-source'), 'from this device’s clock');
    await setLocalTime(page, DAY);
    await page.uncheck('#in-meeting');
  });

  it('uses the organisation’s term lists, and imports and exports them as JSON', async () => {
    const page = s.page;
    await page.click('.terms > summary');
    await page.fill('#terms-confidential', 'Project Kestrel');
    await page.fill('#terms-allow', '07700 900123');
    await page.waitForFunction(() => /2 terms/.test(document.querySelector('#terms-count').textContent));
    const text = 'Update on Project Kestrel: ring 07700 900123 or 07700 900456.';
    await draft(text);
    const terms = { confidential: ['Project Kestrel'], allow: ['07700 900123'] };
    const c = { ...ctx, account: 'personal', orgTerms: terms };
    const got = await assertPanelMatches(text, c, 'with the organisation’s terms');
    assert.ok(got.some((r) => r.startsWith('confidential.org-term')), 'the confidential term is flagged');
    assert.ok(!got.some((r) => r.endsWith(`@${text.indexOf('07700 900123')}`)), 'the allowed number is not flagged');
    assert.ok(got.some((r) => r.endsWith(`@${text.indexOf('07700 900456')}`)), 'the other number is');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#terms-export')]);
    assert.equal(download.suggestedFilename(), 'postcheck-terms.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(await download.path(), 'utf8')), { confidential: ['Project Kestrel'], pendingDecisions: [], staff: [], allow: ['07700 900123'] });

    await page.setInputFiles('#terms-import', { name: 'terms.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ confidential: ['Project Kestrel'], staff: ['Sarah Jenkins'], pendingDecisions: ['21/01234/FUL'] })) });
    await page.waitForFunction(() => /Imported 3 terms/.test(document.querySelector('#terms-message').textContent));
    assert.equal(await page.inputValue('#terms-staff'), 'Sarah Jenkins');
    assert.equal(await page.inputValue('#terms-allow'), '', 'an import replaces the lists');

    await page.setInputFiles('#terms-import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"secret": ["x"]}') });
    await page.waitForFunction(() => /bad\.json was not imported/.test(document.querySelector('#terms-message').textContent));
    assert.match(await page.getAttribute('#terms-message', 'class'), /is-error/);
    assert.equal(await page.inputValue('#terms-staff'), 'Sarah Jenkins', 'a bad file changes nothing');
  });

  it('remembers the settings in localStorage, and never the draft', async () => {
    const page = s.page;
    await page.check('#in-meeting');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.checker === 'ready');
    assert.equal(await page.inputValue('#platform'), 'x');
    assert.equal(await page.isChecked('#in-meeting'), true);
    assert.equal(await page.isChecked('#account-personal'), true);
    assert.equal(await page.inputValue('#terms-staff'), 'Sarah Jenkins');
    assert.equal(await page.inputValue('#draft'), '', 'the draft is not kept');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!stored.includes('Update on Project Kestrel'), 'no draft text in storage');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['postcheck.settings.v1']);
    await page.uncheck('#in-meeting');
    await page.click('label[for="account-councillor"]');
  });

  it('moves between the views with the keyboard', async () => {
    const page = s.page;
    await page.focus('#tab-check');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-audit', 'aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-audit');
    assert.equal(await page.isVisible('#view-audit'), true);
    assert.equal(await page.isVisible('#view-check'), false);
    await page.keyboard.press('End');
    assert.equal(await page.getAttribute('#tab-why', 'aria-selected'), 'true');
    assert.match(page.url(), /#why$/);
    await page.keyboard.press('Home');
    assert.equal(await page.getAttribute('#tab-check', 'aria-selected'), 'true');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('#tab-why', 'aria-selected'), 'true', 'wraps around');
  });

  it('explains every category with its reason and policy sources (“Why this matters”)', async () => {
    const page = s.page;
    const items = await page.$$eval('#why-list > li', (els) => els.map((e) => ({ id: e.id, text: e.textContent, quotes: e.querySelectorAll('.cite-quote').length })));
    assert.equal(items.length, CATEGORIES.length);
    CATEGORIES.forEach((c, k) => {
      assert.equal(items[k].id, `why-${c.id}`);
      assert.ok(items[k].text.includes(c.label) && items[k].text.includes(c.reason), `${c.id}: label and reason`);
      for (const src of c.sources) {
        assert.ok(items[k].text.includes(POLICY_NAMES[src.policy]), `${c.id}: ${src.policy}`);
        assert.ok(items[k].text.includes(`section ${src.section}`) && items[k].text.includes(src.title), `${c.id}: section ${src.section} ${src.title}`);
      }
      assert.equal(items[k].quotes, c.sources.length, `${c.id}: a quoted sentence for each source`);
    });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await screenshot(page, 'why');
  });

  it('made no request beyond the page’s own files, and no CSP or script errors', async () => {
    assert.deepEqual(foreignRequests(s.requests, s.server.url), []);
    assert.deepEqual(s.problems, []);
  });
});
