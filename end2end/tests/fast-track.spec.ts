import { Page } from '@playwright/test';
import {
  test,
  expect,
  appReady,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  followIntoAnotherApp,
  tabTo,
  toEnglish,
} from './fixtures';

// The enterprise fast track, a firm's side (issue #14, part 1): the public page, signing up,
// signing in, the firm's account and signing out. The server allows 10 sign-ups an hour per
// address and every test comes from 127.0.0.1: this file signs up 5 times per run.

/// A mobile number no other test uses.
function uniqueMobile(): string {
  return `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

const PASSWORD = 'a long enough password 1';
/// Valid codes (GB 32100 check character) of firms registered in 南通, one per test, so each
/// test's sign-up creates its own account.
const JOURNEY_USCC = '91320600MA1MB5GT0D';
const AXE_USCC = { zh: '91320602MA1XYK123J', en: '91320611MA2ABC456G', elder: '91320681MA3DEF7895' };
/// A valid code of a firm registered in 北京.
const OUT_OF_CITY_USCC = '91110000600037341L';

/// Tabs to `field` and types `value` there, as a keyboard user would.
async function typeInto(page: Page, selector: string, value: string) {
  const field = page.locator(selector);
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

/// Every button and link-button on the page is at least `min` px high.
async function expectTargets(page: Page, min: number) {
  for (const target of await page.locator('main button:visible, main .button:visible, main input:visible').all()) {
    const box = (await target.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(min);
  }
}

test('a firm signs up, signs in and out at 360 px by keyboard only', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  consoleErrors.refusedOnPurpose([401], 'the account page asks for the session after signing out');
  const mobile = uniqueMobile();
  await page.setViewportSize({ width: 360, height: 740 });

  // The home page's card leads into the fast track's own app (a full page load).
  await page.goto('/');
  await appReady(page);
  const card = page.locator('.service-cards').getByRole('link', { name: '企业快速通道', exact: true });
  await followIntoAnotherApp(page, card, '/fast-track', 'Enter');

  // The public page: what the service is, with the illustrative conditions marked as such.
  await expect(page.locator('h1')).toHaveText('企业快速通道');
  await expect(page).toHaveTitle('企业快速通道 - 知识产权公共服务门户');
  await expect(page.locator('main')).toContainText('约 80 天');
  await expect(page.locator('main')).toContainText('智能装备、现代纺织');
  await expect(page.locator('main')).toContainText('仅作示例，以中心确认为准');
  await expect(page.getByRole('link', { name: '登录', exact: true })).toHaveAttribute('href', '/fast-track/sign-in');
  await expectNoSidewaysScroll(page);
  await expectTargets(page, 44);
  await tabTo(page, page.getByRole('link', { name: '注册企业账户' }));
  await page.keyboard.press('Enter');

  // Sign-up: a firm registered elsewhere is told at its code, and nothing typed is lost.
  await expect(page.locator('h1')).toHaveText('注册企业账户');
  await expect(page).toHaveURL('/fast-track/sign-up');
  await typeInto(page, '#uscc', OUT_OF_CITY_USCC);
  await typeInto(page, '#firm_name', '南通某某家纺有限公司');
  await typeInto(page, '#contact_name', '王丽');
  await typeInto(page, '#mobile', mobile);
  await typeInto(page, '#password', PASSWORD);
  await tabTo(page, page.getByRole('button', { name: '注册', exact: true }));
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(page.locator('#uscc-error')).toContainText('南通');
  await expect(page.locator('#uscc')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#firm_name')).toHaveValue('南通某某家纺有限公司');
  await expect(page.locator('#mobile')).toHaveValue(mobile);
  await expectNoSidewaysScroll(page);
  await expectTargets(page, 44);

  await typeInto(page, '#uscc', JOURNEY_USCC);
  await page.keyboard.press('Enter');

  // The confirmation: the code masked, and what happens next.
  const panel = page.locator('.panel--confirmation');
  await expect(panel.locator('h1')).toHaveText('注册申请已收到');
  await expect(panel.locator('h1')).toBeFocused();
  await expect(panel).toContainText('91************GT0D');
  await expect(page.locator('main')).toContainText('设置账户的人以后可以把您添加为同事');
  // The password is kept nowhere in the browser.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(PASSWORD);
  await tabTo(page, page.locator('main').getByRole('link', { name: '登录', exact: true }));
  await page.keyboard.press('Enter');

  // Sign-in, then the firm's account.
  await expect(page.locator('h1')).toHaveText('登录企业账户');
  await typeInto(page, '#uscc', JOURNEY_USCC);
  await typeInto(page, '#mobile', mobile);
  await typeInto(page, '#password', PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fast-track/account');
  await expect(page.locator('h1')).toHaveText('企业账户');
  const details = page.locator('.summary-list').first();
  await expect(details).toContainText('南通某某家纺有限公司');
  await expect(details).toContainText('91************GT0D');
  await expect(details).toContainText('王丽');
  await expect(details).toContainText(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
  await expect(page.locator('main')).toContainText('填写和提交备案申请');
  await expectNoSidewaysScroll(page);
  await expectTargets(page, 44);

  // Sign out: back to the sign-in page, which says so; the account page now asks to sign in.
  await tabTo(page, page.getByRole('button', { name: '退出登录' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fast-track/sign-in?signed_out=1');
  await expect(page.locator('.notice--success')).toHaveText('您已退出登录。');
  await page.goto('/fast-track/account');
  await expect(page).toHaveURL('/fast-track/sign-in?first=1');
  await expect(page.locator('main')).toContainText('请先登录，再查看企业账户。');
});

test('a wrong password gets the one message for all failed sign-ins, in the error summary', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([401], 'the wrong password');
  await page.goto('/fast-track/sign-in');
  await appReady(page);
  await page.locator('#uscc').fill('93320623MA1N1Q4H4Y');
  await page.locator('#mobile').fill(uniqueMobile());
  await page.locator('#password').fill('not the password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#uscc');
  await expect(page.locator('#password')).toHaveValue('');
});

test.describe('accessibility (axe-core)', () => {
  for (const mode of ['zh', 'en', 'elder'] as const) {
    test(`every fast-track page has no violations (${mode})`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto('/fast-track');
      await appReady(page);
      if (mode === 'en') await toEnglish(page);
      if (mode === 'elder') {
        await page.getByRole('button', { name: '长辈版' }).click();
        await expect(page.locator('html')).toHaveClass(/\belder\b/);
      }
      const min = mode === 'elder' ? 60 : 44;
      await expectNoAxeViolations(page);
      await expectTargets(page, min);

      // Sign-up, first with every field missing.
      await page.locator('main a[href="/fast-track/sign-up"]').click();
      await expect(page.locator('#uscc')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.error-summary li')).toHaveCount(5);
      await expectNoAxeViolations(page);
      await expectTargets(page, min);
      const mobile = uniqueMobile();
      await page.locator('#uscc').fill(AXE_USCC[mode]);
      await page.locator('#firm_name').fill(`Nantong Axe ${mode} Co., Ltd.`);
      await page.locator('#contact_name').fill('Li Lei');
      await page.locator('#mobile').fill(mobile);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await expect(page.locator('.panel--confirmation')).toBeVisible();
      await expectNoAxeViolations(page);

      // Sign-in and the account.
      await page.locator('main a[href="/fast-track/sign-in"]').click();
      await expect(page.locator('#password')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.locator('#uscc').fill(AXE_USCC[mode]);
      await page.locator('#mobile').fill(mobile);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await expect(page).toHaveURL('/fast-track/account');
      await expect(page.locator('.summary-list').first()).toContainText(`Nantong Axe ${mode} Co., Ltd.`);
      await expectNoAxeViolations(page);
      await expectTargets(page, min);
      await expectNoSidewaysScroll(page);

      // Signed out.
      await page.locator('main button.button--secondary').click();
      await expect(page).toHaveURL('/fast-track/sign-in?signed_out=1');
      await expect(page.locator('.notice--success')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test('a colleague sets their own password through the one-time link, which then stops working', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([400, 404], 'a short password (400) and the used link (404)');
  // The firm through the API; its first person adds the colleague in the page, and the
  // colleague opens the link.
  const uscc = '91320621MA7PW00012';
  const first = uniqueMobile();
  const colleague = uniqueMobile();
  const signUp = await page.request.post('/api/v1/firm/sign-up', {
    data: { uscc, firm_name: '南通某某家具有限公司', contact_name: '王丽', mobile: first, password: PASSWORD },
  });
  expect(signUp.status()).toBe(202);
  // The first person adds the colleague on the account page, at 360 px.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/fast-track/sign-in');
  await appReady(page);
  await page.locator('#uscc').fill(uscc);
  await page.locator('#mobile').fill(first);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL('/fast-track/account');
  await expect(page.locator('#people')).toContainText('注册人');
  await page.locator('#name').fill('李雷');
  await page.locator('#mobile').fill(colleague);
  await page.getByRole('button', { name: '添加同事' }).click();
  await expect(page.locator('#colleague-link')).toContainText('已添加李雷');
  await expect(page.locator('#people')).toContainText('尚未设置密码');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  const url = await page.locator('#colleague-link-url').inputValue();
  const link = { path: new URL(url).pathname };
  expect(link.path).toMatch(/^\/fast-track\/password\/[A-Za-z0-9_-]{43}$/);

  await page.goto(link.path);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('设置密码');
  await expectNoAxeViolations(page);
  await typeInto(page, '#password', 'short');
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#password-error')).toContainText('12');
  await expectNoAxeViolations(page);
  await typeInto(page, '#password', 'the colleague password 3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.panel--confirmation')).toContainText('密码已设置');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The colleague signs in with it.
  await page.locator('main a[href="/fast-track/sign-in"]').click();
  await page.locator('#uscc').fill(uscc);
  await page.locator('#mobile').fill(colleague);
  await page.locator('#password').fill('the colleague password 3');
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL('/fast-track/account');
  await expect(page.locator('main')).toContainText('李雷');

  // Used once: opened again, it says so and who makes a new one.
  await page.goto(link.path);
  await appReady(page);
  await page.locator('#password').fill('yet another password 4');
  await page.locator('form button[type=submit]').click();
  await expect(page.locator('#password-error')).toContainText('已经用过或已过期');
});
