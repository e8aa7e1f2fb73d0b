import { APIRequestContext } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, tabTo, toEnglish } from './fixtures';
import { apiLogin, createAccount, uiLogin } from './staff-api';
import { firmRegistered, preExamSubmitted, preExamUpload } from './firm-api';
import { accept, askForAmendment, forward, pass } from './pre-exam-officer';
import { ADMIN_USERNAME, ADMIN_PASSWORD, STAFF_PASSWORD } from '../staff-credentials';

// The officers' pre-examination pages (issue #15): the firm's side over the API (sign-up,
// registration, a request submitted, its reply and its national filing), the officer in the
// workbench by keyboard (queue, accept, one opinion with every defect, pass, forward to the
// fast channel); an officer of another venue does not see the request; the administrator's
// overview shows the numbers. axe on every page, in zh and en. One firm sign-up per run.

/// A valid code (GB 32100 check character) of a firm registered in 南通 that only this file uses.
const USCC = '91320602MA7PRE001F';
const FIRM = '南通预审测试机械有限公司';
/// A valid invention number (ZC 0006 check character) of this year's filings.
const NATIONAL_NUMBER = '202610012345.1';

/// Adds the test's IPC group to the center's 智能装备 field (the shipped fields list none; adding
/// one leaves every other test's answers as they were).
async function ipcListed(admin: APIRequestContext) {
  const csrf = await apiLogin(admin, ADMIN_USERNAME, ADMIN_PASSWORD);
  const path = '/api/v1/staff/fast-track/settings';
  const settings = await (await admin.get(path)).json();
  const field = settings.fields.find((f: { code: string }) => f.code === 'smart_equipment');
  if (!field.ipc_groups.includes('B25F 5/00')) field.ipc_groups.push('B25F 5/00');
  const saved = await admin.put(path, { data: settings, headers: { 'X-CSRF-Token': csrf } });
  expect(saved.status(), await saved.text()).toBe(200);
}

