import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll } from './fixtures';
import { createAccount, uiLogin as signIn } from './staff-api';
import { bookViaApi, sendBooking } from './booking-api';

/// A reception account, created by the first administrator over the API.
const createReception = (request: APIRequestContext, username: string) =>
  createAccount(request, username, ['reception']);

/// Signs in through the login page; reception starts at the desk.
async function uiLogin(page: Page, username: string) {
  await signIn(page, username);
  await expect(page).toHaveURL(/\/staff\/bookings$/);
}

// The booking desk's slots (/staff/bookings): closing a slot, which its booking's holder sees on
// the manage page and answers by choosing a new time, and adding a seat to a full slot. The
// server's clock is pinned to Friday 2026-11-20 10:00 in Shanghai (playwright.config.ts), so the
// first bookable day is Monday 2026-11-23. The tests share one database with the other specs and
// run in parallel: each uses its own slots at 海安 (2 seats a slot), which no other spec books on
// that Monday, and its own mobile numbers.

const VENUE = 'haian-furniture-fast-rights-center';
const MONDAY = '2026-11-23';

/// A citizen's booking on Monday at `time`, as sent over the public API.
const onMonday = (time: string, name: string, mobile: string) =>
  ({ topic: 'patent', venue: VENUE, date: MONDAY, time, name, mobile });

