// Turns an audit's raw results into what the page shows: counts by category,
// severity and year, the riskiest posts first, and a CSV of every finding.
import { SEVERITY_ORDER } from '../shared/categories.js';

/** How much a finding adds to a post's risk score. Hints add nothing. */
export const SEVERITY_SCORE = { serious: 10, warning: 4, advice: 1, info: 0 };

/**
 * results: [{ i, id, time, text, f: [[rule, severity, start, end], ...] }]
 * rules:   { [ruleId]: { category, message, suggestion, sources } }
 * Returns posts with their findings expanded to Contract 1 objects.
 */
export function expand(results, rules) {
  return results.map((r) => expandPost(r, rules));
}

/** One post of `results`, its findings as Contract 1 objects, with its score and worst severity. */
export function expandPost(r, rules) {
  const findings = r.f.map(([rule, severity, start, end]) => {
    const info = rules[rule] ?? { category: 'unknown', message: '', suggestion: '', sources: [] };
    return { rule, category: info.category, severity, start, end, text: r.text.slice(start, end), message: info.message, suggestion: info.suggestion, sources: info.sources };
  });
  const score = findings.reduce((n, f) => n + (SEVERITY_SCORE[f.severity] ?? 0), 0);
  const worst = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'info';
  return { i: r.i, id: r.id, time: r.time, text: r.text, findings, score, worst };
}

const emptySeverities = () => Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0]));

export function summarise(posts, total) {
  const byCategory = {};
  const postsByCategory = {};
  const bySeverity = emptySeverities();
  const byYear = {};
  let toReview = 0;
  for (const p of posts) {
    const year = p.time == null ? 'Undated' : String(new Date(p.time).getFullYear());
    byYear[year] ??= emptySeverities();
    const cats = new Set();
    for (const f of p.findings) {
      byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
      bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
      byYear[year][f.severity] += 1;
      cats.add(f.category);
    }
    for (const c of cats) postsByCategory[c] = (postsByCategory[c] ?? 0) + 1;
    if (p.score > 0) toReview += 1;
  }
  const years = Object.keys(byYear).sort((a, b) => (a === 'Undated') - (b === 'Undated') || a.localeCompare(b));
  return {
    total,
    flagged: posts.length,
    toReview,
    findings: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    byCategory,
    postsByCategory,
    bySeverity,
    byYear: years.map((year) => ({ year, ...byYear[year] })),
  };
}

/** Riskiest first; among equals, the most recent first. */
export function rank(posts) {
  return [...posts].sort((a, b) => b.score - a.score || (b.time ?? 0) - (a.time ?? 0) || a.i - b.i);
}

export function formatLocal(ms) {
  if (ms == null) return '';
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function cell(v) {
  let s = String(v ?? '');
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['post_id', 'posted_at', 'severity', 'category', 'rule', 'flagged_text', 'message', 'suggestion', 'policy_sections', 'post_text'];

/** One row per finding, riskiest posts first. A BOM so spreadsheet programs read it as UTF-8. */
export function toCSV(posts, categoryLabel = (c) => c) {
  const rows = [CSV_COLUMNS.join(',')];
  for (const p of posts) {
    for (const f of p.findings) {
      rows.push([
        p.id, formatLocal(p.time), f.severity, categoryLabel(f.category), f.rule, f.text, f.message, f.suggestion,
        f.sources.map((s) => `${s.policy} ${s.section}${s.title ? ` (${s.title})` : ''}`).join('; '),
        p.text,
      ].map(cell).join(','));
    }
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
