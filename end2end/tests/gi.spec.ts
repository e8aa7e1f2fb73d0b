import * as fs from 'node:fs';
import { test, expect, appReady, expectNoAxeViolations } from './fixtures';

const searchBox = (page: import('@playwright/test').Page) => page.getByRole('searchbox');
const results = (page: import('@playwright/test').Page) => page.locator('.gi-result');
const totalOf = async (page: import('@playwright/test').Page) =>
  Number((await page.locator('.gi-results__total').innerText()).match(/\d+/)![0]);

test.describe('GI lookup', () => {
  test.describe('on a 1080p touch kiosk', () => {
    test.use({ viewport: { width: 1920, height: 1080 }, hasTouch: true });

    test('a visitor who types only pinyin finds 海安大米, filters, opens it, comes back and downloads the list', async ({ page }) => {
      await page.goto('/gi');
      await appReady(page);
      await expect(page.locator('.gi-results__total')).toContainText('4453');

      // Typed letter by letter, as on a kiosk keyboard: the results follow the typing.
      await searchBox(page).pressSequentially('hadm', { delay: 60 });
      await expect(page).toHaveURL(/[?&]q=hadm/);
      await expect(results(page).first().locator('h3')).toHaveText('海安大米');

      await page.getByRole('link', { name: /^江苏省\s*\d+/ }).tap();
      await expect(page).toHaveURL(/province=%E6%B1%9F%E8%8B%8F%E7%9C%81/);
      await page.getByRole('link', { name: /^南通市\s*\d+/ }).tap();
      await expect(page).toHaveURL(/city=%E5%8D%97%E9%80%9A%E5%B8%82/);
      await expect(page.locator('.chip')).toHaveCount(2);
      const filtered = await totalOf(page);
      expect(filtered).toBeGreaterThanOrEqual(1);

      await results(page).first().getByRole('link', { name: '海安大米' }).tap();
      await expect(page).toHaveURL(/\/gi\/GI\d{5}$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('海安大米');
      await expect(page.locator('.summary-list').first()).toContainText('hai an da mi');
      await expect(page.locator('.summary-list').first()).toContainText('江苏省 南通市');

      await page.goBack();
      await expect(page).toHaveURL(/q=hadm/);
      await expect(page).toHaveURL(/province=/);
      await expect(page).toHaveURL(/city=/);
      await expect(searchBox(page)).toHaveValue('hadm');
      await expect(page.locator('.chip')).toHaveCount(2);
      expect(await totalOf(page)).toBe(filtered);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /CSV/ }).tap(),
      ]);
      const csv = fs.readFileSync((await download.path())!);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
      // Headed in the page's language; where the data set comes from is not in the file.
      expect(lines[0]).toBe('编号,产品名称,英文名称,拼音,省份,城市,类别（根据名称推断）,地理标志类型,批准年份,批准公告,保护范围');
      expect(csv.toString('utf8')).not.toContain('github');
      expect(lines.length - 1).toBe(filtered);
      expect(lines.slice(1).every((l) => l.includes('江苏省') && l.includes('南通市'))).toBe(true);
    });
  });

  test('a link reproduces the view: query, filters and page come from the URL', async ({ page }) => {
    await page.goto('/gi?q=%E5%A4%A7%E7%B1%B3&province=%E6%B1%9F%E8%8B%8F%E7%9C%81');
    await appReady(page);
    await expect(searchBox(page)).toHaveValue('大米');
    await expect(page.locator('.chip')).toHaveText(['江苏省 ×']);
    const first = results(page).first();
    await expect(first.locator('mark')).toHaveText('大米');
    await expect(page.locator('.gi-result__facts').first()).toContainText('江苏省');

    await page.goto('/gi?page=2');
    await appReady(page);
    await expect(page.getByRole('navigation', { name: '分页' })).toContainText('第 2 页');
    await page.getByRole('link', { name: '上一页' }).click();
    await expect(page).toHaveURL(/\/gi$/);
  });

  test('a place name finds the products grown there, with the place highlighted', async ({ page }) => {
    await page.goto('/gi');
    await appReady(page);
    await searchBox(page).fill('启东');
    await searchBox(page).press('Enter');
    const haizhe = results(page).filter({ hasText: '吕四海蜇' });
    await expect(haizhe).toHaveCount(1);
    await expect(haizhe.locator('.gi-result__scope mark')).toHaveText('启东');
  });

  test('a Chinese input method: nothing is searched while pinyin is being composed', async ({ page }) => {
    await page.goto('/gi');
    await appReady(page);
    await searchBox(page).focus();
    const cdp = await page.context().newCDPSession(page);
    // The IME shows "haian" in the box while the person picks the characters.
    await cdp.send('Input.imeSetComposition', { text: 'haian', selectionStart: 5, selectionEnd: 5 });
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/\/gi$/);
    await expect(page.locator('.gi-results__total')).toContainText('4453');
    // Committing the composition searches for the characters chosen.
    await cdp.send('Input.insertText', { text: '海安' });
    await expect(page).toHaveURL(/q=%E6%B5%B7%E5%AE%89/);
    await expect(results(page).first().locator('mark')).toHaveText('海安');
  });

  test('a search that finds nothing says what to try', async ({ page }) => {
    await page.goto('/gi?q=zzzzzzzz');
    await appReady(page);
    await expect(page.getByRole('heading', { name: '没有找到相关的地理标志产品' })).toBeVisible();
    await expect(page.locator('.gi-results__total')).toContainText('0');
  });

  test('a hand-edited link with bad values gets a clear message, not a blank page', async ({ page }) => {
    await page.goto('/gi?page_size=10000&province=%E7%81%AB%E6%98%9F');
    await appReady(page);
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('每页条数必须在1到100之间');
    await summary.getByRole('link', { name: '清除全部条件' }).click();
    await expect(page).toHaveURL(/\/gi$/);
    await expect(results(page)).toHaveCount(20);
  });

  test('an over-long query is refused in the browser with the shared message', async ({ page }) => {
    await page.goto('/gi');
    await appReady(page);
    await searchBox(page).fill('米'.repeat(51));
    await searchBox(page).press('Enter');
    await expect(page.locator('#gi-q-error')).toHaveText(/搜索内容太长/);
    await expect(searchBox(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/gi$/);
  });

  test('a product page names its source, the same city and how to report a counterfeit', async ({ page, consoleErrors }) => {
    await page.goto('/gi?q=%E5%90%95%E5%9B%9B%E6%B5%B7%E8%9C%87');
    await appReady(page);
    await results(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('吕四海蜇');
    // The heading appears once the product has loaded; focus still lands on it.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page).toHaveTitle('吕四海蜇 - 知识产权公共服务门户');
    // The source is the announcement and who published it, never the data set's provenance.
    const source = page.locator('section.source');
    await expect(source.getByRole('heading', { name: '数据来源' })).toBeVisible();
    await expect(source).toContainText('国家质检总局公告2010年第166号');
    await expect(source).toContainText('原国家质量监督检验检疫总局');
    await expect(page.locator('main')).not.toContainText('github');
    await expect(page.locator('.summary-list').first()).toContainText('根据产品名称推断');
    // How to recognise it: what is specific to this product, not the same text everywhere.
    const points = page.locator('h2:has-text("如何辨别真品") + ul li');
    await expect(points).toHaveCount(3);
    await expect(points.nth(0)).toContainText('地理标志专用标志');
    await expect(points.nth(1)).toContainText('江苏省 南通市');
    await expect(page.locator('main')).not.toContainText('12315');
    await expect(page.getByRole('heading', { name: '南通市的其他地理标志产品' })).toBeVisible();
    const sameCity = page.locator('.link-list a');
    expect(await sameCity.count()).toBeGreaterThanOrEqual(1);
    expect(await sameCity.count()).toBeLessThanOrEqual(12);
    await expect(sameCity.filter({ hasText: '吕四海蜇' })).toHaveCount(0);

    await page.getByRole('link', { name: '举报涉嫌假冒产品' }).click();
    await expect(page).toHaveURL(/\/assistance\?gi=GI\d{5}/);
    const id = new URL(page.url()).searchParams.get('gi')!;
    await expect(page.locator('.notice--info')).toContainText(id);
    // Whoever reports a product is most likely a consumer: told first, before who can apply,
    // where a consumer reports (the form is written for right holders).
    const notHolder = page.locator('section.inset-text');
    await expect(notHolder.getByRole('heading', { name: '不是权利人？' })).toBeVisible();
    await expect(notHolder).toContainText('请拨打 12315 向市场监管部门投诉举报');
    await expect(notHolder.getByRole('link', { name: '拨打 12315' })).toHaveAttribute('href', 'tel:12315');
    const whoY = (await page.getByRole('heading', { name: '谁可以申请' }).boundingBox())!.y;
    expect((await notHolder.boundingBox())!.y).toBeLessThan(whoY);
    // A link cannot put its own words on the page.
    await page.goto('/assistance?gi=%E8%AF%B7%E6%8B%A8%E6%89%93');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('维权援助申请');
    await expect(page.locator('.notice--info')).toHaveCount(0);

    consoleErrors.refusedOnPurpose([404], 'a product that does not exist');
    await page.goto('/gi/GI99999');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到这个地理标志产品');
  });

  test.describe('accessibility (axe-core)', () => {
    for (const mode of ['zh', 'en', 'elder'] as const) {
      test(`list and detail have no violations (${mode})`, async ({ page }) => {
        await page.goto('/');
        await appReady(page);
        if (mode === 'en') await page.getByRole('button', { name: 'English' }).click();
        if (mode === 'elder') await page.getByRole('button', { name: '长辈版' }).click();
        await page.goto('/gi?q=haian&province=%E6%B1%9F%E8%8B%8F%E7%9C%81');
        await appReady(page);
        await expect(results(page).first()).toBeVisible();
        await expectNoAxeViolations(page);

        await results(page).first().getByRole('link').click();
        await expect(page.locator('.summary-list').first()).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }
  });
});

test.describe('GI lookup: language, phones and coming back', () => {
  test('in English, provinces, cities, categories and types are translated, and so is the CSV', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/gi?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&city=%E5%8D%97%E9%80%9A%E5%B8%82');
    await appReady(page);
    await expect(page.getByRole('link', { name: /^Jiangsu\s*\d+/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Nantong\s*\d+/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^GI-protected product\s*\d+/ })).toBeVisible();
    await expect(page.locator('.facets')).not.toContainText('江苏省');
    await expect(results(page).first().locator('.gi-result__facts')).toContainText('Nantong, Jiangsu');
    await expect(page.getByRole('link', { name: /CSV/ })).toHaveAttribute('href', /lang=en/);

    await page.goto('/gi/GI00829');
    await appReady(page);
    await expect(page.getByRole('heading', { name: 'Other geographical indications of Nantong' })).toBeVisible();
    await expect(page.locator('section.source')).toContainText('General Administration of Quality Supervision');
  });

  test('a search that finds nothing offers the nearest names', async ({ page }) => {
    await page.goto('/gi?q=haianmi');
    await appReady(page);
    await expect(page.getByRole('heading', { name: '没有找到相关的地理标志产品' })).toBeVisible();
    await expect(page.locator('.gi-suggestions a', { hasText: '海安大米' })).toBeVisible();
    await page.locator('.gi-suggestions a', { hasText: '海安大米' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('海安大米');
  });

  test('a municipality is named once', async ({ page }) => {
    await page.goto('/gi?q=%E4%B8%8A%E6%B5%B7&province=%E4%B8%8A%E6%B5%B7%E5%B8%82');
    await appReady(page);
    await expect(results(page).first()).toBeVisible();
    await expect(page.locator('.gi-result-list')).not.toContainText('上海市 上海市');
    // The excerpt of a protection area is not labelled twice.
    await expect(page.locator('.gi-result-list')).not.toContainText('范围：保护范围：');
    await results(page).first().getByRole('link').click();
    await expect(page.locator('.summary-list').first()).not.toContainText('上海市 上海市');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

    test('the filter panel stays open from a province to its city, and only chosen values are current', async ({ page }) => {
      await page.goto('/gi');
      await appReady(page);
      const panel = page.locator('details.gi-filters');
      await expect(panel).not.toHaveAttribute('open', '');
      await panel.locator('summary').tap();
      await expect(panel).toHaveJSProperty('open', true);
      // No facet link is "current" before a choice.
      await expect(page.locator('.facet__link[aria-current]')).toHaveCount(0);

      await page.getByRole('link', { name: /^江苏省\s*\d+/ }).tap();
      await expect(page).toHaveURL(/province=/);
      await expect(panel).toHaveJSProperty('open', true);
      // The city list is there without opening the panel again.
      await page.getByRole('link', { name: /^南通市\s*\d+/ }).tap();
      await expect(page).toHaveURL(/city=/);
      await expect(panel).toHaveJSProperty('open', true);

      const current = page.locator('.facet__link[aria-current]');
      await expect(current).toHaveCount(2);
      await expect(current.nth(0)).toContainText('江苏省');
      await expect(current.nth(1)).toContainText('南通市');
      await expect(page.locator('.facet__link[aria-current="page"]')).toHaveCount(0);
    });
  });

  test('back from a product page keeps the list where it was scrolled', async ({ page }) => {
    await page.goto('/gi?q=%E5%A4%A7%E7%B1%B3');
    await appReady(page);
    const item = results(page).nth(15);
    await item.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(300);
    await item.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/gi\/GI\d{5}$/);
    await page.goBack();
    await expect(page).toHaveURL(/q=/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 5);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 5);

    // The "back to the results" link does the same.
    await item.getByRole('link').first().click();
    await page.getByRole('link', { name: '返回查询结果' }).click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 5);
  });
});
