import { test, expect, appReady, expectNoAxeViolations } from './fixtures';

// Kiosks in the service hall are shared by strangers: a session must end and forget everything
// once its person has gone. The page's clock is faked so minutes pass in milliseconds.

test('a kiosk asks after 2 idle minutes, then clears everything and starts over at home', async ({ page }) => {
  await page.clock.install();
  await page.goto('/booking/topic?kiosk=1');
  await appReady(page);
  await expect(page.getByRole('button', { name: '结束使用，清除我的信息' })).toBeVisible();

  // Someone starts a booking and switches to elder mode.
  await page.getByRole('radio', { name: '专利' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('h1')).toHaveText('您想在哪里咨询？');
  await page.getByRole('button', { name: '长辈版' }).click();
  expect(await page.evaluate(() => sessionStorage.getItem('booking.draft'))).toContain('patent');

  // They walk away.
  await page.clock.runFor(121_000);
  const dialog = page.getByRole('dialog', { name: '您还在使用吗？' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '继续使用' })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.clock.runFor(30_000);
  await expect(page).toHaveURL(/\/$/);
  await appReady(page);
  await expect(page.locator('html')).not.toHaveClass(/elder/);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  // Only the kiosk flag and the default preferences the fresh page wrote are left.
  const kept = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  expect(kept).toEqual({ 'portal.kiosk': '1', 'portal.lang': 'zh-CN', 'portal.elder': '0' });
  await expect(page.getByRole('button', { name: '结束使用，清除我的信息' })).toBeVisible();
});

test('on a kiosk, "keep going" keeps the session, and the button ends it at once', async ({ page }) => {
  await page.clock.install();
  await page.goto('/booking/topic?kiosk=1');
  await appReady(page);
  await page.getByRole('radio', { name: '商标' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('h1')).toHaveText('您想在哪里咨询？');

  await page.clock.runFor(121_000);
  await page.getByRole('button', { name: '继续使用' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.clock.runFor(60_000);
  await expect(page.locator('h1')).toHaveText('您想在哪里咨询？');

  await page.getByRole('button', { name: '结束使用，清除我的信息' }).click();
  await expect(page).toHaveURL(/\/$/);
  await appReady(page);
  expect(await page.evaluate(() => sessionStorage.getItem('booking.draft'))).toBeNull();

  // ?kiosk=0 turns the terminal back into an ordinary browser.
  await page.goto('/?kiosk=0');
  await appReady(page);
  await expect(page.getByRole('button', { name: '结束使用，清除我的信息' })).toHaveCount(0);
});

test('on a wide screen a page lines up with the header, and a kiosk scales type and targets up', async ({ page }) => {
  // The left edge of the header's bar and of the page's content.
  const edges = async () => ({
    header: (await page.locator('.site-header__bar').boundingBox())!.x,
    main: (await page.locator('main .container').first().boundingBox())!.x,
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const path of ['/booking/topic', '/booking/find', '/assistance/apply']) {
    await page.goto(path);
    await appReady(page);
    const { header, main } = await edges();
    expect(header, path).toBeGreaterThan(32);
    expect(Math.abs(main - header), path).toBeLessThan(1);
  }

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/booking/topic?kiosk=1');
  await appReady(page);
  await expect(page.locator('html')).toHaveClass(/\bkiosk\b/);
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(24);
  const button = (await page.getByRole('button', { name: '继续' }).boundingBox())!;
  expect(button.height).toBeGreaterThanOrEqual(64);
  const { header, main } = await edges();
  expect(Math.abs(main - header)).toBeLessThan(1);
  // The question's column grows with the type instead of staying a strip at the left.
  const question = (await page.locator('main fieldset').first().boundingBox())!;
  expect(question.width).toBeGreaterThan(900);
  await expectNoAxeViolations(page);
});
