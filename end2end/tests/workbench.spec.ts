import { Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, toEnglish } from './fixtures';
import { ADMIN_USERNAME, ADMIN_PASSWORD, STAFF_PASSWORD } from '../staff-credentials';
import { apiLogin, createAccount, uiLogin, submitRequest, JPEG } from './staff-api';

// The staff workbench (/staff/...) against the real server: its clock is pinned to Friday
// 2026-11-20 10:00 in Shanghai, and its first administrator comes from PORTAL_ADMIN_* in
// playwright.config.ts. Each test creates its own accounts (through the administrator API) and
// its own request or booking, so the tests can run in parallel on the one database.

async function toChinese(page: Page) {
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}


test('no session goes to the login page; a wrong password gets the one message for both; then back where it started', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([401], 'the session check without a cookie and the wrong password');
  await createAccount(request, 'handler.login', ['case_handler']);

  await page.goto('/staff/cases?status=all');
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fcases%3Fstatus%3Dall$/);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作人员登录');
  await expect(page.getByText('请先登录。')).toBeVisible();

  // Nothing typed: the GOV.UK error summary, linked to each field.
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: '请输入用户名。' })).toHaveAttribute('href', '#username');
  await expect(summary.getByRole('link', { name: '请输入密码。' })).toHaveAttribute('href', '#password');

  // A wrong password and an unknown username get the server's one identical message.
  await uiLogin(page, 'handler.login', 'not the right password');
  await expect(summary).toContainText('用户名或密码不正确。');
  await expect(page.locator('#username-error')).toHaveText('用户名或密码不正确。');
  await expect(page.locator('#password')).toHaveValue('');
  await expectNoAxeViolations(page);
  await uiLogin(page, 'nobody.here', 'not the right password');
  await expect(page.locator('#username-error')).toHaveText('用户名或密码不正确。');

  await uiLogin(page, 'handler.login');
  await expect(page).toHaveURL(/\/staff\/cases\?status=all$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件队列');
  await expect(page.locator('.staff-header__who')).toContainText('handler.login');
});

test('too many failed logins: the server refuses for a while and the page says for how long', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([401, 429], 'failed logins (401), then refused for a while (429)');
  // Five failures of one username within 15 minutes; the sixth try is refused (429).
  for (let i = 0; i < 5; i++) {
    const r = await request.post('/api/v1/staff/session', { data: { username: 'locked.out', password: `wrong ${i} password` } });
    expect(r.status()).toBe(401);
  }
  await page.goto('/staff/login');
  await uiLogin(page, 'locked.out', 'yet another wrong one');
  await expect(page.locator('#username-error')).toContainText('登录失败次数过多');
  await expect(page.locator('#username-error')).toContainText('分钟后再试');
});

