// The self-service page's "Audit my history" in Chromium: a synthetic X
// archive of 5,000 posts checked in the page's Web Worker, the counts per
// category compared with the same Checker API run in Node, the filter, the
// CSV export, the .zip and Facebook forms, a bad file, axe-core and a
// screenshot. The page must stay responsive while the worker runs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSession, nodeChecker, axeViolations, screenshot, localTimeIn, foreignRequests } from './page-lib/harness.mjs';
import { generatePosts, tweetsJs, xArchiveZip, facebookJson, facebookZip } from './page-lib/archives.mjs';
import { CATEGORY_BY_ID } from '../../web/src/shared/categories.js';

const POSTS = 5000;

function expectedCounts(checker, posts, platform) {
  const byCategory = {};
  const postsByCategory = {};
  let findings = 0;
  let flagged = 0;
  for (const p of posts) {
    const found = checker.check(p.text, { account: 'councillor', platform, localTime: localTimeIn(p.time) });
    if (found.length) flagged += 1;
    findings += found.length;
    for (const f of found) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    for (const c of new Set(found.map((f) => f.category))) postsByCategory[c] = (postsByCategory[c] ?? 0) + 1;
  }
  return { byCategory, postsByCategory, findings, flagged };
}

/** Category id -> [findings, posts] from the page's table of the chart. */
function tableCounts(page) {
  return page.$$eval('#audit-results tr[data-category]', (rows) => Object.fromEntries(rows.map((r) => [
    r.dataset.category, [...r.querySelectorAll('td')].map((td) => Number(td.textContent.replace(/,/g, ''))),
  ])));
}

async function runAudit(page, file) {
  await page.setInputFiles('#archive-input', file);
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#view-audit').dataset.audit), null, { timeout: 60000 });
}

