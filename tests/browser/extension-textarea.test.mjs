// The extension on plain form fields (https://m.facebook.com/textarea.html):
// a textarea and a text input (underlined through the shadow-DOM overlay,
// since their text has no DOM ranges), fields it must leave alone, a
// same-origin frame, and a reply box added after load. Needs `node web/build.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startFixtureSite, launchWithPostCheck, launchPlain, recordRequests, netLogRequests, isNetworkUrl, SITE_HOSTS,
  expectedSpans, readMarks, readMirrors, readCard, readBadge, until, ui, nodeChecker, saveScreenshot,
} from './lib/extension-harness.mjs';

const URL_ = 'https://m.facebook.com/textarea.html';
const COMMENT = 'Call me on 07700 900461\nor just tell them you idiot';

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

/** Types text with the keyboard, "\n" as Enter. */
async function typeLines(p, text) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i) await p.keyboard.press('Enter');
    await p.keyboard.type(lines[i]);
  }
}

/** Marks over one field, by the field's own text, once they match what the checker finds. */
async function settledMarks(frame, text, filter = () => true) {
  const expected = expectedSpans(checker, text, 'facebook');
  let got;
  await until(async () => {
    got = (await readMarks(frame)).filter(filter);
    return got.map((m) => m.text).join('|') === expected.map((s) => s.text).join('|');
  }, { timeout: 6000, message: `marks ${JSON.stringify(expected.map((s) => s.text))} (got ${JSON.stringify(got?.map((m) => m.text))})` });
  return { expected, got };
}

/** Where a character of a textarea's (or input's) text is drawn, measured independently with a canvas. */
function textPosition(frame, selector, lineIndex, prefix) {
  return frame.evaluate(([sel, line, pre]) => {
    const el = document.querySelector(sel);
    const cs = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const r = el.getBoundingClientRect();
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + ctx.measureText(pre).width - el.scrollLeft;
    const lineHeight = parseFloat(cs.lineHeight);
    const top = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) + line * lineHeight - el.scrollTop;
    return { left, top, lineHeight };
  }, [selector, lineIndex, prefix]);
}

test('textarea: the overlay underlines exactly the flagged characters, on the right line and column', async () => {
  page = await ext.context.newPage();
  await page.goto(URL_);
  await page.click('#comment');
  await typeLines(page, COMMENT);
  const { expected, got } = await settledMarks(page, COMMENT);
  assert.ok(expected.some((s) => s.text === '07700 900461') && expected.some((s) => s.text === 'idiot'));
  for (const [i, s] of expected.entries()) assert.equal(got[i].cls.split(' ')[0], `sev-${s.finding.severity}`);
  const phone = got.find((m) => m.text === '07700 900461').rects[0];
  const at = await textPosition(page, '#comment', 0, 'Call me on ');
  assert.ok(Math.abs(phone.left - at.left) <= 2, `phone starts at x=${at.left.toFixed(1)} (overlay ${phone.left.toFixed(1)})`);
  assert.ok(phone.top >= at.top - 2 && phone.top < at.top + at.lineHeight, 'phone on line 1');
  const idiot = got.find((m) => m.text === 'idiot').rects[0];
  const at2 = await textPosition(page, '#comment', 1, 'or just tell them you ');
  assert.ok(Math.abs(idiot.left - at2.left) <= 2, `insult starts at x=${at2.left.toFixed(1)} (overlay ${idiot.left.toFixed(1)})`);
  assert.ok(idiot.top >= at2.top - 2 && idiot.top < at2.top + at2.lineHeight, 'insult on line 2');
  // The overlay lives in PostCheck's own host on <html>, not next to the field.
  const siblings = await page.evaluate(() => [...document.querySelector('#comment').parentNode.children].map((e) => e.tagName));
  assert.deepEqual(siblings, ['LABEL', 'TEXTAREA', 'P']);
});

test('hover on an underline opens the card', async () => {
  const m = (await readMarks(page)).find((x) => x.text === '07700 900461');
  const r = m.rects[0];
  await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  const card = await until(() => readCard(page), { message: 'the card' });
  assert.equal(card.flagged, '07700 900461');
  await saveScreenshot(page, 'textarea');
  await page.mouse.move(5, 5);
  await until(async () => !(await readCard(page)), { message: 'the card to close when the pointer leaves' });
});

test('text input: underlined through the overlay too', async () => {
  await page.click('#status');
  await page.keyboard.type('my password is hunter2');
  await settledMarks(page, 'my password is hunter2', (m) => m.text.includes('hunter2'));
});

test('password, payment, one-time-code, read-only and assistant-opt-out fields are left alone', async () => {
  for (const sel of ['#pw', '#card', '#otc', '#nogram', '#nogram2']) {
    await page.click(sel);
    await page.keyboard.type('You are an idiot, ring 07700 900461');
  }
  await new Promise((r) => setTimeout(r, 700));
  // Only the comment box and the status field are watched (one overlay mirror each).
  const mirrors = await readMirrors(page);
  assert.deepEqual(mirrors, [COMMENT, 'my password is hunter2']);
  assert.equal((await readBadge(page)).length, 2, 'badges for the comment and status boxes only');
  assert.equal(await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), 0, 'no highlight in the opted-out editor');
});

