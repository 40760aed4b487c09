// A labelled corpus directory (tests/corpus/ or tests/corpus-holdout/, *.jsonl): per-category
// precision and recall, clean posts flagged.
import fs from 'node:fs';
import path from 'node:path';
import { runBatch, isAlarm } from './postcheck.mjs';
import { prf, ratio } from './metrics.mjs';

export const CATEGORIES = [
  'personal-data', 'credentials', 'confidential', 'defamation', 'abuse', 'threat', 'discrimination',
  'predetermination', 'official-capacity', 'staff-attack', 'haste', 'misinformation', 'unsafe-link',
  'copyright', 'safeguarding', 'obscene', 'meeting-use',
];

export function loadCorpus(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const drafts = [];
  const problems = [];
  const ids = new Set();
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((line, n) => {
      if (!line.trim()) return;
      let d;
      try { d = JSON.parse(line); } catch (e) { problems.push(`${file}:${n + 1}: invalid JSON`); return; }
      if (typeof d.id !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.categories)) {
        problems.push(`${file}:${n + 1}: needs string id, string text and a categories array`); return;
      }
      if (ids.has(d.id)) problems.push(`${file}:${n + 1}: duplicate id ${d.id}`);
      ids.add(d.id);
      for (const c of d.categories) if (!CATEGORIES.includes(c)) problems.push(`${file}:${n + 1}: unknown category ${c}`);
      drafts.push({ ...d, file });
    });
  }
  return { files, drafts, problems };
}

export async function evaluateCorpus(bin, dir, { args, env } = {}) {
  const { files, drafts, problems } = loadCorpus(dir);
  const t0 = Date.now();
  const { findings, errors, stderr } = await runBatch(bin, drafts, { args, env });
  const ms = Date.now() - t0;

  const per = Object.fromEntries(CATEGORIES.map((c) => [c, { positives: 0, flagged: 0, tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] }]));
  const unknown = new Map();
  let clean = 0, cleanFlagged = 0, hard = 0, hardFlagged = 0, exact = 0;
  let tp = 0, fp = 0, fn = 0;
  const byFile = new Map();
  const results = drafts.map((d, i) => {
    const alarms = findings[i].filter(isAlarm);
    const got = new Set(alarms.map((f) => f.category));
    const want = new Set(d.categories);
    for (const c of got) if (!CATEGORIES.includes(c)) unknown.set(c, (unknown.get(c) || 0) + 1);
    for (const c of CATEGORIES) {
      const s = per[c];
      if (want.has(c)) s.positives++;
      if (got.has(c)) s.flagged++;
      if (want.has(c) && got.has(c)) { s.tp++; tp++; }
      else if (want.has(c)) { s.fn++; fn++; s.misses.push(d.id); }
      else if (got.has(c)) { s.fp++; fp++; s.falseAlarms.push(d.id); }
    }
    for (const c of got) if (!CATEGORIES.includes(c)) fp++;
    const isClean = want.size === 0;
    const isHard = isClean && d.file === 'hard-negatives.jsonl';
    if (isClean) { clean++; if (alarms.length) cleanFlagged++; }
    if (isHard) { hard++; if (alarms.length) hardFlagged++; }
    const right = got.size === want.size && [...want].every((c) => got.has(c));
    if (right) exact++;
    const f = byFile.get(d.file) || { drafts: 0, exact: 0 };
    f.drafts++; if (right) f.exact++;
    byFile.set(d.file, f);
    return { draft: d, got: [...got].sort(), right, alarms };
  });
  for (const c of CATEGORIES) Object.assign(per[c], prf(per[c].tp, per[c].fp, per[c].fn));
  const recalls = CATEGORIES.map((c) => per[c].recall).filter((r) => r !== null);
  return {
    files, drafts: drafts.length, problems, errors, stderr, ms, per, unknown: Object.fromEntries(unknown),
    clean, cleanFlagged, cleanFlaggedShare: ratio(cleanFlagged, clean),
    hard, hardFlagged, hardFlaggedShare: ratio(hardFlagged, hard),
    overall: { tp, fp, fn, ...prf(tp, fp, fn), macroRecall: recalls.reduce((a, b) => a + b, 0) / (recalls.length || 1) },
    exact, exactShare: ratio(exact, drafts.length), byFile: Object.fromEntries(byFile), results,
  };
}
