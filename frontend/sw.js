// Hearth's service worker: keeps the app shell (index.html, the hashed bundles, manifest, icons) so the dashboard
// opens and says "offline" when the hub cannot be reached, instead of the browser's error page.
// frontend/vite.config.ts fills in SHELL and VERSION at build time; a new build is a new cache, the old one is dropped.
// /api is never answered from the cache: live state must come from the hub or not at all.
const VERSION = __HEARTH_VERSION__;
const SHELL = __HEARTH_SHELL__;
const CACHE = `hearth-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('hearth-shell-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Network first, so an upgraded hub shows at once; the cached shell only when the hub is unreachable.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
