import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, toEnglish } from './fixtures';
import { createAccount, uiLogin } from './staff-api';

// The workbench's firm accounts (/staff/admin/firms, issue #14): an administrator finds a firm
// and makes a one-time password link for one of its people. The server allows 10 firm sign-ups
// an hour per address and every test comes from 127.0.0.1: this file signs up once per run.
// The page the link opens (/fast-track/password/{token}) is the firm's app's; here the link's
// token is used through the API.

const PASSWORD = 'a long enough password 1';
const NEW_PASSWORD = 'a brand new password 2';
/// A valid code (GB 32100 check character) of a firm registered in 南通 (通州区) that only this
/// file signs up.
const USCC = '91320612MA7WBF14X7';
/// A valid code no test signs up.
const UNKNOWN_USCC = '91320683MA9N0NE008';
const FIRM_NAME = '南通链接测试纺织有限公司';

function uniqueMobile(): string {
  return `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/// The token at the end of a link's address.
function tokenOf(url: string): string {
  return url.split('/fast-track/password/')[1];
}

test('an administrator finds a firm and makes a password link to hand over; the person sets a new password with it and signs in, at 360 px in zh and en', async ({
  page,
  request,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  consoleErrors.refusedOnPurpose([400, 401, 404], 'session check (401), unknown code (404), bad code (400)');
  const mobile = uniqueMobile();
  const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const signedUp = await request.post('/api/v1/firm/sign-up', {
    data: { uscc: USCC, firm_name: FIRM_NAME, contact_name: '张敏', mobile, password: PASSWORD },
  });
  expect(signedUp.status(), await signedUp.text()).toBe(202);
  await createAccount(request, 'firms.admin', ['administrator']);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/staff/admin/firms');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fadmin%2Ffirms$/);
  await uiLogin(page, 'firms.admin');
  await expect(page).toHaveURL(/\/staff\/admin\/firms$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('企业账号');
  await expect(page).toHaveTitle('企业账号 - 工作台');
  await expect(page.locator('.staff-nav').getByRole('link', { name: '企业账号' })).toHaveAttribute('href', '/staff/admin/firms');

  // Nothing typed, then a mistyped code: the shared check, before anything is sent.
  const find = page.getByRole('button', { name: '查找', exact: true });
  await find.click();
  const summary = page.locator('.error-summary').first();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#uscc');
  await page.locator('#uscc').fill(USCC.slice(0, 17) + '8');
  await find.click();
  await expect(page.locator('#uscc-error')).toBeVisible();
  await expect(page.locator('#uscc')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // A valid code no firm has: said plainly.
  await page.locator('#uscc').fill(UNKNOWN_USCC);
  await find.click();
  await expect(page.locator('#uscc-error')).toHaveText('没有使用这个统一社会信用代码的企业账户。请核对代码；该企业可能还没有注册。');

  // The firm: its name, code and people.
  await page.locator('#uscc').fill(USCC.toLowerCase());
  await find.click();
  const heading = page.getByRole('heading', { level: 2, name: FIRM_NAME });
  await expect(heading).toBeFocused();
  await expect(page.locator('.firm-found .summary-list')).toContainText(USCC);
  const person = page.locator('.firm-person');
  await expect(person).toHaveCount(1);
  await expect(person).toContainText('张敏');
  await expect(person).toContainText(masked);
  await expect(person).toContainText('首位人员（注册本企业账户）');
  await expect(person).toContainText('已设置');
  await expect(page.locator('.firm-found')).toContainText('在窗口：请对方出示身份证件');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The link: the full address, its expiry (72 hours from the pinned Friday 10:00), a QR code.
  const make = page.getByRole('button', { name: '生成密码链接 张敏' });
  await make.click();
  const panel = page.locator('.firm-link');
  await expect(panel).toBeFocused();
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('张敏的密码链接');
  const field = page.getByLabel('链接', { exact: true });
  await expect(field).toHaveAttribute('readonly', '');
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/fast-track\/password\/[A-Za-z0-9_-]{43}$/);
  const first = await field.inputValue();
  await expect(panel).toContainText('有效期至 2026-11-23 10:00，只能使用一次。');
  await expect(panel).toContainText('如果再为此人生成链接，这个链接就会失效。');
  await expect(panel.getByRole('img', { name: '密码链接的二维码' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '打印' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // A second link ends the first.
  await make.click();
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();
  const ended = await request.post(`/api/v1/firm/password/${tokenOf(first)}`, { data: { password: NEW_PASSWORD } });
  expect(ended.status()).toBe(404);

  // English, with the link still shown.
  await toEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firm accounts');
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('Password link for 张敏');
  await expect(panel).toContainText('It works until 2026-11-23 10:00, once.');
  await expect(person).toContainText('First person (signed the firm up)');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The person opens the link (its page is the firm's app's: here through the API) and signs in
  // with the new password; the old one no longer works.
  const set = await request.post(`/api/v1/firm/password/${tokenOf(second)}`, { data: { password: NEW_PASSWORD } });
  expect(set.status(), await set.text()).toBe(204);
  const signedIn = await request.post('/api/v1/firm/session', { data: { uscc: USCC, mobile, password: NEW_PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const old = await request.post('/api/v1/firm/session', { data: { uscc: USCC, mobile, password: PASSWORD } });
  expect(old.status()).toBe(401);
  await appReady(page);
});

test('the firm accounts page is for administrators only', async ({ page, request }) => {
  await createAccount(request, 'firms.handler', ['case_handler']);
  await page.goto('/staff/login');
  await uiLogin(page, 'firms.handler');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await expect(page.locator('.staff-nav').getByRole('link', { name: '企业账号' })).toHaveCount(0);
  await page.goto('/staff/admin/firms');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您没有访问此页面的权限');
});
