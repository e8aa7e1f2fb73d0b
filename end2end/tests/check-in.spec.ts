import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, toEnglish } from './fixtures';
import { apiLogin, createAccount, uiLogin } from './staff-api';
import { bookViaApi } from './booking-api';
import { startServerAt, LaterServer } from './later-server';
import { ADMIN_PASSWORD, ADMIN_USERNAME, STAFF_PASSWORD } from '../staff-credentials';

// Checking in at the service hall's kiosk (/booking/check-in in kiosk mode, 1080p, by click):
// the bookings are made through the main server (Friday 2026-11-20), then a second real server
// whose clock says the day of the consultation serves the kiosk and the desk (later-server.ts).

let later: LaterServer | undefined;

/// The instant every later server of the browser tests stands at (see later-clock.spec.ts: a
/// login on one clock ends the sessions idle by it).
const LATER = '2026-12-03T13:00:00+08:00';
const VENUE = 'nantong-ip-protection-center';

test.afterEach(async () => {
  await later?.stop();
  later = undefined;
});

/// A copyright booking at the kiosk's venue, made over the public API: its reference.
async function book(request: APIRequestContext, date: string, time: string, name: string, mobile: string) {
  return (await bookViaApi(request, { topic: 'copyright', venue: VENUE, date, time, name, mobile })).booking.reference;
}

/// Types a reference and four digits and presses "check in" (zh or en).
async function checkIn(page: Page, reference: string, digits: string) {
  await page.locator('#reference').fill(reference);
  await page.locator('#mobile_last_four').fill(digits);
  await page.getByRole('button', { name: /^(签到|Check in)$/ }).click();
}

