import { test, expect, appReady, expectNoAxeViolations, services, appOf, goOffline } from './fixtures';

test.describe('home page', () => {
  test('shows the services and the real service network', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await expect(page).toHaveTitle('首页 - 知识产权公共服务门户');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('知识产权服务，一站办理');

    const cards = page.locator('.service-card');
    await expect(cards).toHaveCount(services.length);
    for (const s of services) {
      await expect(page.locator('.service-cards').getByRole('link', { name: s.zh, exact: true })).toHaveAttribute('href', s.path);
    }

    // The "1+3+N" network from the seeds, 启东 marked as being set up.
    const venues = page.locator('.venue-card');
    await expect(venues).toHaveCount(7);
    await expect(venues.first()).toContainText('南通市知识产权保护中心');
    const qidong = venues.filter({ hasText: '启东（电动工具）快维中心' });
    await expect(qidong.locator('.badge')).toHaveText('筹建中');
    // No address or phone is known, so none is shown (nothing that looks like a real number).
    await expect(page.locator('.venue-card__facts')).toHaveCount(0);

    await expect(page.getByRole('link', { name: /12345/ })).toHaveAttribute('href', 'tel:12345');
    await expect(page.getByRole('link', { name: /12315/ })).toHaveAttribute('href', 'tel:12315');
  });

  test('is served with a strict Content-Security-Policy that the app runs under', async ({ page }) => {
    const response = await page.goto('/');
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    await appReady(page); // the WASM started, so the policy allowed it
  });

  test('every app names the web app manifest: Chinese and English names, icons that load', async ({
    page,
    request,
  }) => {
    for (const path of ['/', '/gi', '/booking', '/fast-track']) {
      await page.goto(path);
      await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    }
    const served = await request.get('/manifest.webmanifest');
    expect(served.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await served.json();
    expect(manifest.name).toContain('知识产权公共服务门户');
    expect(manifest.name_localized.en).toContain('IP Public Service Portal');
    expect(manifest.short_name_localized.en).toBeTruthy();
    expect([manifest.start_url, manifest.scope, manifest.display]).toEqual(['/', '/', 'standalone']);
    const themeColour = await page.locator('meta[name="theme-color"]').getAttribute('content');
    expect(manifest.theme_color).toBe(themeColour);
    // Android needs a 192 and a 512 px PNG; one is maskable (its mark inside the safe zone).
    const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()['content-type'], icon.src).toBe(icon.type);
    }
  });
});

test.describe('navigation', () => {
  test('every link of the main navigation reaches its page and moves focus to its heading', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const nav = page.getByRole('navigation', { name: '主导航' });
    let from = '/';
    for (const s of services) {
      await nav.getByRole('link', { name: s.zh, exact: true }).click();
      await expect(page).toHaveURL(s.path);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect(h1).toHaveText(s.zh);
      // In-app navigation moves focus to the new heading; a full page load (into another of
      // the portal's apps) starts at the top like any page load.
      if (appOf(from) === appOf(s.path)) await expect(h1).toBeFocused();
      from = s.path;
      await expect(page).toHaveTitle(`${s.zh} - 知识产权公共服务门户`);
      await expect(nav.getByRole('link', { name: s.zh, exact: true })).toHaveAttribute('aria-current', 'page');
    }
    await nav.getByRole('link', { name: '首页' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('知识产权服务，一站办理');
    // Home → a page of the same (portal) app: an in-app navigation. (The fast track has had
    // its own app since issue #14; "track a request" is the portal app's other page.)
    await nav.getByRole('link', { name: '办理进度查询' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('a deep link survives a reload', async ({ page }) => {
    await page.goto('/gi');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('地理标志产品查询');
    await page.reload();
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('地理标志产品查询');
  });

  test('an unknown address shows a real "page not found" page', async ({ page }) => {
    await page.goto('/no/such/page');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到此页面');
    await expect(page).toHaveTitle('找不到此页面 - 知识产权公共服务门户');
    await page.getByRole('main').getByRole('link', { name: '返回首页' }).click();
    await expect(page).toHaveURL('/');
  });

  test('the skip link takes keyboard users to the main content', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('preferences', () => {
  test('the language switch changes every text and persists across a reload', async ({ page }) => {
    await page.goto('/booking');
    await appReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book a consultation');
    await expect(page).toHaveTitle('Book a consultation - IP Public Service Portal');

    await page.reload();
    await appReady(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book a consultation');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await expect(page.locator('.venue-card').first()).toContainText('Nantong Intellectual Property Protection Center');

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('知识产权服务，一站办理');
  });

  test('elder mode enlarges text and targets and persists across a reload', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const toggle = page.getByRole('button', { name: '长辈版' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(normal).toBeGreaterThanOrEqual(16);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/\belder\b/);

    await page.reload();
    await appReady(page);
    await expect(page.getByRole('button', { name: '长辈版' })).toHaveAttribute('aria-pressed', 'true');
    const elder = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(elder).toBeGreaterThanOrEqual(18);

    // Every button and service card is at least 60 px high in elder mode.
    for (const target of await page.locator('header button:visible, .service-card').all()) {
      const box = (await target.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(60);
    }
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('at 360 px nothing scrolls sideways and the menu opens by touch', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(360);

    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '政策解读' })).toBeHidden();
    const menu = page.getByRole('button', { name: '菜单' });
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: '政策解读' }).tap();
    await expect(page).toHaveURL('/policies');
    // Another app: its page is prerendered, and the app replaces that view when it starts.
    await appReady(page);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    for (const target of await page.locator('button:visible, .service-card:visible, .button:visible').all()) {
      const box = (await target.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
  });
});

test.describe('network trouble', () => {
  test('a failed request says so plainly and can be retried', async ({ page, context }) => {
    // A page of the portal app, so that going home is an in-app navigation that fetches data.
    await page.goto('/track');
    await appReady(page);
    await goOffline(page, context);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('网络连接失败');
    await expect(page.locator('.venue-card')).toHaveCount(0);

    await context.setOffline(false);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.locator('.venue-card')).toHaveCount(7);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page tells people how to get help', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('请开启 JavaScript');
    await expect(page.getByRole('link', { name: '12345' }).first()).toBeVisible();
    await expect(page.getByText('正在加载')).toBeHidden();
  });
});

test.describe('accessibility (axe-core)', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const elder of [false, true]) {
      test(`home and 404 have no violations (${lang}${elder ? ', elder mode' : ''})`, async ({ page }) => {
        await page.goto('/');
        await appReady(page);
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        if (elder) await page.getByRole('button', { name: lang === 'en' ? 'Large text' : '长辈版' }).click();
        await expect(page.locator('.venue-card')).toHaveCount(7);
        await expectNoAxeViolations(page);

        await page.goto('/this-page-does-not-exist');
        await appReady(page);
        await expectNoAxeViolations(page);
      });
    }
  }

  test('a service page has no violations', async ({ page }) => {
    await page.goto('/assistance');
    await appReady(page);
    await expectNoAxeViolations(page);
  });
});

test.describe('track a request', () => {
  test('sends people to the lookup of each service', async ({ page }) => {
    await page.goto('/track');
    await appReady(page);
    await expect(page.locator('h1')).toHaveText('办理进度查询');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '查找我的预约' }).click();
    await expect(page).toHaveURL('/booking/find');
    await expect(page.locator('h1')).toHaveText('查找我的预约');
    await page.goBack();
    await appReady(page);
    await page.getByRole('link', { name: '查询维权援助申请' }).click();
    await expect(page).toHaveURL('/assistance/track');
    await appReady(page);
  });
});
