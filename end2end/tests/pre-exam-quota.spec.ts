import { Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, tabTo, toEnglish } from './fixtures';
import { apiLogin, createAccount, uiLogin } from './staff-api';
import { firmRegistered } from './firm-api';
import { STAFF_PASSWORD } from '../staff-credentials';

// A firm asks online for extra pre-examination quota (增量额度, issue #15): from its requests'
// list to the page of its own (/fast-track/pre-exams/quota, another app), an empty reason
// refused in the browser with the server's words (error summary and the message at the field),
// corrected, the confirmation; the list then shows the open request instead of the link. The
// administrator sees the request above the firm's quota in the workbench and grants it by
// raising the extra quota; the firm's list shows the higher total. Both at 360 px and by
// keyboard, axe on every page in Chinese and English. One firm sign-up per run.

/// A valid code (GB 32100 check character) of a firm registered in 南通 that only this file uses.
const USCC = '91320602MA7QTA001W';
const FIRM = '南通额度测试纺织有限公司';
const ASK = '/api/v1/firm/pre-exam-quota-request';

/// Presses a button or follows a link by keyboard.
async function press(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button') {
  await tabTo(page, page.getByRole(role, { name }).first(), 120);
  await page.keyboard.press('Enter');
}

async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, page.locator(`#${id}`), 120);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/// axe and no sideways scrolling, in Chinese and then in English, back in Chinese after.
async function checkedInBoth(page: Page, english: string | RegExp) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await toEnglish(page);
  await expect(page.locator('main')).toContainText(english);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
}

