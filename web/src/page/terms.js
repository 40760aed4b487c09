// The organisation's term lists: edited one per line, remembered in this
// browser, imported from and exported to a JSON file.
import { h, $, debounce, blobLink, plural } from './dom.js';
import { TERM_LISTS, cleanTerms, parseTermsJSON, saveSettings, termCount, termsToJSON } from './settings.js';

export function initTerms({ settings, onChange }) {
  const fields = $('#term-fields');
  const countEl = $('#terms-count');
  const message = $('#terms-message');
  const exportLink = $('#terms-export');
  const importInput = $('#terms-import');
  const areas = {};

  for (const list of TERM_LISTS) {
    const id = `terms-${list.key}`;
    areas[list.key] = h('textarea', { id, class: 'term-input', rows: 3, spellcheck: 'false', 'aria-describedby': `${id}-help`, placeholder: `e.g. ${list.example}` });
    fields.append(h('div', { class: 'term-field' },
      h('label', { for: id }, list.label),
      h('p', { class: 'help', id: `${id}-help` }, `${list.help} One per line.`),
      areas[list.key]));
  }

  function show() {
    for (const list of TERM_LISTS) areas[list.key].value = settings.orgTerms[list.key].join('\n');
    refresh();
  }

  function refresh() {
    const n = termCount(settings.orgTerms);
    countEl.textContent = n ? plural(n, 'term') : 'none yet';
    blobLink(exportLink, termsToJSON(settings.orgTerms), 'application/json', 'postcheck-terms.json');
  }

  function say(text, isError = false) {
    message.textContent = text;
    message.classList.toggle('is-error', isError);
  }

  const commit = debounce(() => {
    const raw = Object.fromEntries(TERM_LISTS.map((l) => [l.key, areas[l.key].value.split('\n')]));
    settings.orgTerms = cleanTerms(raw);
    saveSettings(settings);
    refresh();
    onChange();
  }, 350);
  for (const a of Object.values(areas)) a.addEventListener('input', commit);

  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    try {
      settings.orgTerms = parseTermsJSON(await file.text());
      saveSettings(settings);
      show();
      onChange();
      say(`Imported ${plural(termCount(settings.orgTerms), 'term')} from ${file.name}.`);
    } catch (e) {
      say(`${file.name} was not imported. ${e.message}`, true);
    }
  });

  show();
}
