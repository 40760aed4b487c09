// The extension on a Facebook-shaped page with the real Lexical editor
// (https://www.facebook.com/facebook.html, served locally under a CSP that
// forbids WebAssembly in the page). Typing happens with the keyboard.
// Needs `node web/build.mjs` first; builds its own fixtures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startFixtureSite, launchWithPostCheck, launchPlain, recordRequests, netLogRequests, isNetworkUrl, SITE_HOSTS,
  editorHighlights, expectedSpans, highlightPoint, readCard, readBadge, until, ui, nodeChecker, saveScreenshot,
} from './lib/extension-harness.mjs';
import { POLICY_NAMES } from '../../web/src/shared/categories.js';

const URL_ = 'https://www.facebook.com/facebook.html';
const EDITOR = '[data-lexical-editor="true"]';
const LINE1 = '😀 Ring me on 07700 900461';
const LINE2 = 'You are an idiot and I will be voting against the new flats';

let site;
let ext;
let requests;
let checker;

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

async function openComposer(page) {
  await page.goto(URL_);
  await page.click('#open-composer');
  await page.waitForSelector(`[role="dialog"] ${EDITOR}`);
}

/** The same keystrokes for every run: emoji, Enter (a <br> in Lexical plain text), more text. */
async function typeDraft(page) {
  await page.keyboard.type(LINE1);
  await page.keyboard.press('Enter');
  await page.keyboard.type(LINE2);
}

async function settledSpans(page, text) {
  const expected = expectedSpans(checker, text, 'facebook');
  const key = (s) => `${s.name}:${s.start}-${s.end}`;
  let got;
  await until(async () => {
    got = await editorHighlights(page, EDITOR);
    return got.text === text && got.spans.map(key).join() === expected.map(key).join();
  }, { timeout: 6000, message: `highlights ${JSON.stringify(expected.map(key))} (got ${JSON.stringify(got?.spans.map(key))})` });
  return { expected, got };
}

let page;

test('highlights cover exactly the flagged characters, after an emoji and a line break', async () => {
  page = await ext.context.newPage();
  await openComposer(page);
  await typeDraft(page);
  const text = `${LINE1}\n${LINE2}`;
  const { expected, got } = await settledSpans(page, text);
  // The fixture text must still trigger the phone and insult rules, or this test proves nothing.
  assert.ok(expected.some((s) => s.text === '07700 900461'), 'the phone number is a finding');
  assert.ok(expected.some((s) => s.text === 'idiot'), 'the insult is a finding');
  for (const s of got.spans) assert.equal(s.rangeText, text.slice(s.start, s.end), 'each range holds exactly the flagged text');
  // The host of PostCheck's UI is outside the editor and the page body.
  const host = await page.evaluate(() => document.querySelector('postcheck-ui')?.parentNode === document.documentElement);
  assert.ok(host);
  const badge = await readBadge(page);
  assert.equal(badge.length, 1);
  assert.equal(badge[0].text, String(expected.filter((s) => s.finding.severity !== 'info').length));
});

