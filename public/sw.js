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
// - `/api/...`: untouched but for public data that makes two services work offline, kept in
//   DATA (which outlives a deployment: it holds no code): the GI product list, searched on the
//   device while the network fails (see "GI offline"), and the policy documents once opened with
//   the library's list (see "Policies offline").

const VERSION = 'dev';
const CACHE = `portal-${VERSION}`;
// Public data from the API, as the server's JSON. A new name when that JSON changes so that an
// old copy cannot be read.
const DATA = 'portal-data-v1';
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
        if (name !== CACHE && name !== DATA) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (GI_API.test(url.pathname)) {
    event.respondWith(giOrOnDevice(request, url));
  } else if (POLICY_API.test(url.pathname) && url.pathname !== POLICY_SEARCH) {
    event.respondWith(policiesKept(request, url));
  } else if (url.pathname.startsWith('/api/')) {
    // Not ours.
  } else if (request.mode === 'navigate') {
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
  return url.search === '' && servable(url);
}

/// Whether the kept copy of a page's path may stand in for it offline: any page but a private
/// one, with or without a query (the app reads the query itself: `/gi?q=大米` is `/gi`'s page).
function servable(url) {
  return !PRIVATE_PATHS.some((p) => p.test(url.pathname));
}

async function page(event, url) {
  const network = fetch(event.request);
  const keep = keepable(url);
  // A document's page opened from a search (`?q=`) is not kept, but the document it carries is.
  const documentPage = DOCUMENT_PAGE.test(url.pathname);
  if (keep || documentPage) {
    event.waitUntil(
      network
        .then(async (response) => {
          if (!response.ok) return;
          // Copied before anything is awaited: the page starts reading the body at once.
          const copy = keep ? response.clone() : null;
          const carried = documentPage ? response.clone() : null;
          if (copy) await (await caches.open(CACHE)).put(url.pathname, copy);
          if (carried) await keepDocument(url.pathname, await carried.text());
        })
        .catch(() => {}),
    );
  }
  const kept = servable(url) ? await caches.match(url.pathname, { cacheName: CACHE }) : undefined;
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

// ---------------------------------------------------------------------------------------------
// GI offline: the GI lookup works on a device with no network once it has been online on a GI
// page. After such a page has loaded, /sw-register.js asks for the product list
// (`GET /api/v1/gi/offline`, `GiOfflineList` in crates/domain/src/api/gi.rs); it is fetched in
// the background and kept in DATA, at most once a day. While the network fails, a search (`/api/v1/gi/products?…`) or a product
// (`/api/v1/gi/products/{id}`) is answered from it, in the server's JSON, with
// `offline_saved_on` (the day it was saved), which the app shows. The search on the device
// matches what the server's does first (crates/server/src/gi/index.rs): the name, the pinyin from
// the start of a syllable, the initials, then province and city; not the forgiving matches
// (one letter wrong, characters of the right sound) nor the protection scope.

const GI_LIST = '/api/v1/gi/offline';
const GI_LIST_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const GI_API = /^\/api\/v1\/gi\/products(\/[^/]+)?$/;
const GI_PAGE_SIZE = 20;
const GI_MAX_PAGE_SIZE = 100;
const GI_SAME_CITY_MAX = 12;
// The server's match kinds, best first (`MatchKind`): the ones the device can give.
const NAME_EXACT = 'name_exact';
const NAME_PREFIX = 'name_prefix';
const NAME_SUBSTRING = 'name_substring';
const PINYIN = 'pinyin';
const INITIALS = 'initials';
const SCOPE = 'scope';
const RANK = [NAME_EXACT, NAME_PREFIX, NAME_SUBSTRING, PINYIN, INITIALS, SCOPE];
const FIRST_DECADE = 1900;

/// The parsed list, while this worker runs: { savedOn, products }.
let giList = null;

self.addEventListener('message', (event) => {
  if (event.data === 'keep-gi-list') event.waitUntil(keepGiList().catch(() => {}));
});

/// Fetches the product list unless the kept one is less than a day old.
async function keepGiList() {
  const cache = await caches.open(DATA);
  const kept = await cache.match(GI_LIST);
  if (kept && Date.now() - Number(kept.headers.get('x-saved-at')) < GI_LIST_MAX_AGE_MS) return;
  const response = await fetch(GI_LIST);
  if (!response.ok) return;
  await cache.put(GI_LIST, await saved(response));
  giList = null;
}

/// A copy of `response` to keep, with when it was kept: `x-saved-at` (milliseconds) and
/// `x-saved-on`, the device's own day (`YYYY-MM-DD`), as people read it.
async function saved(response) {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  const headers = new Headers({
    'content-type': 'application/json',
    'x-saved-at': String(now.getTime()),
    'x-saved-on': `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`,
  });
  return new Response(await response.blob(), { headers });
}

/// A JSON answer made on the device.
function json(body) {
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

async function savedGiList() {
  if (giList) return giList;
  const kept = await caches.match(GI_LIST, { cacheName: DATA });
  if (!kept) return null;
  const { products } = await kept.json();
  giList = { savedOn: kept.headers.get('x-saved-on'), products };
  return giList;
}

/// The network's answer; while the network fails, the device's.
async function giOrOnDevice(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    // The page gave up on this request (a newer search replaced it): nothing to answer.
    if (error && error.name === 'AbortError') throw error;
    const list = await savedGiList().catch(() => null);
    const answer = list && onDevice(list, url);
    if (!answer) throw error;
    return json(answer);
  }
}

function onDevice(list, url) {
  const id = GI_API.exec(url.pathname)[1];
  return id ? productOnDevice(list, decodeURIComponent(id.slice(1))) : searchOnDevice(list, url.searchParams);
}

function summary(p, matched) {
  const { id, name_zh, name_en, pinyin, province, city, category, gi_type, approved_year } = p;
  return { id, name_zh, name_en, pinyin, province, city, category, gi_type, approved_year, matched };
}

function productOnDevice(list, id) {
  const p = list.products.find((p) => p.id === id);
  if (!p) return null;
  const sameCity =
    p.province && p.city
      ? list.products.filter((o) => o.province === p.province && o.city === p.city && o.id !== p.id)
      : [];
  return {
    ...summary(p, undefined),
    announcement: null,
    description: null,
    authority: null,
    same_city: sameCity.slice(0, GI_SAME_CITY_MAX).map((o) => summary(o, null)),
    offline_saved_on: list.savedOn,
  };
}

/// As `fold_width` (crates/domain/src/text.rs): full-width ASCII made half-width, ASCII lower case.
function foldWidth(text) {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/// As `Needle::new` (crates/server/src/gi/text.rs): `text` for names and places, `letters` for
/// pinyin when the query is nothing but letters (`ü` and `v` as `u`, apostrophes dropped).
function needle(q) {
  const text = foldWidth(q).replace(/\s+/g, '');
  if (!text) return null;
  let letters = '';
  for (const c of text) {
    if (c === "'") continue;
    if (c >= 'a' && c <= 'z' && c !== 'v') letters += c;
    else if (c === 'v' || c === 'ü' || c === 'Ü') letters += 'u';
    else return { text, letters: null };
  }
  return { text, letters: letters || null };
}

/// The range of `part` in `text`, in characters, or null.
function charRange(text, part) {
  const at = text.indexOf(part);
  if (at < 0) return null;
  const start = [...text.slice(0, at)].length;
  return [start, start + [...part].length];
}

/// The best match of product `p` for needle `n`, as the server's `Match`, or null.
function matchOf(p, n) {
  const name = foldWidth(p.name_zh);
  const inName = charRange(name, n.text);
  if (inName) {
    const kind = inName[0] > 0 ? NAME_SUBSTRING : name.length === n.text.length ? NAME_EXACT : NAME_PREFIX;
    return { kind, text: p.name_zh, start: inName[0], end: inName[1] };
  }
  if (n.letters) {
    const { letters, syllables } = p;
    for (let at = letters.indexOf(n.letters); at >= 0; at = letters.indexOf(n.letters, at + 1)) {
      if (syllables.includes(at)) return { kind: PINYIN, text: p.name_zh, start: 0, end: 0 };
    }
    const initials = syllables.map((s) => letters[s]).join('');
    if (initials.includes(n.letters)) return { kind: INITIALS, text: p.name_zh, start: 0, end: 0 };
  }
  // Province and city as the server shows them: a municipality once.
  const place = [p.province, p.city !== p.province ? p.city : null].filter(Boolean).join(' ');
  const inPlace = charRange(foldWidth(place), n.text);
  if (inPlace) return { kind: SCOPE, text: place, start: inPlace[0], end: inPlace[1] };
  return null;
}

/// Counts per value, as the server's facets: by count, then value.
function facet(counts) {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function add(counts, value) {
  if (value != null) counts.set(value, (counts.get(value) || 0) + 1);
}

/// `GiSearchResult` for the query string, as `GiIndex::search` ranks and counts (each facet
/// counts under every filter but its own; the province facet ignores the city too).
function searchOnDevice(list, params) {
  const get = (name) => params.get(name) || null;
  const n = needle((get('q') || '').trim());
  const [province, city, category, giType] = [get('province'), get('city'), get('category'), get('gi_type')];
  const yearFrom = Number(get('year_from')) || null;
  const yearTo = Number(get('year_to')) || null;
  const page = Math.max(1, Number(get('page')) || 1);
  const pageSize = Math.min(GI_MAX_PAGE_SIZE, Math.max(1, Number(get('page_size')) || GI_PAGE_SIZE));
  const counts = { province: new Map(), city: new Map(), category: new Map(), gi_type: new Map(), decade: new Map() };
  const hits = [];
  const year = (y) => (!yearFrom && !yearTo) || (y != null && (!yearFrom || y >= yearFrom) && (!yearTo || y <= yearTo));
  for (const p of list.products) {
    const matched = n ? matchOf(p, n) : null;
    if (n && !matched) continue;
    const inProvince = !province || p.province === province;
    // The server reads a city only with its province.
    const inCity = !(province && city) || p.city === city;
    const inCategory = !category || p.category === category;
    const ofType = !giType || p.gi_type === giType;
    const inYears = year(p.approved_year);
    if (inCategory && ofType && inYears) {
      add(counts.province, p.province);
      if (inProvince && province) add(counts.city, p.city);
    }
    if (inProvince && inCity) {
      if (ofType && inYears) add(counts.category, p.category);
      if (inCategory && inYears) add(counts.gi_type, p.gi_type);
      if (inCategory && ofType && p.approved_year >= FIRST_DECADE) {
        add(counts.decade, String(p.approved_year - (p.approved_year % 10)));
      }
      if (inCategory && ofType && inYears) hits.push({ p, matched });
    }
  }
  // The list is in name order, so ranking is a stable sort by kind.
  if (n) hits.sort((a, b) => RANK.indexOf(a.matched.kind) - RANK.indexOf(b.matched.kind));
  const from = (page - 1) * pageSize;
  return {
    items: hits.slice(from, from + pageSize).map(({ p, matched }) => summary(p, matched)),
    total: hits.length,
    page,
    page_size: pageSize,
    facets: {
      province: facet(counts.province),
      city: facet(counts.city),
      category: facet(counts.category),
      gi_type: facet(counts.gi_type),
      decade: [...counts.decade].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value),
    },
    suggestions: [],
    offline_saved_on: list.savedOn,
  };
}

// ---------------------------------------------------------------------------------------------
// Policies offline: a policy document opened on this device (`GET /api/v1/policies/{slug}`) and
// the library's list (`GET /api/v1/policies`) are kept in DATA as the network gives them, per
// language (the request's Accept-Language), and given back while the network fails. The list,
// from the network or kept, marks the documents kept (`kept_offline`), and a kept list says the
// day it was saved (`offline_saved_on`); the library shows both. The full-text search needs the
// network.

const POLICY_API = /^\/api\/v1\/policies(\/[^/]+)?$/;
const POLICY_SEARCH = '/api/v1/policies/search';
const POLICY_LIST = '/api/v1/policies';

/// Where an answer is kept: its address with the language asked for (the Cache API ignores
/// request headers and an address's fragment).
function policyKey(path, search, lang) {
  const params = new URLSearchParams(search);
  params.set('sw-lang', lang);
  return `${path}?${params}`;
}

/// A document's page, as the server sends it, carries the document (its first data: the API's
/// answer, which the app starts from instead of asking for it): kept as that answer, in both
/// languages (the document is the same in both), so the library marks it kept.
const DOCUMENT_PAGE = /^\/policies\/(?!search$)[^/]+$/;
const FIRST_DATA = '<script type="application/json" id="first-data">';

async function keepDocument(path, html) {
  const start = html.indexOf(FIRST_DATA);
  if (start < 0) return;
  const data = html.slice(start + FIRST_DATA.length, html.indexOf('</script>', start));
  const cache = await caches.open(DATA);
  for (const lang of ['zh-CN', 'en']) {
    await cache.put(policyKey(`/api/v1${path}`, '', lang), await saved(new Response(data)));
  }
}

/// The network's answer, kept; while the network fails, the kept one.
async function policiesKept(request, url) {
  const cache = await caches.open(DATA);
  const lang = request.headers.get('accept-language') || '';
  const key = policyKey(url.pathname, url.search, lang);
  let response;
  let offline = false;
  try {
    response = await fetch(request);
    if (response.ok) await cache.put(key, await saved(response.clone()));
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    response = await cache.match(key);
    if (!response) throw error;
    offline = true;
  }
  if (url.pathname !== POLICY_LIST || !response.ok) return response;
  const list = await response.json();
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search));
  for (const item of list.items) {
    item.kept_offline = kept.has(policyKey(`${POLICY_LIST}/${encodeURIComponent(item.slug)}`, '', lang));
  }
  if (offline) list.offline_saved_on = response.headers.get('x-saved-on');
  return json(list);
}
