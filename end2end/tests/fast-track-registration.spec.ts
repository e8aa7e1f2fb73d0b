import { Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, tabTo, toEnglish } from './fixtures';
import { createAccount, pdf, uiLogin } from './staff-api';

// A firm's registration with the center (专利预审备案, issue #14): the firm answers the task
// list and uploads its documents by keyboard at 360 px, is told what the rules say, submits with
// an explanation, is asked
// by a pre-examination officer to amend one section, amends, is registered and prints its
// certificate. The server allows 10 firm sign-ups an hour per address and every test comes from
// 127.0.0.1: this file signs up twice per run.

const PASSWORD = 'a long enough password 1';
/// Valid codes (GB 32100 check character) of firms registered in 南通 that only this file uses.
const JOURNEY_USCC = '91320621MA1REG0019';
const AXE_USCC = '91320682MA2REG002X';

function uniqueMobile(): string {
  return `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/// Signs a firm up over the API and signs it in in the page's browser (the session cookie).
async function firmSignedIn(page: Page, uscc: string, name: string) {
  const mobile = uniqueMobile();
  const signedUp = await page.request.post('/api/v1/firm/sign-up', {
    data: { uscc, firm_name: name, contact_name: '王丽', mobile, password: PASSWORD },
  });
  expect(signedUp.status(), await signedUp.text()).toBe(202);
  const signedIn = await page.request.post('/api/v1/firm/session', { data: { uscc, mobile, password: PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
}

/// Tabs to `selector` and types `value` there, as a keyboard user would.
async function typeInto(page: Page, selector: string, value: string) {
  await tabTo(page, page.locator(selector));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

/// Opens a section from the task list by keyboard.
async function openSection(page: Page, name: string) {
  await tabTo(page, page.locator('.task-list').getByRole('link', { name, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(name);
}

/// "Save and continue" by keyboard, back to the task list.
async function saveAndContinue(page: Page) {
  await tabTo(page, page.getByRole('button', { name: '保存并继续' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fast-track/registration');
}


/// The registration's documents: each material's code, its name on the page and a file for it.
const DOCUMENTS = [
  ['business_licence', '营业执照', '营业执照.pdf'],
  ['social_insurance', '社保缴纳证明', '社保缴纳证明.pdf'],
  ['declaration', '签字盖章的承诺书', '承诺书.pdf'],
  ['rnd_proof', '研发投入证明', '研发投入证明.pdf'],
] as const;

/// Tabs to a document's file input, opens the file chooser with the keyboard and picks a file.
async function uploadByKeyboard(page: Page, code: string, name: string) {
  await tabTo(page, page.locator(`#upload-${code}`));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: pdf(code) });
  await expect(page.locator(`section[aria-labelledby="upload-${code}-heading"] .file-card__name`)).toHaveText(name);
}

/// The state shown next to a section on the task list.
const stateOf = (page: Page, code: string) => page.locator(`#task-${code}-status`);

