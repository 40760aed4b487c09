// "Check a draft": the textarea with its highlight layer, the context
// controls, the findings panel and the live region.
import { CATEGORY_BY_ID, SEVERITY_ORDER, SEVERITY_LABEL } from '../shared/categories.js';
import { h, $, debounce, fmt, plural, reducedMotion } from './dom.js';
import { renderHighlights, setActiveHighlight } from './overlay.js';
import { citations } from './citation.js';
import { PLATFORMS, countFor } from './char-count.js';
import { contextTerms, saveSettings } from './settings.js';
import { localTimeString, normaliseLocalTime, showLocalTime } from './time.js';
import { severityIcon } from './icons.js';

export const EXAMPLE_DRAFT =
  'Just out of the Part II session 😡 the leisure centre is closing. Cllr Dave Smith stole the money from the fund. ' +
  'I will be voting against the Tesco application on Tuesday whatever the officers say. ' +
  'Anyone worried can ring Sarah on 07700 900123. Honestly the planning officer is an idiot!!!';

const key = (f) => `${f.rule}\u0000${f.text}`;
const MAX_CARDS = 100; // per severity group
const categoryLabel = (id) => CATEGORY_BY_ID[id]?.label ?? id;
const severityRank = (s) => SEVERITY_ORDER.indexOf(s);

