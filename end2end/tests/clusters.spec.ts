import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll } from './fixtures';
import { createAccount, uiLogin } from './staff-api';
import { bookViaApi } from './booking-api';

// The desk's check of bookings made in bulk (/staff/bookings/clusters, issue #13 item 2): three
// bookings with mobile numbers in a row show as one group; reception cancels the group in one
// action with a reason, and a holder reads it on the manage page. The browser tests' server treats
// 127.0.0.1 as the service hall (not limited, not grouped by address), so only the run of numbers
// groups them here; grouping by address is tested over HTTP (crates/server/tests/api/scalping.rs).
// Other specs share the database: these numbers are far from any other spec's, and only this
// group is cancelled.

const VENUE = 'nantong-ip-protection-center';
const DAY = '2026-12-04';
const MOBILES = ['18600000501', '18600000502', '18600000503'];

test('reception sees bookings with numbers in a row and cancels them in one action; the holder reads why', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await createAccount(request, 'desk.clusters', ['reception']);
  const made = [];
  for (const [i, time] of ['09:00', '09:30', '10:00'].entries()) {
    const mobile = MOBILES[i];
    made.push(await bookViaApi(request, { topic: 'patent', venue: VENUE, date: DAY, time, name: '钱批量', mobile }));
  }
  const references: string[] = made.map((m) => m.booking.reference);

  await page.setViewportSize({ width: 360, height: 740 });
  await uiLogin(page, 'desk.clusters');
  await expect(page).toHaveURL(/\/staff\/bookings$/);
  await page.getByRole('link', { name: '核查批量预约' }).click();
  await expect(page.locator('h1')).toHaveText('核查批量预约');
  const group = page.locator('.cluster', { hasText: references[0] });
  await expect(group.getByRole('heading', { level: 2 })).toHaveText('3 个预约，手机号码连号');
  for (const reference of references) {
    await expect(group).toContainText(reference);
  }
  await expect(group).toContainText('18600000502');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // A confirm step that says what happens, and a reason it insists on.
  await group.getByRole('button', { name: '取消这 3 个预约' }).click();
  const confirm = page.locator('.confirm-close');
  await expect(confirm.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(confirm).toContainText('预约人会在自己的预约页面看到取消原因');
  await confirm.getByRole('button', { name: '确认取消这些预约' }).click();
  await expect(page.locator('.error-summary')).toContainText('请填写取消原因');
  await expect(page.locator('#bulk-reason')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.locator('#bulk-reason').fill('连号手机批量预约，经核查取消');
  await confirm.getByRole('button', { name: '确认取消这些预约' }).click();
  const notice = page.locator('[role="status"]', { hasText: '已取消 3 个预约' });
  await expect(notice).toBeFocused();
  await expect(page.locator('.cluster', { hasText: references[0] })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The holder's manage page: the center's reason, and a new booking rather than a new time.
  await page.goto(`/booking/manage/${made[1].manage_token}`);
  await appReady(page);
  const told = page.locator('.center-cancelled');
  await expect(told).toContainText('服务中心核查批量预约后取消了这个预约：连号手机批量预约，经核查取消。');
  await expect(told.getByRole('link', { name: '开始预约' })).toBeVisible();
  await expect(page.getByRole('link', { name: '重新选择时间' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '重新预约' })).toHaveCount(0);
  await expect(page.locator('.summary-list')).toContainText('已取消');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(told).toContainText('The center cancelled this booking after checking bookings made in bulk');
});
