#!/usr/bin/env node
// Times the page's audit of a large synthetic X archive in headless Chromium
// (not a test: it prints the numbers). Needs `node web/build.mjs` first.
//   node tests/browser/page-lib/measure-audit.mjs [POSTS=50000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSession } from './harness.mjs';
import { generatePosts, tweetsJs } from './archives.mjs';

const count = Number(process.argv[2] ?? 50000);
const posts = generatePosts(count, { seed: 42 });
const buffer = Buffer.from(tweetsJs(posts));
// A real file, as a person would choose it (a buffer would be decoded by script in the page).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcheck-audit-'));
const file = path.join(dir, 'tweets.js');
fs.writeFileSync(file, buffer);
const s = await openSession({ hash: '#audit' });
try {
  // The longest gap between frames on the main thread while the worker runs.
  await s.page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const view = document.querySelector('#view-audit');
    const tick = (t) => {
      if (view.dataset.audit === 'running') window.__gaps.push([t - last, t]);
      last = t;
      if (view.dataset.audit !== 'done') requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = performance.now();
  await s.page.setInputFiles('#archive-input', file);
  await s.page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('#view-audit').dataset.audit), null, { timeout: 300000, polling: 50 });
  const shown = performance.now() - t0;
  const lede = await s.page.textContent('.results-head .lede');
  const worst = await s.page.evaluate(() => Math.max(0, ...window.__gaps.slice(1).map(([g]) => g)));
  if (process.env.DEBUG) console.log(JSON.stringify(await s.page.evaluate(() => window.__gaps.filter(([g]) => g > 50).map(([g, t]) => [Math.round(g), Math.round(t)]))));
  console.log(`posts: ${count.toLocaleString('en-GB')} (${(buffer.length / 1024 / 1024).toFixed(1)} MB tweets.js)`);
  console.log(`page: ${lede}`);
  console.log(`end to end (file chosen -> results shown): ${(shown / 1000).toFixed(1)} s`);
  console.log(`longest main-thread frame gap while checking: ${worst.toFixed(0)} ms`);
} finally {
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
