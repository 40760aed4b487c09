// One benchmark child: loads one system, checks the drafts, prints JSON.
//   node child.mjs SYSTEM DRAFTS.json
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEMS } from './systems.mjs';
import { percentile } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [name, draftsFile] = process.argv.slice(2);
const { drafts, budgetMs = 3000 } = JSON.parse(fs.readFileSync(draftsFile, 'utf8'));
const system = SYSTEMS[name];

let peakRss = process.memoryUsage().rss;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };

const t0 = performance.now();
const impl = await system.load(root);
const first = drafts[0]?.text ?? drafts[0]?.texts?.[0] ?? 'Hello';
await impl.check(first);
const startupMs = performance.now() - t0;  // to the first result
sampleRss();

const results = [];
// A draft is one `text`, or a corpus of `texts` timed as one pass and
// reported per draft.
for (const d of drafts) {
  const texts = d.texts ?? [d.text];
  const samples = [];
  const pass = impl.async
    ? async () => { for (const t of texts) await impl.check(t); }
    : () => { for (const t of texts) impl.check(t); };
  for (let i = 0; i < Math.min(3, d.iterations); i++) await pass();  // warm-up
  const started = performance.now();
  for (let i = 0; i < d.iterations && (i === 0 || performance.now() - started < budgetMs); i++) {
    const s = performance.now();
    if (impl.async) await pass(); else pass();
    samples.push(((performance.now() - s) * 1000) / texts.length);
  }
  sampleRss();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / texts.length;
  results.push({ name: d.name, bytes, samples: samples.length, medianUs: percentile(samples, 0.5), p99Us: percentile(samples, 0.99) });
}
sampleRss();
console.log(JSON.stringify({ system: name, startupMs, peakRssMb: peakRss / 1048576, heapBytes: impl.heapBytes?.() ?? null, results }));
