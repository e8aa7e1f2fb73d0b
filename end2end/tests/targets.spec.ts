import { Page } from '@playwright/test';
import { test, expect, appReady, expectNoSidewaysScroll } from './fixtures';
import { createAccount, uiLogin } from './staff-api';

// Every control a person can tap is at least 44 × 44 px (60 × 60 in elder mode), on every page
// of every app, and no page scrolls sideways at 360 px. Links inside running text are exempt
// (WCAG 2.5.8); a link stretched over its card, or a file input covered by its label, is
// measured by the box a finger actually hits.

const citizenPages = [
  '/',
  '/track',
  '/gi',
  '/gi/GI00842',
  '/policies',
  '/policies/search?q=%E8%B4%A8%E6%8A%BC',
  '/policies/nantong-2024-ip-strong-city-plan',
  '/booking',
  '/booking/find',
  '/assistance',
  '/assistance/apply',
  '/assistance/apply/applicant',
  '/assistance/apply/evidence',
  '/assistance/track',
  '/fast-track',
  '/fast-track/sign-up',
  '/fast-track/sign-in',
  '/privacy',
  '/accessibility',
  '/staff/login',
];
const staffPages = [
  '/staff',
  '/staff/cases',
  '/staff/bookings',
  '/staff/bookings/clusters',
  '/staff/ratings',
  '/staff/accounts',
  '/staff/admin/venues',
  '/staff/admin/holidays',
  '/staff/admin/notices',
  '/staff/admin/retention',
  '/staff/audit',
];

/// The controls on the page smaller than `min` px either way, described for the failure message.
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    for (const el of Array.from(controls)) {
      const style = getComputedStyle(el);
      let box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      if (el.classList.contains('skip-link') && box.bottom < 0) continue; // off screen until focused
      const parent = el.parentElement;
      const ownText = (el.textContent ?? '').trim().length;
      // A link in a sentence: the sentence around it is longer than the link.
      if (el.tagName === 'A' && style.display === 'inline' && parent &&
          (parent.textContent ?? '').trim().length > ownText + 2) continue;
      // A link stretched over its card by an absolutely positioned ::after.
      const after = getComputedStyle(el, '::after');
      if (after.position === 'absolute' && after.content !== 'none' && el.offsetParent) {
        box = el.offsetParent.getBoundingClientRect();
      }
      // A radio, checkbox or file input is hit through its label too.
      const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
      if (label && el.tagName === 'INPUT') {
        const l = label.getBoundingClientRect();
        box = new DOMRect(0, 0, Math.max(box.width, l.width), Math.max(box.height, l.height));
      }
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        const name = (el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim();
        small.push(`${el.tagName.toLowerCase()}.${el.className} "${name.slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, min);
}

async function checkPages(page: Page, paths: string[], min: number) {
  for (const path of paths) {
    await page.goto(path);
    await expect(page).toHaveURL(path);
    await appReady(page);
    // Data-driven parts (results, lists) have arrived once nothing says it is loading.
    await expect(page.locator('[aria-busy="true"], .loading')).toHaveCount(0);
    expect(await smallTargets(page, min), `${path}: targets under ${min} px`).toEqual([]);
    await expectNoSidewaysScroll(page);
  }
}

test.describe('target sizes', () => {
  test.describe.configure({ timeout: 120_000 });

  test('every citizen page on a 360 px phone: 44 px targets, in elder mode 60 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await checkPages(page, citizenPages, 44);
    await page.evaluate(() => localStorage.setItem('portal.elder', '1'));
    await checkPages(page, citizenPages, 60);
  });

  test('every citizen page on a 1080p kiosk in elder mode: 60 px targets', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('portal.elder', '1'));
    await checkPages(page, citizenPages, 60);
  });

  test('every workbench page of an administrator on a 360 px phone: 44 px targets', async ({
    page,
    request,
    consoleErrors,
  }) => {
    consoleErrors.refusedOnPurpose([401], 'the login page asks who is signed in before anyone is');
    await createAccount(request, 'targets-admin', ['administrator', 'case_handler', 'reception']);
    await page.setViewportSize({ width: 360, height: 780 });
    await uiLogin(page, 'targets-admin');
    await expect(page).not.toHaveURL(/\/staff\/login/);
    await appReady(page);
    await checkPages(page, staffPages, 44);
  });
});