test('an officer examines a request by keyboard from the queue to the fast channel; another venue does not see it; the overview counts it', async ({
  page,
  request,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  // (The empty opinion is refused in the browser only.)
  consoleErrors.refusedOnPurpose([400, 401, 404], "session check (401), the other venue's officer (404)");
  await createAccount(request, 'pre.officer', ['pre_exam_officer']);
  await createAccount(request, 'pre.officer2', ['pre_exam_officer']);
  await createAccount(request, 'pre.admin', ['administrator']);
  const adminCsrf = await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
  const venue = await request.patch('/api/v1/staff/accounts/pre.officer2', {
    data: { pre_exam_venue: 'home_textiles' },
    headers: { 'X-CSRF-Token': adminCsrf },
  });
  expect(venue.status(), await venue.text()).toBe(200);
  await ipcListed(request);

  // The firm: registered, then a request for an invention at the center.
  const officerCsrf = await apiLogin(request, 'pre.officer', STAFF_PASSWORD);
  const firm = page.request;
  const firmCsrf = await firmRegistered(firm, USCC, FIRM, request, officerCsrf);
  const { id, reference } = await preExamSubmitted(firm, firmCsrf, {
    venue: 'protection_center',
    kind: 'invention',
    classification: 'B25F 5/00',
    title: '一种手持电动工具',
    inventors: ['李四', '王五'],
    summary: '一种手持电动工具。',
    pct_national_phase: false,
    divisional: false,
    same_day_filing: false,
    needs_secrecy_examination: false,
    already_filed: false,
  });
  expect(reference).toBeTruthy();

  // The officer opens the queue and the request by keyboard.
  await page.goto('/staff/pre-exams');
  await expect(page).toHaveURL(/\/staff\/login\?next=/);
  await uiLogin(page, 'pre.officer');
  await expect(page).toHaveURL(/\/staff\/pre-exams$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('专利预审请求');
  const row = page.locator('tr', { hasText: reference });
  await expect(row).toContainText(FIRM);
  await expect(row).toContainText('已提交');
  await expect(row).toContainText(/还剩 \d+ 个工作日|今天到期/);
  await expectNoAxeViolations(page);
  await tabTo(page, row.getByRole('link', { name: reference }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/staff/pre-exams/${id}`);
  await expect(page.locator('h1')).toContainText(reference);
  await expect(page.locator('main')).toContainText('李四、王五');
  await expect(page.locator('main a[href*="/files/"]').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // 受理.
  await accept(page);

  // An empty opinion is refused by the shared check, at the first box.
  await tabTo(page, page.getByRole('button', { name: '发出补正意见' }));
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#defects-formal');
  await expectNoAxeViolations(page);
  // Every defect at once, formal and substantive.
  const defects = await askForAmendment(page, ['摘要超过 300 字'], ['权利要求 1 保护范围不清楚', '说明书未充分公开实施方式']);
  await expect(defects).toContainText('【形式】摘要超过 300 字');
  await expect(defects).toContainText('【实质】说明书未充分公开实施方式');

  // The firm replies with amended claims; the officer passes it with the notice's number.
  await preExamUpload(firm, firmCsrf, id, 'claims');
  const replied = await firm.post(`/api/v1/firm/pre-exams/${id}/reply`, { headers: { 'X-CSRF-Token': firmCsrf } });
  expect(replied.status(), await replied.text()).toBe(200);
  await page.reload();
  await appReady(page);
  await pass(page, 'YS合格-2026-E2E');

  // The firm reports its national application; the officer confirms it and forwards it.
  const today = (await (await firm.get('/api/v1/firm/pre-exams')).json()).today;
  const filed = await firm.post(`/api/v1/firm/pre-exams/${id}/filing`, {
    headers: { 'X-CSRF-Token': firmCsrf },
    data: { number: NATIONAL_NUMBER, filed_on: today },
  });
  expect(filed.status(), await filed.text()).toBe(200);
  await page.reload();
  await appReady(page);
  await forward(page, NATIONAL_NUMBER);
  await toEnglish(page);
  await expect(page.locator('main')).toContainText('Forwarded to the fast examination channel');
  await expectNoAxeViolations(page);
  await page.goto('/staff/pre-exams');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pre-examination requests');
  await expectNoAxeViolations(page);

  // The 家纺 centre's officer sees nothing of the center's request.
  await apiLogin(request, 'pre.officer2', STAFF_PASSWORD);
  const queue = await (await request.get('/api/v1/staff/pre-exams')).json();
  expect(queue.items.map((i: { reference: string }) => i.reference)).not.toContain(reference);
  expect((await request.get(`/api/v1/staff/pre-exams/${id}`)).status()).toBe(404);

  // The administrator's overview counts it.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const admin = await context.newPage();
  await admin.goto('/staff');
  await uiLogin(admin, 'pre.admin');
  await expect(admin).toHaveURL(/\/staff$/);
  const numbers = admin.locator('section', { has: admin.locator('#pre-exams-numbers-heading') });
  await expect(numbers).toContainText('专利预审数据');
  await expect(numbers).toContainText('智能装备');
  await expect(numbers).toContainText(/预审合格率[\s\S]*\d+%/);
  await expect(numbers).toContainText('从提交到预审合格（中位数）');
  await expectNoAxeViolations(admin);
  await toEnglish(admin);
  await expect(numbers).toContainText('Pass rate');
  await expectNoAxeViolations(admin);
  // The time limits, illustrative until the center confirms them; a limit of 0 is refused.
  await admin.goto('/staff/admin/pre-exam');
  await appReady(admin);
  await expect(admin.locator('main')).toContainText('Illustrative — to be confirmed by the center');
  await expectNoAxeViolations(admin);
  await admin.locator('#acceptance_working_days').fill('0');
  await admin.getByRole('button', { name: 'Save the settings' }).click();
  await expect(admin.locator('.error-summary').getByRole('link')).toHaveAttribute('href', '#acceptance_working_days');
  await context.close();
});
