// The audit's Web Worker: reads the export, checks every post with the same
// Checker the draft view uses (the wasm embedded in the script, so nothing is
// fetched), and reports progress. The page stays responsive meanwhile.
import { createChecker } from '@postcheck/checker/inline';
import { readArchive, ArchiveError } from './archive.js';
import { localTimeString } from './time.js';
import { expand, summarise, rank, toCSV } from './audit-report.js';
import { CATEGORY_BY_ID } from '../shared/categories.js';

async function audit({ file, bytes, name, account = 'councillor', orgTerms }) {
  const t0 = performance.now();
  const checkerReady = createChecker({ profile: account });
  const data = bytes ?? new Uint8Array(await file.arrayBuffer());
  const { source, posts } = readArchive(name ?? file?.name ?? 'That file', data);
  if (!posts.length) throw new ArchiveError('No posts with text were found in that file.');
  postMessage({ type: 'parsed', total: posts.length, source });

  const checker = await checkerReady;
  const rules = {};
  for (const r of checker.rules()) rules[r.id] = { category: r.category, message: r.message, suggestion: r.suggestion, sources: r.sources };
  const base = { account, platform: source };
  if (orgTerms) base.orgTerms = orgTerms;

  postMessage({ type: 'rules', rules });

  // Results go to the page in batches as they come, so that no single
  // message is big enough to hold up the page when it arrives.
  const results = [];
  let sent = 0;
  let last = performance.now();
  for (let i = 0; i < posts.length; i++) {
    const p = posts[i];
    const found = checker.check(p.text, p.time == null ? base : { ...base, localTime: localTimeString(p.time) });
    if (found.length) results.push({ i, id: p.id, time: p.time, text: p.text, f: found.map((f) => [f.rule, f.severity, f.start, f.end]) });
    if ((i & 63) === 63 || i === posts.length - 1) {
      const now = performance.now();
      if (now - last > 80 || i === posts.length - 1) {
        last = now;
        postMessage({ type: 'progress', done: i + 1, total: posts.length, batch: results.slice(sent) });
        sent = results.length;
      }
    }
  }
  checker.dispose();

  // The report is made here too, off the page's main thread: the counts, the
  // riskiest-first order (as indices into the results) and the CSV file.
  const expanded = expand(results, rules);
  const summary = summarise(expanded, posts.length);
  const ranked = rank(expanded);
  const position = new Map(results.map((r, k) => [r.i, k]));
  const order = ranked.map((p) => position.get(p.i));
  const csv = new Blob([toCSV(ranked, (c) => CATEGORY_BY_ID[c]?.label ?? c)], { type: 'text/csv;charset=utf-8' });
  postMessage({ type: 'done', total: posts.length, source, summary, order, csv, ms: performance.now() - t0 });
}

self.onmessage = async ({ data }) => {
  if (data?.type !== 'audit') return;
  try {
    await audit(data);
  } catch (e) {
    postMessage({ type: 'error', message: e instanceof ArchiveError ? e.message : `The audit stopped: ${e.message}` });
  }
};
