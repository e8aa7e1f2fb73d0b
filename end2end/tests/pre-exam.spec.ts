import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, tabTo, toEnglish } from './fixtures';
import { apiLogin, createAccount, pdf, uiLogin } from './staff-api';
import { firmRegistered } from './firm-api';
import * as officerDoes from './pre-exam-officer';
import { ADMIN_PASSWORD, ADMIN_USERNAME, STAFF_PASSWORD } from '../staff-credentials';

// A pre-examination request from filing to the fast channel (issue #15), through both sides' pages: a
// registered firm files a design at the 家纺 centre with a class the centre does not examine
// (refused at the field, in the server's words), corrects it, answers the exclusions, uploads
// its documents and submits; the officer asks for an amendment; the firm replaces a file and
// replies; the officer passes it; the firm reports an application number with a wrong check
// character (refused, the server's words) and then the right one; the officer forwards it. The
// firm and the officer each in a browser of their own, both at 360 px and by keyboard, axe on
// every page in Chinese and English. (The officers' pages have their own spec too, for what only
// they see: workbench-pre-exams.spec.ts.)
//
// The seeded fields list no classes (the center has not published them): as an administrator
// would, the test gives 现代纺织 at the 家纺 centre the Locarno class 06-09 and the IPC group
// D06F 58/00 (the API tests' figures), so 06-01 is a class that centre does not examine.

/// A valid code (GB 32100 check character) of a firm in 南通 that only this file uses.
const USCC = '91320602MA3PRE001N';
const FIRM = '南通预审测试家纺有限公司';
const OFFICER = 'pe.jiafang';
/// A design application filed in 2026 (kind digit 3) and its ZC 0006 check character.
const NUMBER = '202630012345.2';
const WRONG_CHECK = '202630012345.3';

/// The administrator gives 现代纺织 its classes at the 家纺 centre and makes the officer one of
/// that centre's; `request` is left signed in as the officer, whose CSRF token is answered.
async function officerOfJiafang(request: APIRequestContext): Promise<string> {
  await createAccount(request, OFFICER, ['pre_exam_officer']);
  const admin = await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
  const headers = { 'X-CSRF-Token': admin };
  const settings = await (await request.get('/api/v1/staff/fast-track/settings')).json();
  for (const field of settings.fields) {
    if (field.code === 'modern_textiles') {
      field.venue = 'home_textiles';
      field.locarno_classes = ['06-09'];
      field.ipc_groups = ['D06F 58/00'];
    }
  }
  const saved = await request.put('/api/v1/staff/fast-track/settings', { headers, data: settings });
  expect(saved.status(), await saved.text()).toBe(200);
  const venue = await request.patch(`/api/v1/staff/accounts/${OFFICER}`, {
    headers,
    data: { pre_exam_venue: 'home_textiles' },
  });
  expect(venue.status(), await venue.text()).toBe(200);
  return apiLogin(request, OFFICER, STAFF_PASSWORD);
}

/// Presses a button or follows a link by keyboard.
async function press(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button') {
  await tabTo(page, page.getByRole(role, { name }).first(), 120);
  await page.keyboard.press('Enter');
}

/// Chooses the radio `steps` below the first of group `name` by keyboard.
async function chooseRadio(page: Page, name: string, steps: number) {
  await tabTo(page, page.locator(`#${name}`), 120);
  if (steps === 0) {
    await page.keyboard.press('Space');
  }
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press('ArrowDown');
  }
}

async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, page.locator(`#${id}`), 120);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function checked(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
}

