import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, tabTo, toEnglish } from './fixtures';
import { startServerAt, LaterServer } from './later-server';
import { createAccount, uiLogin } from './staff-api';

// Issue #18: the privacy notice and the accessibility statement (their own app), linked from
// every footer and from each form that collects personal data, and a booking's holder erasing
// its personal data once the consultation is over. The main server's clock stands at Friday
// 2026-11-20 10:00; "over" is reached on a second server on the same database whose clock says
// Thursday 2026-12-03 13:00 (later-server.ts), the same instant as later-clock.spec.ts.

const LATER = '2026-12-03T13:00:00+08:00';

test.describe('privacy notice and accessibility statement', () => {
  test('the privacy notice, in Chinese and English, with the retention periods the server enforces', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/privacy');
    await appReady(page);
    await expect(page).toHaveTitle('个人信息保护说明 - 知识产权公共服务门户');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('个人信息保护说明');
    // Article 13 as the law says it; which case applies is the center's to confirm.
    await expect(page.locator('main')).toContainText('个人信息保护法》第十三条');
    await expect(page.locator('main')).toContainText('（一）取得个人的同意；');
    for (const name of ['预约咨询', '维权援助申请', '企业快速通道（企业账户）']) {
      await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    // The shipped periods, read from the server, labelled illustrative.
    const booking = page.locator('section:has(h2#booking)');
    await expect(booking).toContainText('咨询结束 180 天后');
    await expect(booking.locator('.badge')).toHaveText('示例，待中心确认');
    const assistance = page.locator('section:has(h2#assistance)');
    await expect(assistance).toContainText('办结 1095 天后');
    await expect(page.locator('main')).toContainText('中心的服务窗口');
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    await toEnglish(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personal information');
    await expect(page).toHaveTitle('Personal information - IP Public Service Portal');
    await expect(booking).toContainText('180 days after the consultation');
    await expect(booking.locator('.badge')).toHaveText('illustrative — to be confirmed by the center');
    await expect(page.locator('main')).toContainText('the service counter of the center');
    await expectNoAxeViolations(page);
  });

  test('the accessibility statement, in Chinese and English, describes elder mode and how the site was tested', async ({ page }) => {
    await page.goto('/accessibility');
    await appReady(page);
    await expect(page).toHaveTitle('无障碍声明 - 知识产权公共服务门户');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('无障碍声明');
    const main = page.locator('main');
    await expect(main).toContainText('WCAG）2.2 版 AA 级');
    await expect(page.getByRole('heading', { level: 2, name: '长辈版' })).toBeVisible();
    await expect(main).toContainText('60×60 像素');
    await expect(page.getByRole('heading', { level: 2, name: '已知限制' })).toBeVisible();
    await expect(main).toContainText('axe-core');
    await expect(main).toContainText('最近一次审查于 2026年12月6日');
    await expectNoAxeViolations(page);

    await toEnglish(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
    await expect(page.getByRole('heading', { level: 2, name: 'Known limitations' })).toBeVisible();
    await expect(main).toContainText('partially compliant with WCAG 2.2 AA');
    await expect(main).toContainText('last reviewed on 6 December 2026');
    await expectNoAxeViolations(page);

    // Elder mode on this page too: the statement is read by those who need it most.
    await expect(main).toContainText('Switch it on with the “Large text” button');
    await page.getByRole('button', { name: 'Large text' }).click();
    await expect(page.locator('html')).toHaveClass(/elder/);
    await expectNoAxeViolations(page);
  });

  test('every footer links to both, and the link works by keyboard', async ({ page }) => {
    for (const path of ['/', '/gi', '/booking', '/assistance', '/fast-track', '/policies']) {
      await page.goto(path);
      await appReady(page);
      const footer = page.locator('footer.site-footer');
      await expect(footer.getByRole('link', { name: '个人信息保护说明' }), path).toHaveAttribute('href', '/privacy');
      await expect(footer.getByRole('link', { name: '无障碍声明' }), path).toHaveAttribute('href', '/accessibility');
    }
    // From the booking app by keyboard: a full page load into the privacy app.
    await page.goto('/booking');
    await appReady(page);
    const toStatement = page.locator('footer').getByRole('link', { name: '无障碍声明' });
    await tabTo(page, toStatement, 120);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/accessibility');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('无障碍声明');
    // Within the privacy app, to the notice.
    await page.locator('footer').getByRole('link', { name: '个人信息保护说明' }).click();
    await expect(page).toHaveURL('/privacy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('个人信息保护说明');
  });

  test('each form that collects personal data says why and links to its part of the notice', async ({ page }) => {
    // Booking: the details step (the earlier answers as the booking pages keep them).
    await page.goto('/booking');
    await page.evaluate(() =>
      sessionStorage.setItem(
        'booking.draft',
        JSON.stringify({
          request: { venue: 'nantong-ip-protection-center', topic: 'patent', date: '2026-12-03', time: '11:00' },
        }),
      ),
    );
    await page.goto('/booking/details');
    await appReady(page);
    await expect(page).toHaveURL('/booking/details');
    const bookingNote = page.locator('.privacy-note');
    await expect(bookingNote).toContainText('我们需要这些信息来安排咨询');
    await expect(bookingNote.getByRole('link')).toHaveAttribute('href', '/privacy#booking');

    await page.goto('/assistance/apply/applicant');
    await appReady(page);
    const assistanceNote = page.locator('.privacy-note');
    await expect(assistanceNote).toContainText('核实申请人');
    await expect(assistanceNote.getByRole('link')).toHaveAttribute('href', '/privacy#assistance');

    await page.goto('/fast-track/sign-up');
    await appReady(page);
    const firmNote = page.locator('.privacy-note');
    await expect(firmNote).toContainText('开设企业账户');
    const link = firmNote.getByRole('link', { name: '了解我们如何使用和保存您的个人信息' });
    await expect(link).toHaveAttribute('href', '/privacy#fast-track');
    await link.click();
    await expect(page).toHaveURL('/privacy#fast-track');
    await expect(page.getByRole('heading', { level: 2, name: '企业快速通道（企业账户）' })).toBeInViewport();
  });
});

test.describe('erasing a booking', () => {
  let later: LaterServer | undefined;
  test.afterEach(async () => {
    await later?.stop();
    later = undefined;
  });

  test('the holder erases the personal data from the manage link once the consultation is over, not before', async ({
    page,
    request,
    consoleErrors,
  }) => {
    test.setTimeout(90_000);
    consoleErrors.refusedOnPurpose([409], 'asking to erase before the consultation is over');
    const booked = await request.post('/api/v1/bookings', {
      data: {
        venue: 'nantong-ip-protection-center', topic: 'copyright', date: '2026-12-03', time: '11:00',
        name: '赵删除', mobile: '13900007181', description: '想咨询作品登记。',
      },
      headers: { 'Idempotency-Key': `e2e-erase-${Math.random()}` },
    });
    expect(booked.status(), await booked.text()).toBe(201);
    const { booking, manage_token } = await booked.json();
    const reference: string = booking.reference;

    // Before the consultation: not offered, and refused if asked for.
    await page.goto(`/booking/manage/${manage_token}`);
    await appReady(page);
    await expect(page.locator('main')).toContainText('赵删除');
    await expect(page.getByRole('link', { name: '删除这个预约中的个人信息' })).toHaveCount(0);
    await page.goto(`/booking/manage/${manage_token}/erase`);
    await appReady(page);
    await page.getByRole('button', { name: '是的，删除个人信息' }).click();
    await expect(page.locator('.error-summary')).toContainText('咨询还没有结束');
    await expectNoAxeViolations(page);

    // Thursday 13:00, the 11:00 consultation is over.
    later = await startServerAt(LATER);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${later.baseURL}/booking/manage/${manage_token}`);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 2, name: '删除我的个人信息' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '删除这个预约中的个人信息' }).click();

    // The confirm step says what goes and what stays.
    await expect(page).toHaveURL(`${later.baseURL}/booking/manage/${manage_token}/erase`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('确定要删除这个预约中的个人信息吗？');
    await expect(page.locator('main')).toContainText(reference);
    await expect(page.locator('main')).toContainText('删除后无法恢复');
    await expectNoAxeViolations(page);
    const confirm = page.getByRole('button', { name: '是的，删除个人信息' });
    await confirm.focus();
    await page.keyboard.press('Enter');

    // Done: the page says so and shows only what is left.
    await expect(page).toHaveURL(`${later.baseURL}/booking/manage/${manage_token}?erased=1`);
    await expect(page.getByRole('status').filter({ hasText: '这个预约中的个人信息已经删除' })).toBeVisible();
    const main = page.locator('main');
    await expect(main).toContainText(reference);
    await expect(main).not.toContainText('赵删除');
    await expect(main).not.toContainText('想咨询作品登记');
    await expect(main).not.toContainText('139****7181');
    await expect(page.locator('.summary-list')).toContainText('已删除');
    await expect(page.getByRole('link', { name: '删除这个预约中的个人信息' })).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // Opened again later, the same; and the lookup by reference + mobile number finds nothing.
    await page.goto(`${later.baseURL}/booking/manage/${manage_token}`);
    await appReady(page);
    await expect(page.locator('main')).toContainText('这个预约中的个人信息已经删除');
    await expect(page.locator('main')).not.toContainText('赵删除');
    const lookup = await request.post(`${later.baseURL}/api/v1/bookings/lookup`, {
      data: { reference, mobile: '13900007181' },
    });
    expect(lookup.status()).toBe(404);
  });
});

test('an administrator sees the retention periods as illustrative defaults, is told what is wrong, and can apply them now', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([401], 'the login page asks who is signed in before anyone is');
  await createAccount(request, 'retention-admin', ['administrator']);
  await uiLogin(page, 'retention-admin');
  await expect(page).not.toHaveURL(/\/staff\/login/);
  await page.goto('/staff/admin/retention');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('个人信息保存期限');
  await expect(page.locator('.inset-text')).toContainText('以中心确认为准');
  await expect(page.locator('#booking_days')).toHaveValue('180');
  await expect(page.locator('#assistance_days')).toHaveValue('1095');
  await expectNoAxeViolations(page);

  // Out of range: the summary and the message at the field, nothing saved (the other tests read
  // the defaults).
  await page.locator('#booking_days').fill('0');
  await page.getByRole('button', { name: '保存期限' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('保存天数请填写 1 至 3650 之间的整数。');
  await expect(page.locator('.error-summary').getByRole('link').first()).toHaveAttribute('href', '#booking_days');
  await expect(page.locator('#booking_days-error')).toHaveText('保存天数请填写 1 至 3650 之间的整数。');
  await expectNoAxeViolations(page);
  const periods = await (await request.get('/api/v1/privacy/retention')).json();
  expect(periods).toEqual({ booking_days: 180, assistance_days: 1095, confirmed: false });

  // Applied now on the pinned clock: nothing is due yet.
  await page.getByRole('button', { name: '立即处理到期的个人信息' }).click();
  await expect(page.getByRole('status').filter({ hasText: '处理完毕' })).toContainText('删除了 0 个预约和 0 个申请中的个人信息');
});