/** Splits CSV text (quoted fields may hold commas, quotes and newlines) into rows. */
function parseCSV(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('page: audit my history', () => {
  let s;
  let checker;
  let posts;
  let expected;
  before(async () => {
    checker = await nodeChecker();
    posts = generatePosts(POSTS, { seed: 7 });
    expected = expectedCounts(checker, posts, 'x');
    s = await openSession({ hash: '#audit' });
  });
  after(async () => {
    checker?.dispose();
    await s?.close();
  });

  it(`checks a ${POSTS.toLocaleString('en-GB')}-post X archive in a worker and counts each category as the Checker does`, async () => {
    const page = s.page;
    assert.equal(await page.isVisible('#drop-zone'), true);
    // Watch the main thread while the worker runs: the longest gap between frames.
    await page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      const view = document.querySelector('#view-audit');
      const tick = (t) => {
        if (view.dataset.audit === 'running') window.__gaps.push(t - last);
        last = t;
        if (view.dataset.audit !== 'done') requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // A real file, as a person would choose it (Playwright hands a buffer over by decoding it in the page).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcheck-audit-'));
    const file = path.join(dir, 'tweets.js');
    fs.writeFileSync(file, tweetsJs(posts));
    const t0 = Date.now();
    await runAudit(page, file);
    const ms = Date.now() - t0;
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(await page.getAttribute('#view-audit', 'data-audit'), 'done', await page.textContent('#audit-error'));
    const gaps = await page.evaluate(() => window.__gaps);
    const worst = Math.max(0, ...gaps.slice(1));
    console.log(`# frame gaps over 50 ms while auditing: ${JSON.stringify(gaps.map((g, k) => [k, Math.round(g)]).filter(([, g]) => g > 50))} of ${gaps.length}`);
    assert.ok(worst < 500, `the page kept drawing frames while the worker ran (longest gap ${worst.toFixed(0)} ms)`);

    const counts = await tableCounts(page);
    const got = Object.fromEntries(Object.entries(counts).map(([k, [n]]) => [k, n]));
    assert.deepEqual(got, expected.byCategory, 'findings per category, page vs Node');
    const gotPosts = Object.fromEntries(Object.entries(counts).map(([k, [, n]]) => [k, n]));
    assert.deepEqual(gotPosts, expected.postsByCategory, 'posts per category, page vs Node');
    assert.ok(Object.keys(expected.byCategory).length >= 6, `the archive exercises several categories (${Object.keys(expected.byCategory).join(', ')})`);
    const lede = await page.textContent('.results-head .lede');
    assert.match(lede, new RegExp(`Checked ${POSTS.toLocaleString('en-GB')} posts from X, 2014 to 2024`));
    // Both charts are drawn.
    assert.equal(await page.locator('svg.chart-category rect.chart-bar').count(), Object.keys(expected.byCategory).length);
    assert.ok(await page.locator('svg.chart-year rect.chart-stack').count() >= 11);
    console.log(`# audit of ${POSTS} posts: ${ms} ms end to end (${expected.findings} findings in ${expected.flagged} posts)`);
  });

  it('lists the riskiest posts first and filters by category', async () => {
    const page = s.page;
    const scores = await page.$$eval('#audit-posts .post-score', (els) => els.map((e) => Number(e.textContent.replace(/\D/g, ''))));
    assert.equal(scores.length, 25, 'the first page of posts');
    for (let i = 1; i < scores.length; i++) assert.ok(scores[i] <= scores[i - 1], 'riskiest first');
    assert.match(await page.textContent('#audit-count'), new RegExp(`of ${expected.flagged.toLocaleString('en-GB')} posts`));

    await page.selectOption('#audit-filter', 'personal-data');
    const n = expected.postsByCategory['personal-data'];
    await page.waitForFunction((t) => document.querySelector('#audit-count').textContent.includes(t), `of ${n.toLocaleString('en-GB')} posts with personal data findings`);
    const label = CATEGORY_BY_ID['personal-data'].label;
    const eachHas = await page.$$eval('#audit-posts > li', (lis, label) => lis.every((li) => li.querySelector('.post-findings').textContent.includes(label)), label);
    assert.ok(eachHas, 'every listed post has a personal data finding');
    await page.click('#audit-more');
    assert.equal(await page.locator('#audit-posts > li').count(), Math.min(50, n));
    await page.selectOption('#audit-filter', '');
  });

  it('exports every finding as CSV, locally', async () => {
    const page = s.page;
    const href = await page.getAttribute('#audit-csv', 'href');
    assert.match(href, /^blob:/, 'a Blob URL, made in the page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#audit-csv')]);
    assert.match(download.suggestedFilename(), /^postcheck-audit-x\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    const rows = parseCSV(text).filter((r) => r.length > 1);
    const [head, ...body] = rows;
    assert.deepEqual(head.slice(0, 5), ['post_id', 'posted_at', 'severity', 'category', 'rule']);
    assert.equal(body.length, expected.findings, 'one row per finding');
    const perCategory = {};
    for (const r of body) perCategory[r[3]] = (perCategory[r[3]] ?? 0) + 1;
    const want = Object.fromEntries(Object.entries(expected.byCategory).map(([k, v]) => [CATEGORY_BY_ID[k].label, v]));
    assert.deepEqual(perCategory, want);
  });

  it('has no serious or critical axe-core violations on the audit view (screenshot)', async () => {
    const page = s.page;
    await page.evaluate(() => document.querySelectorAll('#audit-posts details')[0]?.setAttribute('open', ''));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await page.evaluate(() => document.querySelector('#audit-results').scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await screenshot(page, 'audit');
    await page.evaluate(() => document.querySelector('.post-section').scrollIntoView({ block: 'start' }));
    await screenshot(page, 'audit-posts');
  });

  it('reads the whole X archive .zip', async () => {
    const page = s.page;
    const small = generatePosts(300, { seed: 11 });
    const want = expectedCounts(checker, small, 'x');
    await runAudit(page, { name: 'twitter-2024-archive.zip', mimeType: 'application/zip', buffer: Buffer.from(xArchiveZip(small)) });
    assert.match(await page.textContent('.results-head .lede'), /Checked 300 posts from X/);
    const counts = await tableCounts(page);
    assert.deepEqual(Object.fromEntries(Object.entries(counts).map(([k, [n]]) => [k, n])), want.byCategory);
  });

  it('reads a Facebook posts export and repairs its text encoding', async () => {
    const page = s.page;
    const fb = generatePosts(200, { seed: 5, flaggedShare: 0.6 });
    const want = expectedCounts(checker, fb, 'facebook');
    await runAudit(page, { name: 'your_posts_1.json', mimeType: 'application/json', buffer: Buffer.from(facebookJson(fb)) });
    assert.match(await page.textContent('.results-head .lede'), /Checked 200 posts from Facebook/);
    const counts = await tableCounts(page);
    assert.deepEqual(Object.fromEntries(Object.entries(counts).map(([k, [n]]) => [k, n])), want.byCategory);
    const texts = await page.$$eval('#audit-posts .post-text', (els) => els.map((e) => e.textContent).join('\n'));
    assert.ok(!/Ã|â\u0080/.test(texts), 'no mis-encoded characters are shown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#audit-csv')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.ok(csv.includes('she is an idiot though 😂'), 'emoji come through intact');
    assert.ok(!/Ã|â\u0080/.test(csv), 'no mis-encoded characters in the CSV');

    await runAudit(page, { name: 'facebook-cllr-2024.zip', mimeType: 'application/zip', buffer: Buffer.from(facebookZip(fb)) });
    assert.match(await page.textContent('.results-head .lede'), /Checked 200 posts from Facebook/);
    const zipped = await tableCounts(page);
    assert.deepEqual(Object.fromEntries(Object.entries(zipped).map(([k, [n]]) => [k, n])), want.byCategory, 'the same from the .zip');
  });

  it('explains a file it cannot read', async () => {
    const page = s.page;
    await runAudit(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    assert.equal(await page.getAttribute('#view-audit', 'data-audit'), 'error');
    assert.match(await page.textContent('#audit-error'), /notes\.json holds JSON, but not a list of posts/);
  });

  it('made no request beyond the page’s own files, and no CSP or script errors', async () => {
    assert.deepEqual(foreignRequests(s.requests, s.server.url), []);
    assert.deepEqual(s.problems, []);
  });
});
