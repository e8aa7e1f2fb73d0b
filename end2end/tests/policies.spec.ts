import { test, expect, appReady, expectNoAxeViolations, followIntoAnotherApp } from './fixtures';
import type { Page } from '@playwright/test';

const PRESS = '/policies/nantong-2025-ip-regulation-press-conference';
const PLAN = '/policies/nantong-2024-ip-strong-city-plan';
const SUIZHOU = '/policies/suizhou-2023-ip-press-conference';
const SUZHOU = '/policies/suzhou-2022-ip-protection-demo-zone-plan';

const cards = (page: Page) => page.locator('.policy-card');
const total = (page: Page) => page.locator('.policy-results__total');
const filters = (page: Page) => page.locator('.policy-filters');
/// A section of the document: the element that carries its anchor.
const section = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const sectionHeading = (page: Page, id: string) => section(page, id).locator('.policy-section__heading');

/// A document's page, with its content drawn.
async function openDocument(page: Page, path: string) {
  await page.goto(path);
  await appReady(page);
  await expect(page.locator('.policy-doc')).toBeVisible();
}

test.describe('policy library', () => {
  test('the list filters by region, kind and topic with the URL as state, and opens a document', async ({ page }) => {
    await page.goto('/policies');
    await appReady(page);
    await expect(page).toHaveTitle('政策解读 - 知识产权公共服务门户');
    await expect(cards(page)).toHaveCount(5);
    await expect(total(page)).toHaveText('共 5 份政策文件');
    const suzhou = cards(page).filter({ hasText: '苏州市创建省知识产权保护示范区' });
    await expect(suzhou).toContainText('苏府〔2022〕83号');
    await expect(suzhou).toContainText('苏州市人民政府');
    await expect(suzhou).toContainText('实施方案');
    await expect(suzhou).toContainText('27 项量化目标');

    // Each filter value counts what choosing it would show.
    await filters(page).getByRole('link', { name: /^南通市\s*2$/ }).click();
    await expect(page).toHaveURL(/region=%E5%8D%97%E9%80%9A%E5%B8%82/);
    await expect(cards(page)).toHaveCount(2);
    await filters(page).getByRole('link', { name: /^实施方案\s*1$/ }).click();
    await expect(page).toHaveURL(/kind=plan/);
    await expect(cards(page)).toHaveCount(1);
    await expect(page.locator('.chip')).toHaveCount(2);
    await expect(cards(page).first()).toContainText('南通市建设国家知识产权强市示范城市');

    await page.goBack();
    await expect(cards(page)).toHaveCount(2);
    await page.getByRole('link', { name: '清除全部条件' }).click();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(cards(page)).toHaveCount(5);

    await filters(page).getByRole('link', { name: /^数据知识产权\s*2$/ }).click();
    await expect(cards(page)).toHaveCount(2);

    // Open a document: focus moves to its title, as after any in-app navigation.
    const title = cards(page).first().getByRole('link');
    const name = await title.innerText();
    await title.click();
    await expect(page).toHaveURL(PRESS);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(name);
    await expect(h1).toBeFocused();
    await expect(page).toHaveTitle(`${name} - 知识产权公共服务门户`);
    await page.getByRole('link', { name: '返回政策列表' }).click();
    await expect(page).toHaveURL(/topic=/);
  });

  test('filters that match nothing say so, and a bad link says what is wrong', async ({ page }) => {
    await page.goto('/policies?region=%E9%9A%8F%E5%B7%9E%E5%B8%82&kind=plan');
    await appReady(page);
    await expect(page.getByRole('heading', { name: '没有符合条件的政策文件' })).toBeVisible();
    await expect(total(page)).toHaveText('共 0 份政策文件');

    await page.goto('/policies?kind=law&region=%E7%81%AB%E6%98%9F%E5%B8%82');
    await appReady(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('没有这个文件类型');
    await alert.getByRole('link', { name: '清除全部条件' }).click();
    await expect(cards(page)).toHaveCount(5);

    await page.goto('/policies?region=%E7%81%AB%E6%98%9F%E5%B8%82');
    await appReady(page);
    await expect(page.getByRole('alert')).toContainText('没有这个地区的文件');
  });

  test('the search box of the list goes to the search page', async ({ page }) => {
    await page.goto('/policies');
    await appReady(page);
    const box = page.getByRole('searchbox', { name: '搜索政策全文' });
    await box.press('Enter');
    await expect(page.locator('#policies-q-error')).toHaveText(/请输入要查找的词/);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await box.fill('预审');
    await box.press('Enter');
    await expect(page).toHaveURL('/policies/search?q=%E9%A2%84%E5%AE%A1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索政策');
    await expect(page.getByRole('searchbox')).toHaveValue('预审');
    await expect(page.locator('.policy-hit').first().locator('mark').first()).toHaveText('预审');
  });
});

test.describe('policy document', () => {
  test('the table of contents jumps to a section; its heading is in view and focused', async ({ page }) => {
    await openDocument(page, PLAN);
    const toc = page.getByRole('navigation', { name: '目录' });
    await toc.getByRole('link', { name: '13. 强化知识产权金融支持' }).click();
    await expect(page).toHaveURL(`${PLAN}#s3-4-3`);
    const heading = sectionHeading(page, 's3-4-3');
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    // Headings follow the tree: 二、 is an h2, (四) an h3, 13. an h4.
    await expect(sectionHeading(page, 's3')).toHaveJSProperty('tagName', 'H2');
    await expect(sectionHeading(page, 's3-4')).toHaveJSProperty('tagName', 'H3');
    await expect(heading).toHaveJSProperty('tagName', 'H4');
    await expect(heading).toHaveText('13. 强化知识产权金融支持');
    await expect(section(page, 's3-4-3')).toContainText('通知融');
    // The contents mark where the reader is.
    await expect(toc.getByRole('link', { name: '13. 强化知识产权金融支持' })).toHaveAttribute('aria-current', 'location');
  });

  test('a deep link shows its section on first load and after a reload', async ({ page }) => {
    await openDocument(page, `${PLAN}#s3-4-3`);
    await expect(sectionHeading(page, 's3-4-3')).toBeInViewport();
    await page.reload();
    await appReady(page);
    await expect(sectionHeading(page, 's3-4-3')).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();

    await openDocument(page, `${PRESS}#q3`);
    await expect(section(page, 'q3').getByRole('heading')).toBeInViewport();
    await expect(section(page, 'q3')).toContainText('郭玉家');
  });

  test('the reading position survives a reload without an anchor', async ({ page }) => {
    await openDocument(page, PLAN);
    await section(page, 's3-5').evaluate((el) => el.scrollIntoView());
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('portal.policies.position.nantong-2024-ip-strong-city-plan')))
      .toBe('s3-5');
    await page.reload();
    await appReady(page);
    await expect(sectionHeading(page, 's3-5')).toBeInViewport();
    expect(new URL(page.url()).hash).toBe('');
  });

  test('a link of the library opens a document (its own app) at its title even with a reading position kept; a reload after it returns to the position', async ({ page }) => {
    const position = () =>
      page.evaluate(() => sessionStorage.getItem('portal.policies.position.nantong-2024-ip-strong-city-plan'));
    await openDocument(page, PLAN);
    await section(page, 's3-5').evaluate((el) => el.scrollIntoView());
    await expect.poll(position).toBe('s3-5');

    await page.goto('/policies');
    await appReady(page);
    const link = cards(page).filter({ hasText: '南通市建设国家知识产权强市示范城市' }).getByRole('link');
    await followIntoAnotherApp(page, link, PLAN);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toBeFocused();
    await expect(h1).toBeInViewport();
    expect(await position()).toBe('s3-5');

    await page.reload();
    await appReady(page);
    await expect(sectionHeading(page, 's3-5')).toBeInViewport();
    await expect(h1).not.toBeInViewport();

    const back = page.getByRole('link', { name: '返回政策列表' });
    await followIntoAnotherApp(page, back, '/policies');
    await expect(cards(page)).toHaveCount(5);
  });

  test('the regulation explained: five parts, each answer under the one part it shares most with', async ({ page }) => {
    await openDocument(page, PRESS);
    const group = page.locator('#interpretation');
    await expect(group.getByRole('heading', { level: 2 })).toHaveText('条例解读：对您意味着什么');
    await expect(group).toContainText('《南通市知识产权促进和保护条例》');
    const parts = group.locator('.policy-interp__part');
    await expect(parts).toHaveCount(5);
    await expect(parts.locator('h3')).toHaveText([
      /^一、明确职责任务/,
      /^二、突出重点领域/,
      /^三、赋能产业升级/,
      /^四、坚持问题导向/,
      /^五、围绕企业需求/,
    ]);
    // Each answer is listed once (issue #20: they repeated under nearly every part): 华亮 on
    // turning patents into products under 三、, the court, police and procuratorate under 四、.
    const links = group.locator('.policy-interp__answer a');
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(['#q1', '#q2', '#q3', '#q4']);
    await expect(parts.nth(0)).toContainText('没有专门谈这一部分的问答');
    await expect(parts.nth(1)).toContainText('没有专门谈这一部分的问答');
    await expect(parts.nth(2).locator('.policy-interp__answer')).toHaveCount(1);
    await expect(parts.nth(2).locator('.policy-interp__answer')).toContainText('华亮');
    const protection = parts.nth(3).locator('.policy-interp__answer');
    await expect(protection).toHaveCount(3);
    await expect(protection.nth(0)).toContainText('吴亚峰');
    await expect(protection.nth(0)).toContainText('司法');
    await protection.nth(0).getByRole('link').click();
    await expect(page).toHaveURL(`${PRESS}#q2`);
    await expect(section(page, 'q2').getByRole('heading')).toBeInViewport();
    await expect(section(page, 'q2')).toContainText('市中级人民法院审判委员会专职委员');

    // Plans and reports explain no regulation.
    await openDocument(page, PLAN);
    await expect(page.locator('#interpretation')).toHaveCount(0);
  });

  test('key targets: 有效发明专利量 7.8万件 by 2026, latest 5.4万件, charted from the data', async ({ page }) => {
    await openDocument(page, PLAN);
    const targets = page.locator('#targets');
    await expect(targets.getByRole('heading', { level: 2 })).toHaveText('主要目标一览');
    const rows = targets.locator('tbody tr');
    await expect(rows).toHaveCount(16);
    const patents = rows.filter({ has: page.getByRole('rowheader', { name: '有效发明专利量', exact: true }) });
    await expect(patents.locator('td')).toHaveText(['7.8万件', '2026年', '5.4万件（2024年）', '一、建设目标']);
    await expect(patents.getByRole('link', { name: '一、建设目标' })).toHaveAttribute('href', '#s2');
    const pledge = rows.filter({ hasText: '知识产权质押融资额' });
    await expect(pledge.locator('td').nth(2)).toHaveText('113.6亿元（年份未注明）');
    await expect(rows.filter({ hasText: '有效注册商标数' }).locator('td').nth(2)).toHaveText('暂无');

    // Only the four targets with a figure in their own unit are drawn.
    const bars = targets.locator('.target-chart__item');
    await expect(bars).toHaveCount(4);
    await expect(bars.first()).toContainText('有效发明专利量');
    await expect(bars.first()).toContainText('5.4万件');
    await expect(bars.first()).toContainText('7.8万件');
    // 54,000 of 78,000: 69 % of the target's bar.
    await expect(bars.first().locator('rect').first()).toHaveAttribute('width', '69');
    await expect(bars.first().locator('rect').last()).toHaveAttribute('width', '100');

    // 苏州 reports no current figures: a table and no chart.
    await openDocument(page, SUZHOU);
    await expect(page.locator('#targets tbody tr')).toHaveCount(27);
    await expect(page.locator('.target-chart')).toHaveCount(0);
    await openDocument(page, PRESS);
    await expect(page.locator('#targets')).toHaveCount(0);
  });

  test('related services: 维权援助, the city\'s geographical indications and 预审', async ({ page }) => {
    await openDocument(page, PRESS);
    const assistance = section(page, 's4-5').getByRole('link', { name: '申请维权援助' });
    await expect(assistance).toHaveAttribute('href', '/assistance');
    await expect(section(page, 's4-2').getByRole('link', { name: '查询南通市的地理标志产品' })).toHaveAttribute(
      'href',
      '/gi?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&city=%E5%8D%97%E9%80%9A%E5%B8%82',
    );
    await expect(section(page, 's2-4').getByRole('link', { name: /专利预审/ })).toHaveAttribute('href', '/fast-track');
    // 法律咨询 in the same passage: consultation booking, from the same table of words.
    await expect(section(page, 's4-5').getByRole('link', { name: '预约咨询' })).toHaveAttribute('href', '/booking');
    // 预审 of a draft law by the provincial legislature is not the patent service.
    await expect(section(page, 's3-2-3')).toContainText('预审');
    await expect(section(page, 's3-2-3').locator('.policy-related')).toHaveCount(0);

    await followIntoAnotherApp(page, assistance, '/assistance');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('维权援助申请');

    await openDocument(page, SUIZHOU);
    const gi = section(page, 's2').getByRole('link', { name: '查询随州市的地理标志产品' });
    await gi.click();
    await expect(page).toHaveURL(/\/gi\?province=%E6%B9%96%E5%8C%97%E7%9C%81&city=%E9%9A%8F%E5%B7%9E%E5%B8%82/);
    await expect(page.locator('.chip')).toHaveText(['湖北省 ×', '随州市 ×']);
  });

  test.describe('copy link', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test('copies the address of the section and says so', async ({ page }) => {
      await openDocument(page, PLAN);
      await section(page, 's3-4-3').getByRole('button', { name: /复制链接/ }).click();
      await expect(section(page, 's3-4-3').getByRole('status')).toHaveText('已复制链接');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(new URL(`${PLAN}#s3-4-3`, page.url()).href);
    });
  });

  test('without a clipboard the link is offered to copy by hand', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await openDocument(page, PRESS);
    await section(page, 'q1').getByRole('button', { name: /复制链接/ }).click();
    const input = section(page, 'q1').getByRole('textbox');
    await expect(input).toHaveValue(new URL(`${PRESS}#q1`, page.url()).href);
    await expect(input).toBeFocused();
    await expect(input).toHaveAttribute('readonly', '');
  });

  test('prints as a plain document', async ({ page }) => {
    await openDocument(page, PLAN);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.getByRole('navigation', { name: '目录' })).toBeHidden();
    await expect(page.locator('.policy-copy__button')).toHaveCount(31);
    await expect(page.locator('.policy-copy__button').first()).toBeHidden();
    await expect(page.locator('.policy-related').first()).toBeHidden();
    await expect(sectionHeading(page, 's3-4-3')).toBeVisible();
    await expect(page.locator('#targets table')).toBeVisible();
  });

  test('an unknown document gets a real "not found" page', async ({ page, consoleErrors }) => {
    consoleErrors.refusedOnPurpose([404], 'a document that does not exist');
    await page.goto('/policies/no-such-document');
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到这份政策文件');
    await expect(page).toHaveTitle('没有找到这份政策文件 - 知识产权公共服务门户');
    await page.getByRole('link', { name: '返回政策列表' }).click();
    await expect(cards(page)).toHaveCount(5);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

    test('the contents are folded above the text and nothing scrolls sideways', async ({ page }) => {
      await openDocument(page, PLAN);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const toc = page.getByRole('navigation', { name: '目录' });
      const link = toc.getByRole('link', { name: '四、保障措施' });
      await expect(link).toBeHidden();
      await toc.getByText('目录').tap();
      await link.tap();
      await expect(page).toHaveURL(`${PLAN}#s5`);
      await expect(sectionHeading(page, 's5')).toBeInViewport();
      for (const target of await page.locator('.policy-doc button:visible, .policy-doc a:visible').all()) {
        const box = (await target.boundingBox())!;
        expect(box.height, await target.innerText()).toBeGreaterThanOrEqual(44);
      }

      await page.goto('/policies');
      await appReady(page);
      await expect(cards(page)).toHaveCount(5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
});

test.describe('policy search', () => {
  test('质押 finds the passages, highlighted; a hit opens the document at its section', async ({ page }) => {
    await page.goto('/policies/search');
    await appReady(page);
    await expect(page.locator('.policy-examples').getByRole('link', { name: '质押' })).toBeVisible();
    const box = page.getByRole('searchbox', { name: '搜索政策全文' });
    await box.fill('质押');
    await box.press('Enter');
    await expect(page).toHaveURL('/policies/search?q=%E8%B4%A8%E6%8A%BC');
    await expect(page).toHaveTitle('搜索政策 - 知识产权公共服务门户');
    const status = page.getByRole('status').filter({ hasText: '共找到' });
    await expect(status).toHaveText(/^共找到 \d+ 处相关内容$/);
    const hits = page.locator('.policy-hit');
    expect(await hits.count()).toBeGreaterThanOrEqual(2);
    // Every highlight is the word; the two sections that say it twice come first.
    for (const mark of await hits.locator('mark').all()) await expect(mark).toHaveText('质押');
    await expect(hits.nth(0).locator('mark')).toHaveCount(2);
    await expect(hits.nth(1)).toContainText('南通市建设国家知识产权强市示范城市');
    const hit = hits.nth(1).getByRole('link', { name: '13. 强化知识产权金融支持' });
    await expect(hit).toHaveAttribute('href', `${PLAN}?q=%E8%B4%A8%E6%8A%BC#s3-4-3`);

    // Filters are links with counts; the URL keeps them.
    const count = Number((await status.innerText()).match(/\d+/)![0]);
    await filters(page).getByRole('link', { name: /^金融\s*\d+$/ }).click();
    await expect(page).toHaveURL(/topic=%E9%87%91%E8%9E%8D/);
    // The results of the new address (the URL changes before they come): its chip is shown.
    await expect(page.locator('.chip')).toHaveCount(1);
    const finance = Number((await status.innerText()).match(/\d+/)![0]);
    expect(finance).toBeLessThanOrEqual(count);
    await filters(page).getByRole('link', { name: /南通市建设国家知识产权强市示范城市/ }).click();
    await expect(page).toHaveURL(/doc=nantong-2024-ip-strong-city-plan/);
    await expect(page.locator('.chip')).toHaveCount(2);
    await expect(hits.first()).toContainText('强化知识产权金融支持');

    // A document is the policy-document app: the result's link loads it.
    await followIntoAnotherApp(page, hits.first().getByRole('link'), `${PLAN}?q=%E8%B4%A8%E6%8A%BC#s3-4-3`);
    const heading = sectionHeading(page, 's3-4-3');
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    await expect(section(page, 's3-4-3').locator('.policy-section__text')).toContainText('质押');
    // The word is marked where the result opens, and only there.
    await expect(section(page, 's3-4-3').locator('mark').first()).toHaveText('质押');
    await expect(page.locator('.policy-doc mark')).toHaveCount(await section(page, 's3-4-3').locator('mark').count());
    // Back to the results exactly as they were.
    await page.getByRole('link', { name: '返回搜索结果' }).click();
    await expect(page).toHaveURL(/q=%E8%B4%A8%E6%8A%BC.*topic=/);
    await expect(page.getByRole('searchbox')).toHaveValue('质押');
  });

  test('a search that finds nothing offers words to try; a bad link is explained', async ({ page, consoleErrors }) => {
    await page.goto('/policies/search?q=%E7%81%AB%E7%AE%AD%E5%8F%91%E5%B0%84');
    await appReady(page);
    await expect(page.getByRole('heading', { name: '没有找到相关内容' })).toBeVisible();
    await page.locator('.empty-state').getByRole('link', { name: '预审' }).click();
    await expect(page).toHaveURL('/policies/search?q=%E9%A2%84%E5%AE%A1');
    await expect(page.locator('.policy-hit').first()).toBeVisible();

    await page.goto(`/policies/search?q=&topic=${encodeURIComponent('火箭')}`);
    await appReady(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('请输入要查找的词');
    await expect(alert).toContainText('没有这个主题');
    await expect(page.locator('.policy-hit')).toHaveCount(0);

    consoleErrors.refusedOnPurpose([400], 'the server\'s own check: a document that does not exist');
    await page.goto('/policies/search?q=a&doc=no-such-document');
    await appReady(page);
    await expect(page.getByRole('alert')).toContainText('没有这份文件');

    await page.goto('/policies/search');
    await appReady(page);
    await page.getByRole('searchbox').fill('审'.repeat(51));
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.locator('#policies-q-error')).toHaveText(/搜索内容太长/);
    await expect(page).toHaveURL(/\/policies\/search$/);
  });
});

test.describe('policy pages in English', () => {
  test('the interface is in English and the documents stay Chinese, marked as such', async ({ page }) => {
    await page.goto('/policies');
    await appReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Policies explained');
    await expect(total(page)).toHaveText('5 policy documents');
    await expect(filters(page).getByRole('link', { name: /^Nantong\s*2$/ })).toBeVisible();
    await expect(cards(page).first().locator('h4')).toHaveAttribute('lang', 'zh-CN');

    await openDocument(page, PRESS);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    await expect(page.locator('#interpretation h2')).toHaveText('The regulation explained: what it means for you');
    for (const text of await page.locator('.policy-section__text').all()) {
      await expect(text).toHaveAttribute('lang', 'zh-CN');
    }
    await expect(sectionHeading(page, 's4-1')).toHaveAttribute('lang', 'zh-CN');
    await expect(section(page, 's4-5').getByRole('link', { name: 'Apply for rights assistance' })).toBeVisible();
    await expect(section(page, 's4-2').getByRole('link', { name: 'Geographical indications of Nantong' })).toBeVisible();
  });
});

test.describe('accessibility (axe-core)', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`library, search and documents have no violations (${lang})`, async ({ page }) => {
      // Seven pages, one a long document, each fully scanned by axe: ~25 s on an idle 2-core
      // machine, so the default 30 s is too tight.
      test.setTimeout(90_000);
      await page.goto('/policies');
      await appReady(page);
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      await expect(cards(page)).toHaveCount(5);
      await expectNoAxeViolations(page);

      await page.goto('/policies?region=%E5%8D%97%E9%80%9A%E5%B8%82&topic=%E9%87%91%E8%9E%8D');
      await appReady(page);
      await expect(page.locator('.chip')).toHaveCount(2);
      await expectNoAxeViolations(page);

      await page.goto('/policies/search?q=%E8%B4%A8%E6%8A%BC&topic=%E9%87%91%E8%9E%8D');
      await appReady(page);
      await expect(page.locator('.policy-hit').first()).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto('/policies/search?q=%E7%81%AB%E7%AE%AD%E5%8F%91%E5%B0%84');
      await appReady(page);
      await expect(page.locator('.empty-state')).toBeVisible();
      await expectNoAxeViolations(page);

      for (const path of [PRESS, PLAN]) {
        await openDocument(page, path);
        await expectNoAxeViolations(page);
      }
    });
  }

  test('a document has no violations in elder mode', async ({ page }) => {
    // Two long documents fully scanned by axe: 11 s here, 35 s on CI's machine.
    test.setTimeout(120_000);
    await page.goto('/policies');
    await appReady(page);
    await page.getByRole('button', { name: '长辈版' }).click();
    await openDocument(page, PLAN);
    await expect(page.locator('html')).toHaveClass(/\belder\b/);
    await expectNoAxeViolations(page);
    await openDocument(page, PRESS);
    await expectNoAxeViolations(page);
  });
});