test('a firm files a design at the 家纺 centre and an officer examines it in the workbench: amendment, pass, national filing, fast channel', async ({
  page,
  request,
  browser,
  baseURL,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  consoleErrors.refusedOnPurpose([400, 409], 'a class the centre does not serve, a wrong check character');
  await page.setViewportSize({ width: 360, height: 740 });
  const officerCsrf = await officerOfJiafang(request);
  const csrf = await firmRegistered(page.request, USCC, FIRM, request, officerCsrf);

  // The list: the quota, no requests yet, and a new draft by keyboard.
  await page.goto('/fast-track/pre-exams');
  await appReady(page);
  await expect(page.locator('main')).toContainText(/2026 年已使用 0 件，共 \d+ 件/);
  await expect(page.locator('main')).toContainText('增量额度');
  await expect(page.locator('main')).toContainText('还没有预审申请');
  await checked(page);
  await press(page, '开始新的预审申请');
  await expect(page).toHaveURL(/\/fast-track\/pre-exams\/\d+$/);
  const id = Number(page.url().split('/').pop());
  await expect(page.locator('.task-list')).toBeVisible();
  await checked(page);

  // Where, what kind, and a class the 家纺 centre does not examine: refused at the field.
  await press(page, '预审机构、专利类型和分类号', 'link');
  await expect(page.locator('h1')).toHaveText('预审机构、专利类型和分类号');
  await chooseRadio(page, 'venue', 1);
  await expect(page.getByLabel('南通家纺快维中心')).toBeChecked();
  await expect(page.locator('main')).toContainText('启东（电动工具）快维中心筹建中');
  await chooseRadio(page, 'kind', 2);
  await expect(page.getByLabel('外观设计')).toBeChecked();
  await expect(page.locator('main')).toContainText('现代纺织（06-09）');
  await typeInto(page, 'classification', '6-1');
  await press(page, '保存并继续');
  const message = page.locator('#classification-error');
  await expect(message).toBeVisible();
  await expect(page.locator('.error-summary')).toBeVisible();
  // The server refuses the same answers in the same words.
  const refusal = await page.request.put(`/api/v1/firm/pre-exams/${id}`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { venue: 'home_textiles', kind: 'design', classification: '6-1' },
  });
  expect(refusal.status()).toBe(400);
  const serverSays = (await refusal.json()).fields.classification.message;
  expect(serverSays).toContain('06-01');
  await expect(message).toHaveText(serverSays);
  await checked(page);
  await typeInto(page, 'classification', '6-9');
  await press(page, '保存并继续');
  await expect(page).toHaveURL(`/fast-track/pre-exams/${id}`);
  await expect(page.locator('#task-application-status')).toHaveText('已完成');

  // The exclusions (a design is not asked about a same-day filing): "no" to each.
  await press(page, '是否属于不予预审的情形', 'link');
  await expect(page.locator('#same_day_filing')).toHaveCount(0);
  for (const q of ['pct_national_phase', 'divisional', 'needs_secrecy_examination', 'already_filed']) {
    await chooseRadio(page, q, 1);
  }
  await checked(page);
  await press(page, '保存并继续');
  await expect(page.locator('#task-exclusions-status')).toHaveText('已完成');

  // Title, designers, summary; saved as typed, so a reload keeps them.
  await press(page, '名称、发明人和申请人', 'link');
  await typeInto(page, 'title', '提花床罩');
  await typeInto(page, 'inventors', '陈静');
  await typeInto(page, 'summary', '一种带提花图案的床罩。');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: '草稿已保存' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.reload();
  await appReady(page);
  await expect(page.locator('#title')).toHaveValue('提花床罩');
  await checked(page);
  await press(page, '保存并继续');
  await expect(page.locator('#task-details-status')).toHaveText('已完成');

  // The documents a design needs, as PDFs.
  await press(page, '申请文件', 'link');
  for (const doc of ['request', 'design_views', 'design_brief', 'self_check']) {
    await page.locator(`#documents-${doc}`).setInputFiles({ name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: pdf(doc) });
    await expect(page.locator(`section[aria-labelledby="documents-${doc}-heading"] .file-card`)).toHaveCount(1);
  }
  await checked(page);
  await press(page, '继续', 'link');
  await expect(page.locator('#task-documents-status')).toHaveText('已完成');

  // Check and submit: the confirmation with the reference and what happens next.
  await press(page, '检查并提交', 'link');
  await expect(page.locator('main')).toContainText(/0?6-0?9/);
  await checked(page);
  await press(page, '提交预审申请');
  await expect(page).toHaveURL(`/fast-track/pre-exams/${id}/confirmation`);
  await expect(page.locator('.reference')).toHaveText(/\S+/);
  await expect(page.locator('main')).toContainText('个工作日内决定是否受理');
  await checked(page);

  // The officer, in the workbench on a phone of their own, accepts it and asks for an amendment.
  const staff = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const officer = await staff.newPage();
  await officer.goto(`/staff/pre-exams/${id}`);
  await expect(officer).toHaveURL(/\/staff\/login\?next=/);
  await uiLogin(officer, OFFICER);
  // Signed in, the login page goes on to the request.
  await expect(officer).toHaveURL(`/staff/pre-exams/${id}`);
  await appReady(officer);
  await expect(officer.locator('main')).toContainText('提花床罩');
  await checked(officer);
  await officerDoes.accept(officer);
  await officerDoes.askForAmendment(officer, ['视图不完整：缺少后视图。'], ['简要说明未写明设计要点。']);
  await expectNoSidewaysScroll(officer);

  // The firm sees every defect and the days left, replaces the views and replies.
  await page.goto(`/fast-track/pre-exams/${id}/status`);
  await appReady(page);
  const notice = page.locator('.notice--warning');
  await expect(notice).toContainText('视图不完整：缺少后视图。');
  await expect(notice).toContainText('简要说明未写明设计要点。');
  await expect(notice).toContainText(/还剩 \d+ 个工作日/);
  await checked(page);
  await page.locator('#documents-design_views').setInputFiles({ name: 'views-2.pdf', mimeType: 'application/pdf', buffer: pdf('views 2') });
  await expect(page.locator('section[aria-labelledby="documents-design_views-heading"] .file-card')).toHaveCount(2);
  await press(page, '提交补正');
  await expect(page.locator('main')).toContainText('审查中');
  await expect(page.locator('.timeline')).toContainText('提交补正');

  // The officer passes it: the notice, and the filing report.
  await officer.reload();
  await appReady(officer);
  await officerDoes.pass(officer, 'JFYS-2026-0001');
  await page.reload();
  await appReady(page);
  await expect(page.locator('.panel--confirmation')).toContainText('JFYS-2026-0001');
  await checked(page);
  await press(page, '报送', 'link');
  await expect(page).toHaveURL(`/fast-track/pre-exams/${id}/filing`);
  await appReady(page);
  await typeInto(page, 'number', WRONG_CHECK);
  await typeInto(page, 'filed_on', '2026-11-20');
  await press(page, '报送');
  const numberError = page.locator('#number-error');
  await expect(numberError).toBeVisible();
  const wrong = await page.request.post(`/api/v1/firm/pre-exams/${id}/filing`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { number: WRONG_CHECK, filed_on: '2026-11-20' },
  });
  expect(wrong.status()).toBe(400);
  await expect(numberError).toHaveText((await wrong.json()).fields.number.message);
  await checked(page);
  await typeInto(page, 'number', NUMBER);
  await press(page, '报送');
  await expect(page).toHaveURL(`/fast-track/pre-exams/${id}/status`);
  await expect(page.locator('main')).toContainText(`已报送申请号 ${NUMBER}`);

  // The printable notice.
  await press(page, '打印预审合格通知书', 'link');
  await expect(page.locator('h1')).toHaveText('专利预审合格通知书');
  await expect(page.locator('main')).toContainText('提花床罩');
  await checked(page);

  // The officer forwards it; the firm sees it, in Chinese and in English, and on its list.
  await officer.reload();
  await appReady(officer);
  await officerDoes.forward(officer, NUMBER);
  await staff.close();
  await page.goto(`/fast-track/pre-exams/${id}/status`);
  await appReady(page);
  await expect(page.locator('main')).toContainText(`申请 ${NUMBER} 已转入国家知识产权局的快速审查通道`);
  await checked(page);
  await toEnglish(page);
  await expect(page.locator('main')).toContainText("Forwarded to the fast examination channel");
  await checked(page);
  await page.goto('/fast-track/pre-exams');
  await appReady(page);
  await expect(page.locator('main')).toContainText('In 2026 you have used 1 of');
  await expect(page.locator('main')).toContainText('提花床罩');
  await checked(page);
  // The firm's own numbers: one submitted, and it passed.
  await press(page, 'Your pre-examination numbers', 'link');
  await expect(page).toHaveURL('/fast-track/pre-exams/numbers');
  await expect(page.locator('main')).toContainText('1 submitted: 1 passed, 0 did not pass.');
  await checked(page);
});
