// Registers the portal's service worker (/sw.js); index.html imports this once the page has
// loaded. Not on a kiosk: a terminal strangers share keeps nothing, so there it removes any
// worker and the portal's caches. Kiosk mode is `?kiosk=1` / `?kiosk=0` or the flag the app
// keeps (src/components/kiosk_session.rs).
const asked = new URLSearchParams(location.search).get('kiosk');
let kiosk = asked === '1';
if (asked === null) {
  try {
    kiosk = localStorage.getItem('portal.kiosk') === '1';
  } catch {
    kiosk = false;
  }
}
if (!('serviceWorker' in navigator)) {
  // Nothing to do.
} else if (!kiosk) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
  // On a GI page, now that it has loaded: the worker keeps the product list in the background,
  // so that the lookup works on this device with no network (see "GI offline" in /sw.js).
  if (location.pathname === '/gi' || location.pathname.startsWith('/gi/')) {
    navigator.serviceWorker.ready.then((r) => r.active && r.active.postMessage('keep-gi-list'));
  }
} else {
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    await registration.unregister();
  }
  // Every page of the kiosk does this, so what a worker still serving this page kept while it
  // loaded goes at the next one (no worker serves that).
  for (const name of await caches.keys()) {
    if (name.startsWith('portal-')) await caches.delete(name);
  }
}
