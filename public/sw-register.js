// The page's offline support; index.html imports this once the page has loaded.
//
// 1. Says when the device has no network (`connection` below), on every page, kiosk included:
//    a form can still be filled in (what is typed is kept as the app always keeps it) but is not
//    sent, and once the network is back the note says so and asks the person to press the form's
//    button again: nothing is sent without them. Outside the app (like the worker's note on a
//    kept page), so no app carries it in its first load.
// 2. Registers the portal's service worker (/sw.js). Not on a kiosk: a terminal strangers share
//    keeps nothing, so there it removes any worker and the portal's caches. Kiosk mode is
//    `?kiosk=1` / `?kiosk=0` or the flag the app keeps (src/components/kiosk_session.rs).

const CONNECTION_TEXTS = {
  offline: [
    '您的设备目前没有连接网络。您可以继续填写，已填写的内容会保留，但恢复网络前无法发送或查询。',
    'Your device is offline. You can go on filling in, and what you have typed is kept, but nothing can be sent or looked up until the network is back.',
  ],
  online: [
    '网络已恢复。如果有表单没有发送成功，请检查内容后再按一次发送按钮。',
    'You are back online. If a form was not sent, check it and press its button again.',
  ],
};

/// The note at the top of the page about the device's network, shown while it is offline and
/// once when it is back (a status message, read out by screen readers).
function connection() {
  // Made at the first change only: an ordinary online visit has no such element.
  let note = null;
  const show = (state) => {
    if (!note) {
      note = document.createElement('p');
      note.className = 'notice connection-note container';
      note.setAttribute('role', 'status');
      document.body.prepend(note);
    }
    const en = document.documentElement.lang.startsWith('en');
    note.textContent = CONNECTION_TEXTS[state][en ? 1 : 0];
    note.dataset.state = state;
  };
  addEventListener('offline', () => show('offline'));
  addEventListener('online', () => show('online'));
  // A page the worker gave back offline already says so at its top.
  if (!navigator.onLine && !document.documentElement.hasAttribute('data-offline')) show('offline');
}
connection();

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
