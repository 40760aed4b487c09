// A log-log SVG of µs per check against draft length, one line per system.
const COLORS = ['#1b5e20', '#0d47a1', '#6a1b9a', '#b71c1c', '#e65100', '#37474f', '#00838f'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 4', '10 4', ''];

export function plotSvg(series, { title = 'µs per check against draft length (log-log)' } = {}) {
  const W = 860, H = 460, L = 70, R = 290, T = 40, B = 50;
  const xs = series.flatMap((s) => s.points.map((p) => p.x)), ys = series.flatMap((s) => s.points.map((p) => p.y));
  const x0 = Math.log10(Math.min(...xs)), x1 = Math.log10(Math.max(...xs));
  const y0 = Math.floor(Math.log10(Math.min(...ys))), y1 = Math.ceil(Math.log10(Math.max(...ys)));
  const X = (x) => L + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - L - R);
  const Y = (y) => H - B - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - T - B);
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">\n`;
  svg += `<rect width="${W}" height="${H}" fill="#fff"/>\n<text x="${L}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>\n`;
  for (let e = y0; e <= y1; e++) {
    const y = Y(10 ** e);
    svg += `<line x1="${L}" x2="${W - R}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${L - 8}" y="${y + 4}" text-anchor="end">${10 ** e >= 1000 ? `${10 ** (e - 3)} ms` : `${10 ** e} µs`}</text>\n`;
  }
  for (const x of [100, 1000, 10000, 100000, 1000000]) {
    if (Math.log10(x) < x0 - 1e-9 || Math.log10(x) > x1 + 1e-9) continue;
    svg += `<line x1="${X(x)}" x2="${X(x)}" y1="${T}" y2="${H - B}" stroke="#eee"/><text x="${X(x)}" y="${H - B + 18}" text-anchor="middle">${x >= 1000000 ? '1M' : x >= 1000 ? `${x / 1000}k` : x}</text>\n`;
  }
  svg += `<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle">draft length (characters)</text>\n`;
  series.forEach((s, i) => {
    const pts = s.points.filter((p) => p.y > 0).sort((a, b) => a.x - b.x);
    const d = pts.map((p, k) => `${k ? 'L' : 'M'}${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ');
    svg += `<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="2.5" stroke-dasharray="${DASHES[i % DASHES.length]}"/>\n`;
    for (const p of pts) svg += `<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="3" fill="${COLORS[i % COLORS.length]}"/>\n`;
    const ly = T + 20 + i * 22;
    svg += `<line x1="${W - R + 15}" x2="${W - R + 45}" y1="${ly}" y2="${ly}" stroke="${COLORS[i % COLORS.length]}" stroke-width="2.5" stroke-dasharray="${DASHES[i % DASHES.length]}"/><text x="${W - R + 52}" y="${ly + 4}">${esc(s.label)}</text>\n`;
  });
  return svg + '</svg>\n';
}
