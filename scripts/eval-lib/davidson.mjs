// Davidson et al. (2017) hate speech and offensive language tweets: binary flag or not.
// Gold: class 0 (hate) or 1 (offensive) = should flag; 2 (neither) = should not.
import fs from 'node:fs';
import { parseCsvObjects } from './csv.mjs';
import { runBatch, isAlarm } from './postcheck.mjs';
import { runBaselines } from './baselines.mjs';
import { prf, ratio } from './metrics.mjs';

export const HARM_CATEGORIES = ['abuse', 'discrimination', 'obscene', 'threat'];

export function loadDavidson(file, limit) {
  let rows = parseCsvObjects(fs.readFileSync(file, 'utf8'));
  if (limit) rows = rows.slice(0, limit);
  return rows.map((r, i) => ({ id: String(r[''] ?? i), text: r.tweet, cls: Number(r.class) }));
}

function score(rows, flags) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const byClass = [0, 0, 0], totals = [0, 0, 0];
  rows.forEach((r, i) => {
    const gold = r.cls === 0 || r.cls === 1;
    const f = !!flags[i];
    totals[r.cls]++; if (f) byClass[r.cls]++;
    if (gold && f) tp++; else if (gold) fn++; else if (f) fp++; else tn++;
  });
  return { tp, fp, fn, tn, ...prf(tp, fp, fn), flagRate: byClass.map((n, c) => ratio(n, totals[c])), totals };
}

export async function evaluateDavidson(bin, root, file, { limit, args, env, cache = true, baselines = true } = {}) {
  const rows = loadDavidson(file, limit);
  const t0 = Date.now();
  const pcPromise = runBatch(bin, rows, { args, env }).then((r) => ({ ...r, ms: Date.now() - t0 }));
  const basePromise = baselines ? runBaselines(root, rows.map((r) => r.text), { cache }) : Promise.resolve(null);
  const [pc, base] = await Promise.all([pcPromise, basePromise]);
  const pcFlags = pc.findings.map((fs) => fs.some((f) => isAlarm(f) && HARM_CATEGORIES.includes(f.category)));
  const tools = [{ name: 'PostCheck', ...score(rows, pcFlags), ms: pc.ms }];
  if (base) {
    tools.push({ name: `alex ${base.versions.alex}`, ...score(rows, base.alex), ms: base.alexMs, cached: base.cached });
    tools.push({ name: `obscenity ${base.versions.obscenity}`, ...score(rows, base.obscenity), ms: base.obscenityMs, cached: base.cached });
  }
  return { rows: rows.length, tools, errors: pc.errors, stderr: pc.stderr, baselineWallMs: base?.wallMs ?? 0, baselineColdWallMs: base?.coldWallMs, baselineCached: base?.cached ?? false, workers: base?.workers };
}
