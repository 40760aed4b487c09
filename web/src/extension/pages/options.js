// The options page: every setting is saved to storage.local as soon as it
// changes; values council IT set in storage.managed are shown but locked.
import { ext } from '../shared/ext.js';
import { MSG } from '../shared/messages.js';
import { loadSettings, saveSettings, onSettingsChanged, TERM_LISTS, PLATFORMS, MEETING_HOURS } from '../shared/settings.js';
import { CATEGORY_BY_ID } from '../../shared/categories.js';

const $ = (sel) => document.querySelector(sel);
let current = null;
let locked = [];
let rulesById = new Map();

function say(text) {
  const s = $('#saved');
  s.textContent = text;
  clearTimeout(say.t);
  say.t = setTimeout(() => { s.textContent = ''; }, 2500);
}

async function save(patch, message = 'Saved.') {
  await saveSettings(patch);
  say(message);
}

function lockSection(key, isLocked) {
  for (const box of document.querySelectorAll(`[data-key="${key}"]`)) {
    for (const input of box.querySelectorAll('input, select, textarea, button')) input.disabled = isLocked;
    for (const label of box.querySelectorAll('.locked-label')) label.hidden = !isLocked;
  }
}

function render() {
  const s = current;
  for (const r of document.querySelectorAll('input[name="profile"]')) r.checked = r.value === s.profile;
  for (const p of PLATFORMS) {
    const row = document.querySelector(`tr[data-platform="${p}"]`);
    row.querySelector('[data-field="enabled"]').checked = s.platforms[p].enabled;
    row.querySelector('[data-field="account"]').value = s.platforms[p].account;
  }
  $('#showHints').checked = s.showHints;
  for (const k of TERM_LISTS) {
    const area = $(`#terms-${k}`);
    if (document.activeElement !== area) area.value = s.orgTerms[k].join('\n');
  }
  $('#quiet-enabled').checked = s.quietHours.enabled;
  $('#quiet-start').value = s.quietHours.start;
  $('#quiet-end').value = s.quietHours.end;
  const meetingOn = s.meeting.on && Date.now() < s.meeting.until;
  $('#meeting').checked = meetingOn;
  $('#meeting-status').textContent = meetingOn
    ? `Meeting mode is on until ${new Date(s.meeting.until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`
    : `While it is on, PostCheck reminds you that posting during a meeting (especially planning or licensing) can look like you are not engaging. It turns itself off after ${MEETING_HOURS} hours.`;
  renderSites();
  renderDisabled();
  for (const key of ['profile', 'platforms', 'showHints', 'orgTerms', 'quietHours', 'disabledRules']) lockSection(key, locked.includes(key));
  $('#managed-note').hidden = locked.length === 0;
}

function renderSites() {
  const list = $('#sites');
  list.replaceChildren(...current.otherSites.map((origin) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = origin;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${origin}`);
    remove.addEventListener('click', async () => {
      await ext.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
      await save({ otherSites: current.otherSites.filter((o) => o !== origin) }, `${origin} removed.`);
      ext.runtime.sendMessage({ type: MSG.SYNC_SITES }).catch(() => {});
    });
    li.append(name, ' ', remove);
    return li;
  }));
}

function describeRule(id) {
  const r = rulesById.get(id);
  if (!r) return id;
  const cat = CATEGORY_BY_ID[r.category]?.label ?? r.category;
  return `${cat}: ${r.message.split(/(?<=\.)\s/)[0]}`;
}

function renderDisabled() {
  const list = $('#disabled-rules');
  const items = current.disabledRules.map((id) => {
    const li = document.createElement('li');
    li.dataset.rule = id;
    const text = document.createElement('span');
    text.textContent = describeRule(id);
    const code = document.createElement('code');
    code.textContent = id;
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.textContent = 'Turn back on';
    undo.setAttribute('aria-label', `Turn ${id} back on`);
    undo.disabled = locked.includes('disabledRules');
    undo.addEventListener('click', () => save({ disabledRules: current.disabledRules.filter((x) => x !== id) }, 'Rule turned back on.'));
    li.append(text, ' ', code, ' ', undo);
    return li;
  });
  list.replaceChildren(...items);
  $('#no-disabled').hidden = items.length > 0;
}

async function reload() {
  ({ settings: current, locked } = await loadSettings());
  render();
}

function wire() {
  for (const r of document.querySelectorAll('input[name="profile"]')) {
    r.addEventListener('change', () => save({ profile: r.value }));
  }
  for (const p of PLATFORMS) {
    const row = document.querySelector(`tr[data-platform="${p}"]`);
    for (const field of row.querySelectorAll('[data-field]')) {
      field.addEventListener('change', () => {
        const platforms = structuredClone(current.platforms);
        platforms[p][field.dataset.field] = field.type === 'checkbox' ? field.checked : field.value;
        save({ platforms });
      });
    }
  }
  $('#showHints').addEventListener('change', (e) => save({ showHints: e.target.checked }));
  $('#save-terms').addEventListener('click', () => {
    const orgTerms = {};
    for (const k of TERM_LISTS) orgTerms[k] = $(`#terms-${k}`).value.split('\n').map((x) => x.trim()).filter(Boolean);
    save({ orgTerms }, 'Terms saved.');
  });
  const quiet = () => save({ quietHours: { enabled: $('#quiet-enabled').checked, start: $('#quiet-start').value || '23:00', end: $('#quiet-end').value || '05:00' } });
  for (const id of ['#quiet-enabled', '#quiet-start', '#quiet-end']) $(id).addEventListener('change', quiet);
  $('#meeting').addEventListener('change', (e) => {
    const on = e.target.checked;
    save({ meeting: { on, until: on ? Date.now() + MEETING_HOURS * 3600_000 : 0 } }, on ? 'Meeting mode on.' : 'Meeting mode off.');
  });
  $('#add-site').addEventListener('submit', (e) => {
    e.preventDefault();
    $('#site-error').textContent = '';
    let origin;
    try {
      const u = new URL($('#site-input').value.trim());
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
      origin = u.origin;
    } catch {
      $('#site-error').textContent = 'Enter a web address such as https://nextdoor.co.uk';
      return;
    }
    // Must be asked straight from the click, before anything is awaited.
    ext.permissions.request({ permissions: ['scripting'], origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) {
        $('#site-error').textContent = `PostCheck was not allowed on ${origin}.`;
        return;
      }
      if (!current.otherSites.includes(origin)) await save({ otherSites: [...current.otherSites, origin] }, `${origin} added.`);
      $('#site-input').value = '';
      await ext.runtime.sendMessage({ type: MSG.SYNC_SITES }).catch(() => {});
    }, (err) => {
      $('#site-error').textContent = `Could not add the site: ${err.message}`;
    });
  });
}

async function loadRules() {
  try {
    const res = await ext.runtime.sendMessage({ type: MSG.RULES });
    if (res?.rules) rulesById = new Map(res.rules.map((r) => [r.id, r]));
  } catch {
    // Shown by id only.
  }
  if (current) renderDisabled();
}

wire();
reload().then(loadRules);
onSettingsChanged(reload);
