// "Why this matters": every category, why it matters in plain English, and
// the policy sections behind it (from web/src/shared/categories.js).
import { CATEGORIES, SEVERITY_ORDER, SEVERITY_LABEL } from '../shared/categories.js';
import { h, $ } from './dom.js';
import { citations } from './citation.js';
import { severityIcon } from './icons.js';

const MEANING = {
  serious: 'Likely to break the law or the Code of Conduct, or to put someone at risk. Take it out.',
  warning: 'Could breach the policy or be read the wrong way. Rethink it before posting.',
  advice: 'Worth a second look: the timing, the tone or the account you post from.',
  info: 'A suggestion only, such as saying that views are your own.',
};
const LINE = { serious: 'solid red underline', warning: 'wavy amber underline', advice: 'dashed blue underline', info: 'dotted grey underline' };

export function initWhy() {
  $('#severity-list').replaceChildren(...SEVERITY_ORDER.map((sev) => h('li', {},
    h('span', { class: `badge sev-${sev}` }, severityIcon(sev), sev === 'info' ? 'Hint' : SEVERITY_LABEL[sev]),
    h('div', {}, h('p', {}, MEANING[sev]), h('p', { class: 'sev-line' }, 'Shown with a ', h('span', { class: `hl sev-${sev}` }, LINE[sev]), '.')))));
  $('#why-list').replaceChildren(...CATEGORIES.map((c) => h('li', { class: 'card why-item', id: `why-${c.id}` },
    h('h3', {}, c.label),
    h('p', { class: 'why-reason' }, c.reason),
    citations(c.sources, c.id, { label: c.sources.length === 1 ? 'Policy' : 'Policies' }))));
}