test('reception closes the slot of a booking; its holder reads why on the manage page and books a new time', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await createReception(request, 'desk.close');
  const { manage_token: token, booking } = await bookViaApi(request, onMonday('15:00', '赵关闭', '13900008001'));
  const reference: string = booking.reference;

  // The desk at 360 px: choose the venue and the day.
  await page.setViewportSize({ width: 360, height: 740 });
  await uiLogin(page, 'desk.close');
  await expect(page.getByText('选择一个服务场所并点击“显示”')).toBeVisible();
  await page.locator('#venue').selectOption(VENUE);
  await page.locator('#date').fill(MONDAY);
  await page.getByRole('button', { name: '显示', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`venue=${VENUE}&date=${MONDAY}$`));
  await expect(page.getByRole('heading', { name: '时段与座位' })).toBeVisible();
  const slot = page.locator('.slot', { has: page.getByRole('heading', { name: '15:00–15:30' }) });
  await expect(slot).toContainText('已约 1 人，共 2 个座位');
  await expect(slot).toContainText('开放预约');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // Close it: a confirm step that says what it does, and a reason it insists on.
  await slot.getByRole('button', { name: '关闭此时段 15:00–15:30' }).click();
  const confirm = page.locator('.confirm-close');
  const heading = confirm.getByRole('heading', { level: 3 });
  await expect(heading).toHaveText('确定关闭2026年11月23日 15:00–15:30 这个时段吗？');
  await expect(heading).toBeFocused();
  await expect(confirm).toContainText(
    '将取消 1 个预约。预约人会在自己的预约页面看到关闭原因，并可以重新选择时间。',
  );
  await confirm.getByRole('button', { name: '确认关闭' }).click();
  await expect(page.locator('.error-summary')).toContainText('请填写关闭原因');
  await expect(page.locator('#close-reason')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  // By keyboard from here: type the reason, Tab to the button, Enter.
  await page.locator('#close-reason').focus();
  await page.keyboard.type('场地临时检修');
  for (let i = 0; i < 10; i++) {
    if (await confirm.getByRole('button', { name: '确认关闭' }).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const notice = page.locator('.slots [role="status"]');
  await expect(notice).toHaveText('已关闭2026年11月23日 15:00–15:30 这个时段，取消了 1 个预约。');
  await expect(notice).toBeFocused();
  await expect(slot).toContainText('已关闭：场地临时检修（测试 desk.close）');
  await expect(slot).toContainText('已约 0 人，共 2 个座位');
  await expect(slot.getByRole('button', { name: '重新开放 15:00–15:30' })).toBeVisible();
  await expect(slot.getByRole('button', { name: /关闭此时段/ })).toHaveCount(0);
  // The day's list shows the booking cancelled.
  await expect(page.locator('.desk-card', { hasText: reference })).toContainText('已取消');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // The citizen opens the manage link: the center's reason, and a way to a new time.
  await page.goto(`/booking/manage/${token}`);
  await appReady(page);
  const told = page.locator('.center-cancelled');
  await expect(told).toContainText('服务中心关闭了这个时段：场地临时检修。您的预约已取消，请重新选择时间。');
  await expect(page.locator('.summary-list')).toContainText('已取消');
  // One way on: a new time for this booking, not also a new booking.
  await expect(page.getByRole('link', { name: '重新预约' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(told).toContainText(
    'The center has closed this time: 场地临时检修. Your booking has been cancelled; please choose a new time.',
  );
  await page.getByRole('button', { name: '中文' }).click();
  await told.getByRole('link', { name: '重新选择时间' }).click();

  // The change page, in its own words; the closed slot is not offered.
  await expect(page.locator('h1')).toHaveText('重新选择时间');
  await expect(page.locator('.lead')).toContainText('服务中心已关闭这个时段');
  await page.getByRole('radio', { name: '2026年11月23日 星期一' }).check();
  await expect(page.getByRole('radio', { name: '14:30–15:00' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '15:00–15:30' })).toHaveCount(0);
  await page.getByRole('radio', { name: '2026年11月24日 星期二' }).check();
  await page.getByRole('radio', { name: '10:00–10:30' }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '确认改期' }).click();

  // The same booking, confirmed again at its new time.
  await expect(page).toHaveURL(new RegExp(`/booking/manage/${token}\\?changed=1$`));
  await expect(page.getByText('预约时间已更改')).toBeVisible();
  const facts = page.locator('.summary-list');
  await expect(facts).toContainText(reference);
  await expect(facts).toContainText('已预约');
  await expect(facts).toContainText('2026年11月24日 星期二');
  await expect(facts).toContainText('10:00–10:30');
  await expect(page.locator('.center-cancelled')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '改期' })).toBeVisible();
  await expectNoAxeViolations(page);
  const ics = await (await page.request.get(`/api/v1/bookings/${token}/calendar.ics`)).text();
  expect(ics).toContain('METHOD:PUBLISH');
  expect(ics).toContain('SEQUENCE:2');
});

test('reception adds a seat to a full slot, and one more person can book it', async ({ page, request }) => {
  test.setTimeout(90_000);
  await createReception(request, 'desk.seats');
  for (const mobile of ['13900008011', '13900008012']) {
    await bookViaApi(request, onMonday('16:00', '钱满座', mobile));
  }
  const full = await sendBooking(request, onMonday('16:00', '孙加座', '13900008013'));
  expect(full.status()).toBe(409);
  expect((await full.json()).code).toBe('booking.slot_full');

  await uiLogin(page, 'desk.seats');
  await page.goto(`/staff/bookings?venue=${VENUE}&date=${MONDAY}`);
  await appReady(page);
  const slot = page.locator('.slot', { has: page.getByRole('heading', { name: '16:00–16:30' }) });
  await expect(slot).toContainText('已约 2 人，共 2 个座位');
  await expectNoAxeViolations(page);

  // By keyboard.
  await slot.getByRole('button', { name: '加一个座位 16:00–16:30' }).focus();
  await page.keyboard.press('Enter');
  const notice = page.locator('.slots [role="status"]');
  await expect(notice).toHaveText('2026年11月23日 16:00–16:30 这个时段现有 3 个座位。');
  await expect(slot).toContainText('已约 2 人，共 3 个座位');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(slot).toContainText('2 of 3 seats booked');
  await expect(slot.getByRole('button', { name: 'Add a seat 16:00–16:30' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The seat is there for the next person.
  await bookViaApi(request, onMonday('16:00', '孙加座', '13900008013'));
  const availability = await request.get(`/api/v1/booking/availability?venue=${VENUE}&topic=patent`);
  const days = (await availability.json()).days as { date: string; slots: { time: string; remaining: number }[] }[];
  expect(days.find((d) => d.date === MONDAY)!.slots.find((s) => s.time === '16:00')!.remaining).toBe(0);
});
