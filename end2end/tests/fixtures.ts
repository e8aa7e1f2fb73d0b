import { test as base, expect, BrowserContext, Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type ConsoleErrors = {
  /// A console error that is not a failure of the page (a dropped network, say).
  allow: (pattern: RegExp) => void;
  /// The server's refusals (HTTP statuses, which the browser logs as errors) that the test
  /// provokes on purpose, and why: listed when the test fails on another error.
  refusedOnPurpose: (statuses: number[], why: string) => void;
};

/// Every test fails if the page logs an error or breaks the Content-Security-Policy: both mean
/// something a visitor would see go wrong.
export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [/net::ERR_INTERNET_DISCONNECTED/];
      const onPurpose: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      // A test that provokes an error on purpose (a 404, a dropped network) says so.
      await use({
        allow: (pattern) => allowed.push(pattern),
        refusedOnPurpose: (statuses, why) => {
          allowed.push(new RegExp(`status of (${statuses.join('|')})\\b`));
          onPurpose.push(`${statuses.join('/')}: ${why}`);
        },
      });
      const unexpected = errors.filter((e) => !allowed.some((a) => a.test(e)));
      const expected = onPurpose.length ? ` (refused on purpose: ${onPurpose.join('; ')})` : '';
      expect(unexpected, `console errors${expected}`).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/// Takes the device offline once the page's service worker is registered. Going offline while
/// Chromium still fetches /sw.js to register it makes Chromium log an error that no script can
/// catch ("An unknown error occurred when fetching the script"): a race of the test's making,
/// not something the page did wrong.
export async function goOffline(page: Page, context: BrowserContext) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
}

/// Counts the layout shifts of the next page loaded, from its first paint on, as Core Web Vitals
/// count them (shifts right after input are not counted); `layoutShift` reads the sum.
export async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { cls: number }).cls);
}

/// Waits until the app (not the static shell) shows its page heading.
export async function appReady(page: Page) {
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeVisible();
}

/// Follows `link` (a click, or Enter for a keyboard user) into another of the portal's apps, and
/// checks that the browser loaded that app (a new document), not this app's router, which would
/// show "page not found".
export async function followIntoAnotherApp(page: Page, link: Locator, url: string | RegExp, how: 'click' | 'Enter' = 'click') {
  await page.evaluate(() => ((window as unknown as { beforeTheLink?: boolean }).beforeTheLink = true));
  if (how === 'click') await link.click();
  else await link.press('Enter');
  await expect(page).toHaveURL(url);
  await appReady(page);
  expect(await page.evaluate(() => (window as unknown as { beforeTheLink?: boolean }).beforeTheLink ?? false)).toBe(false);
}

/// axe-core with every rule it has (WCAG 2.0–2.2 A/AA and best practices): no violations.
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/// Nothing sticks out sideways (at 360 px a table may scroll inside its own region only).
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/// Presses Tab until `target` has focus, as a keyboard user would (at most `maxPresses` times).
export async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/// Switches the interface to English with the header's button.
export async function toEnglish(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

export const services = [
  { path: '/booking', zh: '预约咨询', en: 'Book a consultation' },
  { path: '/assistance', zh: '维权援助申请', en: 'Rights assistance' },
  { path: '/gi', zh: '地理标志产品查询', en: 'Geographical indications' },
  { path: '/policies', zh: '政策解读', en: 'Policies explained' },
  { path: '/fast-track', zh: '企业快速通道', en: 'Fast track for businesses' },
  { path: '/track', zh: '办理进度查询', en: 'Track a request' },
];

/// Which of the portal's single-page apps serves a path (mirrors crates/domain/src/apps.rs): a
/// link into another app is a full page load.
export const appOf = (path: string) =>
  path.match(/^\/policies\/(?!search(\/|$))[^/]+/)
    ? 'policy-document'
    : path.match(/^\/fast-track\/registration(\/|$)/)
      ? 'firm-registration'
      : path.match(/^\/assistance\/requests\/[^/]+\/(reply|withdraw)(\/|$)/)
        ? 'assistance-actions'
        : path.match(/^\/assistance\/requests(\/|$)/)
          ? 'assistance-tracking'
          : path.match(/^\/assistance\/track\/?$/)
            ? 'assistance-lookup'
            : path.match(/^\/(privacy|accessibility)(\/|$)/)
              ? 'privacy'
              : (path.match(/^\/(gi|policies|booking|assistance|staff|fast-track)(\/|$)/)?.[1] ?? 'portal');