test('a firm asks online for extra quota, corrects an empty reason, and the administrator grants it in the workbench, at 360 px by keyboard in zh and en', async ({
  page,
  request,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  // (The empty reason is refused in the browser only; the workbench checks its session first.)
  consoleErrors.refusedOnPurpose([401], 'session check (401)');
  await createAccount(request, 'quota.officer', ['pre_exam_officer']);
  await createAccount(request, 'quota.admin', ['administrator']);
  const officerCsrf = await apiLogin(request, 'quota.officer', STAFF_PASSWORD);
  await page.setViewportSize({ width: 360, height: 740 });
  const csrf = await firmRegistered(page.request, USCC, FIRM, request, officerCsrf);

  // The list: the quota and the way to ask for more.
  await page.goto('/fast-track/pre-exams');
  await appReady(page);
  const main = page.locator('main');
  await expect(main).toContainText(/2026 年已使用 0 件，共 \d+ 件/);
  const total = Number((await main.textContent())!.match(/共 (\d+) 件/)![1]);
  await expect(main).not.toContainText('暂不能在线申请');
  await checkedInBoth(page, 'Ask the center for extra quota (增量额度) online');
  await press(page, '额度不够用时，可以在线向中心申请增量额度', 'link');

  // The page of its own: a number, and no reason — refused at the field in the server's words.
  await expect(page).toHaveURL('/fast-track/pre-exams/quota');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('申请增加预审额度');
  await expect(main).toContainText(`2026 年已使用 0 件，共 ${total} 件`);
  await checkedInBoth(page, 'How many more requests do you need this year?');
  await typeInto(page, 'extra', '5');
  await press(page, '提交申请');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  const inline = page.locator('#reason-error');
  await expect(inline).toBeVisible();
  await expect(page.locator('#reason')).toHaveAttribute('aria-invalid', 'true');
  const refusal = await page.request.post(ASK, {
    headers: { 'X-CSRF-Token': csrf },
    data: { extra: 5, reason: '  ' },
  });
  expect(refusal.status()).toBe(400);
  const serverSays = (await refusal.json()).fields.reason.message;
  expect(serverSays).toBe('请说明需要增加额度的理由');
  await expect(inline).toHaveText(serverSays);
  await expect(summary.getByRole('link')).toHaveText([serverSays]);
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#reason');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  // In English, the same check says it in English, as the server does.
  await toEnglish(page);
  await press(page, 'Send the request');
  const english = await page.request.post(ASK, {
    headers: { 'X-CSRF-Token': csrf, 'Accept-Language': 'en' },
    data: { extra: 5, reason: '' },
  });
  await expect(inline).toHaveText((await english.json()).fields.reason.message);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '中文' }).click();

  // Corrected: the confirmation and what happens next.
  await typeInto(page, 'reason', '新产品线明年一季度上市，订单增加。');
  await press(page, '提交申请');
  const confirmation = page.locator('h1');
  await expect(confirmation).toHaveText('申请已提交');
  await expect(confirmation).toBeFocused();
  await expect(main).toContainText('您申请在 2026 年增加 5 件预审额度。');
  await expect(main).toContainText('接下来会怎样');
  await checkedInBoth(page, 'You asked for 5 more pre-examination requests in 2026.');

  // Back on the list: the open request instead of the link; the quota page shows it too.
  await press(page, '返回预审申请列表', 'link');
  await expect(page).toHaveURL('/fast-track/pre-exams');
  await appReady(page);
  await expect(main).toContainText(/您已于 .+ 申请增加 5 件额度，中心会答复。/);
  await expect(page.getByRole('link', { name: '额度不够用时，可以在线向中心申请增量额度' })).toHaveCount(0);
  await checkedInBoth(page, /You asked on .+ for 5 more; the center will answer\./);
  await page.goto('/fast-track/pre-exams/quota');
  await appReady(page);
  await expect(main).toContainText(/您已于 .+ 申请增加 5 件额度，中心尚未答复。/);
  await expect(main).toContainText('理由：新产品线明年一季度上市，订单增加。');
  await expect(page.locator('#reason')).toHaveCount(0);
  await checkedInBoth(page, 'the center has not answered yet');

  // The administrator, in a browser of its own: the request above the firm's quota; raising the
  // extra quota grants it.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const admin = await context.newPage();
  await admin.setViewportSize({ width: 360, height: 740 });
  await admin.goto('/staff/admin/firms');
  await expect(admin).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fadmin%2Ffirms$/);
  await uiLogin(admin, 'quota.admin');
  await expect(admin).toHaveURL(/\/staff\/admin\/firms$/);
  await typeInto(admin, 'uscc', USCC);
  await press(admin, '查找');
  const request_ = admin.locator('#quota-request');
  await expect(request_).toContainText(/该企业于 .+ 在线申请今年增加 5 件额度。/);
  await expect(request_).toContainText('新产品线明年一季度上市，订单增加。');
  await expectNoAxeViolations(admin);
  await expectNoSidewaysScroll(admin);
  await toEnglish(admin);
  await expect(request_).toContainText('more requests this year');
  await expectNoAxeViolations(admin);
  await admin.getByRole('button', { name: '中文' }).click();
  await typeInto(admin, 'extra', '5');
  await press(admin, '保存额度');
  await expect(admin.locator('.notice--success')).toHaveText('额度已保存。已同意该企业的申请。');
  await expect(request_).toHaveCount(0);
  await expect(admin.locator('section[aria-labelledby="quota-heading"]')).toContainText('增量额度 5 件');
  await expectNoAxeViolations(admin);
  await context.close();

  // The firm's list: the higher total, and the way to ask again.
  await page.goto('/fast-track/pre-exams');
  await appReady(page);
  await expect(main).toContainText(`2026 年已使用 0 件，共 ${total + 5} 件，还剩 ${total + 5} 件。其中增量额度 5 件。`);
  await expect(page.getByRole('link', { name: '额度不够用时，可以在线向中心申请增量额度' })).toBeVisible();
  await checkedInBoth(page, `In 2026 you have used 0 of ${total + 5}`);
  await page.goto('/fast-track/pre-exams/quota');
  await appReady(page);
  await expect(main).toContainText(/中心已同意您于 .+ 提出的申请（增加 5 件）。/);
  await expect(page.locator('#reason')).toBeVisible();
  await checkedInBoth(page, /The center granted your request of .+ \(5 more\)\./);
});
