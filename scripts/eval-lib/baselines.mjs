// Runs alex and obscenity on many texts, split across worker threads, with an on-disk cache
// (build/eval-cache/) keyed by the texts and the two packages' versions: the baselines never
// change between runs, while PostCheck's rules do.
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export function packageVersion(root, name) {
  try { return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version; }
  catch { return 'unknown'; }
}

export async function runBaselines(root, texts, { cache = true } = {}) {
  // cache=false: ignore any cached results (they are still refreshed on disk).
  const versions = { alex: packageVersion(root, 'alex'), obscenity: packageVersion(root, 'obscenity') };
  const hash = createHash('sha256');
  hash.update(JSON.stringify(versions));
  for (const t of texts) { hash.update(t); hash.update('\u0000'); }
  const key = hash.digest('hex').slice(0, 16);
  const cacheFile = path.join(root, 'build', 'eval-cache', `baselines-${key}.json`);
  if (cache && fs.existsSync(cacheFile)) {
    try {
      const c = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
      if (c.alex.length === texts.length) {
        return { versions, cached: true, alex: Uint8Array.from(c.alex, Number), obscenity: Uint8Array.from(c.obscenity, Number),
                 alexMs: c.alexMs, obscenityMs: c.obscenityMs, wallMs: 0, coldWallMs: c.wallMs, workers: c.workers };
      }
    } catch { /* recompute */ }
  }
  const t0 = Date.now();
  const n = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8, Math.ceil(texts.length / 500)));
  const size = Math.ceil(texts.length / n);
  const parts = await Promise.all(Array.from({ length: n }, (_, k) => new Promise((resolve, reject) => {
    const w = new Worker(new URL('./baseline-worker.mjs', import.meta.url), { workerData: { texts: texts.slice(k * size, (k + 1) * size) } });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const alex = new Uint8Array(texts.length), obscenity = new Uint8Array(texts.length);
  let alexMs = 0, obscenityMs = 0;
  parts.forEach((p, k) => { alex.set(p.alex, k * size); obscenity.set(p.obscenity, k * size); alexMs += p.alexMs; obscenityMs += p.obscenityMs; });
  const wallMs = Date.now() - t0;
  {
    // Written even with --no-cache, so the next run can reuse fresh results.
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, JSON.stringify({ versions, alex: Array.from(alex).join(''), obscenity: Array.from(obscenity).join(''), alexMs, obscenityMs, wallMs, workers: n }));
  }
  return { versions, cached: false, alex, obscenity, alexMs, obscenityMs, wallMs, coldWallMs: wallMs, workers: n };
}
