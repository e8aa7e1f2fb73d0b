// Registers the portal's service worker (/sw.js) once the page has loaded, except on a kiosk:
// a terminal strangers share keeps nothing, so there it removes any worker and its caches.
// Kiosk mode is `?kiosk=1` / `?kiosk=0` or the flag the app keeps (src/components/kiosk_session.rs).
// Also says so when the page is the copy kept for offline use (sw.js marks it `data-offline`).
(function () {
  var offline = document.documentElement.hasAttribute('data-offline');
  if (offline) {
    var note = document.createElement('aside');
    note.className = 'notice container';
    note.setAttribute('aria-label', '离线 Offline');
    note.innerHTML =
      '<p>您目前处于离线状态：这是本机保存的页面，需要联网的内容恢复网络后才能显示。</p>' +
      '<p lang="en">You are offline: this page was kept on this device, and what needs the server will show once you are back online.</p>';
    document.body.insertBefore(note, document.body.firstChild);
    window.addEventListener('online', function () { note.remove(); });
  }
  if (!('serviceWorker' in navigator)) return;
  var asked = new URLSearchParams(location.search).get('kiosk');
  var kiosk = asked === '1';
  if (asked === null) {
    try { kiosk = localStorage.getItem('portal.kiosk') === '1'; } catch (e) { kiosk = false; }
  }
  if (kiosk) {
    navigator.serviceWorker.getRegistrations().then(function (all) {
      all.forEach(function (r) { r.unregister(); });
    });
    // A worker that still serves this page may keep its files until it has loaded: once more
    // then (and on every later page, which no worker serves any more).
    forget();
    window.addEventListener('load', forget);
    return;
  }
  function forget() {
    if (!window.caches) return;
    caches.keys().then(function (names) {
      names.forEach(function (name) { if (name.indexOf('portal-') === 0) caches.delete(name); });
    });
  }
  function register() { navigator.serviceWorker.register('/sw.js').catch(function () {}); }
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