test('highlights move with the text at once while typing before them, with no flicker', async () => {
  const text = `${LINE1}\n${LINE2}`;
  await page.evaluate(() => {
    // Every frame: how many highlights there are, and whether each still covers its words.
    window.__pcWatch = { frames: 0, minCount: Infinity, wrong: [] };
    const ok = new Set(['07700 900461', 'idiot']);
    const tick = () => {
      let n = 0;
      for (const [name, h] of CSS.highlights) {
        if (name === 'postcheck-active') continue;
        for (const r of h) {
          n++;
          if (!ok.has(r.toString())) window.__pcWatch.wrong.push(r.toString());
        }
      }
      window.__pcWatch.frames++;
      window.__pcWatch.minCount = Math.min(window.__pcWatch.minCount, n);
      if (!window.__pcWatch.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.focus(EDITOR);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Hi ');
  // Read at once, well inside the debounce: the old result, moved along.
  const now = await editorHighlights(page, EDITOR);
  assert.equal(now.text, `Hi ${text}`);
  assert.deepEqual(now.spans.map((x) => x.rangeText).sort(), ['07700 900461', 'idiot']);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await settledSpans(page, text);
  const watch = await page.evaluate(() => {
    window.__pcWatch.stop = true;
    return window.__pcWatch;
  });
  assert.ok(watch.frames > 3, 'watched several frames');
  assert.equal(watch.minCount, 2, 'never fewer highlights while typing');
  assert.deepEqual(watch.wrong, [], 'never a highlight on the wrong characters');
  await page.keyboard.press('Control+End');
});

test('hover opens the card with the message, the policy citation and the safer wording; Copy copies it', async () => {
  const f = expectedSpans(checker, `${LINE1}\n${LINE2}`, 'facebook').find((s) => s.text === '07700 900461').finding;
  const pt = await highlightPoint(page, '07700 900461');
  await page.mouse.move(pt.x, pt.y);
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.equal(card.role, 'dialog');
  assert.equal(card.rule, f.rule);
  assert.equal(card.message, f.message);
  assert.equal(card.safer, f.suggestion);
  assert.equal(card.flagged, f.text);
  for (const s of f.sources) {
    assert.ok(card.cite.includes(POLICY_NAMES[s.policy] ?? s.policy), `cites ${s.policy}`);
    assert.ok(card.cite.includes(`section ${s.section}`), `cites section ${s.section}`);
    if (s.title) assert.ok(card.cite.includes(s.title), `cites “${s.title}”`);
  }
  assert.equal(card.focused, false, 'hover does not take the focus from the editor');
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.facebook.com' });
  await ui(page, '.card button.copy').click();
  await until(async () => (await ui(page, '.card .status').textContent()).startsWith('Copied'), { message: 'Copied' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), f.suggestion);
  await saveScreenshot(page, 'facebook');
  await page.mouse.move(5, 700);
  await page.keyboard.press('Escape');
  await until(async () => !(await readCard(page)), { message: 'the card to close' });
});

test('keyboard: Alt+Shift+P opens the card with focus, Escape gives the caret back where it was', async () => {
  await page.focus(EDITOR);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Alt+Shift+P');
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.ok(card.focused, 'the card has focus');
  // Tab stays inside the card.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  assert.ok((await readCard(page)).focused);
  await page.keyboard.press('Escape');
  await until(async () => !(await readCard(page)), { message: 'the card to close' });
  assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), EDITOR), 'focus is back in the editor');
  await page.keyboard.type('!');
  const { text } = await editorHighlights(page, EDITOR);
  assert.ok(text.endsWith('flats!'), `typing continues at the caret: ${JSON.stringify(text.slice(-12))}`);
  await page.keyboard.press('Backspace');
});

test('"Dismiss once" hides that finding only, and it stays hidden while typing on', async () => {
  const pt = await highlightPoint(page, '07700 900461');
  await page.mouse.click(pt.x, pt.y);
  await until(async () => (await readCard(page))?.flagged === '07700 900461', { message: 'the phone card' });
  await ui(page, '.card button[data-action="dismiss"]').click();
  await until(async () => !(await editorHighlights(page, EDITOR)).spans.some((s) => s.text === '07700 900461'), { message: 'the phone highlight to go' });
  await page.focus(EDITOR);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' today');
  await new Promise((r) => setTimeout(r, 600));
  const { spans } = await editorHighlights(page, EDITOR);
  assert.ok(!spans.some((s) => s.text === '07700 900461'), 'still dismissed after more typing');
  assert.ok(spans.some((s) => s.text === 'idiot'), 'the other finding stays');
});

test('"Turn off this rule" removes it everywhere; the options page lists it and undoes it', async () => {
  const pt = await highlightPoint(page, 'idiot');
  await page.mouse.click(pt.x, pt.y);
  const card = await until(async () => {
    const c = await readCard(page);
    return c?.flagged === 'idiot' && c;
  }, { message: 'the insult card' });
  await ui(page, '.card button[data-action="disable"]').click();
  await until(async () => !(await editorHighlights(page, EDITOR)).spans.some((s) => s.text === 'idiot'), { message: 'the insult highlight to go' });
  // The service worker stores it (the page already dropped the highlight).
  const disabled = () => ext.worker.evaluate(() => chrome.storage.local.get('disabledRules').then((v) => v.disabledRules ?? []));
  await until(async () => (await disabled()).length > 0, { message: 'the rule stored as turned off' });
  assert.deepEqual(await disabled(), [card.rule]);

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const item = options.locator(`#disabled-rules li[data-rule="${card.rule}"]`);
  await item.waitFor();
  await item.locator('button').click();
  await until(async () => (await disabled()).length === 0, { message: 'the rule back on' });
  await options.close();
  await until(async () => (await editorHighlights(page, EDITOR)).spans.some((s) => s.text === 'idiot'), { message: 'the insult highlight back' });
});

test('Post with a warning open: a prompt offers Review or Post anyway, and posting still works', async () => {
  await page.bringToFront();
  await page.click('[role="dialog"] [aria-label="Post"]');
  await ui(page, '.prompt').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__posted), [], 'held once, for the prompt');
  assert.ok(await page.evaluate(() => document.querySelector('[role="dialog"]') !== null));
  await ui(page, '.prompt button[data-action="post-anyway"]').click();
  await until(() => page.evaluate(() => window.__posted.length === 1), { message: 'the post to go through' });
  const posted = await page.evaluate(() => window.__posted[0]);
  assert.ok(posted.startsWith('😀 Ring me on'));
  // The composer went away with the dialog: no badge, no highlights left behind.
  await until(async () => (await readBadge(page)).length === 0, { message: 'the badge to go' });
  assert.equal((await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))), 0);
  await page.close();
});