test('a case handler takes a request through initial review and acceptance and asks for more material; the applicant sees it and replies', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await createAccount(request, 'handler.flow', ['case_handler']);
  const applicant = '王测试';
  const submitted = await submitRequest(request, applicant);

  await page.goto('/staff/login');
  await uiLogin(page, 'handler.flow');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');

  // The queue: open cases by default, the new one with its working-day countdown in words.
  await page.getByRole('link', { name: '案件队列' }).click();
  await expect(page).toHaveURL(/\/staff\/cases$/);
  const row = page.locator('tbody tr', { has: page.getByRole('link', { name: submitted.reference }) });
  await expect(row).toContainText('已提交');
  await expect(row).toContainText('初审');
  await expect(row).toContainText(/还剩 \d+ 个工作日|今天到期/);
  await expect(row).toContainText('未分配');
  await expectNoAxeViolations(page);

  // Filters live in the address.
  await page.locator('#assignee').selectOption('none');
  await page.locator('#overdue').check();
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(/\/staff\/cases\?assignee=none&overdue=true$/);
  await expect(page.getByText('没有符合条件的案件。')).toBeVisible();
  await page.getByRole('link', { name: '清除筛选' }).click();
  await expect(page).toHaveURL(/\/staff\/cases$/);
  // A case found by its reference as someone reads it out on the phone: no WQ, lower case.
  const spoken = submitted.reference.replace(/^WQ-/, '').replace('-', ' ').toLowerCase();
  await page.getByLabel('申请编号').fill(spoken);
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(/\/staff\/cases\?reference=/);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(row).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: submitted.reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(submitted.reference);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The way back and the caption each have their own line.
  const back = (await page.getByRole('link', { name: '返回案件队列' }).boundingBox())!;
  const caption = (await page.locator('p.caption').first().boundingBox())!;
  expect(caption.y).toBeGreaterThanOrEqual(back.y + back.height);
  // The full answers (personal numbers unmasked), the evidence and the timeline.
  await expect(page.locator('.case-record')).toContainText('320611199003071232');
  await expect(page.locator('.case-record')).toContainText('13812345678');
  await expect(page.getByRole('link', { name: '现场照片.jpg' })).toHaveAttribute('href', /\/api\/v1\/staff\/cases\/\d+\/files\/\d+/);
  const file = await page.request.get((await page.getByRole('link', { name: '现场照片.jpg' }).getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/jpeg');
  await expect(page.locator('.timeline')).toContainText('已提交');
  await expectNoAxeViolations(page);

  // Someone else is chosen by name from a list, not by typing a username.
  await expect(page.getByLabel('分配给其他承办人').locator('option', { hasText: '测试 handler.flow (handler.flow)' })).toHaveCount(1);
  await page.getByRole('button', { name: '分配给我' }).click();
  const notice = page.locator('p.notice--success[role="status"]');
  await expect(notice).toHaveText('分配已更新。');
  await expect(notice).toBeFocused();
  // By name, not by username.
  await expect(page.locator('.summary-list').first()).toContainText('测试 handler.flow');

  // Only the allowed moves are offered: from submitted, only initial review.
  const moves = page.locator('input[name="transition-to"]');
  await expect(moves).toHaveCount(1);
  await page.getByLabel('初审中', { exact: true }).check();
  await page.getByRole('button', { name: '变更状态' }).click();
  await expect(notice).toHaveText('状态已变更。');
  await expect(page.locator('.status-tag').first()).toHaveText('初审中');

  // Not accepting needs a reason (the applicant will see it).
  await expect(moves).toHaveCount(2);
  await page.getByLabel('不予受理', { exact: true }).check();
  await expect(page.getByLabel('不予受理的理由')).toBeVisible();
  await page.getByRole('button', { name: '变更状态' }).click();
  const transitionSummary = page.locator('.case-panel', { hasText: '新的状态' }).locator('.error-summary');
  await expect(transitionSummary).toContainText('不予受理需要说明理由');
  await expect(page.locator('#transition-reason-error')).toBeVisible();

  await page.getByLabel('已受理', { exact: true }).check();
  await page.getByRole('button', { name: '变更状态' }).click();
  await expect(notice).toHaveText('状态已变更。');
  await expect(page.locator('.status-tag').first()).toHaveText('已受理');
  await expect(page.locator('.timeline')).toContainText('已受理');

  // Ask for more material, and keep an internal note the applicant never sees.
  const ask = '请补充购买凭证（发票或网店订单截图）。';
  await expect(page.getByLabel('请补充材料', { exact: true })).toBeChecked();
  await page.getByLabel('消息内容').fill(ask);
  // A day to reply by, checked before sending: not in the past (the clock stands at 2026-11-20).
  await page.getByLabel('回复期限（可选）').fill('2026-11-19');
  await page.getByRole('button', { name: '发送消息' }).click();
  await expect(page.locator('#message-reply_by-error')).toContainText('回复期限不能早于今天');
  await page.getByLabel('回复期限（可选）').fill('2026-12-04');
  await page.getByRole('button', { name: '发送消息' }).click();
  await expect(notice).toHaveText('消息已发送。');
  await expect(page.locator('.messages').first()).toContainText(ask);
  await expect(page.locator('.messages').first()).toContainText('回复期限：2026年12月4日 星期五');
  await expect(page.locator('.messages').first()).toContainText('等待申请人回复');
  const note = '已电话联系申请人，对方表示一周内补交。';
  await page.getByLabel('新备注', { exact: true }).fill(note);
  await page.getByRole('button', { name: '添加备注' }).click();
  await expect(notice).toHaveText('备注已添加。');
  await expect(page.locator('.message--note')).toContainText(note);
  await expectNoAxeViolations(page);
  await toEnglish(page);
  await expect(page.locator('.status-tag').first()).toHaveText('Accepted');
  await expectNoAxeViolations(page);
  await toChinese(page);

  // The applicant's tracking link shows the new status and the message, not the note.
  const tracking = await request.get(`/api/v1/assistance/requests/${submitted.tracking_token}`);
  expect(tracking.status()).toBe(200);
  const text = await tracking.text();
  expect(text).not.toContain(note);
  const tracked = JSON.parse(text);
  expect(tracked.status).toBe('accepted');
  expect(tracked.messages[0].reply_by).toBe('2026-12-04');
  expect(tracked.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'initial_review', 'accepted']);
  expect(tracked.messages).toHaveLength(1);
  expect(tracked.messages[0].kind).toBe('more_material_requested');
  expect(tracked.messages[0].text).toBe(ask);
  expect(tracked.messages[0].can_reply).toBe(true);

  const reply = '已补充网店订单截图，请查收。';
  const replied = await request.post(
    `/api/v1/assistance/requests/${submitted.tracking_token}/messages/${tracked.messages[0].id}/reply`,
    { data: { text: reply } },
  );
  expect(replied.status(), await replied.text()).toBe(200);

  // The handler sees the reply.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(submitted.reference);
  const reply_block = page.locator('.message__reply');
  await expect(reply_block).toContainText('申请人回复');
  await expect(reply_block).toContainText(reply);
  await expect(page.locator('.messages').first()).not.toContainText('等待申请人回复');
});

