// Small inline SVG icons. Shape as well as colour tells the severities apart.
import { s } from './dom.js';

const PATHS = {
  // an octagon with a bar: stop
  serious: [['path', { d: 'M5.2 1h5.6L15 5.2v5.6L10.8 15H5.2L1 10.8V5.2z' }], ['path', { class: 'icon-cut', d: 'M7 4h2v5H7zM7 10.5h2v2H7z' }]],
  // a triangle: caution
  warning: [['path', { d: 'M8 1.2 15.4 14.5H.6z' }], ['path', { class: 'icon-cut', d: 'M7.1 5.5h1.8v4.6H7.1zM7.1 11.2h1.8v1.8H7.1z' }]],
  // a circle with i: information
  advice: [['circle', { cx: 8, cy: 8, r: 7 }], ['path', { class: 'icon-cut', d: 'M7.1 7h1.8v5H7.1zM7.1 4h1.8v1.8H7.1z' }]],
  // a hollow circle: a hint
  info: [['circle', { cx: 8, cy: 8, r: 6, class: 'icon-ring' }]],
};

export function severityIcon(sev) {
  return s('svg', { class: `icon icon-${sev}`, viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' },
    (PATHS[sev] ?? PATHS.info).map(([tag, attrs]) => s(tag, attrs)));
}