test('a same-origin frame, an about:blank frame filled by script, and a reply box added later are checked too', async () => {
  await page.frameLocator('#frame').locator('#frame-text').click();
  await page.keyboard.type('You are an idiot');
  const frame = page.frame({ url: /frame\.html$/ });
  await settledMarks(frame, 'You are an idiot');
  await page.click('#add-blank-frame');
  await page.frameLocator('#blank-frame').locator('#blank-text').click();
  await page.keyboard.type('Ring 07700 900461');
  const blank = page.frames().find((f) => f.url() === 'about:blank' && f.parentFrame() === page.mainFrame());
  await settledMarks(blank, 'Ring 07700 900461');
  await page.click('#add-reply');
  await page.keyboard.type('The officer Sarah is an idiot');
  await until(async () => (await readMarks(page, { visible: false })).some((m) => m.text === 'idiot' && m.field === 'The officer Sarah is an idiot'), { message: 'an underline in the new reply box' });
  // "Reply" opened a box; it does not publish, so its click was never held.
  assert.equal(await ui(page, '.prompt').count(), 0, 'no prompt for a button that does not post');
});

test('Post with a warning open: "Post anyway" submits the form; the cleared box loses its underlines', async () => {
  await page.click('#post-comment');
  await ui(page, '.prompt').waitFor();
  assert.equal(await page.evaluate(() => window.__posted.length), 0);
  await ui(page, '.prompt button[data-action="post-anyway"]').click();
  await until(() => page.evaluate(() => window.__posted.length === 1), { message: 'the form submitted' });
  assert.equal(await page.evaluate(() => window.__posted[0]), COMMENT);
  // The page emptied the box by script (no input event); the underlines go anyway.
  await until(async () => !(await readMarks(page)).some((m) => m.text === '07700 900461'), { message: 'the underlines to go' });
  await page.close();
});

test('the fields and the page markup are the same as without PostCheck, and Ctrl+Z still works', async () => {
  const run = async (p, withExtension) => {
    await p.goto(URL_);
    await p.click('#comment');
    await typeLines(p, COMMENT);
    if (withExtension) await settledMarks(p, COMMENT);
    // A plain contenteditable, whose undo is the browser's own.
    await p.click('#plain-ce');
    await p.keyboard.type('Ring me on 07700 900461 you idiot');
    if (withExtension) {
      await until(() => p.evaluate(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString() === 'idiot'))), { message: 'a highlight in the contenteditable' });
    }
    const read = () => p.evaluate(() => ({ value: document.querySelector('#comment').value, html: document.body.innerHTML }));
    const typed = await read();
    await p.keyboard.press('Control+z');
    await p.click('#comment');
    await p.keyboard.press('Control+z');
    await new Promise((r) => setTimeout(r, 300));
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
  assert.deepEqual(withExt.typed, without.typed);
  assert.deepEqual(withExt.undone, without.undone);
  assert.notEqual(withExt.undone.value, withExt.typed.value, 'Ctrl+Z changed the textarea');
  assert.notEqual(withExt.undone.html, withExt.typed.html, 'Ctrl+Z changed the contenteditable');
});

test('underlines appear within 300 ms of the last keystroke in a 5,000-character textarea', async (t) => {
  const p = await ext.context.newPage();
  await p.goto(URL_);
  await p.click('#comment');
  const filler = 'The committee met on Tuesday to talk about the library opening hours and the bus timetable.\n';
  let draft = '';
  while (draft.length < 5000) draft += filler;
  await p.keyboard.insertText(draft.slice(0, 5000));
  await new Promise((r) => setTimeout(r, 800));
  await p.evaluate(() => {
    window.__pc = { last: 0, seen: 0 };
    window.addEventListener('keydown', () => { window.__pc.last = performance.now(); }, true);
    const root = document.querySelector('postcheck-ui').shadowRoot;
    const poll = () => {
      if ([...root.querySelectorAll('span.mark')].some((m) => m.textContent === 'idiot')) window.__pc.seen = performance.now();
      else setTimeout(poll, 2);
    };
    poll();
  });
  await p.keyboard.type(' You are an idiot ');
  await until(() => p.evaluate(() => window.__pc.seen > 0), { message: 'the underline' });
  const ms = await p.evaluate(() => window.__pc.seen - window.__pc.last);
  t.diagnostic(`textarea latency, 5,000+ characters: ${ms.toFixed(0)} ms after the last key`);
  assert.ok(ms < 300, `${ms} ms`);
  // The box scrolled to the end; the underline is drawn inside it, where the word is.
  const inside = await p.evaluate(() => {
    const box = document.querySelector('#comment').getBoundingClientRect();
    const mark = [...document.querySelector('postcheck-ui').shadowRoot.querySelectorAll('span.mark')].find((m) => m.textContent === 'idiot');
    const r = mark.getClientRects()[0];
    return r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right;
  });
  assert.ok(inside, 'the underline follows the scrolled text');
  await p.close();
});

test('no network request of any kind comes from the extension', async (t) => {
  const httpReqs = requests.filter((r) => isNetworkUrl(r.url));
  for (const r of httpReqs) {
    assert.ok(SITE_HOSTS.includes(new URL(r.url).hostname), `request to the fixture site only: ${r.url}`);
    assert.equal(r.serviceWorker, false, `no request from the service worker: ${r.url}`);
  }
  for (const r of site.requests) assert.match(r.path, /^\/(textarea\.(html|js)|frame\.html|fixture\.css|favicon\.ico)$/, `fixture file: ${r.path}`);
  await ext.close();
  const log = netLogRequests(ext.netLogPath);
  assert.ok(log && log.length > 0, 'the net log was written');
  const origin = `chrome-extension://${ext.extensionId}`;
  assert.deepEqual(log.filter((r) => (r.initiator === origin || r.isolationKey.includes(origin)) && isNetworkUrl(r.url)), []);
  for (const r of log.filter((x) => x.initiator.startsWith('https://'))) assert.ok(SITE_HOSTS.includes(new URL(r.url).hostname), r.url);
  t.diagnostic(`${httpReqs.length} page requests, all to the fixture site; none from the extension`);
});
