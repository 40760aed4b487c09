// "Audit my history": reads an X or Facebook export in a Web Worker, checks
// every post there, and shows what it found. Nothing is uploaded: the file
// is handed to the worker inside this page.
import { CATEGORIES, CATEGORY_BY_ID, SEVERITY_ORDER, SEVERITY_LABEL } from '../shared/categories.js';
import { h, $, fmt, plural } from './dom.js';
import { expandPost } from './audit-report.js';
import { categoryChart, yearChart, severityLegend, dataTable } from './chart.js';
import { renderHighlights } from './overlay.js';
import { citations } from './citation.js';
import { severityIcon } from './icons.js';
import { showDate } from './time.js';
import { contextTerms } from './settings.js';

const PAGE_SIZE = 25;
const SOURCE_NAME = { x: 'X', facebook: 'Facebook' };
const categoryLabel = (id) => CATEGORY_BY_ID[id]?.label ?? id;
const NOUNS = { serious: ['serious', 'serious'], warning: ['warning', 'warnings'], advice: ['advice', 'advice'], info: ['hint', 'hints'] };
const severityNoun = (sev, n) => NOUNS[sev][n === 1 ? 0 : 1];
const severityRank = (sev) => SEVERITY_ORDER.indexOf(sev);

function fileSize(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function initAudit({ settings }) {
  const view = $('#view-audit');
  const zone = $('#drop-zone');
  const input = $('#archive-input');
  const progressCard = $('#audit-progress-card');
  const progress = $('#audit-progress');
  const progressText = $('#audit-progress-text');
  const progressLive = $('#audit-live');
  const cancel = $('#audit-cancel');
  const errorBox = $('#audit-error');
  const results = $('#audit-results');

  let worker = null;
  let csvUrl = null;
  let state = null; // { rules, ranked, summary, source, filter, shown }

  function stop() {
    worker?.terminate();
    worker = null;
  }

  function fail(message) {
    stop();
    progressCard.hidden = true;
    errorBox.replaceChildren(h('p', { class: 'error-title' }, 'That file could not be audited'), h('p', {}, message));
    errorBox.hidden = false;
    errorBox.focus();
    view.dataset.audit = 'error';
  }

  function start(file) {
    stop();
    errorBox.hidden = true;
    results.hidden = true;
    progressCard.hidden = false;
    progress.removeAttribute('value');
    progressText.textContent = `Reading ${file.name} (${fileSize(file.size)})…`;
    progressLive.textContent = `Reading ${file.name}.`;
    view.dataset.audit = 'running';
    let milestone = 0;
    let rules = {};
    const raw = [];
    worker = new Worker(new URL('audit-worker.js', document.baseURI), { type: 'module', name: 'postcheck-audit' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'parsed') {
        progress.max = data.total;
        progress.value = 0;
        progressText.textContent = `Checking ${plural(data.total, 'post')} from ${SOURCE_NAME[data.source]}…`;
        progressLive.textContent = `Found ${plural(data.total, 'post')}. Checking them now.`;
      } else if (data.type === 'rules') {
        rules = data.rules;
      } else if (data.type === 'progress') {
        for (const r of data.batch) raw.push(r);
        progress.max = data.total;
        progress.value = data.done;
        progressText.textContent = `Checked ${fmt(data.done)} of ${plural(data.total, 'post')}…`;
        const m = Math.floor((data.done / data.total) * 4);
        if (m > milestone && m < 4) {
          milestone = m;
          progressLive.textContent = `${m * 25}% checked.`;
        }
      } else if (data.type === 'done') {
        stop();
        progress.value = progress.max;
        progressCard.hidden = true;
        show({ ...data, rules, results: raw });
      } else if (data.type === 'error') {
        fail(data.message);
      }
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      fail(`The checker stopped unexpectedly${e.message ? `: ${e.message}` : ''}.`);
    };
    worker.postMessage({ type: 'audit', file, account: settings.account, orgTerms: contextTerms(settings.orgTerms) });
  }

  cancel.addEventListener('click', () => {
    stop();
    progressCard.hidden = true;
    view.dataset.audit = 'cancelled';
    progressLive.textContent = 'Audit cancelled.';
    zone.querySelector('.drop-button')?.focus();
  });

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) start(file);
  });
  // Drop onto the zone (or anywhere in the audit view).
  view.addEventListener('dragover', (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    zone.classList.add('is-over');
  });
  view.addEventListener('dragleave', (e) => {
    if (!view.contains(e.relatedTarget)) zone.classList.remove('is-over');
  });
  view.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    const file = e.dataTransfer?.files?.[0];
    if (file) start(file);
  });

  // ---- results ---------------------------------------------------------------

  function show({ total, source, rules, results: raw, summary, order, csv, ms }) {
    // Posts stay compact ([rule, severity, start, end] findings) until shown.
    const ranked = order.map((k) => raw[k]);
    for (const r of ranked) r.categories = new Set(r.f.map(([rule]) => rules[rule]?.category));
    state = { rules, ranked, summary, source, filter: '', shown: PAGE_SIZE };
    const years = summary.byYear.filter((y) => y.year !== 'Undated').map((y) => y.year);
    const span = years.length ? (years[0] === years.at(-1) ? ` from ${years[0]}` : `, ${years[0]} to ${years.at(-1)}`) : '';

    const catRows = CATEGORIES.filter((c) => summary.byCategory[c.id])
      .map((c) => ({ id: c.id, label: c.label, value: summary.byCategory[c.id], posts: summary.postsByCategory[c.id] }))
      .sort((a, b) => b.value - a.value);

    const stat = (value, label, cls = '') => h('li', { class: `stat ${cls}` }, h('span', { class: 'stat-value' }, fmt(value)), h('span', { class: 'stat-label' }, label));

    const csvLink = h('a', { class: 'button button-secondary', id: 'audit-csv' }, 'Download findings (CSV)');
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(csv);
    csvLink.href = csvUrl;
    csvLink.download = `postcheck-audit-${SOURCE_NAME[source].toLowerCase()}.csv`;

    const filter = h('select', { id: 'audit-filter' },
      h('option', { value: '' }, `All categories (${plural(summary.flagged, 'post')})`),
      catRows.map((r) => h('option', { value: r.id }, `${r.label} (${plural(r.posts, 'post')})`)));
    filter.addEventListener('change', () => {
      state.filter = filter.value;
      state.shown = PAGE_SIZE;
      renderList();
    });

    results.replaceChildren(
      h('div', { class: 'results-head' },
        h('h2', { id: 'results-heading', tabindex: '-1' }, 'What your history shows'),
        h('p', { class: 'lede' },
          `Checked ${plural(total, 'post')} from ${SOURCE_NAME[source]}${span}, in ${(ms / 1000).toFixed(1)} seconds on this device. `,
          summary.toReview ? `${plural(summary.toReview, 'post')} may be worth a second look.` : 'Nothing above a hint was found.')),
      h('ul', { class: 'stats' },
        stat(total, 'posts checked'),
        stat(summary.toReview, 'posts to review', 'stat-review'),
        SEVERITY_ORDER.map((sev) => stat(summary.bySeverity[sev], severityNoun(sev, summary.bySeverity[sev]), `stat-${sev}`))),
      summary.findings
        ? h('div', { class: 'charts' },
          h('figure', { class: 'card chart-card' },
            h('figcaption', { id: 'chart-cat-title' }, 'Findings by category'),
            categoryChart(catRows, { labelledBy: 'chart-cat-title' }),
            h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
              dataTable('Findings by category', ['Category', 'Findings', 'Posts'], catRows.map((r) => ({ id: r.id, cells: [r.label, r.value, r.posts] })), { rowAttrs: (r) => ({ dataset: { category: r.id } }) }))),
          h('figure', { class: 'card chart-card' },
            h('figcaption', { id: 'chart-year-title' }, 'Findings by year'),
            yearChart(summary.byYear, { labelledBy: 'chart-year-title' }),
            severityLegend(),
            h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
              dataTable('Findings by year and severity', ['Year', ...SEVERITY_ORDER.map((s) => (s === 'info' ? 'Hints' : SEVERITY_LABEL[s]))], summary.byYear.map((y) => ({ cells: [y.year, ...SEVERITY_ORDER.map((s) => y[s])] }))))))
        : h('div', { class: 'card empty empty-ok' }, h('p', { class: 'empty-title' }, 'Nothing flagged'), h('p', {}, 'None of these posts has anything PostCheck looks for. It cannot catch everything, but this is a good sign.')),
      summary.flagged
        ? h('section', { class: 'post-section', 'aria-labelledby': 'posts-heading' },
          h('div', { class: 'list-head' },
            h('h3', { id: 'posts-heading' }, 'Riskiest posts first'),
            h('div', { class: 'list-tools' },
              h('div', { class: 'field field-inline' }, h('label', { for: 'audit-filter' }, 'Show'), filter),
              csvLink)),
          h('p', { id: 'audit-count', class: 'list-count', role: 'status' }),
          h('ol', { id: 'audit-posts', class: 'posts' }),
          h('button', { type: 'button', id: 'audit-more', class: 'button button-secondary', hidden: true, onclick: more }, 'Show more'))
        : null);
    results.hidden = false;
    view.dataset.audit = 'done';
    progressLive.textContent = `Audit finished: ${plural(summary.findings, 'finding')} in ${plural(summary.flagged, 'post')}.`;
    if (summary.flagged) renderList();
    $('#results-heading').focus({ preventScroll: false });
  }

  function filtered() {
    return state.filter ? state.ranked.filter((r) => r.categories.has(state.filter)) : state.ranked;
  }

  function postItem(r) {
    const p = expandPost(r, state.rules);
    // The filtered category first, then by severity, then by position.
    const findings = [...p.findings].sort((a, b) => (state.filter ? (b.category === state.filter) - (a.category === state.filter) : 0)
      || severityRank(a.severity) - severityRank(b.severity) || a.start - b.start);
    const textEl = h('p', { class: 'post-text' });
    renderHighlights(textEl, p.text, p.findings.filter((f) => f.end > f.start));
    return h('li', { class: `post sev-${p.worst}` },
      h('div', { class: 'post-head' },
        h('span', { class: `badge sev-${p.worst}` }, severityIcon(p.worst), SEVERITY_LABEL[p.worst]),
        p.time != null ? h('time', { datetime: new Date(p.time).toISOString() }, showDate(p.time)) : h('span', {}, 'Undated'),
        h('span', { class: 'post-score' }, `risk score ${p.score}`)),
      textEl,
      h('ul', { class: 'post-findings' }, findings.map((f) => h('li', { class: `pf sev-${f.severity}` },
        h('details', {},
          h('summary', {},
            h('span', { class: `badge badge-small sev-${f.severity}` }, severityIcon(f.severity), SEVERITY_LABEL[f.severity]),
            h('strong', {}, categoryLabel(f.category)),
            f.text ? h('span', { class: 'pf-text' }, ` “${f.text.length > 50 ? `${f.text.slice(0, 49)}…` : f.text}”`) : h('span', { class: 'pf-text' }, ' (the whole post)')),
          h('div', { class: 'pf-body' },
            h('p', {}, f.message),
            f.suggestion ? h('div', { class: 'finding-safer' }, h('p', { class: 'safer-label' }, 'Safer wording'), h('p', {}, f.suggestion)) : null,
            citations(f.sources, f.category)))))));
  }

  function renderList() {
    const list = filtered();
    const shown = list.slice(0, state.shown);
    $('#audit-posts').replaceChildren(...shown.map(postItem));
    const label = state.filter ? ` with ${categoryLabel(state.filter).toLowerCase()} findings` : ' with findings';
    $('#audit-count').textContent = `Showing ${fmt(shown.length)} of ${plural(list.length, 'post')}${label}.`;
    const moreBtn = $('#audit-more');
    moreBtn.hidden = shown.length >= list.length;
    moreBtn.textContent = `Show ${fmt(Math.min(PAGE_SIZE, list.length - shown.length))} more`;
  }

  function more() {
    const before = state.shown;
    state.shown += PAGE_SIZE;
    renderList();
    $('#audit-posts').children[before]?.querySelector('summary')?.focus();
  }
}
