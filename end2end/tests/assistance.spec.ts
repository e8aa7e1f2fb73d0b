import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations } from './fixtures';
import { STAFF_PASSWORD } from '../staff-credentials';
import { apiLogin, createAccount } from './staff-api';

// The server's clock is pinned (PORTAL_NOW in playwright.config.ts) to Friday 2026-11-20 10:00
// in Shanghai: a request submitted then has its initial review due 5 working days later, on
// Friday 2026-11-27. Tests share one database and run in parallel: each uses its own mobile.

/// A mainland mobile number no other test uses.
function uniqueMobile(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/// A real 1×1 PNG (the preview must be a picture the browser can show).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const RESIDENT_ID = '320611199003071232';

function completeDraft(mobile: string) {
  return {
    applicant: {
      kind: 'individual',
      name: '王小明',
      resident_id: RESIDENT_ID,
      mobile,
      acting_for_someone_else: false,
    },
    right: {
      type: 'utility_model_patent',
      number: '2012 2 0687633.0',
      holder: '王小明',
      legal_status: 'in_force',
    },
    other_party: { name: '某某家纺店', online_link: 'https://shop.example.com/item/1', place: '某电商平台' },
    facts: { description: '对方在网店销售仿冒我方专利的床品。', discovered_on: '2026-11-01' },
    help: { types: ['consultation'] },
    evidence: { complete: true },
    declaration: { accepted: true },
  };
}

/// A submitted request made straight through the API: its tracking token and reference.
async function submitViaApi(request: APIRequestContext, mobile: string) {
  const created = await request.post('/api/v1/assistance/drafts');
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  const saved = await request.put(`/api/v1/assistance/drafts/${token}`, { data: completeDraft(mobile) });
  expect(saved.status()).toBe(200);
  const submitted = await request.post(`/api/v1/assistance/drafts/${token}/submit`, {
    headers: { 'Idempotency-Key': `e2e-${Math.random()}` },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  return (await submitted.json()) as { tracking_token: string; reference: string };
}

const tasks = (page: Page) => page.locator('.task-list__item');
const statusOf = (page: Page, section: string) =>
  tasks(page).filter({ has: page.getByRole('link', { name: section, exact: true }) }).locator('.task-tag');

async function saveAndContinue(page: Page) {
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(page.locator('h1')).toHaveText('申请维权援助');
}

test('a whole application on a 360 px phone with a photo, a reload half-way, then tracked by reference', async ({
  page,
}) => {
  // A long journey with many axe runs.
  test.setTimeout(120_000);
  const mobile = uniqueMobile();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/assistance');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('维权援助申请');
  await expect(page).toHaveTitle('维权援助申请 - 知识产权公共服务门户');
  await expectNoAxeViolations(page);

  // Keyboard: the start link is reachable and works with Enter.
  const start = page.getByRole('link', { name: '开始申请' });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('申请维权援助');
  await expect(tasks(page)).toHaveCount(7);
  await expect(page.locator('.task-tag')).toHaveText(Array(7).fill('未开始'));
  await expectNoAxeViolations(page);

  // 1 The applicant.
  await page.getByRole('link', { name: '申请人信息', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('申请人信息');
  await expect(page.getByText('第 1 部分，共 7 部分')).toBeVisible();
  await page.getByRole('radio', { name: '个人', exact: true }).check();
  await page.getByLabel('申请人姓名').fill('王小明');
  await page.getByLabel('公民身份号码').fill(RESIDENT_ID);
  await page.getByLabel('手机号码').fill(mobile);
  await page.getByRole('radio', { name: '否', exact: true }).check();
  await expect(page.getByText('已自动保存')).toBeVisible();
  await expectNoAxeViolations(page);
  await saveAndContinue(page);
  await expect(statusOf(page, '申请人信息')).toHaveText('已完成');

  // 2 The right.
  await page.getByRole('link', { name: '被侵犯的权利', exact: true }).click();
  await page.getByRole('radio', { name: '实用新型专利', exact: true }).check();
  await page.getByLabel('专利申请号或专利号').fill('2012 2 0687633.0');
  await page.getByLabel('权利人').fill('王小明');
  await page.getByRole('radio', { name: '有效（已授权或已注册）' }).check();
  await expectNoAxeViolations(page);
  await saveAndContinue(page);

  // 3 The other party, with a reload before the save had time to reach the server.
  await page.getByRole('link', { name: '涉嫌侵权方', exact: true }).click();
  await page.getByLabel('对方名称或姓名').fill('某某家纺店');
  await page.getByLabel('网店或商品链接').fill('【淘宝】https://m.tb.cn/h.5abc?tk=1 复制这条信息');
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('对方名称或姓名')).toHaveValue('某某家纺店');
  await expect(page.getByLabel('网店或商品链接')).toHaveValue('【淘宝】https://m.tb.cn/h.5abc?tk=1 复制这条信息');
  await page.getByLabel('侵权发生在哪里').fill('某电商平台');
  await expectNoAxeViolations(page);
  await saveAndContinue(page);
  // What was saved before the reload is still there, section by section.
  await expect(statusOf(page, '申请人信息')).toHaveText('已完成');
  await expect(statusOf(page, '被侵犯的权利')).toHaveText('已完成');
  await expect(statusOf(page, '涉嫌侵权方')).toHaveText('已完成');

  // 4 What happened.
  await page.getByRole('link', { name: '侵权情况', exact: true }).click();
  await page.getByLabel('请描述侵权情况').fill('对方在网店销售仿冒我方专利的床品。\n已购买样品。');
  await page.getByLabel('发现侵权的日期').fill('2026-11-01');
  await page.getByLabel('估计损失（元，选填）').fill('50000');
  await expectNoAxeViolations(page);
  await saveAndContinue(page);

  // 5 The help wanted.
  await page.getByRole('link', { name: '需要的帮助', exact: true }).click();
  await page.getByRole('checkbox', { name: '咨询指导' }).check();
  await page.getByRole('checkbox', { name: '纠纷调解' }).check();
  await expectNoAxeViolations(page);
  await saveAndContinue(page);

  // 6 Evidence: a photo, shown with its preview.
  await page.getByRole('link', { name: '证据材料', exact: true }).click();
  await page.locator('#evidence-files').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
  const card = page.locator('.file-card').filter({ hasText: '现场照片.png' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('PNG 图片');
  await expect(card.locator('img')).toHaveJSProperty('naturalWidth', 1);
  await expect(page.getByText('已上传 1 个文件，最多 10 个')).toBeVisible();
  await page.getByRole('checkbox', { name: /我已上传全部证据材料/ }).check();
  await expectNoAxeViolations(page);
  await saveAndContinue(page);

  // 7 The declaration.
  await page.getByRole('link', { name: '声明', exact: true }).click();
  await page.getByRole('checkbox', { name: '我确认以上声明' }).check();
  await saveAndContinue(page);
  await expect(page.locator('.task-tag')).toHaveText(Array(7).fill('已完成'));
  await expect(page.getByText('已完成 7 个部分，共 7 个部分')).toBeVisible();

  // Check your answers, then submit.
  await page.getByRole('link', { name: '核对并提交' }).click();
  await expect(page.locator('h1')).toHaveText('提交前请核对您的申请');
  const answers = page.locator('.answers');
  await expect(answers).toContainText('王小明');
  await expect(answers).toContainText('实用新型专利');
  await expect(answers).toContainText('现场照片.png');
  await expect(answers).toContainText('纠纷调解');
  // The link that will be sent, not the share text it was pasted in.
  await expect(answers).toContainText('https://m.tb.cn/h.5abc?tk=1');
  await expect(answers).not.toContainText('复制这条信息');
  // The ID number is masked even here (kiosk screens are shared).
  await expect(answers).toContainText('3206**********1232');
  await expect(answers).not.toContainText(RESIDENT_ID);
  await expect(page.getByRole('link', { name: '更改 公民身份号码' })).toHaveAttribute('href', '/assistance/apply/applicant');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '提交申请' }).click();

  // The confirmation at the tracking link.
  await expect(page.locator('h1')).toHaveText('申请已提交');
  await expect(page).toHaveURL(/\/assistance\/requests\/[A-Za-z0-9_-]{43}\?new=1$/);
  const reference = (await page.locator('.reference').textContent())!;
  expect(reference).toMatch(/^WQ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await expect(page.getByText('初审截止日期：2026年11月27日 星期五')).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText(mobile.slice(0, 3) + '****' + mobile.slice(7));
  await expect(page.locator('.summary-list')).not.toContainText(RESIDENT_ID);
  await expect(page.locator('.file-card')).toContainText('现场照片.png');
  await expectNoAxeViolations(page);
  // Nothing of the application stays on the device.
  expect(await page.evaluate(() => [localStorage.getItem('assistance.token'), localStorage.getItem('assistance.draft')])).toEqual([
    null,
    null,
  ]);

  // Tracking by reference + mobile: the progress only, no name (issue #13 item 1).
  await page.goto('/assistance/track');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('查询申请进度');
  await expectNoAxeViolations(page);
  await page.getByLabel('申请编号').fill(reference.toLowerCase().replace(/-/g, ' '));
  await page.getByLabel('手机号码').fill(mobile);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('h1')).toHaveText('您的维权援助申请');
  const facts = page.locator('.summary-list');
  await expect(facts).toContainText(reference);
  await expect(facts).toContainText('已提交');
  await expect(page.locator('main')).not.toContainText('王小明');
  await expect(page.locator('main')).not.toContainText('王*');
  await expect(page.locator('main')).not.toContainText(mobile.slice(7));
  await expect(page.getByText('为保护个人信息，这里只显示办理进度')).toBeVisible();
  await expect(page.locator('.timeline')).toContainText('已提交');
  await expect(page.getByText(/下一步：初审，最晚 2026年11月27日 星期五/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a file that is not what its name says gets the server\'s message, and a photo can be removed', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([415], 'a file that is not what its name says');
  await page.goto('/assistance/apply/evidence');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('证据材料');
  await page.locator('#evidence-files').setInputFiles({
    name: '照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('this is only text pretending to be a photo'),
  });
  const problem = page.locator('.upload__item--error');
  await expect(problem).toContainText('照片.jpg');
  await expect(problem).toContainText('只能上传照片（JPG、PNG、WebP、HEIC）或 PDF 文件');
  await expect(page.locator('.file-card')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await problem.getByRole('button', { name: /知道了/ }).click();
  await expect(problem).toHaveCount(0);

  // A real photo, then removed.
  await page.locator('#evidence-files').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.locator('.file-card')).toHaveCount(1);
  await page.getByRole('button', { name: '删除 a.png' }).click();
  await expect(page.locator('.file-card')).toHaveCount(0);
  await expect(page.getByText('已上传 0 个文件，最多 10 个')).toBeVisible();
});

test('problems are listed in a summary and next to each answer, and what was typed stays', async ({ page }) => {
  await page.goto('/assistance/apply/applicant');
  await appReady(page);
  await page.getByRole('button', { name: '保存并继续' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('请选择申请人是个人还是单位');
  await expect(summary).toContainText('请选择您是否代他人申请');
  await expect(page.locator('#applicant-kind-error')).toContainText('请选择申请人是个人还是单位');

  await page.getByRole('radio', { name: '个人', exact: true }).check();
  await page.getByLabel('申请人姓名').fill('李四');
  await page.getByLabel('公民身份号码').fill('320611199003071233');
  await page.getByLabel('手机号码').fill('12345');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await expect(summary.locator('li')).toHaveCount(3);
  await expect(page.getByLabel('公民身份号码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('公民身份号码')).toHaveValue('320611199003071233');
  await expect(page.getByLabel('申请人姓名')).toHaveValue('李四');
  await expectNoAxeViolations(page);
  // The summary's link lands on the field.
  await summary.getByRole('link').first().click();
  await expect(page.getByLabel('公民身份号码')).toBeFocused();

  // The task list says there is a problem; checking and submitting lists every section's.
  await page.getByRole('link', { name: '返回申请任务列表' }).click();
  await expect(statusOf(page, '申请人信息')).toHaveText('有问题需修改');
  await page.getByRole('link', { name: '核对并提交' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(summary).toContainText('请选择被侵犯的权利类型');
  await expect(summary.getByRole('link', { name: '请阅读并确认声明后再提交' })).toHaveAttribute(
    'href',
    '/assistance/apply/declaration#declaration-accepted',
  );
  await expectNoAxeViolations(page);
});

test('a request can be withdrawn without a reason within 10 minutes of submitting, after saying yes to "are you sure"', async ({ page, request }) => {
  const { tracking_token, reference } = await submitViaApi(request, uniqueMobile());
  await page.goto(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('您的维权援助申请');
  await expect(page.locator('.summary-list')).toContainText(reference);
  // The tracking link can be carried home from a kiosk as a QR code.
  await expect(page.getByRole('img', { name: '这份申请跟踪链接的二维码' })).toBeVisible();
  await expect(page.getByText(/提交后 10 分钟内（到 10:10）可以直接撤回/)).toBeVisible();
  await expect(page.getByLabel('撤回原因')).toHaveCount(0);
  // The request's page only links to withdrawing: a page of its own (another app) asks first;
  // keeping the request goes back.
  await page.getByRole('link', { name: '撤回申请' }).click();
  await expect(page).toHaveURL(`/assistance/requests/${tracking_token}/withdraw`);
  await appReady(page);
  await expect(page.getByRole('heading', { name: '确定要撤回这份申请吗？' })).toBeVisible();
  await expect(page.getByText('撤回后不能恢复')).toBeVisible();
  await expect(page.getByLabel('撤回原因')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: '不撤回' }).click();
  await expect(page).toHaveURL(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  await expect(page.getByText('申请已撤回。', { exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: '撤回申请' }).click();
  await appReady(page);
  await page.getByRole('button', { name: '确定撤回' }).click();
  // Back on the request's page (which replaced the form in the history): the result is in
  // view and has focus.
  const done = page.getByText('申请已撤回。', { exact: true });
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();
  await expect(done).toBeInViewport();
  // It was reached as `?withdrawn`, which the address then drops: the notice is said once.
  await expect(page).toHaveURL(`/assistance/requests/${tracking_token}`);
  await expect(page.locator('.timeline__item')).toHaveCount(2);
  await expect(page.locator('.timeline')).toContainText('已撤回');
  await expect(page.getByRole('link', { name: '撤回申请' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.reload();
  await appReady(page);
  await expect(page.locator('.timeline')).toContainText('已撤回');
  await expect(done).toHaveCount(0);
  // The withdrawal page now says it cannot be done.
  await page.goto(`/assistance/requests/${tracking_token}/withdraw`);
  await appReady(page);
  await expect(page.getByText('这份申请现在不能在网上撤回。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确定撤回' })).toHaveCount(0);
});

test('every page in English has no axe violations', async ({ page, request, consoleErrors }) => {
  test.setTimeout(120_000);
  consoleErrors.refusedOnPurpose([404], 'the pages of a request that is not there');
  await page.goto('/assistance?gi=GI00842');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('Rights assistance');
  // Named, not only numbered (海安大米 has no English name: its Chinese one is given).
  await expect(page.locator('.notice--info')).toContainText('海安大米 (GI00842)');
  await expect(page.getByRole('heading', { name: 'Not the right holder?' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The GI product carried from its page into the right section.
  await page.getByRole('link', { name: 'Start now' }).click();
  await expect(page.locator('h1')).toHaveText('Apply for rights assistance');
  await expect(page.getByText('Geographical indication product 海安大米 (GI00842) was added')).toBeVisible();
  await expect(page).toHaveURL('/assistance/apply');
  await expectNoAxeViolations(page);
  for (const [link, heading] of [
    ['About the applicant', 'About the applicant'],
    ['The right that is infringed', 'The right that is infringed'],
    ['The other party', 'The other party'],
    ['What happened', 'What happened'],
    ['The help you want', 'The help you want'],
    ['Evidence', 'Evidence'],
    ['Declaration', 'Declaration'],
  ]) {
    await page.goto('/assistance/apply');
    await appReady(page);
    await page.getByRole('link', { name: link, exact: true }).click();
    await expect(page.locator('h1')).toHaveText(heading);
    if (link === 'The right that is infringed') {
      await expect(page.getByRole('radio', { name: 'Geographical indication' })).toBeChecked();
      await expect(page.getByLabel('Geographical indication product number')).toHaveValue('GI00842');
    }
    if (link === 'About the applicant') {
      await page.getByRole('radio', { name: /An organisation/ }).check();
      await page.getByRole('radio', { name: 'Yes', exact: true }).check();
      await expect(page.getByLabel('Unified social credit code')).toBeVisible();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect(page.locator('.error-summary')).toContainText("Enter the organisation's name");
    }
    await expectNoAxeViolations(page);
  }
  await page.goto('/assistance/apply/check');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Check your answers before you submit');
  await expect(page.getByText('海安大米 (GI00842)', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const { tracking_token } = await submitViaApi(request, uniqueMobile());
  await page.goto(`/assistance/requests/${tracking_token}?new=1`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Application submitted');
  await expect(page.getByText('Initial review due by: Friday 27 November 2026')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/assistance/requests/${tracking_token}/withdraw`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Are you sure you want to withdraw this request?');
  await expectNoAxeViolations(page);

  // Not concluded: it cannot be rated yet.
  await page.goto(`/assistance/requests/${tracking_token}/rating`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Rate this service');
  await expect(page.getByText('This request cannot be rated now.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to your request' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/assistance/track');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Track your request');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter the reference');
  await expectNoAxeViolations(page);

  await page.goto('/assistance/requests/not-a-real-token');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Request not found');
  await expectNoAxeViolations(page);
  await page.goto('/assistance/requests/not-a-real-token/rating');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Request not found');
  await expectNoAxeViolations(page);
});

test('the center asks for more material; the applicant reads it on the tracking page and answers with a file', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const mobile = uniqueMobile();
  const { tracking_token, reference } = await submitViaApi(request, mobile);

  // A case handler (created by the first administrator) takes the case up through the staff API.
  const handler = `handler.${Math.random().toString(36).slice(2, 8)}`;
  await createAccount(request, handler, ['case_handler'], '经办人');
  const csrf = await apiLogin(request, handler, STAFF_PASSWORD);
  const cases = await (await request.get('/api/v1/staff/cases?status=all&per_page=100')).json();
  const id = cases.items.find((c: { reference: string }) => c.reference === reference).id;
  // Each change with its own Idempotency-Key, as the workbench sends them.
  const post = async (path: string, data: unknown) => {
    const headers = { 'X-CSRF-Token': csrf, 'Idempotency-Key': `e2e-${path}-${Math.random()}` };
    const answer = await request.post(`/api/v1/staff/cases/${id}/${path}`, { data, headers });
    expect(answer.status(), await answer.text()).toBeLessThan(300);
  };
  await post('transition', { to: 'initial_review' });
  await post('messages', { kind: 'more_material_requested', text: '请补充侵权商品的购买凭证照片。', reply_by: '2026-12-04' });

  // Someone with only the reference and the mobile number learns that the center waits.
  await page.goto('/assistance/track');
  await appReady(page);
  await page.getByLabel('申请编号').fill(reference);
  await page.getByLabel('手机号码').fill(mobile);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('服务中心在等您补充材料，请在 2026年12月4日 星期五 前回复。请使用跟踪链接查看要求并回复。')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('购买凭证');

  // The applicant sees the new status and, first of all, the request, and answers with a photo.
  await page.goto(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  await expect(page.locator('main')).toContainText('初审中');
  const waiting = page.locator('.notice--warning').first();
  await expect(waiting).toContainText('服务中心请您补充材料');
  await expect(waiting).toContainText('请在 2026年12月4日 星期五 前回复。');
  await expect(page.locator('.message__due')).toHaveText('请在 2026年12月4日 星期五 前回复。');
  await expect(page.locator('main')).toContainText('请补充侵权商品的购买凭证照片。');
  await expectNoAxeViolations(page);
  await waiting.getByRole('link', { name: '查看要求并回复' }).click();
  await expect(page.getByRole('heading', { name: '中心的消息' })).toBeInViewport();
  // Answering is a page of its own under the tracking link (another app), showing the message.
  await page.getByRole('link', { name: '回复这条消息' }).click();
  await expect(page).toHaveURL(new RegExp(`/assistance/requests/${tracking_token}/reply/\\d+$`));
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('回复中心的消息');
  await expect(page.locator('main')).toContainText('请补充侵权商品的购买凭证照片。');
  await page.getByLabel('回复内容').fill('已补充购买发票的照片。');
  await page.locator('#reply-files').setInputFiles({ name: '发票.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.locator('.reply .file-card')).toContainText('发票.png');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '发送回复' }).click();
  // Back on the request's page, which says so and shows the reply.
  await expect(page.getByText('回复已发送。', { exact: true })).toBeFocused();
  await expect(page).toHaveURL(`/assistance/requests/${tracking_token}`);
  await expect(page.locator('.message__reply')).toContainText('已补充购买发票的照片。');
  await expect(page.getByRole('link', { name: '回复这条消息' })).toHaveCount(0);
  await expect(page.getByText('服务中心请您补充材料')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The handler sees the answer and its file.
  const detail = await (await request.get(`/api/v1/staff/cases/${id}`)).json();
  const reply = detail.messages[0].reply;
  expect(reply.text).toBe('已补充购买发票的照片。');
  expect(reply.files.map((f: { name: string }) => f.name)).toEqual(['发票.png']);
});

test('someone who lost the tracking link gets a new one with the last 6 characters of the ID number; the old one stops working', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([404], 'a wrong answer and the old link');
  await page.setViewportSize({ width: 360, height: 740 });
  const mobile = uniqueMobile();
  const { tracking_token, reference } = await submitViaApi(request, mobile);

  await page.goto('/assistance/track');
  await appReady(page);
  await page.getByLabel('申请编号').fill(reference);
  await page.getByLabel('手机号码').fill(mobile);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { name: '找不到跟踪链接？' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Wrong characters: said at the field, nothing changed.
  const tail = page.getByLabel('身份证号码或统一社会信用代码的最后 6 位');
  await tail.fill('000000');
  await page.getByRole('button', { name: '获取新的跟踪链接' }).click();
  await expect(page.locator('#id_tail-error')).toContainText('这 6 位与申请时填写的号码不符');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeViolations(page);

  await tail.fill(RESIDENT_ID.slice(-6).toLowerCase());
  await page.getByRole('button', { name: '获取新的跟踪链接' }).click();
  await expect(page).toHaveURL(/\/assistance\/requests\/[A-Za-z0-9_-]{43}\?relinked$/);
  await expect(page.getByRole('status').filter({ hasText: '这是您新的跟踪链接' })).toBeVisible();
  await expect(page.locator('main')).toContainText(reference);
  await expectNoAxeViolations(page);

  await page.goto(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('没有找到这份申请');
});