test('a firm applies, amends what the officer asks and is registered, at 360 px by keyboard only', async ({
  page,
  request,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  // The staff pages ask for a session before the officer logs in (401); a web page sent as a
  // document (415); a refused answer (400).
  consoleErrors.refusedOnPurpose([400, 401, 415], 'session check, a web page as a document');
  await page.setViewportSize({ width: 360, height: 740 });
  await firmSignedIn(page, JOURNEY_USCC, '南通备案测试家纺有限公司');
  await createAccount(request, 'reg.officer', ['pre_exam_officer']);

  // From the firm's account (another app) to the registration.
  await page.goto('/fast-track/account');
  await appReady(page);
  await tabTo(page, page.getByRole('link', { name: '打开备案申请' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fast-track/registration');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('专利预审备案申请');
  await expect(page).toHaveTitle('专利预审备案申请 - 知识产权公共服务门户');
  await expect(stateOf(page, 'firm')).toHaveText('未开始');
  await expect(page.locator('.panel-box')).toContainText('仅作示例，以中心确认为准');
  await expect(page.locator('.panel-box')).toContainText('参保人数不少于 5 人');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The firm: a count that is not a number is said at once, nothing sent.
  await openSection(page, '企业基本情况');
  await typeInto(page, '#established_on', '2015-03-18');
  await typeInto(page, '#insured_staff', '三');
  await tabTo(page, page.getByRole('button', { name: '保存并继续' }));
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText('请填写整数，例如 12');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#insured_staff');
  await expectNoAxeViolations(page);
  await typeInto(page, '#insured_staff', '3');
  await typeInto(page, '#main_business', '家用纺织品的研发、生产和销售');
  // A field being extended cannot be chosen; one in force can.
  await expect(page.locator('#fields-next_gen_it')).toBeDisabled();
  await tabTo(page, page.locator('#fields-modern_textiles'));
  await page.keyboard.press('Space');
  await saveAndContinue(page);
  await expect(stateOf(page, 'firm')).toHaveText('已完成');
  // Three insured staff: the rule is not met, in words, before anything is submitted.
  const staffRule = page.locator('.rule-list__item', { hasText: '参保人数' });
  await expect(staffRule).toContainText('未满足');

  await openSection(page, '研发情况');
  await typeInto(page, '#rnd_staff', '2');
  await typeInto(page, '#rnd_spending', '120');
  await saveAndContinue(page);

  await openSection(page, '已授权专利');
  // A radio group is one Tab stop; the arrow keys choose within it.
  await tabTo(page, page.locator('#design_only'));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#design_only-no')).toBeChecked();
  await typeInto(page, '#patents', 'ZL 2021 1 0000004.X');
  await saveAndContinue(page);
  await expect(page.locator('.rule-list__item', { hasText: '授权发明专利' })).toContainText('已满足');

  await openSection(page, '知识产权管理');
  await tabTo(page, page.locator('#ip_system'));
  await page.keyboard.press('Space');
  await typeInto(page, '#ip_contact', '王丽');
  await saveAndContinue(page);

  // The documents: each uploaded by keyboard, stored at once; a refused file is said at its
  // document and in the summary.
  await expect(stateOf(page, 'uploads')).toHaveText('未开始');
  await openSection(page, '材料');
  await expect(page.locator('main')).toContainText('仅作示例，以中心确认为准');
  await expectNoAxeViolations(page);
  await tabTo(page, page.locator('#upload-business_licence'));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles({ name: '网页.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>') });
  await expect(summary.getByRole('link')).toContainText('网页.pdf');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#upload-business_licence');
  await expect(page.locator('#upload-business_licence-error')).toContainText('只能上传照片');
  await expectNoAxeViolations(page);
  for (const [code, , file] of DOCUMENTS) {
    await uploadByKeyboard(page, code, file);
  }
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await tabTo(page, page.getByRole('link', { name: '继续', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fast-track/registration');
  await expect(stateOf(page, 'uploads')).toHaveText('已完成');

  await openSection(page, '承诺书');
  await tabTo(page, page.locator('#declaration'));
  await page.keyboard.press('Space');
  await saveAndContinue(page);
  for (const code of ['firm', 'rnd', 'patents', 'management', 'uploads', 'declaration']) {
    await expect(stateOf(page, code)).toHaveText('已完成');
  }

  // Check and submit: a rule not met needs an explanation; the summary links to its question.
  await tabTo(page, page.getByRole('link', { name: '检查您的回答' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('检查您的回答');
  await expect(page.locator('main')).toContainText('ZL 2021 1 0000004.X');
  for (const [, document, file] of DOCUMENTS) {
    const row = page.locator('.summary-list__row', { hasText: document });
    await expect(row).toContainText(file);
    await expect(row.getByRole('link', { name: `修改 ${document}` })).toHaveAttribute('href', '/fast-track/registration/uploads');
  }
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('button', { name: '提交备案申请' }));
  await page.keyboard.press('Enter');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '/fast-track/registration/declaration#explanation');
  await tabTo(page, summary.getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('承诺书');
  // The link loads the question pages' app at that question.
  await expect(page.locator('#explanation')).toBeFocused();
  await typeInto(page, '#explanation', '新招聘的员工下月起参保。');
  await saveAndContinue(page);
  await tabTo(page, page.getByRole('link', { name: '检查您的回答' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: '提交备案申请' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fast-track/registration');
  const panel = page.locator('.panel--confirmation');
  await expect(panel).toContainText('备案申请已提交');
  await expect(panel.locator('.reference')).toHaveText(/^BA-2026-\d{6}$/);
  await expect(page.locator('main')).toContainText('2026年12月4日');
  await expectNoAxeViolations(page);

  // The officer takes it and asks for one section to be amended.
  await page.goto('/staff/registrations');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fregistrations$/);
  await uiLogin(page, 'reg.officer');
  await expect(page).toHaveURL('/staff/registrations');
  await expect(page.locator('h1')).toHaveText('专利预审备案审核');
  const row = page.locator('tr', { hasText: '南通备案测试家纺有限公司' });
  await expect(row).toContainText('已提交');
  await expectNoAxeViolations(page);
  await row.getByRole('link').click();
  await expect(page.locator('main')).toContainText(JOURNEY_USCC);
  await expect(page.locator('main')).toContainText('新招聘的员工下月起参保。');
  // The documents, each a link that opens it (every opening is in the audit log).
  const licence = page.getByRole('link', { name: '营业执照.pdf' });
  await expect(licence).toHaveAttribute('href', /^\/api\/v1\/staff\/registrations\/\d+\/files\/\d+$/);
  const opened = await page.request.get((await licence.getAttribute('href'))!);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toBe('application/pdf');
  expect((await opened.body()).toString()).toContain('/Title (business_licence)');
  await page.getByRole('button', { name: '开始审核（分配给我）' }).click();
  await expect(page.locator('main')).toContainText('审核中');
  // A defect can be put on the documents too.
  await expect(page.locator('#defect-uploads')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('#defect-rnd').fill('研发投入与附件金额不一致，请核对后修改。');
  await page.getByRole('button', { name: '发送补正要求' }).click();
  await expect(page.locator('main')).toContainText('需补正');
  const officerUrl = page.url();

  // The firm sees every defect with a link to its section, amends and submits again.
  await page.goto('/fast-track/registration');
  await appReady(page);
  const notice = page.locator('.notice--warning');
  await expect(notice).toContainText('中心要求补正');
  await expect(notice).toContainText('研发投入与附件金额不一致，请核对后修改。');
  await expectNoAxeViolations(page);
  await tabTo(page, notice.getByRole('link', { name: '研发情况' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('研发情况');
  await expect(page.locator('#rnd_spending')).toHaveValue('120');
  await typeInto(page, '#rnd_spending', '135');
  await saveAndContinue(page);
  await tabTo(page, page.getByRole('link', { name: '检查您的回答' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: '提交备案申请' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.panel--confirmation')).toContainText('备案申请已提交');

  // The officer registers the firm.
  await page.goto(officerUrl);
  await page.getByRole('button', { name: '开始审核（分配给我）' }).click();
  await page.getByRole('button', { name: '准予备案', exact: true }).click();
  await expect(page.locator('main')).toContainText('已备案');

  // The firm prints its certificate.
  await page.goto('/fast-track/registration');
  await appReady(page);
  await expect(page.locator('.panel--confirmation')).toContainText(/NTYS-2026-\d{4}/);
  await tabTo(page, page.getByRole('link', { name: '查看并打印备案证明' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('专利预审备案证明');
  const certificate = page.locator('.certificate');
  await expect(certificate).toContainText('南通备案测试家纺有限公司');
  await expect(certificate).toContainText(JOURNEY_USCC);
  await expect(certificate).toContainText('现代纺织');
  await expect(certificate).toContainText('2028年11月20日');
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});

test('the registration pages have no axe violations in English and in elder mode', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  consoleErrors.refusedOnPurpose([400], 'submitting an incomplete registration');
  await page.setViewportSize({ width: 360, height: 740 });
  await firmSignedIn(page, AXE_USCC, 'Nantong Axe Registration Co., Ltd.');
  await page.goto('/fast-track/registration');
  await appReady(page);
  await toEnglish(page);
  await expect(page.locator('h1')).toHaveText('Registration for patent pre-examination');
  await expectNoAxeViolations(page);
  // The question pages are another app (a full page load away): an answer typed just before
  // going back is saved before the page is left, not lost with it.
  await page.locator('.task-list').getByRole('link', { name: 'About the firm' }).click();
  await expect(page.locator('h1')).toHaveText('About the firm');
  await page.locator('#main_business').fill('Home textiles');
  await page.getByRole('link', { name: 'Back to the registration' }).click();
  await expect(page).toHaveURL('/fast-track/registration');
  await expect(stateOf(page, 'firm')).toHaveText('In progress');
  await page.locator('.task-list').getByRole('link', { name: 'About the firm' }).click();
  await expect(page.locator('#main_business')).toHaveValue('Home textiles');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL('/fast-track/registration');
  await page.getByRole('link', { name: 'Check your answers' }).click();
  await page.getByRole('button', { name: 'Submit the registration' }).click();
  await expect(page.locator('.error-summary li').first()).toBeVisible();
  await expect(page.locator('.error-summary')).toContainText('Upload the business licence');
  await expectNoAxeViolations(page);
  await page.goto('/fast-track/registration/uploads');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Documents');
  await page.locator('#upload-rnd_proof').setInputFiles({ name: 'proof.pdf', mimeType: 'application/pdf', buffer: pdf('proof') });
  await expect(page.locator('.file-card__name')).toHaveText('proof.pdf');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Large text' }).click();
  await expect(page.locator('html')).toHaveClass(/\belder\b/);
  await page.goto('/fast-track/registration/patents');
  await appReady(page);
  await expectNoAxeViolations(page);
  for (const target of await page.locator('main button:visible, main .button:visible').all()) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(60);
  }
});

test('an administrator sees the fast track settings labelled illustrative, is told what is wrong, and saves them', async ({
  page,
  request,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  consoleErrors.refusedOnPurpose([401], 'the session check before the administrator signs in');
  await createAccount(request, 'ft.admin', ['administrator']);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/staff/admin/fast-track');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fadmin%2Ffast-track$/);
  await uiLogin(page, 'ft.admin');
  await expect(page.locator('h1')).toHaveText('快速通道设置');
  await expect(page.locator('main')).toContainText('仅作示例，以中心确认为准');
  await expect(page.locator('#field-0-zh')).toHaveValue('智能装备');
  await expect(page.locator('#field-2-active')).not.toBeChecked();
  await expect(page.locator('#material-business_licence')).toBeChecked();
  await expect(page.locator('main')).toContainText('营业执照：必须上传');
  await expectNoAxeViolations(page);
  // Saved unchanged (other tests run on the same database): first a number that is not one.
  await page.locator('#limits-review_working_days').fill('多');
  await page.getByRole('button', { name: '保存设置' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#limits-review_working_days');
  await expectNoAxeViolations(page);
  await page.locator('#limits-review_working_days').fill('10');
  // A field's IPC main groups, typed loosely, are kept written one way.
  await page.locator('#field-0-ipc').fill('b25f5/00\nB23K 37/00');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.locator('.notice--success')).toHaveText('设置已保存。');
  await page.reload();
  await appReady(page);
  await expect(page.locator('#field-0-ipc')).toHaveValue('B25F 5/00\nB23K 37/00');
  await expect(page.locator('#field-0-venue')).toHaveValue('protection_center');
  await expectNoSidewaysScroll(page);
});
