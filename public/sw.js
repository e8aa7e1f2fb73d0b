// The portal's service worker (issue #17): every app's page works offline after one visit.
// Registered by /sw-register.js (never on a kiosk). Plain JavaScript, no build step; the build
// (scripts/build.sh) writes the deployment's version into VERSION, so every deployment is a new
// worker that installs by itself and whose `activate` deletes the caches of the old one.
//
// What it does with each request (anything not listed goes to the network untouched):
// - a page (a navigation): the network first; its answer is kept as the copy of that path. The
//   kept copy is used only when the network fails (or has not answered in NAVIGATION_TIMEOUT_MS),
//   and then it says at its top that the reader is offline (`offlineCopy`). A page whose address
//   carries a secret token or a query string is never kept (see `keepable`).
// - the build's fingerprinted files (`name-<hash>[_bg].{js,wasm,css}`, see FINGERPRINTED): the cache
//   first; they never change.
// - the icons, the manifest, the favicon: the kept copy at once, refreshed in the background.
// - `/api/...`: never touched, never kept.

const VERSION = 'dev';
const CACHE = `portal-${VERSION}`;
const NAVIGATION_TIMEOUT_MS = 5000;

// Pages whose address is a secret (a booking's manage link, a rights-assistance request's
// tracking link and the pages under it, reply and withdraw, a firm's password link) or a person's own (the staff workbench): never kept.
const PRIVATE_PATHS = [/^\/booking\/manage\//, /^\/assistance\/requests\//, /^\/fast-track\/password\//, /^\/staff(\/|$)/];
// Trunk writes the hash as hex without leading zeros: sometimes fewer than 16 digits.
const FINGERPRINTED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
const REVALIDATED = /^\/(favicon\.svg|manifest\.webmanifest|noscript\.css|sw-register\.js|icons\/[^/]+)$/;

self.addEventListener('install', () => {
  // Nothing is fetched ahead: a page's files are kept as it loads them (a light install).
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else if (FINGERPRINTED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (REVALIDATED.test(url.pathname)) {
    event.respondWith(staleWhileRevalidate(event, request));
  }
});

/// Whether a page may be kept: no query string (search terms, `?gi=`, `?username=`, tokens)
/// and no private path.
function keepable(url) {
  return url.search === '' && !PRIVATE_PATHS.some((p) => p.test(url.pathname));
}

async function page(event, url) {
  const network = fetch(event.request);
  if (keepable(url)) {
    event.waitUntil(
      network
        .then(async (response) => {
          if (!response.ok) return;
          // Copied before anything is awaited: the page starts reading the body at once.
          const copy = response.clone();
          await (await caches.open(CACHE)).put(url.pathname, copy);
        })
        .catch(() => {}),
    );
  }
  const kept = keepable(url) ? await caches.match(url.pathname, { cacheName: CACHE }) : undefined;
  if (!kept) return network;
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), NAVIGATION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([network, late]);
  } catch {
    return offlineCopy(kept);
  } finally {
    clearTimeout(timer);
  }
}

/// Says so at the top of a kept page (outside `#shell`, which the app replaces).
const OFFLINE_NOTE =
  '<aside class="notice container" aria-label="离线 Offline">' +
  '<p>您目前处于离线状态：这是本机保存的页面，需要联网的内容恢复网络后才能显示。</p>' +
  '<p lang="en">You are offline: this page was kept on this device, and what needs the server will show once you are back online.</p>' +
  '</aside>';

/// The kept page, marked `data-offline` and with the note that the reader is offline.
async function offlineCopy(kept) {
  const html = (await kept.text())
    .replace('<html ', '<html data-offline ')
    .replace('<body>', `<body>${OFFLINE_NOTE}`);
  // The kept headers, the Content-Security-Policy among them (it names the kept page's inline
  // script, which the attribute does not change); the body is no longer the one they measured.
  const headers = new Headers(kept.headers);
  for (const name of ['content-length', 'content-encoding', 'etag', 'last-modified']) headers.delete(name);
  headers.set('cache-control', 'no-store');
  return new Response(html, { status: 200, headers });
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (kept) {
    event.waitUntil(network.catch(() => {}));
    return kept;
  }
  return network;
}
