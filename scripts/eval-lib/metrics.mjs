export function ratio(a, b) { return b === 0 ? null : a / b; }
export function prf(tp, fp, fn) {
  const p = ratio(tp, tp + fp), r = ratio(tp, tp + fn);
  const f1 = p === null || r === null || p + r === 0 ? (p === 0 || r === 0 ? 0 : null) : (2 * p * r) / (p + r);
  return { precision: p, recall: r, f1 };
}
export function fmt(x, digits = 3) { return x === null || x === undefined ? 'n/a' : x.toFixed(digits); }
export function pct(x, digits = 1) { return x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(digits)}%`; }
export function status(ok) { return ok ? 'MET' : 'MISSED'; }
