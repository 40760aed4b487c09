// The self-service page's draft view in Chromium: a draft typed key by key
// (with emoji before the flagged text), each highlight compared with the
// characters it should cover, the findings panel's content and order,
// clicking both ways, ignoring, the live region, axe-core and screenshots.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, nodeChecker, axeViolations, screenshot, setLocalTime, foreignRequests } from './page-lib/harness.mjs';
import { measureHighlights, compareBoxes } from './page-lib/geometry.mjs';
import { CATEGORY_BY_ID, SEVERITY_ORDER, SEVERITY_LABEL, POLICY_NAMES } from '../../web/src/shared/categories.js';

const LOCAL_TIME = '2026-03-10T14:30';
const FIRST = 'Morning all 👋🏽 Ring me on 07700 900123 about the bins.';
const REST = '\nCllr Dave Smith stole the money from the fund. I will be voting against the Tesco application — what an idiot the planning officer is!!!';
const DRAFT = FIRST + REST;
const CONTEXT = { account: 'councillor', platform: 'facebook', inMeeting: false, localTime: LOCAL_TIME };

const rank = (s) => SEVERITY_ORDER.indexOf(s);
const panelOrder = (fs) => [...fs].sort((a, b) => rank(a.severity) - rank(b.severity) || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));

describe('page: check a draft', () => {
  let s;
  let checker;
  before(async () => {
    checker = await nodeChecker();
    s = await openSession();
    await setLocalTime(s.page, LOCAL_TIME);
  });
  after(async () => {
    checker?.dispose();
    await s?.close();
  });

  /** The card for a finding, and its index in the overlay. */
  async function cardIndex(f) {
    const card = s.page.locator(`.finding[data-rule="${f.rule}"][data-start="${f.start}"]`);
    await card.waitFor();
    return Number(await card.getAttribute('data-i'));
  }

  async function assertHighlights(text, label) {
    const expected = checker.check(text, CONTEXT).filter((f) => f.end > f.start);
    assert.ok(expected.length > 0, 'the draft has findings with spans');
    await s.page.waitForFunction((n) => document.querySelectorAll('#findings .finding').length >= n, expected.length);
    const spans = [];
    for (const f of expected) spans.push({ start: f.start, end: f.end, index: await cardIndex(f) });
    const m = await s.page.evaluate(measureHighlights, spans);
    assert.ok(m.sameText, 'the overlay holds exactly the textarea’s text');
    m.spans.forEach((span, k) => {
      const f = expected[k];
      const name = `${label} ${f.rule} “${f.text}”`;
      assert.equal(span.markText, f.text, `${name}: the marks hold the flagged characters`);
      assert.equal(span.markStart, f.start, `${name}: the marks start at the finding's UTF-16 offset`);
      assert.equal(span.markEnd, f.end, `${name}: the marks end at the finding's UTF-16 offset`);
      assert.ok(span.overlay.length > 0, `${name}: there is a highlight`);
      compareBoxes(assert, span, name);
    });
    return expected;
  }

  it('underlines exactly the flagged characters while typing, including after an emoji', async () => {
    const ta = s.page.locator('#draft');
    await ta.click();
    await s.page.keyboard.type(FIRST);
    assert.equal(await ta.inputValue(), FIRST);
    const first = await assertHighlights(FIRST, 'after the first sentence:');
    assert.ok(first.some((f) => f.category === 'personal-data'), 'the phone number is found');
    await s.page.keyboard.type(REST);
    assert.equal(await ta.inputValue(), DRAFT);
    const all = await assertHighlights(DRAFT, 'the whole draft:');
    assert.ok(all.length >= 4, `several findings (${all.length})`);
  });

  it('lists every finding grouped by severity and ordered by position, with message, citation and safer wording', async () => {
    const expected = panelOrder(checker.check(DRAFT, CONTEXT));
    const cards = await s.page.$$eval('#findings .finding', (els) => els.map((e) => ({
      rule: e.dataset.rule, start: Number(e.dataset.start), end: Number(e.dataset.end), severity: e.dataset.severity,
      group: e.closest('section.group').className,
      text: e.textContent,
      message: e.querySelector('.finding-msg')?.textContent,
      safer: e.querySelector('.finding-safer')?.textContent ?? '',
      quote: e.querySelector('.finding-quote q')?.textContent ?? null,
    })));
    assert.deepEqual(cards.map((c) => `${c.rule}@${c.start}`), expected.map((f) => `${f.rule}@${f.start}`), 'the panel lists the findings in severity groups, each by position');
    cards.forEach((c, k) => {
      const f = expected[k];
      assert.equal(c.severity, f.severity);
      assert.match(c.group, new RegExp(`\\bsev-${f.severity}\\b`), `${f.rule} is in the ${f.severity} group`);
      assert.ok(c.text.includes(SEVERITY_LABEL[f.severity]), `${f.rule}: severity shown`);
      assert.ok(c.text.includes(CATEGORY_BY_ID[f.category].label), `${f.rule}: category shown`);
      assert.equal(c.message, f.message, `${f.rule}: the message`);
      assert.ok(c.safer.includes(f.suggestion), `${f.rule}: the safer wording`);
      if (f.end > f.start) assert.equal(c.quote, f.text, `${f.rule}: the flagged text`);
      for (const src of f.sources) {
        assert.ok(c.text.includes(POLICY_NAMES[src.policy] ?? src.policy), `${f.rule}: policy name for ${src.policy}`);
        assert.ok(c.text.includes(`section ${src.section}`), `${f.rule}: section ${src.section}`);
        if (src.title) assert.ok(c.text.includes(src.title), `${f.rule}: section title “${src.title}”`);
        assert.ok(src.quote && c.text.includes(src.quote), `${f.rule}: the policy's own sentence`);
      }
    });
    // The groups come in severity order, each with a heading.
    const groups = await s.page.$$eval('#findings section.group', (els) => els.map((e) => e.querySelector('h3').textContent));
    const sevs = [...new Set(expected.map((f) => f.severity))];
    assert.deepEqual(groups.map((g) => g.replace(/\s*\(\d+\)$/, '')), sevs.map((v) => (v === 'info' ? 'Hints' : SEVERITY_LABEL[v])));
  });

  it('selects a finding’s text when the finding is clicked, and highlights the finding when the caret is in its text', async () => {
    const page = s.page;
    const expected = checker.check(DRAFT, CONTEXT);
    const vote = expected.find((f) => f.rule === 'predetermination.declared-vote');
    const phone = expected.find((f) => f.category === 'personal-data');

    // Panel -> draft, with the mouse.
    await page.click(`.finding[data-rule="${vote.rule}"] .finding-quote`);
    let sel = await page.evaluate(() => ({ a: document.activeElement.id, s: document.querySelector('#draft').selectionStart, e: document.querySelector('#draft').selectionEnd }));
    assert.deepEqual(sel, { a: 'draft', s: vote.start, e: vote.end });
    assert.match(await page.getAttribute(`.finding[data-rule="${vote.rule}"]`, 'class'), /is-active/);

    // Panel -> draft, with the keyboard.
    await page.focus(`.finding[data-rule="${phone.rule}"] .finding-quote`);
    await page.keyboard.press('Enter');
    sel = await page.evaluate(() => ({ a: document.activeElement.id, s: document.querySelector('#draft').selectionStart, e: document.querySelector('#draft').selectionEnd }));
    assert.deepEqual(sel, { a: 'draft', s: phone.start, e: phone.end });

    // Draft -> panel: click in the middle of the defamation highlight.
    const defamation = expected.find((f) => f.category === 'defamation');
    const i = await page.getAttribute(`.finding[data-rule="${defamation.rule}"]`, 'data-i');
    const box = await page.locator(`#draft-mirror mark[data-f~="${i}"]`).first().boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const caret = await page.evaluate(() => document.querySelector('#draft').selectionStart);
    assert.ok(caret > defamation.start && caret < defamation.end, `the caret (${caret}) is inside ${defamation.start}..${defamation.end}`);
    const card = page.locator(`.finding[data-rule="${defamation.rule}"]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('is-active'), `.finding[data-rule="${defamation.rule}"]`);
    assert.equal(await card.getAttribute('aria-current'), 'true');
    assert.equal(await page.locator('#findings .finding.is-active').count(), 1, 'one finding is active');
    assert.ok(await page.locator(`#draft-mirror mark.is-active[data-f~="${i}"]`).count() > 0, 'its highlight is marked active');

    // Moving the caret with the keyboard into the phone number moves the highlight.
    await page.evaluate((pos) => document.querySelector('#draft').setSelectionRange(pos, pos), phone.start + 3);
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('is-active'), `.finding[data-rule="${phone.rule}"]`);
  });

  it('ignores a finding on request, and can restore it', async () => {
    const page = s.page;
    const hint = checker.check(DRAFT, CONTEXT).find((f) => f.severity === 'info');
    const before = await page.locator('#findings .finding').count();
    await page.click(`.finding[data-rule="${hint.rule}"] button.ignore`);
    await page.waitForFunction((n) => document.querySelectorAll('#findings .finding').length === n - 1, before);
    assert.equal(await page.locator(`.finding[data-rule="${hint.rule}"]`).count(), 0);
    assert.equal(await page.locator('#draft-mirror mark').evaluateAll((ms, t) => ms.filter((m) => m.textContent === t).length, hint.text), 0, 'its highlight is gone');
    const focused = await page.evaluate(() => document.activeElement.closest('#findings-scroll, .panel-head') !== null);
    assert.ok(focused, 'focus stays in the panel');
    await page.click('.ignored summary');
    await page.click('.ignored button.restore');
    await page.waitForFunction((n) => document.querySelectorAll('#findings .finding').length === n, before);
  });

  it('announces findings politely through a live region', async () => {
    const live = s.page.locator('#draft-live');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    await s.page.waitForFunction(() => /to check/.test(document.querySelector('#draft-live').textContent), null, { timeout: 5000 });
  });

  it('has no serious or critical axe-core violations, and looks right (screenshots)', async () => {
    const page = s.page;
    await page.evaluate(() => {
      document.querySelector('#draft').setSelectionRange(0, 0);
      document.querySelector('#findings-scroll').scrollTop = 0;
      window.scrollTo(0, 0);
    });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await screenshot(page, 'draft');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.deepEqual(await axeViolations(page), [], 'no serious violations at mobile width');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (${overflow}px too wide)`);
    await screenshot(page, 'draft-mobile');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('made no request beyond the page’s own files, and no CSP or script errors', async () => {
    assert.deepEqual(foreignRequests(s.requests, s.server.url), []);
    assert.deepEqual(s.problems, []);
  });
});
