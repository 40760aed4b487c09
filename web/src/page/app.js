// PostCheck's self-service page. Everything here runs in this browser: the
// checker is WebAssembly embedded in a script (so nothing is fetched), the
// audit runs in a Web Worker, settings live in localStorage, and the page's
// CSP forbids any network connection.
import { loadSettings } from './settings.js';
import { initTabs } from './tabs.js';
import { initDraft } from './draft.js';
import { initTerms } from './terms.js';
import { initAudit } from './audit.js';
import { initWhy } from './why.js';

const root = document.documentElement;
const settings = loadSettings();

// The checker (about 1 MB with its rule packs) loads as a separate chunk so
// the page paints first.
const checker = import('@postcheck/checker/inline')
  .then(({ createChecker }) => createChecker({ profile: 'councillor' }))
  .then((c) => {
    root.dataset.checker = 'ready';
    return c;
  }, (e) => {
    root.dataset.checker = 'failed';
    throw e;
  });

initTabs();
// A file dropped outside the audit's drop zone must not make the browser
// open it in place of the page (text dropped into the draft still works).
for (const type of ['dragover', 'drop']) {
  addEventListener(type, (e) => {
    if (e.dataTransfer?.types?.includes('Files')) e.preventDefault();
  });
}
const draft = initDraft({ settings, checker });
initTerms({ settings, onChange: () => draft.recheck() });
initAudit({ settings });
initWhy();

// Offline: a service worker that caches this page's own files, nothing else.
const offline = document.getElementById('offline-status');
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('sw.js', { scope: './' }).then(() => navigator.serviceWorker.ready).then(() => {
    offline.textContent = 'Ready to work offline.';
    root.dataset.offline = 'ready';
  }, () => {
    offline.textContent = 'Offline use is not available here.';
  });
} else {
  offline.textContent = 'Offline use needs HTTPS or localhost.';
}
root.dataset.app = 'ready';