test('the editor text and HTML are the same as without PostCheck, and Ctrl+Z still works', async () => {
  const run = async (p, withExtension) => {
    await openComposer(p);
    await typeDraft(p);
    if (withExtension) await settledSpans(p, `${LINE1}\n${LINE2}`);
    const typed = await p.evaluate((sel) => ({ html: document.querySelector(sel).innerHTML, text: document.querySelector(sel).innerText }), EDITOR);
    for (let i = 0; i < 6; i++) await p.keyboard.press('Control+z');
    await new Promise((r) => setTimeout(r, withExtension ? 400 : 50));
    const undone = await p.evaluate((sel) => ({ html: document.querySelector(sel).innerHTML, text: document.querySelector(sel).innerText }), EDITOR);
    return { typed, undone };
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
  assert.ok(withExt.typed.text.startsWith(withExt.undone.text.replace(/\n$/, '')), 'Ctrl+Z restored an earlier text');
});

test('highlights appear within 300 ms of the last keystroke in a 5,000-character draft', async (t) => {
  const p = await ext.context.newPage();
  await openComposer(p);
  const filler = 'The committee met on Tuesday to talk about the library opening hours and the bus timetable for the villages. ';
  let draft = '';
  while (draft.length < 5000) draft += filler;
  await p.keyboard.insertText(draft.slice(0, 5000));
  await new Promise((r) => setTimeout(r, 800));
  const measure = async (keys, word) => {
    await p.evaluate((w) => {
      window.__pc = { last: 0, seen: 0, word: w };
      window.addEventListener('keydown', () => { window.__pc.last = performance.now(); }, true);
      const poll = () => {
        // Any highlight covering the word: its exact span is the rules' business, tested elsewhere.
        for (const [, h] of CSS.highlights) for (const r of h) if (r.toString().includes(window.__pc.word) && !window.__pc.seen) window.__pc.seen = performance.now();
        if (!window.__pc.seen) setTimeout(poll, 2);
      };
      poll();
    }, word);
    await p.keyboard.type(keys);
    await until(() => p.evaluate(() => window.__pc.seen > 0), { message: `a highlight on ${word}` });
    return p.evaluate(() => window.__pc.seen - window.__pc.last);
  };
  const afterSpace = await measure(' You are an idiot ', 'idiot');
  const midWord = await measure('You are a moron', 'moron');
  t.diagnostic(`latency, last key a space: ${afterSpace.toFixed(0)} ms; last key inside a word: ${midWord.toFixed(0)} ms (draft ${(await editorHighlights(p, EDITOR)).text.length} chars)`);
  assert.ok(afterSpace < 300, `after a space: ${afterSpace} ms`);
  assert.ok(midWord < 300, `inside a word: ${midWord} ms`);
  await p.close();
});

test('after the browser stops the service worker, the next edit is checked again', async () => {
  // Drafts go over a long-lived port (content/check-channel.js); the browser
  // stops an idle worker, which closes the port under the content script.
  const p = await ext.context.newPage();
  await openComposer(p);
  await p.keyboard.type(LINE1);
  await settledSpans(p, LINE1);
  const cdp = await ext.context.newCDPSession(p);
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.scriptURL === `chrome-extension://${ext.extensionId}/sw.js` && v.runningStatus === 'stopped')) stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until(() => stopped, { message: 'the service worker to stop' });
  await p.keyboard.type(' and you are an idiot');
  const { expected } = await settledSpans(p, `${LINE1} and you are an idiot`);
  assert.ok(expected.some((s) => s.text === 'idiot'), 'the new text has a finding of its own');
  await cdp.detach();
  await p.close();
});

test('no network request of any kind comes from the extension', async (t) => {
  const httpReqs = requests.filter((r) => isNetworkUrl(r.url));
  for (const r of httpReqs) {
    assert.ok(SITE_HOSTS.includes(new URL(r.url).hostname), `request to the fixture site only: ${r.url}`);
    assert.equal(r.serviceWorker, false, `no request from the service worker: ${r.url}`);
  }
  const extRequests = requests.filter((r) => r.url.startsWith('chrome-extension://'));
  t.diagnostic(`${httpReqs.length} page requests to the fixture site, ${extRequests.length} chrome-extension:// loads (not network)`);
  for (const r of site.requests) assert.match(r.path, /^\/(facebook\.(html|js)|fixture\.css|emoji\.svg|favicon\.ico)$/, `fixture file: ${r.path}`);
  await ext.close();
  const log = netLogRequests(ext.netLogPath);
  assert.ok(log && log.length > 0, 'the net log was written');
  const origin = `chrome-extension://${ext.extensionId}`;
  const fromExtension = log.filter((r) => (r.initiator === origin || r.isolationKey.includes(origin)) && isNetworkUrl(r.url));
  assert.deepEqual(fromExtension, [], 'the net log shows no network request started by the extension');
  const fromPages = log.filter((r) => r.initiator.startsWith('https://'));
  for (const r of fromPages) assert.ok(SITE_HOSTS.includes(new URL(r.url).hostname), `page request to the fixture site only: ${r.url}`);
  const browserOwn = log.filter((r) => r.initiator === 'not an origin' && r.requestType !== 'main frame');
  t.diagnostic(`net log: ${log.length} requests; ${browserOwn.length} by Chromium itself (${[...new Set(browserOwn.map((r) => new URL(r.url).hostname))].join(', ')}), none by the extension`);
});
