// The extension on an X-shaped page with the real Draft.js editor (React 18):
// https://x.com/x.html, served locally under a CSP that forbids WebAssembly in
// the page. Hashtags and mentions are decorated chips; Enter starts a new
// block; emoji are text. Needs `node web/build.mjs` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startFixtureSite, launchWithPostCheck, launchPlain, recordRequests, netLogRequests, isNetworkUrl, SITE_HOSTS,
  editorHighlights, expectedSpans, highlightPoint, readCard, readBadge, until, ui, nodeChecker, saveScreenshot,
} from './lib/extension-harness.mjs';

const URL_ = 'https://x.com/x.html';
const EDITOR = '[data-testid="tweetTextarea_0"]';
const LINE1 = 'Hello #planning @bob 😀 my password is hunter2';
const LINE2 = 'I will be voting against the application, you idiot';

let site;
let ext;
let requests;
let checker;
let page;

before(async () => {
  site = await startFixtureSite();
  ext = await launchWithPostCheck(site.port);
  requests = recordRequests(ext.context);
  checker = await nodeChecker();
});

after(async () => {
  await ext?.close().catch(() => {});
  ext?.cleanup();
  await site?.close();
  checker?.dispose();
});

async function openX(p) {
  await p.goto(URL_);
  await p.click(EDITOR);
}

async function typeDraft(p) {
  await p.keyboard.type(LINE1);
  await p.keyboard.press('Enter');
  await p.keyboard.type(LINE2);
}

async function settledSpans(p, text) {
  const expected = expectedSpans(checker, text, 'x');
  const key = (s) => `${s.name}:${s.start}-${s.end}`;
  let got;
  await until(async () => {
    got = await editorHighlights(p, EDITOR);
    return got.text === text && got.spans.map(key).join() === expected.map(key).join();
  }, { timeout: 6000, message: `highlights ${JSON.stringify(expected.map(key))} (got ${JSON.stringify(got?.spans.map(key))}, text ${JSON.stringify(got?.text)})` });
  return { expected, got };
}

test('Draft.js: highlights cover exactly the flagged characters across chips, an emoji and a new block', async () => {
  page = await ext.context.newPage();
  await openX(page);
  await typeDraft(page);
  const text = `${LINE1}\n${LINE2}`;
  const { expected, got } = await settledSpans(page, text);
  assert.ok(expected.some((s) => s.text.includes('hunter2')), 'the password is a finding');
  assert.ok(expected.some((s) => s.text === 'idiot'), 'the insult is a finding');
  assert.ok(expected.some((s) => s.start > LINE1.length), 'a finding in the second block');
  for (const s of got.spans) assert.equal(s.rangeText, text.slice(s.start, s.end));
  const chips = await page.evaluate(() => document.querySelectorAll('[data-chip]').length);
  assert.equal(chips, 2, 'the hashtag and mention are chips');
});

