import { Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, goOffline } from './fixtures';

// The service worker (public/sw.js, registered by public/sw-register.js): every app's page
// works offline after one visit; pages whose address is a secret are never kept; a kiosk keeps
// nothing; a new worker deletes the caches of the one before.

/// Waits until the service worker is active and controls the page.
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/// The paths (and queries) of every request the portal's caches hold, per cache.
async function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => {
        const url = new URL(r.url);
        return url.pathname + url.search;
      });
    }
    return out;
  });
}

test('is served as JavaScript that the browser always revalidates', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.headers()['cache-control']).toBe('no-cache');
  expect(response.headers()['content-type']).toContain('javascript');
  // The build wrote its version into the worker (scripts/build.sh), so a deployment is a new worker.
  expect(await response.text()).toMatch(/^const VERSION = '[0-9a-f]{16}';$/m);
});

test('after one visit the home page and the booking start open offline and say so', async ({ page, context, consoleErrors }) => {
  consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/);
  await page.goto('/');
  await appReady(page);
  await controlled(page);
  // Pages load through the worker from now on: these two are kept.
  await page.reload();
  await appReady(page);
  await page.goto('/booking');
  await appReady(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-offline');
  await expect(page.getByRole('complementary', { name: /离线/ })).toHaveCount(0);

  await context.setOffline(true);
  for (const path of ['/', '/booking']) {
    await page.goto(path);
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('data-offline', '');
    await expect(page.getByRole('banner')).toContainText('知识产权公共服务门户');
    await expect(page.getByRole('complementary', { name: /离线/ })).toContainText('您目前处于离线状态');
    // The app's own offline state where its data does not come (the home page's notices).
    if (path === '/') await expect(page.getByRole('alert')).toContainText('网络连接失败');
    await expectNoAxeViolations(page);
  }

  // Back online, the same address is the network's page again.
  await context.setOffline(false);
  await page.goto('/booking');
  await appReady(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-offline');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the GI lookup searches the product list saved on the device while offline, and says so', async ({ page, context, consoleErrors }) => {
  consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/);
  const searchBox = page.getByRole('searchbox');
  const results = page.locator('.gi-result');
  const note = page.locator('p.notice', { hasText: '离线' });
  await page.goto('/gi');
  await appReady(page);
  await controlled(page);
  // Through the worker, which keeps the page.
  await page.reload();
  await appReady(page);
  // The list is fetched in the background once a GI page has loaded.
  await expect.poll(async () => Object.values(await cached(page)).flat(), { timeout: 15_000 }).toContain('/api/v1/gi/offline');
  await expect(note).toHaveCount(0);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

  await context.setOffline(true);
  // By initials, by pinyin from a syllable's start, by a part of the name: as the server does.
  await searchBox.fill('hadm');
  await expect(results.first().locator('h3')).toHaveText('海安大米');
  await expect(note).toContainText(`本机 ${today} 保存的产品清单`);
  await searchBox.fill('haian');
  await expect(results.locator('h3')).toContainText(['海安大米']);
  await searchBox.fill('海安大');
  await expect(results).toHaveCount(1);
  await expect(results.first().locator('mark')).toHaveText('海安大');
  // Filters and their counts work on the device too.
  await searchBox.fill('大米');
  // Wait for this query's answer (more than the one result of '海安大'), or the click below can
  // land on a facet link of the list being redrawn (it did once in CI: 黑龙江省 for 江苏省).
  await expect(page.locator('.gi-results__total')).toContainText(/共找到 ([2-9]|\d{2,}) 个/);
  await expect(page.getByRole('link', { name: /^黑龙江省\s*\d+/ })).toBeVisible();
  await page.getByRole('link', { name: /^江苏省\s*\d+/ }).click();
  await expect(page).toHaveURL(/province=%E6%B1%9F%E8%8B%8F%E7%9C%81/);
  await expect(page.locator('.chip')).toHaveCount(1);
  await expect(results.filter({ hasText: '海安大米' })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // A product's page from the saved list: what the list holds, and no claim about the rest.
  await results.filter({ hasText: '海安大米' }).getByRole('link', { name: '海安大米' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('海安大米');
  await expect(page.locator('.summary-list').first()).toContainText('hai an da mi');
  await expect(page.locator('.summary-list').first()).toContainText('江苏省 南通市');
  await expect(note).toContainText(today);
  await expect(page.getByRole('heading', { name: '数据来源' })).toBeHidden();
  await expectNoAxeViolations(page);

  // A search's address loaded while offline: the kept page of /gi, answered on the device.
  await page.goto('/gi?q=hadm');
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-offline', '');
  await expect(results.first().locator('h3')).toHaveText('海安大米');
  await expect(note).toContainText(today);

  // Back online, the server answers again.
  await context.setOffline(false);
  await page.goto('/gi?q=hadm');
  await appReady(page);
  await expect(results.first().locator('h3')).toHaveText('海安大米');
  await expect(note).toHaveCount(0);
});

test('a policy document opened once can be read offline, and the library says which ones', async ({ page, context, consoleErrors }) => {
  consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/);
  const badge = (card: import('@playwright/test').Locator) => card.locator('.badge--offline');
  const cards = page.locator('.policy-card');
  await page.goto('/policies');
  await appReady(page);
  await controlled(page);
  await page.reload();
  await appReady(page);
  await expect(cards.first()).toBeVisible();
  await expect(page.locator('.badge--offline')).toHaveCount(0);

  const link = cards.first().locator('.policy-card__title a');
  const title = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goto('/policies');
  await appReady(page);
  const opened = cards.filter({ hasText: title });
  await expect(badge(opened)).toHaveText('可离线阅读');
  await expect(page.locator('.badge--offline')).toHaveCount(1);
  await expect(page.locator('p.notice', { hasText: '离线' })).toHaveCount(0);
  // One opened from a search (its address has `?q=`, so its page is not kept): the document
  // that page carries is.
  const other = cards.filter({ hasNotText: title }).first();
  const otherHref = (await other.locator('.policy-card__title a').getAttribute('href'))!;
  await page.goto(`${otherHref}?q=${encodeURIComponent('知识产权')}`);
  await appReady(page);
  await page.goto('/policies');
  await appReady(page);
  await expect(page.locator('.badge--offline')).toHaveCount(2);

  await context.setOffline(true);
  await page.goto('/policies');
  await appReady(page);
  await expect(page.locator('p.notice', { hasText: '离线' })).toContainText('本机');
  await expect(page.locator('p.notice', { hasText: '离线' })).toContainText('可离线阅读');
  await expect(badge(opened)).toHaveText('可离线阅读');
  await expect(cards.nth(1)).toBeVisible();
  await expectNoAxeViolations(page);
  await opened.locator('.policy-card__title a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('complementary', { name: /离线/ })).toContainText('您目前处于离线状态');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a form is not sent while the device is offline, keeps what was typed, and is sent only when pressed again', async ({ page, context, consoleErrors }) => {
  consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/);
  consoleErrors.refusedOnPurpose([404], 'a booking lookup that finds nothing');
  const note = page.locator('.connection-note');
  let sent = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/') && sent++);
  await page.goto('/booking/find');
  await appReady(page);
  await expect(note).toHaveCount(0);

  await goOffline(page, context);
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('role', 'status');
  await expect(note).toContainText('您的设备目前没有连接网络');
  await expectNoAxeViolations(page);
  await page.getByLabel('预约号').fill('K7QX-M2PD');
  await page.getByLabel('手机号码').fill('13900003999');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  // Nothing typed is lost.
  await expect(page.getByLabel('预约号')).toHaveValue('K7QX-M2PD');
  await expect(page.getByLabel('手机号码')).toHaveValue('13900003999');

  // Back online: said so, and nothing goes until the person presses the button again.
  const before = sent;
  await context.setOffline(false);
  await expect(note).toContainText('网络已恢复');
  await page.waitForTimeout(500);
  expect(sent).toBe(before);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.locator('.error-summary')).toContainText('没有找到与这个预约号和手机号码都相符的预约');
  expect(sent).toBe(before + 1);

  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await context.setOffline(true);
  await expect(note).toContainText('Your device is offline');
  await context.setOffline(false);
});

test('keeps no page whose address is a secret or has a query, and nothing from the API', async ({ page, consoleErrors }) => {
  consoleErrors.refusedOnPurpose([404], 'a booking manage link with a token that does not exist');
  await page.goto('/');
  await appReady(page);
  await controlled(page);
  await page.goto('/booking/find');
  await appReady(page);
  await page.goto('/booking/manage/sw-test-secret-token');
  await expect(page.locator('#shell')).toHaveCount(0);
  await page.goto('/gi?q=%E5%A4%A7%E7%B1%B3');
  await appReady(page);

  const kept = Object.values(await cached(page)).flat();
  // The check can fail: an ordinary page and the app's files were kept.
  expect(kept).toContain('/booking/find');
  expect(kept.some((p) => /_bg\.wasm$/.test(p))).toBe(true);
  expect(kept.filter((p) => p.includes('/booking/manage/'))).toEqual([]);
  expect(kept.filter((p) => p.includes('sw-test-secret-token'))).toEqual([]);
  expect(kept.filter((p) => p.includes('?'))).toEqual([]);
  // From the API, only public data for offline use (here the GI product list), no one's own.
  expect(kept.filter((p) => p.startsWith('/api/') && p !== '/api/v1/gi/offline')).toEqual([]);
});

test('a kiosk registers no worker and removes one that was there, with its caches', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await controlled(page);
  await page.reload();
  await appReady(page);
  expect(Object.keys(await cached(page)).length).toBeGreaterThan(0);

  await page.goto('/?kiosk=1');
  await appReady(page);
  await expect(page.locator('.kiosk-bar')).toBeVisible();
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

  // Later pages on the kiosk (the flag kept, no ?kiosk in the address) register none either,
  // and nothing is kept.
  await page.goto('/gi');
  await appReady(page);
  await expect.poll(async () => Object.keys(await cached(page))).toEqual([]);
  await page.waitForTimeout(500);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(false);
});

test('a new worker deletes the caches of the one before and keeps its own', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await controlled(page);
  await page.reload();
  await appReady(page);
  const current = Object.keys(await cached(page));
  expect(current).toEqual([expect.stringMatching(/^portal-[0-9a-f]{16}$/)]);
  await page.evaluate(async () => {
    const old = await caches.open('portal-old');
    await old.put('/gi', new Response('a page of an earlier deployment'));
  });
  expect(Object.keys(await cached(page)).sort()).toEqual([...current, 'portal-old'].sort());

  // A deployment is a worker script with other bytes: the same script at another address is one.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js?deployment=2');
    const worker = registration.installing ?? registration.waiting ?? registration.active!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
  });
  await expect.poll(async () => Object.keys(await cached(page))).toEqual(current);
});
