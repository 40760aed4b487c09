// The audit's two charts, drawn as SVG: findings by category (bars) and by
// year (columns stacked by severity). Each has a table with the same numbers.
import { SEVERITY_ORDER, SEVERITY_LABEL } from '../shared/categories.js';
import { h, s, fmt } from './dom.js';

const W = 560;

function niceMax(v) {
  if (v <= 4) return Math.max(v, 1);
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** rows: [{ id, label, value }], largest first. */
export function categoryChart(rows, { labelledBy }) {
  const rowH = 30;
  const labelW = 228;
  const valueW = 64;
  const height = rows.length * rowH + 6;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barSpace = W - labelW - valueW;
  const svg = s('svg', { class: 'chart chart-category', viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-labelledby': labelledBy, preserveAspectRatio: 'xMinYMin meet' });
  rows.forEach((r, i) => {
    const y = i * rowH + 4;
    const w = Math.max(2, (r.value / max) * barSpace);
    svg.append(
      s('text', { class: 'chart-label', x: labelW - 10, y: y + rowH / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, r.label),
      s('rect', { class: 'chart-bar', x: labelW, y: y + 5, width: w.toFixed(1), height: rowH - 12, rx: 3, dataset: { category: r.id } }),
      s('text', { class: 'chart-value', x: labelW + w + 8, y: y + rowH / 2, 'dominant-baseline': 'central' }, fmt(r.value)),
    );
  });
  return svg;
}

/** rows: [{ year, serious, warning, advice, info }] in year order. */
export function yearChart(rows, { labelledBy }) {
  const H = 250;
  const left = 48;
  const right = 10;
  const top = 12;
  const bottom = 30;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const totals = rows.map((r) => SEVERITY_ORDER.reduce((n, k) => n + r[k], 0));
  const max = niceMax(Math.max(1, ...totals));
  const svg = s('svg', { class: 'chart chart-year', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': labelledBy, preserveAspectRatio: 'xMinYMin meet' });
  for (const t of [0, 0.5, 1]) {
    const y = top + plotH - t * plotH;
    svg.append(
      s('line', { class: 'chart-grid', x1: left, x2: W - right, y1: y, y2: y }),
      s('text', { class: 'chart-axis', x: left - 8, y, 'text-anchor': 'end', 'dominant-baseline': 'central' }, fmt(Math.round(max * t))),
    );
  }
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.min(44, slot * 0.66);
  const every = Math.ceil(rows.length / 12);
  rows.forEach((r, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = top + plotH;
    // Stacked from the bottom: hints, advice, warnings, serious on top.
    for (const sev of [...SEVERITY_ORDER].reverse()) {
      if (!r[sev]) continue;
      const hgt = (r[sev] / max) * plotH;
      y -= hgt;
      svg.append(s('rect', { class: `chart-stack sev-${sev}`, x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1), height: Math.max(1, hgt).toFixed(1) }));
    }
    if (i % every === 0) {
      svg.append(s('text', { class: 'chart-axis', x: (x + barW / 2).toFixed(1), y: H - 10, 'text-anchor': 'middle' }, r.year));
    }
  });
  return svg;
}

export function severityLegend() {
  return h('ul', { class: 'chart-legend', 'aria-hidden': 'true' },
    SEVERITY_ORDER.map((sev) => h('li', {}, h('span', { class: `swatch sev-${sev}` }), SEVERITY_LABEL[sev])));
}

/** A plain table of the same numbers, for screen readers and for anyone who prefers one. */
export function dataTable(caption, head, rows, { rowAttrs = () => ({}) } = {}) {
  return h('table', { class: 'data-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', rowAttrs(r), r.cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, typeof c === 'number' ? fmt(c) : c)))))));
}