/** Panel order: grouped by severity (serious first), then by position. */
export function panelOrder(findings) {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

function truncate(t, n = 90) {
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export function initDraft({ settings, checker: checkerPromise }) {
  const ta = $('#draft');
  const mirror = $('#draft-mirror');
  const panel = $('#findings');
  const panelScroll = $('#findings-scroll');
  const summary = $('#findings-summary');
  const live = $('#draft-live');
  const counter = $('#draft-count');
  const status = $('#checker-status');
  const errorBox = $('#draft-error');

  let checker = null;
  let visible = [];
  let activeIndex = -1;
  let lastSignature = null;
  let timeOverride = null;
  let shownMinute = null;
  const ignored = new Map();

  // ---- context -------------------------------------------------------------

  const localTime = () => timeOverride ?? localTimeString();

  function context() {
    const ctx = { account: settings.account, platform: settings.platform, inMeeting: settings.inMeeting, localTime: localTime() };
    const terms = contextTerms(settings.orgTerms);
    if (terms) ctx.orgTerms = terms;
    return ctx;
  }

  function settingsChanged() {
    saveSettings(settings);
    check();
  }

  for (const radio of document.querySelectorAll('input[name="account"]')) {
    radio.checked = radio.value === settings.account;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      settings.account = radio.value;
      settingsChanged();
    });
  }
  const platform = $('#platform');
  platform.value = settings.platform;
  platform.addEventListener('change', () => {
    settings.platform = platform.value;
    settingsChanged();
  });
  const meeting = $('#in-meeting');
  meeting.checked = settings.inMeeting;
  meeting.addEventListener('change', () => {
    settings.inMeeting = meeting.checked;
    settingsChanged();
  });

  // Local time: from the clock unless the person sets one (for trying things out).
  const timeShown = $('#time-shown');
  const timeSource = $('#time-source');
  const timeEdit = $('#time-edit');
  const timeChange = $('#time-change');
  const timeInput = $('#time-input');
  function showTime() {
    const t = localTime();
    timeShown.textContent = showLocalTime(t);
    timeShown.dateTime = t;
    timeSource.textContent = timeOverride ? 'set by you' : 'from this device’s clock';
    timeChange.textContent = timeOverride ? 'Change' : 'Set a time';
  }
  timeChange.addEventListener('click', () => {
    const open = timeEdit.hidden;
    timeEdit.hidden = !open;
    timeChange.setAttribute('aria-expanded', String(open));
    if (open) {
      timeInput.value = localTime();
      timeInput.focus();
    }
  });
  timeInput.addEventListener('change', () => {
    const t = normaliseLocalTime(timeInput.value);
    if (!t) return;
    timeOverride = t;
    showTime();
    check();
  });
  $('#time-clock').addEventListener('click', () => {
    timeOverride = null;
    timeEdit.hidden = true;
    timeChange.setAttribute('aria-expanded', 'false');
    showTime();
    check();
    timeChange.focus();
  });
  showTime();
  setInterval(() => {
    if (timeOverride) return;
    const now = localTimeString();
    if (now !== shownMinute) {
      shownMinute = now;
      showTime();
      check();
    }
  }, 15000);

  // ---- checking ------------------------------------------------------------

  function updateCounter() {
    const p = PLATFORMS[settings.platform] ?? PLATFORMS.other;
    const n = countFor(settings.platform, ta.value);
    counter.classList.toggle('is-over', p.limit !== null && n > p.limit);
    if (p.limit === null) {
      counter.textContent = `${plural(n, 'character')}`;
    } else if (n > p.limit) {
      counter.textContent = `${fmt(n)} / ${fmt(p.limit)} — ${fmt(n - p.limit)} over ${p.label}’s limit`;
    } else {
      counter.textContent = `${fmt(n)} / ${fmt(p.limit)}`;
    }
    counter.title = settings.platform === 'x' ? 'Counted as X counts: links 23, emoji and some scripts 2' : '';
  }

  function check() {
    const text = ta.value;
    let findings = [];
    errorBox.hidden = true;
    if (checker && text.trim()) {
      try {
        findings = checker.check(text, context());
      } catch (e) {
        errorBox.textContent = `This draft could not be checked: ${e.message}`;
        errorBox.hidden = false;
      }
    }
    visible = panelOrder(findings.filter((f) => !ignored.has(key(f))));
    renderHighlights(mirror, text, visible);
    const signature = `${checker ? 'ready' : 'loading'}|${text.trim() ? 'text' : 'empty'}|${ignored.size}|${visible.map((f) => `${f.rule}:${f.severity}:${f.start}:${f.end}:${f.text}`).join('|')}`;
    if (signature !== lastSignature) {
      lastSignature = signature;
      activeIndex = -1;
      renderPanel();
      announce();
    }
    updateCounter();
    updateActiveFromCaret(false);
  }

  // Auto-grow for browsers without `field-sizing: content`.
  const autoGrow = !CSS.supports?.('field-sizing', 'content');
  function grow() {
    if (!autoGrow) return;
    ta.style.height = 'auto';
    ta.style.height = `${ta.scrollHeight + ta.offsetHeight - ta.clientHeight}px`;
  }

  // Short drafts are checked on every keystroke. A very long one (up to
  // Facebook's 63,206 characters) is checked once typing pauses, so that
  // typing never waits for the checker.
  const LONG_DRAFT = 4000;
  const checkSoon = debounce(check, 250);
  ta.addEventListener('input', () => {
    grow();
    if (ta.value.length > LONG_DRAFT) {
      renderHighlights(mirror, ta.value, []);
      updateCounter();
      checkSoon();
    } else {
      checkSoon.cancel();
      check();
    }
  });
  ta.addEventListener('scroll', () => {
    mirror.scrollTop = ta.scrollTop;
    mirror.scrollLeft = ta.scrollLeft;
  });

  // ---- the panel -----------------------------------------------------------

  function summaryText() {
    if (!visible.length) return '';
    const counts = SEVERITY_ORDER.map((s) => [s, visible.filter((f) => f.severity === s).length]).filter(([, n]) => n);
    return counts.map(([s, n]) => `${fmt(n)} ${s === 'info' ? (n === 1 ? 'hint' : 'hints') : SEVERITY_LABEL[s].toLowerCase() + (n === 1 || s === 'advice' ? '' : 's')}`).join(', ');
  }

  function exampleButton() {
    return h('button', {
      type: 'button',
      class: 'button button-secondary',
      onclick: () => {
        ta.focus();
        ta.select();
        // execCommand keeps the textarea's own undo history; fall back if it is gone.
        if (!document.execCommand?.('insertText', false, EXAMPLE_DRAFT)) {
          ta.value = EXAMPLE_DRAFT;
          ta.dispatchEvent(new Event('input'));
        }
        ta.setSelectionRange(0, 0);
        ta.scrollIntoView({ block: 'nearest' });
      },
    }, 'Try an example post');
  }

  function findingCard(f, i) {
    const whole = f.end <= f.start;
    const cat = categoryLabel(f.category);
    const item = h('li', { class: `finding sev-${f.severity}`, id: `finding-${i}`, dataset: { i: String(i), rule: f.rule, category: f.category, severity: f.severity, start: String(f.start), end: String(f.end) } },
      h('p', { class: 'finding-top' },
        h('span', { class: `badge sev-${f.severity}` }, severityIcon(f.severity), SEVERITY_LABEL[f.severity]),
        h('span', { class: 'finding-cat' }, cat)),
      whole
        ? h('p', { class: 'finding-whole' }, 'About the whole post')
        : h('button', { type: 'button', class: 'finding-quote', dataset: { i: String(i) }, 'aria-describedby': `finding-${i}-msg` },
          h('span', { class: 'visually-hidden' }, 'Select in your draft: '),
          h('q', {}, truncate(f.text))),
      h('p', { class: 'finding-msg', id: `finding-${i}-msg` }, f.message),
      f.suggestion ? h('div', { class: 'finding-safer' }, h('p', { class: 'safer-label' }, 'Safer wording'), h('p', {}, f.suggestion)) : null,
      citations(f.sources, f.category),
      h('p', { class: 'finding-actions' },
        h('button', { type: 'button', class: 'button-link ignore', dataset: { i: String(i) } }, 'Ignore this', h('span', { class: 'visually-hidden' }, `: ${cat}${whole ? '' : ` “${truncate(f.text, 40)}”`}`))));
    return item;
  }

  function renderPanel() {
    summary.textContent = summaryText();
    const nodes = [];
    if (!checker) {
      nodes.push(h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, 'Preparing the checker…'), h('p', {}, 'This takes a moment the first time. Everything runs in this browser.')));
    } else if (!ta.value.trim()) {
      nodes.push(h('div', { class: 'empty' },
        h('p', { class: 'empty-title' }, 'Nothing to check yet'),
        h('p', {}, 'Type or paste a draft on the left. Anything that could breach your council’s social media policy, or expose someone, is underlined as you type and explained here, with the policy it comes from and a safer way to say it.'),
        exampleButton()));
    } else if (!visible.length) {
      nodes.push(h('div', { class: 'empty empty-ok' },
        h('p', { class: 'empty-title' }, 'Nothing flagged in this draft'),
        h('p', {}, 'PostCheck cannot catch everything. Read it once more as a resident, a journalist or the person you mention would, before you post.')));
    } else {
      for (const sev of SEVERITY_ORDER) {
        const group = visible.map((f, i) => [f, i]).filter(([f]) => f.severity === sev);
        if (!group.length) continue;
        nodes.push(h('section', { class: `group sev-${sev}`, 'aria-labelledby': `group-${sev}` },
          h('h3', { class: 'group-title', id: `group-${sev}` }, sev === 'info' ? 'Hints' : SEVERITY_LABEL[sev], h('span', { class: 'group-count' }, ` (${group.length})`)),
          h('ol', { class: 'finding-list' }, group.slice(0, MAX_CARDS).map(([f, i]) => findingCard(f, i))),
          group.length > MAX_CARDS ? h('p', { class: 'help more-note' }, `${fmt(group.length - MAX_CARDS)} more not listed here; they are still underlined in the draft.`) : null));
      }
    }
    if (ignored.size) {
      nodes.push(h('details', { class: 'ignored' },
        h('summary', {}, `Ignored for this draft (${ignored.size})`),
        h('ul', {}, [...ignored.entries()].map(([k, f]) => h('li', {},
          h('span', {}, `${categoryLabel(f.category)}${f.text ? `: “${truncate(f.text, 40)}”` : ''}`),
          h('button', { type: 'button', class: 'button-link restore', dataset: { key: k } }, 'Restore'))))));
    }
    panel.replaceChildren(...nodes);
    panel.setAttribute('aria-busy', String(!checker));
  }

  function selectFinding(i) {
    const f = visible[i];
    if (!f) return;
    ta.focus({ preventScroll: true });
    if (f.end > f.start) ta.setSelectionRange(f.start, f.end, 'forward');
    setActive(i, { reveal: false });
    const mark = mirror.querySelector(`mark[data-f~="${i}"]`);
    (mark ?? ta).scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }

  function ignore(i) {
    const f = visible[i];
    if (!f) return;
    ignored.set(key(f), { category: f.category, text: f.text });
    lastSignature = null;
    check();
    // Keep the keyboard where it was: the next finding, or the panel heading.
    const next = panel.querySelector(`.finding[data-i="${Math.min(i, visible.length - 1)}"] button`);
    (next ?? $('#findings-heading')).focus();
  }

  panel.addEventListener('click', (e) => {
    const t = e.target;
    const restore = t.closest('button.restore');
    if (restore) {
      ignored.delete(restore.dataset.key);
      lastSignature = null;
      check();
      $('#findings-heading').focus();
      return;
    }
    const ign = t.closest('button.ignore');
    if (ign) return ignore(Number(ign.dataset.i));
    if (t.closest('a, summary, details .cite, select, input')) return;
    const card = t.closest('.finding');
    if (card && (t.closest('button.finding-quote') || !window.getSelection()?.toString())) selectFinding(Number(card.dataset.i));
  });

  // ---- the caret and the panel ---------------------------------------------

  function revealInPanel(el) {
    if (!el || panelScroll.scrollHeight <= panelScroll.clientHeight) return;
    const r = el.getBoundingClientRect();
    const box = panelScroll.getBoundingClientRect();
    if (r.top < box.top) panelScroll.scrollTop -= box.top - r.top + 12;
    else if (r.bottom > box.bottom) panelScroll.scrollTop += Math.min(r.bottom - box.bottom + 12, r.top - box.top - 12);
  }

  function setActive(i, { reveal = true } = {}) {
    if (i === activeIndex) return;
    activeIndex = i;
    for (const card of panel.querySelectorAll('.finding.is-active')) {
      card.classList.remove('is-active');
      card.removeAttribute('aria-current');
    }
    setActiveHighlight(mirror, i);
    if (i < 0) return;
    const card = panel.querySelector(`.finding[data-i="${i}"]`);
    if (card) {
      card.classList.add('is-active');
      card.setAttribute('aria-current', 'true');
      if (reveal) revealInPanel(card);
    }
    announceCaret(visible[i]);
  }

  /** The finding under the caret (or around the selection): the narrowest, then the most severe. */
  function findingAtCaret() {
    const a = ta.selectionStart;
    const b = ta.selectionEnd;
    let best = -1;
    visible.forEach((f, i) => {
      if (f.end <= f.start) return;
      const inside = a === b ? f.start <= a && a <= f.end : f.start <= a && b <= f.end;
      if (!inside) return;
      if (best < 0) return void (best = i);
      const g = visible[best];
      const wider = (f.end - f.start) - (g.end - g.start);
      if (wider < 0 || (wider === 0 && severityRank(f.severity) < severityRank(g.severity))) best = i;
    });
    return best;
  }

  function updateActiveFromCaret(reveal = true) {
    if (document.activeElement !== ta) return;
    setActive(findingAtCaret(), { reveal });
  }
  document.addEventListener('selectionchange', () => updateActiveFromCaret());
  ta.addEventListener('click', () => updateActiveFromCaret());
  ta.addEventListener('keyup', () => updateActiveFromCaret());

  // ---- announcements (polite, debounced) -----------------------------------

  let lastAnnounced = '';
  const say = debounce((msg) => {
    if (msg === lastAnnounced) return;
    lastAnnounced = msg;
    live.textContent = msg;
  }, 1200);

  function announce() {
    if (!checker || !ta.value.trim()) return;
    if (!visible.length) return say('Nothing flagged in this draft.');
    const first = visible[0];
    say(`${plural(visible.length, 'thing')} to check: ${summaryText()}. Most important: ${categoryLabel(first.category)}${first.text ? `, “${truncate(first.text, 40)}”` : ''}.`);
  }

  function announceCaret(f) {
    if (!f) return;
    say(`Flagged: ${SEVERITY_LABEL[f.severity]}, ${categoryLabel(f.category)}. ${f.message.split(/(?<=\.)\s/)[0]}`);
  }

  // ---- the rest --------------------------------------------------------------

  $('#draft-clear').addEventListener('click', () => {
    ta.focus();
    ta.select();
    if (!document.execCommand?.('delete')) {
      ta.value = '';
      ta.dispatchEvent(new Event('input'));
    }
  });

  renderPanel();
  updateCounter();
  grow();
  checkerPromise.then((c) => {
    checker = c;
    status.textContent = 'Checker ready';
    status.classList.add('is-ready');
    check();
  }, (e) => {
    status.textContent = 'The checker could not start';
    errorBox.textContent = `PostCheck could not start its checker in this browser: ${e.message}`;
    errorBox.hidden = false;
  });

  return {
    recheck: check,
    get findings() {
      return visible;
    },
  };
}
