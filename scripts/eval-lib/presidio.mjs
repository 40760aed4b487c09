// Microsoft Presidio data: entity recall on presidio-research's synthetic sentences, and the
// presidio-analyzer recognizer unit-test cases for identifier types.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsvObjects } from './csv.mjs';
import { runBatch, isAlarm } from './postcheck.mjs';
import { ratio } from './metrics.mjs';

// A finding of one of these categories (advice or above) that overlaps an entity's span finds it.
export const PII_CATEGORIES = ['personal-data', 'credentials', 'unsafe-link'];

// Presidio entity types that a PostCheck category really corresponds to (Contract 2,
// personal-data: phone numbers, emails, home addresses, bank and card numbers).
export const ENTITY_MAP = {
  PHONE_NUMBER: 'PHONE_NUMBER',
  EMAIL_ADDRESS: 'EMAIL_ADDRESS',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN_CODE: 'IBAN_CODE',
  STREET_ADDRESS: 'STREET_ADDRESS', // synth_dataset_v2.json
  ADDRESS: 'STREET_ADDRESS',        // generated_large.json calls it ADDRESS
};
// Shown for information, not in the overall figure: PostCheck flags raw-IP *links*
// (unsafe-link), not a bare IP address in a sentence.
export const INFO_TYPES = { IP_ADDRESS: 'IP_ADDRESS' };

export const RESEARCH_FILES = ['synth_dataset_v2.json', 'generated_large.json'];

/** Presidio offsets are Python string indices (code points); PostCheck's start/end are UTF-16. */
function cpToUtf16(text) {
  const map = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; map.push(u); }
  return (cp) => map[Math.min(cp, map.length - 1)];
}

const overlaps = (f, s, e) => f.start < e && f.end > s;

export async function evaluateResearch(bin, dir, { args, env } = {}) {
  const rows = [];
  for (const file of RESEARCH_FILES) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    data.forEach((r, i) => rows.push({ id: `${file}#${i}`, text: r.full_text, spans: r.spans || [], file }));
  }
  const t0 = Date.now();
  const { findings, errors, stderr } = await runBatch(bin, rows, { args, env });
  const ms = Date.now() - t0;
  const counts = {}; // type -> file -> {n, found}
  const add = (type, file, found) => {
    counts[type] ??= {};
    const c = (counts[type][file] ??= { n: 0, found: 0 });
    c.n++; if (found) c.found++;
  };
  let noEntity = 0, noEntityFlagged = 0, offsetMismatch = 0;
  rows.forEach((r, i) => {
    const alarms = findings[i].filter((f) => isAlarm(f) && PII_CATEGORIES.includes(f.category));
    const conv = cpToUtf16(r.text);
    let mapped = 0;
    for (const s of r.spans) {
      const type = ENTITY_MAP[s.entity_type] ?? INFO_TYPES[s.entity_type];
      if (!type) continue;
      const start = conv(s.start_position), end = conv(s.end_position);
      if (r.text.slice(start, end) !== s.entity_value) offsetMismatch++;
      if (ENTITY_MAP[s.entity_type]) mapped++;
      add(type, r.file, alarms.some((f) => overlaps(f, start, end)));
    }
    if (mapped === 0) { noEntity++; if (alarms.length) noEntityFlagged++; }
  });
  return { files: RESEARCH_FILES, sentences: rows.length, counts, noEntity, noEntityFlagged, offsetMismatch, errors, stderr, ms };
}

export const RECOGNIZER_UK = ['uk_nhs', 'uk_nino', 'uk_postcode', 'uk_passport', 'uk_driving_licence', 'uk_vehicle_registration'];
export const RECOGNIZER_OTHER = ['phone', 'email', 'credit_card', 'iban'];

function expectedSpans(r) {
  try {
    const p = JSON.parse(r.expected_positions);
    if (Array.isArray(p) && p.length) return p;
  } catch { /* fall through */ }
  try {
    const x = JSON.parse(r.extra || '{}');
    if (Array.isArray(x.expected_res) && x.expected_res.length) return x.expected_res;
  } catch { /* none */ }
  return null;
}

export async function evaluateRecognizers(bin, file, { args, env } = {}) {
  const wanted = new Set([...RECOGNIZER_UK, ...RECOGNIZER_OTHER]);
  const rows = parseCsvObjects(fs.readFileSync(file, 'utf8'))
    .filter((r) => wanted.has(r.recognizer))
    .map((r, i) => ({ id: `r${i}`, text: r.text, recognizer: r.recognizer, positive: Number(r.expected_count) > 0, spans: expectedSpans(r) }));
  const t0 = Date.now();
  const { findings, errors, stderr } = await runBatch(bin, rows, { args, env });
  const ms = Date.now() - t0;
  const per = {};
  rows.forEach((r, i) => {
    const alarms = findings[i].filter((f) => isAlarm(f) && PII_CATEGORIES.includes(f.category));
    const s = (per[r.recognizer] ??= { positives: 0, flagged: 0, negatives: 0, clear: 0 });
    if (r.positive) {
      s.positives++;
      // Presidio's test strings are ASCII, so its offsets are UTF-16 offsets too.
      const hit = r.spans ? alarms.some((f) => r.spans.some(([a, b]) => overlaps(f, a, b))) : alarms.length > 0;
      if (hit) s.flagged++;
    } else {
      s.negatives++;
      if (!alarms.length) s.clear++;
    }
  });
  for (const s of Object.values(per)) { s.recall = ratio(s.flagged, s.positives); s.specificity = ratio(s.clear, s.negatives); }
  return { cases: rows.length, per, errors, stderr, ms };
}
