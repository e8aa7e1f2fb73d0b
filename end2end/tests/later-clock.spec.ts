import { test, expect, appReady, expectNoAxeViolations } from './fixtures';
import { apiLogin, createAccount, uiLogin, submitRequest } from './staff-api';
import { startServerAt, LaterServer } from './later-server';
import { STAFF_PASSWORD } from '../staff-credentials';

// What happens once time has passed, which the main server's pinned clock (Friday 2026-11-20
// 10:00) never reaches: each test makes its booking or request through the main server as
// usual, then a second real server on the same database, whose clock says a later day, serves
// the staff and the citizen (later-server.ts). Nothing is stood in for.

let later: LaterServer | undefined;

/// Every later server in this file stands at the same instant. A login deletes the sessions
/// that are idle by its server's clock; with two clocks, a login on the later one would end the
/// other test's session (both run in parallel on the one database).
const LATER = '2026-12-03T13:00:00+08:00';

test.afterEach(async () => {
  await later?.stop();
  later = undefined;
});

test('on the day of the booking reception checks the person in, the desk keeps it, and the person rates the consultation on the booking page', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await createAccount(request, 'desk.later', ['reception']);
  const venue = 'haian-furniture-fast-rights-center';
  const booked = await request.post('/api/v1/bookings', {
    data: { topic: 'trademark', venue, date: '2026-12-03', time: '14:00', name: '王到场', mobile: '13900007101' },
    headers: { 'Idempotency-Key': `e2e-later-desk-${Math.random()}` },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const { booking, manage_token } = await booked.json();
  const reference: string = booking.reference;

  // Thursday 2026-12-03, 13:00: check-in for the 14:00 slot opened at 12:00.
  later = await startServerAt(LATER);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${later.baseURL}/staff/login`);
  await uiLogin(page, 'desk.later', STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/staff\/bookings$/);
  // The desk opens on the server's today.
  await expect(page.locator('#date')).toHaveValue('2026-12-03');
  await page.locator('#venue').selectOption(venue);
  await page.getByRole('button', { name: '显示', exact: true }).click();
  const card = page.locator('.desk-card', { hasText: reference });
  await expect(card).toContainText('王到场');
  await expect(card).toContainText('待签到');
  await expectNoAxeViolations(page);

  // By keyboard: the check-in button names the person for a screen reader.
  const checkIn = card.getByRole('button', { name: '签到 王到场' });
  await checkIn.focus();
  await page.keyboard.press('Enter');
  // The page says what happened, where focus went, and the card shows the time.
  await expect(page.getByText(`王到场（${reference}）已签到。`)).toBeFocused();
  await expect(card).toContainText('已签到');
  await expect(card).toContainText('13:00');
  await expect(card.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.reload();
  await appReady(page);
  await expect(page.locator('.desk-card', { hasText: reference })).toContainText('已签到');

  // Checked in, the person's booking page offers the five-level rating (好差评): rated 满意.
  const citizen = await page.context().newPage();
  await citizen.setViewportSize({ width: 360, height: 740 });
  await citizen.goto(`${later.baseURL}/booking/manage/${manage_token}`);
  await appReady(citizen);
  const rating = citizen.locator('section.rating');
  await expect(rating.getByRole('heading', { level: 2 })).toHaveText('评价这次服务');
  await expect(rating.locator('input[type="radio"]')).toHaveCount(5);
  await expectNoAxeViolations(citizen);
  await rating.getByLabel('满意', { exact: true }).check();
  await rating.getByRole('button', { name: '提交评价' }).click();
  await expect(rating).toContainText('您的评价：满意');
  await expect(rating.locator('input[type="radio"]')).toHaveCount(0);
  await expectNoAxeViolations(citizen);
  await citizen.reload();
  await appReady(citizen);
  await expect(citizen.locator('section.rating')).toContainText('您的评价：满意');

  // The record is the server's: the main server (still 2026-11-20) reports it too.
  const csrf = await apiLogin(request, 'desk.later', STAFF_PASSWORD);
  expect(csrf).toBeTruthy();
  const desk = await request.get(`/api/v1/staff/bookings?venue=${venue}&date=2026-12-03`);
  expect(desk.status()).toBe(200);
  const row = (await desk.json()).items.find((b: { reference: string }) => b.reference === reference);
  expect(row.attendance).toBe('checked_in');
  expect(row.attendance_at).toMatch(/^2026-12-03T13:00/);
});

test('once a deadline has gone by, the case page says "overdue" in words, in both languages', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await createAccount(request, 'handler.later', ['case_handler']);
  const { reference } = await submitRequest(request, '赵逾期');
  // Submitted on Friday 2026-11-20: the initial review is due 5 working days later, Friday 11-27.
  later = await startServerAt(LATER);

  // The case's id in the staff routes, from the queue of overdue cases.
  // Signed in on the later server through the page's own cookie jar, so the page is signed in too.
  const api = page.context().request;
  const csrf = await apiLogin(api, 'handler.later', STAFF_PASSWORD, later.baseURL);
  expect(csrf).toBeTruthy();
  const queue = await api.get(`${later.baseURL}/api/v1/staff/cases?overdue=true&per_page=200`);
  expect(queue.status(), await queue.text()).toBe(200);
  const item = (await queue.json()).items.find((c: { reference: string }) => c.reference === reference);
  // 11-30, 12-01, 12-02 and 12-03 are the working days since it was due.
  expect(item.overdue).toBe(true);
  expect(item.working_days_left).toBe(-4);

  await page.goto(`${later.baseURL}/staff/cases/${item.id}`);
  await appReady(page);
  const deadline = page.locator('.deadline');
  await expect(deadline).toContainText('初审');
  await expect(deadline.locator('.overdue-tag')).toHaveText('已超期');
  await expect(deadline).toContainText('已超期 4 个工作日');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(deadline.locator('.overdue-tag')).toHaveText('Overdue');
  await expect(deadline).toContainText('Overdue by 4 working days');
  await expectNoAxeViolations(page);
});

test("from a month before the last published year ends, the overview asks administrators for the next year's public holidays", async ({
  page,
  request,
}) => {
  await createAccount(request, 'admin.later', ['administrator']);
  // Thursday 2026-12-03: 2026 is the last year published, 2027 is due.
  later = await startServerAt(LATER);
  await page.goto(`${later.baseURL}/staff/login`);
  await uiLogin(page, 'admin.later', STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/staff$/);
  const notice = page.locator('.notice--warning', { hasText: '2027 年的法定节假日安排还没有录入' });
  await expect(notice).toContainText('预约和工作日期限都停在 2027 年 1 月 1 日之前');
  await expectNoAxeViolations(page);
  await notice.getByRole('link', { name: '录入节假日安排' }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/holidays$/);
});
