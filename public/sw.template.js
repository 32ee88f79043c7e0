/* StatGrid service worker (template).
 * The server fills in the build hash and the asset list, then serves this at /sw.js with
 * Cache-Control: no-cache. A new build changes these bytes, which is what starts the update flow. */
'use strict';

const VERSION = '__STATGRID_VERSION__';
const ASSETS = __STATGRID_ASSETS__;
const CACHE = 'statgrid-' + VERSION;

// Server-rendered pages that carry no user data, the same for everyone, so they are answered
// from the cache, online or not; user data is filled in on the client from IndexedDB after
// hydration.
// The filing pages (each kind's form filed there, which the server lists from the kinds'
// registry, /notices, /courses, /assessment and /settings) are hydrated by a bundle of their own.
const SHELL = ['/', '/login', '/visits/new', '/records', '/reports/new', '/settings', '/notices', '/courses', '/assessment', '/offline.html']
  .concat(__STATGRID_FILING_FORMS__);

const toPath = (url) => new URL(url, self.location.href).pathname;
const PRECACHED = new Set(ASSETS.map(toPath));
// addAll/put reject duplicate requests in one batch, and assets may repeat shell routes.
const PRECACHE = Array.from(new Set(SHELL.concat(ASSETS)));

// A response that went through a redirect cannot answer a navigation later
// ("redirected response used for a request whose redirect mode is not follow"),
// so store a copy without the redirect flag.
function clean(res) {
  if (!res.redirected) return Promise.resolve(res);
  return res.blob().then((body) => new Response(body, {
    status: res.status, statusText: res.statusText, headers: res.headers,
  }));
}

self.addEventListener('install', (event) => {
  // No skipWaiting here: the new version waits until the page, having told the user
  // (and with nothing half-written), posts SKIP_WAITING.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(PRECACHE.map((url) => {
    const req = new Request(url, { cache: 'reload', credentials: 'same-origin' });
    return fetch(req).then((res) => {
      // Same all-or-nothing rule as cache.addAll: one bad file fails the install,
      // so a half-filled cache never becomes active.
      if (!res.ok) throw new Error('precache ' + url + ': HTTP ' + res.status);
      return clean(res).then((r) => cache.put(req, r));
    });
  }))));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((k) => k.startsWith('statgrid-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// This version's copy of a shell page; none for any other path.
function cachedShell(cache, path) {
  return SHELL.includes(path) ? cache.match(path, { ignoreVary: true }) : Promise.resolve(undefined);
}

// A page of the app opens from this version's cache with no round trip, so a phone on a weak
// link starts at once, and the page always matches the bundles cached beside it (the server's
// page after a new build would be hydrated by this version's bundles). A new build reaches the
// phone as a new worker, whose install caches its own pages. Any other page, an office page
// with its data, comes from the network; with no network, offline.html says so.
function navigate(event, path) {
  return caches.open(CACHE).then((cache) => cachedShell(cache, path).then((hit) => hit
    || fetch(event.request).catch(() => cache.match('/offline.html', { ignoreVary: true })
      .then((page) => page || Response.error()))));
}

function cacheFirst(event) {
  return caches.open(CACHE).then((cache) => cache.match(event.request).then((hit) => hit
    || fetch(event.request).then((res) => {
      if (res.status === 200 && res.type === 'basic') {
        const copy = res.clone();
        event.waitUntil(clean(copy).then((r) => cache.put(event.request, r)));
      }
      return res;
    })));
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // Server functions, the sync API, the worker itself and health checks must always
  // see the real network; returning without respondWith leaves them untouched.
  if (url.pathname.startsWith('/api/') || url.pathname === '/sw.js' || url.pathname === '/healthz') return;

  if (req.mode === 'navigate') {
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '/';
    event.respondWith(navigate(event, path));
  } else if (PRECACHED.has(url.pathname) || url.pathname.startsWith('/pkg/')
      || url.pathname.startsWith('/icons/') || url.pathname === '/manifest.webmanifest') {
    event.respondWith(cacheFirst(event));
  }
});
