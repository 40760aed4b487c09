// A finding's policy basis as people read it: the policy's name, the section
// and its title, and the policy's own sentence. Rules carry their quotes; for
// a source without one (a category's sources, an organisation's own pack) the
// sentence comes from a map the build makes from the policy texts.
import { POLICY_NAMES } from '../shared/categories.js';
import { QUOTES } from 'virtual:policy-quotes';
import { h } from './dom.js';

export const policyName = (id) => POLICY_NAMES[id] ?? id;

export function quoteFor(source, category) {
  return source.quote
    ?? QUOTES[`${category}|${source.policy}|${source.section}`]
    ?? QUOTES[`${source.policy}|${source.section}|${source.title ?? ''}`]
    ?? QUOTES[`${source.policy}|${source.section}`]
    ?? null;
}

function sectionText(source) {
  return `section ${source.section}${source.title ? `, “${source.title}”` : ''}`;
}

/** One source: "Policy name — section 10, “Data Protection”" and its quote. */
export function citation(source, category) {
  const quote = quoteFor(source, category);
  return h('div', { class: 'cite' },
    h('p', { class: 'cite-head' },
      h('cite', { class: 'cite-policy' }, policyName(source.policy)),
      h('span', { class: 'cite-section' }, ` — ${sectionText(source)}`)),
    quote ? h('blockquote', { class: 'cite-quote' }, h('p', {}, quote)) : null);
}

/** Every source of a finding or category; the first shown in full. */
export function citations(sources, category, { label = 'Policy' } = {}) {
  if (!sources?.length) return null;
  const [first, ...rest] = sources;
  return h('div', { class: 'cites' },
    h('p', { class: 'cites-label' }, label),
    citation(first, category),
    rest.length
      ? h('details', { class: 'cites-more' },
        h('summary', {}, rest.length === 1 ? 'One more policy source' : `${rest.length} more policy sources`),
        rest.map((s) => citation(s, category)))
      : null);
}