test('the toolbar badge counts the findings in the tab', async () => {
  const [badge] = await readBadge(page);
  // The extension has no "tabs" permission, so look at every tab's badge.
  await until(() => ext.worker.evaluate(async () => {
    const texts = await Promise.all((await chrome.tabs.query({})).map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
    return texts.filter(Boolean).join();
  }).then((text) => text === badge.text), { message: `the toolbar badge to read ${badge.text}` });
});

test('click opens the card; the arrows step through the findings', async () => {
  const expected = expectedSpans(checker, `${LINE1}\n${LINE2}`, 'x');
  const first = expected.find((s) => s.text.includes('hunter2'));
  const pt = await highlightPoint(page, first.text);
  await page.mouse.click(pt.x, pt.y);
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.equal(card.rule, first.rule);
  assert.equal(card.severity, first.finding.severity);
  assert.equal(card.message, first.finding.message);
  assert.equal(card.safer, first.finding.suggestion);
  await ui(page, '.card button[aria-label="Next finding"]').click();
  const next = await readCard(page);
  assert.notEqual(next.rule + next.flagged, card.rule + card.flagged, 'the next finding');
  await ui(page, '.card button[aria-label="Previous finding"]').click();
  assert.equal((await readCard(page)).flagged, card.flagged);
  await saveScreenshot(page, 'x');
  await ui(page, '.card button.close').click();
  await until(async () => !(await readCard(page)), { message: 'the card to close' });
});

test('Post: held once for a prompt; a second click on Post goes straight through', async () => {
  await page.click('[data-testid="tweetButton"]');
  await ui(page, '.prompt').waitFor();
  await saveScreenshot(page, 'x-prompt');
  assert.equal(await page.evaluate(() => window.__posted.length), 0);
  // The user ignores the prompt and clicks Post again: it posts.
  await page.click('[data-testid="tweetButton"]');
  await until(() => page.evaluate(() => window.__posted.length === 1), { message: 'the post' });
  assert.equal(await page.evaluate(() => window.__posted[0]), `${LINE1}\n${LINE2}`);
  // Draft.js emptied the composer: the highlights and badge go with the text.
  await until(async () => (await readBadge(page)).length === 0, { message: 'no badge' });
  assert.deepEqual((await editorHighlights(page, EDITOR)).spans, []);
});

test('"Review" in the prompt opens the card with focus', async () => {
  await page.click(EDITOR);
  await page.keyboard.type('my password is hunter2 ok');
  await until(async () => (await readBadge(page)).length === 1, { message: 'a badge' });
  await page.click('[data-testid="tweetButton"]');
  await ui(page, '.prompt button[data-action="review"]').click();
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.ok(card.focused);
  assert.ok(card.flagged.includes('hunter2'));
  assert.equal(await page.evaluate(() => window.__posted.length), 1, 'nothing more was posted');
  await page.keyboard.press('Escape');
  await page.close();
});

test('the editor text and HTML are the same as without PostCheck, and Ctrl+Z still works', async () => {
  const run = async (p, withExtension) => {
    await openX(p);
    await typeDraft(p);
    if (withExtension) await settledSpans(p, `${LINE1}\n${LINE2}`);
    const read = () => p.evaluate((sel) => ({ html: document.querySelector(sel).innerHTML, text: document.querySelector(sel).innerText }), EDITOR);
    const typed = await read();
    await p.keyboard.press('Control+z');
    await new Promise((r) => setTimeout(r, withExtension ? 400 : 100));
    return { typed, undone: await read() };
  };
  const withExt = await run(await ext.context.newPage(), true);
  const plain = await launchPlain(site.port);
  let without;
  try {
    without = await run(await plain.context.newPage(), false);
  } finally {
    await plain.close();
  }
  assert.equal(withExt.typed.text, without.typed.text);
  assert.equal(withExt.typed.html, without.typed.html);
  assert.equal(withExt.undone.text, without.undone.text);
  assert.equal(withExt.undone.html, without.undone.html);
  assert.notEqual(withExt.undone.text, withExt.typed.text, 'Ctrl+Z changed the text');
});

test('highlights appear within 300 ms of the last keystroke in a 5,000-character draft', async (t) => {
  const p = await ext.context.newPage();
  await openX(p);
  const filler = 'The committee met on Tuesday to talk about the library opening hours and the bus timetable. ';
  let draft = '';
  while (draft.length < 5000) draft += filler;
  await p.keyboard.insertText(draft.slice(0, 5000));
  await new Promise((r) => setTimeout(r, 800));
  await p.evaluate(() => {
    window.__pc = { last: 0, seen: 0 };
    window.addEventListener('keydown', () => { window.__pc.last = performance.now(); }, true);
    const poll = () => {
      for (const [, h] of CSS.highlights) for (const r of h) if (r.toString() === 'idiot') window.__pc.seen ||= performance.now();
      if (!window.__pc.seen) setTimeout(poll, 2);
    };
    poll();
  });
  await p.keyboard.type(' You are an idiot ');
  await until(() => p.evaluate(() => window.__pc.seen > 0), { message: 'the highlight' });
  const ms = await p.evaluate(() => window.__pc.seen - window.__pc.last);
  t.diagnostic(`Draft.js latency, 5,000+ characters: ${ms.toFixed(0)} ms after the last key`);
  assert.ok(ms < 300, `${ms} ms`);
  await p.close();
});

test('no network request of any kind comes from the extension', async (t) => {
  const httpReqs = requests.filter((r) => isNetworkUrl(r.url));
  for (const r of httpReqs) {
    assert.ok(SITE_HOSTS.includes(new URL(r.url).hostname), `request to the fixture site only: ${r.url}`);
    assert.equal(r.serviceWorker, false, `no request from the service worker: ${r.url}`);
  }
  for (const r of site.requests) assert.match(r.path, /^\/(x\.(html|js)|fixture\.css|Draft\.css|favicon\.ico)$/, `fixture file: ${r.path}`);
  await ext.close();
  const log = netLogRequests(ext.netLogPath);
  assert.ok(log && log.length > 0, 'the net log was written');
  const origin = `chrome-extension://${ext.extensionId}`;
  assert.deepEqual(log.filter((r) => (r.initiator === origin || r.isolationKey.includes(origin)) && isNetworkUrl(r.url)), []);
  for (const r of log.filter((x) => x.initiator.startsWith('https://'))) assert.ok(SITE_HOSTS.includes(new URL(r.url).hostname), r.url);
  t.diagnostic(`${httpReqs.length} page requests, all to the fixture site; none from the extension`);
});
