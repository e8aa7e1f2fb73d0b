import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, toEnglish } from './fixtures';
import { apiLogin as staffLogin, uiLogin } from './staff-api';
import { ADMIN_USERNAME, ADMIN_PASSWORD, STAFF_PASSWORD } from '../staff-credentials';

/// Logs the first administrator in on `request`; answers the CSRF token.
const apiLogin = (request: APIRequestContext) => staffLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);

// The administrator's pages (/staff/accounts, /staff/admin/venues, /staff/admin/holidays)
// against the real server, whose clock is pinned to Friday 2026-11-20 10:00 in Shanghai. The
// other spec files share this server and database and run in parallel, so:
// - the venue change only RAISES the places of the center (nothing anyone else books can become
//   full), looks at a day no other spec uses (2026-12-10), and puts the places back at the end;
// - the holiday year published here is 2030 with MADE-UP TEST DATA (not an official notice),
//   far beyond the booking windows of this clock (which end in December 2026).

const CENTER = 'nantong-ip-protection-center';

function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name, exact: true });
}

test('the administrator opens a reception account on the accounts page, and that person can sign in', async ({
  page,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(90_000);
  consoleErrors.refusedOnPurpose([409], 'the taken username below');
  await uiLogin(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  await navLink(page, '员工账号').click();
  await expect(page).toHaveURL(/\/staff\/accounts$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('员工账号');
  await expect(page.locator('tbody tr', { hasText: ADMIN_USERNAME }).first()).toContainText('管理员');
  await expectNoAxeViolations(page);

  // Nothing filled in: the error summary links to each field, the messages are beside them.
  const form = page.locator('section', { has: page.getByRole('heading', { name: '开设新账号' }) });
  await form.getByRole('button', { name: '开设账号' }).click();
  const summary = form.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['请输入用户名。', '请输入显示名称。', '请至少选择一个角色。', '密码至少 12 个字符。']);
  await expect(page.locator('#new-password-error')).toHaveText('密码至少 12 个字符。');
  await expect(page.getByText('12 至 200 个字符', { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A taken username is the server's answer, shown at the username.
  const username = 'desk.e2e-admin';
  await page.locator('#new-username').fill(ADMIN_USERNAME);
  await page.locator('#new-display_name').fill('前台 测试');
  await page.getByRole('checkbox', { name: '前台接待' }).check();
  await page.locator('#new-password').fill(STAFF_PASSWORD);
  await form.getByRole('button', { name: '开设账号' }).click();
  await expect(page.locator('#new-username-error')).toHaveText('这个用户名已被使用，请换一个。');
  // The answers are kept; only the username changes.
  await expect(page.locator('#new-display_name')).toHaveValue('前台 测试');
  await page.locator('#new-username').fill(username);
  await page.locator('#new-password').fill(STAFF_PASSWORD);
  await form.getByRole('button', { name: '开设账号' }).click();
  const notice = page.locator('p.notice--success[role="status"]');
  await expect(notice).toHaveText(`已开设账号 ${username}。`);
  await expect(notice).toBeFocused();
  const row = page.locator('tbody tr', { hasText: username });
  await expect(row).toContainText('前台接待');
  await expect(row).toContainText('启用');
  await expect(row).toContainText('从未登录');

  // The account's own page: roles, disable/enable, a new password.
  await row.getByRole('link', { name: `修改 ${username}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`修改账号 ${username}`);
  await expect(page.getByRole('checkbox', { name: '前台接待' })).toBeChecked();
  await page.locator('#edit-password').fill('too short');
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page.locator('#edit-password-error')).toHaveText('密码至少 12 个字符。');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
  await toEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Change the account ${username}`);
  await expectNoAxeViolations(page);

  // That person signs in (another browser). The password they were given is known to the
  // administrator too, so the workbench asks for their own before anything else.
  const other = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'zh-CN' });
  const theirs = await other.newPage();
  await uiLogin(theirs, username, STAFF_PASSWORD);
  const heading = theirs.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('设置您自己的密码');
  await expect(heading).toBeFocused();
  await expectNoAxeViolations(theirs);
  const choose = theirs.getByRole('button', { name: '设置密码并继续' });
  await choose.click();
  const theirSummary = theirs.locator('.error-summary');
  await expect(theirSummary).toBeFocused();
  await expect(theirSummary.getByRole('link')).toHaveText(['请输入密码。', '请输入密码。']);
  // The same password again is not a choice; a wrong given one is the server's answer.
  await theirs.locator('#current_password').fill(STAFF_PASSWORD);
  await theirs.locator('#new_password').fill(STAFF_PASSWORD);
  await choose.click();
  await expect(theirs.locator('#new_password-error')).toHaveText('新密码不能与当前密码相同。');
  await theirs.locator('#current_password').fill('not what I was given');
  await theirs.locator('#new_password').fill('my own e2e passphrase');
  await choose.click();
  await expect(theirs.locator('#current_password-error')).toHaveText('当前密码不正确。');
  await expectNoAxeViolations(theirs);
  await theirs.locator('#current_password').fill(STAFF_PASSWORD);
  await choose.click();
  // Then the page they came for: the booking desk, reception's page.
  await expect(theirs).toHaveURL(/\/staff\/bookings$/);
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('预约前台');
  // Reception has no administrator pages.
  await expect(theirs.getByRole('link', { name: '员工账号' })).toHaveCount(0);
  await other.close();
  await page.reload();
  await expect(page.locator('.summary-list')).not.toContainText(/Never|从未登录/);
});

test('more places per slot on the settings page reach the citizen booking API and pages at once', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const csrf = await apiLogin(request);
  const before = await request.get('/api/v1/staff/admin/venues');
  expect(before.status()).toBe(200);
  const center = (await before.json()).items.find((v: { id: string }) => v.id === CENTER);
  expect(center.seats_per_slot).toBe(5);
  const raised = center.seats_per_slot + 2;
  try {
    await uiLogin(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await navLink(page, '预约设置').click();
    await expect(page).toHaveURL(/\/staff\/admin\/venues$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('预约设置');
    const card = page.locator('section', { has: page.getByRole('heading', { name: '南通市知识产权保护中心' }) });
    await expect(card).toContainText('5 人');
    await expectNoAxeViolations(page);
    await card.getByRole('link', { name: '修改“南通市知识产权保护中心”的预约设置' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('修改“南通市知识产权保护中心”的预约设置');
    await expect(page.locator('#opening_hours-0-opens')).toHaveValue('09:00');
    await expectNoAxeViolations(page);

    // Out of range: the shared message, linked from the summary; by keyboard alone.
    await page.locator('#seats_per_slot').fill('0');
    await page.locator('#seats_per_slot').press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('#seats_per_slot-error')).toHaveText('每个时段的人数请填写 1 至 50 之间的整数。');
    await expect(page.locator('.error-summary').getByRole('link').first()).toHaveAttribute('href', '#seats_per_slot');
    await page.locator('#seats_per_slot').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(raised));
    await page.keyboard.press('Enter');
    const notice = page.locator('p.notice--success[role="status"]');
    await expect(notice).toHaveText('设置已保存并确认。公众预约页面已使用新设置。');
    await expect(notice).toBeFocused();
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // The citizen API at once: more places in every slot, confirmed.
    const answer = await request.get(`/api/v1/booking/availability?venue=${CENTER}&topic=patent`);
    expect(answer.status()).toBe(200);
    const availability = await answer.json();
    expect(availability.seats_per_slot).toBe(raised);
    expect(availability.defaults_confirmed).toBe(true);
    const day = availability.days.find((d: { date: string }) => d.date === '2026-12-10');
    expect(day.slots.find((s: { time: string }) => s.time === '14:00').remaining).toBe(raised);

    // The citizen pages: the time question shows the new number of places.
    const citizen = await page.context().newPage();
    await citizen.goto('/booking');
    await appReady(citizen);
    await citizen.getByRole('link', { name: '开始预约' }).click();
    await citizen.getByRole('radio', { name: '专利' }).check();
    await citizen.getByRole('button', { name: '继续' }).click();
    await citizen.getByRole('radio', { name: '南通市知识产权保护中心' }).check();
    await citizen.getByRole('button', { name: '继续' }).click();
    await citizen.getByRole('radio', { name: '2026年12月10日 星期四' }).check();
    await citizen.getByRole('button', { name: '继续' }).click();
    await expect(citizen.locator('h1')).toHaveText('您想几点来？');
    await expect(citizen.locator('#time-1400-hint')).toHaveText(`剩余 ${raised} 个名额`);
    await citizen.close();
  } finally {
    // Back to the places the other spec files expect.
    const restored = await request.put(`/api/v1/staff/admin/venues/${CENTER}/booking`, {
      data: {
        slot_minutes: center.slot_minutes,
        seats_per_slot: center.seats_per_slot,
        opening_hours: center.opening_hours,
        topics: center.topics,
      },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }
});

test('a test year is published on the holidays page after a check step that lists what changes', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await uiLogin(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await navLink(page, '节假日安排').click();
  await expect(page).toHaveURL(/\/staff\/admin\/holidays$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('节假日安排');
  await expect(page.getByRole('heading', { name: '2026 年' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2025 年' })).toBeVisible();
  // Past years cannot be corrected; this year can.
  await expect(page.getByRole('button', { name: '更正 2026 年' })).toBeVisible();
  await expect(page.getByRole('button', { name: '更正 2025 年' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // MADE-UP TEST DATA for 2030 (not an official notice).
  await page.locator('#year').fill('2030');
  await page.locator('#source_title').fill('测试数据：虚构的 2030 年节假日安排（TEST DATA, not an official notice）');
  await page.locator('#source_url').fill('https://example.org/test-only/holidays-2030');
  await page.locator('#holidays-0-name').fill('测试假日（虚构）');
  await page.locator('#holidays-0-from').fill('2030-06-10');
  await page.locator('#holidays-0-to').fill('2030-06-11');
  // Adding a row by keyboard puts a new field in the form.
  await page.getByRole('button', { name: '添加一个调休上班日' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#working_days-0').fill('2030-06-12');
  await page.getByRole('button', { name: '检查', exact: true }).click();
  // A Wednesday is no adjusted working day: the seed file's own rule, at its field.
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#working_days-0-error')).toHaveText('节假日日历中的调休上班日 2030-06-12 不是周六或周日');
  await expectNoAxeViolations(page);
  await page.locator('#working_days-0').fill('2030-06-15');
  await page.locator('#working_days-0').press('Enter');

  // The check step: what will change, before anything is sent.
  const check = page.getByRole('heading', { name: '发布前请核对' });
  await expect(check).toBeFocused();
  await expect(page.getByText('将发布 2030 年的节假日安排。')).toBeVisible();
  await expect(page.getByText('共 1 个节日、2 天假期，1 个调休上班日。')).toBeVisible();
  await expect(page.locator('.check-step')).toContainText('测试假日（虚构）：2030年6月10日至2030年6月11日（2 天）');
  await expect(page.locator('.check-step')).toContainText('2030年6月15日（星期六）');
  await expectNoAxeViolations(page);
  // Back to the form keeps every answer.
  await page.getByRole('button', { name: '返回修改' }).click();
  await expect(page.locator('#holidays-0-name')).toHaveValue('测试假日（虚构）');
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.getByRole('button', { name: '确认发布' }).click();

  const notice = page.locator('p.notice--success[role="status"]');
  await expect(notice).toHaveText('2030 年节假日安排已发布，预约时间和工作日期限已按此计算。');
  await expect(notice).toBeFocused();
  const year = page.locator('section[aria-labelledby="year-2030"]');
  await expect(year.getByRole('heading', { level: 3 })).toHaveText('2030 年');
  await expect(year).toContainText(`由 ${ADMIN_USERNAME} 于`);
  await expect(year).toContainText('测试假日（虚构）');
  await expect(year.getByRole('link', { name: 'https://example.org/test-only/holidays-2030' })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await toEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public holidays');
  await expect(year).toContainText(`Published by ${ADMIN_USERNAME} on`);
  await expectNoAxeViolations(page);
});
