// Check-to-paint latency in Chromium with the extension loaded, on the
// Lexical fixture page shaped like Facebook's composer: 200 keystrokes at
// each draft length, timed with the extension's User Timing marks
// ('postcheck:check' when a check starts after the debounce,
// 'postcheck:painted' in the frame that paints its highlights) and a
// keydown mark the benchmark adds itself.
import { startFixtureSite, launchWithPostCheck, requireBuilt } from '../../tests/browser/lib/extension-harness.mjs';
import { draft } from './drafts.mjs';
import { percentile } from './stats.mjs';
import { loadMeter } from './machine-load.mjs';

const URL_ = 'https://www.facebook.com/facebook.html';
export const EDITOR = '[role="dialog"] [contenteditable="true"]';
const TYPED = 'the bins were not collected on mill lane again ring 07700 900461 please ';

/** A new tab with the composer open and focused, holding all but the last `keys` characters of a `length`-character draft. */
export async function openDraft(context, length, keys) {
  const page = await context.newPage();
  await page.goto(URL_);
  await page.click('#open-composer');
  await page.waitForSelector(EDITOR);
  await page.click(EDITOR);
  // Most of the draft at once, then the measured keystrokes one by one.
  await page.keyboard.insertText(draft(Math.max(0, length - keys), length).replace(/\n+/g, ' '));
  await page.waitForTimeout(800);
  return page;
}

/** Types `keys` characters one at a time, `pauseMs` apart (time for a check after each). */
export async function typeKeys(page, keys, pauseMs) {
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]);
    await page.waitForTimeout(pauseMs);
  }
  await page.waitForTimeout(600);
}

export async function runKeystrokes({ lengths = [280, 2000, 5000], keys = 200, pauseMs = 260 } = {}) {
  requireBuilt();
  const site = await startFixtureSite();
  const ext = await launchWithPostCheck(site.port, { netLog: false });
  const out = [];
  try {
    for (const length of lengths) {
      const page = await openDraft(ext.context, length, keys);
      await page.evaluate(() => {
        performance.clearMarks();
        document.addEventListener('keydown', () => performance.mark('bench:key'), true);
      });
      const load = loadMeter();
      await typeKeys(page, keys, pauseMs);
      const { steal, pressure } = load();
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name, t: m.startTime, detail: m.detail })));
      const checks = new Map(), painted = new Map();
      for (const m of marks) {
        if (m.name === 'postcheck:check') checks.set(m.detail.seq, m);
        if (m.name === 'postcheck:painted') painted.set(m.detail.seq, m);
      }
      const keyTimes = marks.filter((m) => m.name === 'bench:key').map((m) => m.t);
      const checkToPaint = [], keyToPaint = [], debounces = [];
      for (const [seq, c] of checks) {
        const p = painted.get(seq);
        if (!p) continue;  // superseded by a newer check before it painted
        checkToPaint.push(p.t - c.t);
        debounces.push(c.detail.debounceMs);
        const lastKey = keyTimes.filter((t) => t <= c.t).at(-1);
        if (lastKey != null) keyToPaint.push(p.t - lastKey);
      }
      out.push({
        length: await page.evaluate((sel) => document.querySelector(sel).innerText.length, EDITOR),
        keys, checks: checkToPaint.length,
        checkToPaintMedian: percentile(checkToPaint, 0.5), checkToPaintP95: percentile(checkToPaint, 0.95),
        keyToPaintMedian: percentile(keyToPaint, 0.5), keyToPaintP95: percentile(keyToPaint, 0.95),
        debounceMs: [...new Set(debounces)].sort((a, b) => a - b),
        stealPct: steal, cpuPressurePct: pressure,
      });
      await page.close();
    }
  } finally {
    await ext.close();
    ext.cleanup();
    await site.close();
  }
  return out;
}