test('at the kiosk a person checks in with the reference and four digits, prints a slip, the screen clears, and the desk sees them arrived', async ({
  page,
  request,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  consoleErrors.refusedOnPurpose([404, 409], 'wrong digits (404), too early and another day (409)');
  await createAccount(request, 'desk.kiosk', ['reception']);
  const today = await book(request, '2026-12-03', '14:30', '林签到', '13900007201');
  const early = await book(request, '2026-12-03', '16:30', '林太早', '13900007202');
  const tomorrow = await book(request, '2026-12-04', '10:00', '林明天', '13900007203');
  later = await startServerAt(LATER);

  await page.clock.install();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${later.baseURL}/booking/check-in?kiosk=1`);
  await appReady(page);
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await expect(page.locator('main h1')).toHaveText('预约咨询签到');
  await expect(page.getByLabel('手机号码后 4 位')).toBeVisible();
  // The QR code is offered only where the browser reads QR codes.
  const reads = await page.evaluate(() => 'BarcodeDetector' in window);
  await expect(page.getByRole('button', { name: '扫描我的二维码' })).toHaveCount(reads ? 1 : 0);
  await expectNoAxeViolations(page);

  // Nothing typed: the error summary and a message at each field.
  await page.getByRole('button', { name: '签到', exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('请输入预约号');
  await expect(summary).toContainText('请输入预约时所填手机号码的后 4 位');
  await expectNoAxeViolations(page);

  // Wrong digits: not found, without saying whether the reference exists.
  await checkIn(page, today, '0000');
  await expect(summary).toContainText('没有与该预约号和手机号码后 4 位同时相符的预约');
  // Too early (16:30 opens at 14:30) and another day, in words.
  await checkIn(page, early, '7202');
  await expect(summary).toContainText('该预约今天 14:30 起可以签到');
  await checkIn(page, tomorrow, '7203');
  await expect(summary).toContainText('该预约的日期是 2026-12-04');
  await expectNoAxeViolations(page);

  // Checked in: where to wait, the name masked, no mobile number.
  await checkIn(page, today.toLowerCase(), '7201');
  const heading = page.locator('main h1');
  await expect(heading).toHaveText('签到成功');
  await expect(heading).toBeFocused();
  const slip = page.locator('.check-in-slip');
  await expect(slip).toContainText(today);
  await expect(slip).toContainText('林*');
  await expect(slip).toContainText('14:30–15:00');
  await expect(slip).toContainText('候场地点');
  await expect(slip).toContainText('南通市知识产权保护中心');
  await expect(slip).toContainText('13:00');
  await expect(page.locator('main')).not.toContainText('林签到');
  await expect(page.locator('main')).not.toContainText('7201');
  await expectNoAxeViolations(page);

  // The printed slip is the slip alone: no kiosk bar, header or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.kiosk-bar')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印签到凭条' })).toBeHidden();
  await expect(slip.locator('.check-in-slip__title')).toHaveText('签到凭条');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: '打印签到凭条' })).toBeVisible();

  // "Done": the empty form at once, nothing of the booking left on the screen.
  await page.getByRole('button', { name: '完成', exact: true }).click();
  await expect(heading).toHaveText('预约咨询签到');
  await expect(page.locator('#reference')).toHaveValue('');
  await expect(page.locator('#mobile_last_four')).toHaveValue('');
  await expect(page.locator('#reference')).toBeFocused();
  await expect(page.locator('main')).not.toContainText(today);

  // In English, checking in again says so; left alone, the result clears itself.
  await toEnglish(page);
  await expect(heading).toHaveText('Check in for your consultation');
  await expectNoAxeViolations(page);
  await checkIn(page, today, '7201');
  await expect(heading).toHaveText('You were already checked in');
  await expect(slip).toContainText('Where to wait');
  await expectNoAxeViolations(page);
  await page.clock.runFor(61_000);
  await expect(heading).toHaveText('Check in for your consultation');
  await expect(page.locator('main')).not.toContainText(today);

  // The desk (another machine: not the kiosk's browser, its mode or its clock) shows the person
  // as arrived, at the kiosk's time.
  const deskBrowser = await browser.newContext({ locale: 'zh-CN' });
  const desk = await deskBrowser.newPage();
  await desk.goto(`${later.baseURL}/staff/login`);
  await uiLogin(desk, 'desk.kiosk', STAFF_PASSWORD);
  await expect(desk).toHaveURL(/\/staff\/bookings$/);
  await desk.locator('#venue').selectOption(VENUE);
  await desk.getByRole('button', { name: '显示', exact: true }).click();
  const card = desk.locator('.desk-card', { hasText: today });
  await expect(card).toContainText('已签到');
  await expect(card).toContainText('13:00');
  await expect(card.getByRole('button')).toHaveCount(0);
  // The one still too early waits, with the time check-in opens.
  await expect(desk.locator('.desk-card', { hasText: early })).toContainText('14:30 起可签到');
  await deskBrowser.close();
});

test('the check-in result says where to wait with the venue’s address, phone and hours, where an administrator entered them', async ({
  page,
  request,
}) => {
  // MADE-UP TEST DATA, entered through the main server and cleared again at the end.
  const address = '南通市崇川区测试路 2 号（测试数据）';
  const csrf = await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
  const path = `/api/v1/staff/admin/venues/${VENUE}/contacts`;
  const contacts = { address, phone: '0513-00000000', opening_hours: '工作日 9:00–17:00' };
  const saved = await request.put(path, { data: contacts, headers: { 'X-CSRF-Token': csrf } });
  expect(saved.status(), await saved.text()).toBe(200);
  try {
    const reference = await book(request, '2026-12-03', '14:00', '林地址', '13900007204');
    later = await startServerAt(LATER);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${later.baseURL}/booking/check-in?kiosk=1`);
    await appReady(page);
    await checkIn(page, reference, '7204');
    await expect(page.locator('main h1')).toHaveText('签到成功');
    const slip = page.locator('.check-in-slip');
    await expect(slip).toContainText(address);
    await expect(slip.getByRole('link', { name: '0513-00000000' })).toHaveAttribute('href', 'tel:051300000000');
    await expect(slip).toContainText('工作日 9:00–17:00');
    await expectNoAxeViolations(page);
  } finally {
    const cleared = await request.put(path, { data: {}, headers: { 'X-CSRF-Token': csrf } });
    expect(cleared.status()).toBe(200);
  }
});
