// The explanation page (explain.html#<rule id or category id>): every
// category with why it matters and the policy sections behind it (from
// web/src/shared/categories.js), and the rules in it with their safer wording.
import { ext } from '../shared/ext.js';
import { MSG } from '../shared/messages.js';
import { CATEGORIES, POLICY_NAMES, SEVERITY_LABEL } from '../../shared/categories.js';

const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
};

const cite = (s) => `${POLICY_NAMES[s.policy] ?? s.policy}, section ${s.section}${s.title ? ` “${s.title}”` : ''}`;

async function rules() {
  try {
    const res = await ext.runtime.sendMessage({ type: MSG.RULES });
    return res?.rules ?? [];
  } catch {
    return [];
  }
}

function render(list) {
  const byCat = new Map();
  for (const r of list) byCat.set(r.category, [...(byCat.get(r.category) ?? []), r]);
  const root = document.querySelector('#categories');
  root.replaceChildren(...CATEGORIES.map((c) => {
    const inCat = byCat.get(c.id) ?? [];
    return el('section', { id: c.id, class: 'category' },
      el('h2', { text: c.label }),
      el('p', { text: c.reason }),
      el('p', { class: 'cite' }, 'Policy: ', c.sources.map(cite).join('; ')),
      inCat.length ? el('ul', { class: 'rules' }, ...inCat.map((r) => el('li', { id: r.id },
        el('span', { class: `sample sev-${r.severity}`, text: SEVERITY_LABEL[r.severity] ?? r.severity }), ' ',
        el('span', { text: r.message }), ' ',
        r.suggestion ? el('span', { class: 'safer-inline' }, el('strong', { text: 'Safer: ' }), r.suggestion) : '',
        ' ', el('code', { text: r.id })))) : '');
  }));
  document.querySelector('#policies').textContent = Object.values(POLICY_NAMES).join('; ') + '.';
}

function focusHash(list) {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const rule = list.find((r) => r.id === id);
  const box = document.querySelector('#focus');
  if (rule) {
    box.hidden = false;
    const category = CATEGORIES.find((c) => c.id === rule.category);
    box.replaceChildren(
      el('h2', {}, el('span', { class: `sample sev-${rule.severity}`, text: SEVERITY_LABEL[rule.severity] ?? rule.severity }), ` ${category?.label ?? rule.category}: about this warning`),
      el('p', { text: rule.message }),
      rule.suggestion ? el('p', {}, el('strong', { text: 'Safer wording: ' }), rule.suggestion) : '',
      el('p', { class: 'cite' }, 'Policy: ', (rule.sources ?? []).map(cite).join('; ')),
      el('p', {}, el('a', { href: `#${rule.category}`, text: 'Why this matters' })));
  }
  const target = document.getElementById(id);
  target?.classList.add('target');
  (rule ? box : target)?.scrollIntoView();
}

rules().then((list) => {
  render(list);
  focusHash(list);
  window.addEventListener('hashchange', () => focusHash(list));
});
