import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, tabTo, toEnglish } from './fixtures';
import { apiLogin, createAccount, uiLogin } from './staff-api';
import { firmSignedIn, registrationSubmitted, review } from './firm-api';
import { STAFF_PASSWORD } from '../staff-credentials';

// A registration after the first decision (issue #14): a registered firm starts a change of its
// details, the officer turns it into a re-check (复核) with what to update, the firm sees it with
// the working days left and on its dashboard, the officer cancels the registration (撤销) for a
// published reason, and the firm applies again. The firm at 360 px by keyboard; axe on every
// new page in zh, en and elder mode. This file signs up one firm per run.

/// A valid code (GB 32100 check character) of a firm registered in 南通 that only this file uses.
const USCC = '91320602MA3RND001D';
const FIRM = '南通轮次测试纺织有限公司';

test('a firm changes its details, answers a re-check, is cancelled for a published reason and applies again', async ({
  page,
  request,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  consoleErrors.refusedOnPurpose([400, 401], 'session check before login; a cancellation without a reason');
  await page.setViewportSize({ width: 360, height: 740 });
  await createAccount(request, 'rounds.officer', ['pre_exam_officer']);
  const officerCsrf = await apiLogin(request, 'rounds.officer', STAFF_PASSWORD);
  const firmCsrf = await firmSignedIn(page.request, USCC, FIRM);
  const id = await registrationSubmitted(page.request, firmCsrf, request);
  await review(request, officerCsrf, id, 'start');
  await review(request, officerCsrf, id, 'register');

  // The firm starts a change of its details by keyboard; its registration stays in force.
  await page.goto('/fast-track/registration');
  await appReady(page);
  await expect(page.locator('.panel--confirmation')).toContainText(/NTYS-2026-\d{4}/);
  await expect(page.locator('main')).toContainText('备案信息变更');
  await tabTo(page, page.getByRole('button', { name: '申请备案信息变更' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.caption')).toHaveText('备案信息变更');
  await expect(page.locator('.notice[role="note"]')).toContainText('继续有效');
  await expect(page.locator('.task-list')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The officer sends a re-check: the same boxes as a request to amend.
  await page.goto(`/staff/registrations/${id}`);
  await expect(page).toHaveURL(/\/staff\/login\?next=/);
  await uiLogin(page, 'rounds.officer');
  await expect(page).toHaveURL(`/staff/registrations/${id}`);
  await expect(page.locator('main')).toContainText('已备案');
  await expectNoAxeViolations(page);
  await page.locator('#defect-firm').fill('请更新参保人数，并说明近三个月的变化。');
  await page.getByRole('button', { name: '发出复核通知' }).click();
  await expect(page.locator('.notice--success')).toBeVisible();
  const rounds = page.locator('main li', { hasText: /BA-2026-\d{6} · 复核/ });
  await expect(rounds).toContainText('需补正');

  // The firm sees what to update, with the working days left, and the message on its account.
  await page.goto('/fast-track/registration');
  await appReady(page);
  await expect(page.locator('.caption')).toHaveText('复核');
  const notice = page.locator('.notice--warning');
  await expect(notice).toContainText('中心要求复核');
  await expect(notice).toContainText('请更新参保人数，并说明近三个月的变化。');
  await expect(notice).toContainText(/还剩 \d+ 个工作日/);
  await expectNoAxeViolations(page);
  await page.goto('/fast-track/account');
  await appReady(page);
  const message = page.locator('.message-list__item').first();
  await expect(message).toContainText('中心要求复核');
  await expect(message).toContainText('请更新参保人数');
  await expect(page.locator('main')).toContainText(/复核 · 需补正/);
  await expectNoAxeViolations(page);

  // The officer cancels: first without a reason (said at the group), then with one.
  await page.goto(`/staff/registrations/${id}`);
  await appReady(page);
  await page.locator('#cancel-text').fill('社保缴纳证明系伪造。');
  await page.getByRole('button', { name: '撤销备案' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#reason');
  await expectNoAxeViolations(page);
  await page.getByLabel('提供虚假信息或材料').check();
  await page.locator('#cancel-text').fill('社保缴纳证明系伪造。');
  await page.getByRole('button', { name: '撤销备案' }).click();
  await expect(page.locator('main')).toContainText('已撤销');
  await expect(page.locator('main')).toContainText('社保缴纳证明系伪造。');

  // The firm reads why, and applies again by keyboard with its answers kept.
  await page.goto('/fast-track/registration');
  await appReady(page);
  const cancelled = page.locator('.notice--warning', { hasText: '备案已撤销' });
  await expect(cancelled).toContainText('提供虚假信息或材料');
  await expect(cancelled).toContainText('社保缴纳证明系伪造。');
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('button', { name: '再次申请备案' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.task-list')).toBeVisible();
  await expect(page.locator('#task-firm-status')).toHaveText('已完成');
  // The documents come with the answers.
  await expect(page.locator('#task-uploads-status')).toHaveText('已完成');
  await expect(page.locator('#task-declaration-status')).not.toHaveText('已完成');
  await expectNoSidewaysScroll(page);

  // The account page and the registration in English and in elder mode.
  await page.goto('/fast-track/account');
  await appReady(page);
  await toEnglish(page);
  await expect(page.locator('.message-list__item').first()).toContainText('Registration cancelled');
  await expectNoAxeViolations(page);
  await page.goto('/fast-track/registration');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Registration for patent pre-examination');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Large text' }).click();
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  await expectNoAxeViolations(page);
  for (const target of await page.locator('main button:visible, main .button:visible').all()) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(60);
  }
});
