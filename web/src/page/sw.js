// PostCheck's service worker: caches this page's own files (the list is
// written in by the build) so the page works with the network off. It
// answers only for those files and never fetches anything else.
/* global __POSTCHECK_VERSION__, __POSTCHECK_FILES__ */
const VERSION = __POSTCHECK_VERSION__;
const FILES = __POSTCHECK_FILES__;
const CACHE = `postcheck-page-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('postcheck-page-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  let file = decodeURIComponent(url.pathname.slice(scope.pathname.length));
  if (file === '') file = 'index.html';
  if (!FILES.includes(file)) return; // not one of ours: the browser handles it as usual
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(file))
    .then((hit) => hit ?? fetch(req)));
});
