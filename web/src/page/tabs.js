// The three views as an ARIA tab set: arrow keys, Home and End move between
// tabs; the address's #fragment remembers which is open.
import { $$ } from './dom.js';

export function initTabs({ onShow } = {}) {
  const tabs = $$('[role="tab"]');
  const names = tabs.map((t) => t.dataset.view);

  function select(name, { focus = false, remember = true } = {}) {
    if (!names.includes(name)) name = names[0];
    for (const t of tabs) {
      const on = t.dataset.view === name;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) t.focus();
    }
    document.documentElement.dataset.view = name;
    if (remember && location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
    onShow?.(name);
  }

  for (const t of tabs) {
    t.addEventListener('click', () => select(t.dataset.view));
    t.addEventListener('keydown', (e) => {
      const i = names.indexOf(t.dataset.view);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: names.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(names[(to + names.length) % names.length], { focus: true });
    });
  }
  // In-page links such as href="#audit" open that view.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="#"]');
    if (!a || !names.includes(a.getAttribute('href').slice(1))) return;
    e.preventDefault();
    select(a.getAttribute('href').slice(1), { focus: true });
  });
  addEventListener('hashchange', () => select(location.hash.slice(1), { remember: false }));
  select(location.hash.slice(1), { remember: false });
  return { select };
}
