/* StatGrid service worker (template).
 * The server fills in the build hash and the asset list, then serves this at /sw.js with
 * Cache-Control: no-cache. A new build changes these bytes, which is what starts the update flow. */
'use strict';

const VERSION = '__STATGRID_VERSION__';
const ASSETS = __STATGRID_ASSETS__;
const CACHE = 'statgrid-' + VERSION;

// Server-rendered pages that carry no user data, so they are safe to replay offline;
// user data is filled in on the client from IndexedDB after hydration.
// The filing pages (each kind's form filed there, which the server lists from the kinds'
// registry, /notices, /courses and /settings) are shells of their own: another bundle hydrates them, so the "/"
// shell cannot stand in for them.
const SHELL = ['/', '/login', '/visits/new', '/records', '/reports/new', '/settings', '/notices', '/courses', '/assessment', '/offline.html']
  .concat(__STATGRID_FILING_FORMS__);
// Client routes whose HTML may be stood in for by the "/" shell (the router takes over).
const CLIENT_ROUTES = ['/', '/visits/new', '/records', '/reports/new', '/login'];
const NAV_TIMEOUT_MS = 3000;

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

// The cached page that can stand in for a path: its own shell, or the "/" shell for a
// client route (the router renders the rest). offline.html is the caller's last resort.
function cachedShell(cache, path) {
  const opts = { ignoreVary: true };
  return cache.match(path, opts).then((hit) => hit
    || (CLIENT_ROUTES.includes(path) ? cache.match('/', opts) : undefined));
}

function navigate(event, path) {
  return caches.open(CACHE).then((cache) => {
    const ctrl = new AbortController();
    // A slow link (2G in a village) counts as offline when we have something to show:
    // after the timeout we abort and serve the shell instead of a blank screen. With no
    // shell for this path we keep waiting, since offline.html would be worse than slow.
    const timer = setTimeout(() => {
      cachedShell(cache, path).then((hit) => { if (hit) ctrl.abort(); });
    }, NAV_TIMEOUT_MS);
    return fetch(event.request, { signal: ctrl.signal })
      .then((res) => {
        clearTimeout(timer);
        // A 5xx usually means the server or its proxy is down: the shell is more useful.
        if (res.status >= 500) return cachedShell(cache, path).then((hit) => hit || res);
        if (res.status === 200 && res.type === 'basic' && SHELL.includes(path)) {
          const copy = res.clone();
          event.waitUntil(clean(copy).then((r) => cache.put(path, r)));
        }
        return res; // redirects (opaqueredirect) and 4xx go back to the browser as is
      })
      .catch(() => {
        clearTimeout(timer);
        return cachedShell(cache, path)
          .then((hit) => hit || cache.match('/offline.html', { ignoreVary: true }))
          .then((hit) => hit || Response.error());
      });
  });
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