test('reception sees the day at the desk: state in words, check-in offered only when open, the server refusing in the page language', async ({
  page,
  request,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  consoleErrors.refusedOnPurpose([409], 'the check-in refused below');
  await createAccount(request, 'desk.one', ['reception']);
  const venue = 'nantong-home-textiles-fast-rights-center';
  const date = '2026-12-02';
  const booked = await request.post('/api/v1/bookings', {
    data: { topic: 'patent', venue, date, time: '09:00', name: '李前台', mobile: '13900007001', wheelchair_access: true },
    headers: { 'Idempotency-Key': `e2e-desk-${Math.random()}` },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const reference: string = (await booked.json()).booking.reference;

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/staff/login');
  await uiLogin(page, 'desk.one');
  // Reception's start page is the desk: today (the pinned Friday) at every venue.
  await expect(page).toHaveURL(/\/staff\/bookings$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('预约前台');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('2026年11月20日');
  await expect(page.locator('#date')).toHaveValue('2026-11-20');
  await expectNoAxeViolations(page);

  await page.locator('#venue').selectOption(venue);
  await page.locator('#date').fill(date);
  await page.getByRole('button', { name: '显示', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/bookings\\?venue=${venue}&date=${date}$`));
  const card = page.locator('.desk-card', { hasText: reference });
  await expect(card).toContainText('李前台');
  await expect(card).toContainText('13900007001');
  await expect(card).toContainText('无障碍通道');
  await expect(card).toContainText('待签到');
  // 12-02 is not today: check-in is not open, and the card says when it opens.
  await expect(card.getByRole('button')).toHaveCount(0);
  await expect(card).toContainText('07:00 起可签到');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await toEnglish(page);
  await expect(card).toContainText('Not checked in yet');
  await expect(card).toContainText('Check-in opens at 07:00');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Checking in for real needs the server's clock inside the check-in window, which the pinned
  // clock never reaches (bookings start on the next working day): later-clock.spec.ts does it on
  // a second server whose clock says the day of the booking.
});

test('reception does not see the case queue; an administrator has the overview and the audit log in both languages', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await createAccount(request, 'desk.two', ['reception']);
  await page.goto('/staff/login');
  await uiLogin(page, 'desk.two');
  await expect(page).toHaveURL(/\/staff\/bookings$/);
  const nav = page.locator('nav.staff-nav');
  await expect(page.getByRole('navigation', { name: '工作台导航' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['预约前台', '评价跟进']);
  await page.goto('/staff/cases');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您没有访问此页面的权限');
  await expect(page.locator('table')).toHaveCount(0);
  await expect(page.locator('main').getByRole('link', { name: '预约前台' })).toBeVisible();
  await expectNoAxeViolations(page);
  // The server agrees (the page only hides what the server refuses).
  expect((await page.request.get('/api/v1/staff/cases')).status()).toBe(403);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/staff\/login\?signed_out=1$/);
  await expect(page.getByText('您已退出登录。')).toBeVisible();

  await uiLogin(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await expect(nav.getByRole('link')).toHaveText(['概览', '评价跟进', '操作日志', '员工账号', '预约设置', '网点地址和联系方式', '网站页脚信息', '节假日安排', '通知公告', '企业账号', '快速通道设置', '预审期限和额度', '个人信息保存期限']);
  const statuses = page.locator('section', { hasText: '各状态案件数' }).locator('tbody tr');
  await expect(statuses).toHaveCount(7);
  const bookings = page.locator('section[aria-labelledby="bookings-heading"]');
  const days = bookings.locator('.bar-table tbody tr');
  await expect(days).toHaveCount(14);
  await expect(days.first()).toContainText('2026年11月20日');
  await expect(bookings.locator('.bar-table caption')).toContainText('14 天');
  await expectNoAxeViolations(page);
  await toEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expectNoAxeViolations(page);

  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  await expect(page.locator('table')).toContainText('session.login');
  await expect(page.locator('table')).toContainText('account.create');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
  await toChinese(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('操作日志');
  await expectNoAxeViolations(page);
});

test('when the session ends the next request goes to the login page, which says why and comes back', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([401], 'the ended session');
  await createAccount(request, 'handler.expiry', ['case_handler']);
  await page.goto('/staff/login');
  await uiLogin(page, 'handler.expiry');
  await page.getByRole('link', { name: '案件队列' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件队列');
  await expectNoSidewaysScroll(page);

  // The session is gone (as after 30 idle minutes): the next request is refused with 401.
  await page.context().clearCookies();
  await page.locator('#status').selectOption('all');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fcases%3Fstatus%3Dall&expired=1$/);
  await expect(page.locator('.notice').first()).toContainText('您的登录已失效');
  await expectNoAxeViolations(page);

  // Keyboard only: Tab from the top of the page reaches the fields in order, Enter signs in.
  await page.locator('body').focus();
  for (let i = 0; i < 10 && !(await page.locator('#username').evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('#username')).toBeFocused();
  await page.keyboard.type('handler.expiry');
  await page.keyboard.press('Tab');
  await expect(page.locator('#password')).toBeFocused();
  await page.keyboard.type(STAFF_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/cases\?status=all$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件队列');
});
