import { test, expect, appReady, expectNoAxeViolations, followIntoAnotherApp } from './fixtures';
import type { Page } from '@playwright/test';

// What the policy library says about its documents and how it guides a reader (issue #20).

const PRESS = '/policies/nantong-2025-ip-regulation-press-conference';
const PLAN = '/policies/nantong-2024-ip-strong-city-plan';
const SUZHOU = '/policies/suzhou-2022-ip-protection-demo-zone-plan';

const section = (page: Page, id: string) => page.locator(`[id="${id}"]`);

async function openDocument(page: Page, path: string) {
  await page.goto(path);
  await appReady(page);
  await expect(page.locator('.policy-doc')).toBeVisible();
}

test('the library sets other cities\' practice apart and says what it holds', async ({ page }) => {
  await page.goto('/policies');
  await appReady(page);
  await expect(page.locator('.policy-library-note')).toHaveText(
    '本库收录的是本中心在这里公布的政策文件，并不是全部法律法规。',
  );
  const local = page.locator('#policy-group-local + .policy-cards .policy-card');
  const other = page.locator('#policy-group-other ~ .policy-cards .policy-card');
  await expect(page.locator('#policy-group-local')).toHaveText('南通市的政策文件');
  await expect(local).toHaveCount(2);
  await expect(page.locator('#policy-group-other')).toHaveText('其他城市的做法（供参考）');
  await expect(other).toHaveCount(3);
  for (const card of await other.all()) await expect(card.locator('.badge--other-city')).toHaveText('其他城市的做法');
  await expect(local.locator('.badge--other-city')).toHaveCount(0);
  await expect(other.filter({ hasText: '苏州市' })).toHaveCount(1);

  // Filtered to one city, only its group is shown.
  await page.goto('/policies?region=%E5%AE%81%E6%B3%A2%E5%B8%82');
  await appReady(page);
  await expect(page.locator('#policy-group-local')).toHaveCount(0);
  await expect(other).toHaveCount(1);
});

test('"I want to…" answers pledge loans and pre-examination with passages and the service', async ({ page }) => {
  await page.goto('/policies');
  await appReady(page);
  const tasks = page.locator('.policy-task');
  await expect(page.getByRole('heading', { level: 2, name: '我想……' })).toBeVisible();
  await expect(tasks.locator('h3')).toHaveText(['办理知识产权质押融资', '使用专利预审（企业快速通道）']);

  const loan = tasks.nth(0);
  await expect(loan.getByRole('link', { name: '预约质押融资咨询' })).toHaveAttribute('href', '/booking');
  const pledge = loan.getByRole('link', { name: '13. 强化知识产权金融支持' });
  await expect(pledge).toHaveAttribute('href', `${PLAN}#s3-4-3`);

  const pre = tasks.nth(1);
  await expect(pre.getByRole('link', { name: '进入企业快速通道' })).toHaveAttribute('href', '/fast-track');
  await pre.getByRole('link', { name: /聚焦高品质服务/ }).click();
  await expect(page).toHaveURL(`${PRESS}#s2-4`);
  await expect(section(page, 's2-4')).toContainText('预审');
  await expect(section(page, 's2-4').locator('.policy-section__heading')).toBeInViewport();

  // The service is another app: the browser loads it.
  await page.goBack();
  await appReady(page);
  await followIntoAnotherApp(page, loan.getByRole('link', { name: '预约质押融资咨询' }), '/booking');
});

test('a document shows publisher, date and occasion, never its source file', async ({ page }) => {
  await openDocument(page, PRESS);
  const meta = page.locator('.policy-meta');
  await expect(meta).toContainText('南通市市场监督管理局');
  await expect(meta).toContainText('发布缘由');
  await expect(meta).toContainText('《南通市知识产权促进和保护条例》将于2025年4月26日(世界知识产权日)正式施行');
  await expect(meta).toContainText('网上公开日期');
  await expect(meta).toContainText('2025年4月21日');
  await expect(page.locator('body')).not.toContainText('.txt');
  await expect(page.locator('body')).not.toContainText('来源文件');
  await expect(page.locator('.policy-other-city')).toHaveCount(0);

  await openDocument(page, SUZHOU);
  await expect(page.locator('.policy-other-city')).toHaveText(
    '这是苏州市的文件，本中心作为其他城市的做法收录，供参考，不是南通市的政策。',
  );
  await expect(page.locator('body')).not.toContainText('003_');
});

test('the contents list what statements are about, not who spoke them', async ({ page }) => {
  await openDocument(page, PRESS);
  const toc = page.getByRole('navigation', { name: '目录' });
  for (const name of ['主持人', '徐加明', '钱永忠', '蒋爱龙']) {
    await expect(toc.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await toc.getByRole('link', { name: '南通市国家知识产权保护示范区建设成果' }).click();
  await expect(page).toHaveURL(`${PRESS}#s2`);
  // Who spoke is said under the heading.
  await expect(section(page, 's2').locator('.policy-answer__who').first()).toHaveText('发言：徐加明，市市场监督管理局局长');
  await expect(toc.getByRole('link', { name: '解读《条例》具体内容' })).toBeVisible();
});

test('a result without a heading names its part, and its words are marked where it opens', async ({ page }) => {
  await page.goto('/policies/search?q=%E5%BC%A0%E8%AC%87');
  await appReady(page);
  const hits = page.locator('.policy-hit');
  await expect(hits.first()).toBeVisible();
  await expect(page.locator('.policy-results')).not.toContainText('无标题');
  const closing = hits.getByRole('link', { name: '「南通市国家知识产权保护示范区建设成果」中的一段' });
  await expect(closing).toHaveAttribute('href', `${PRESS}?q=%E5%BC%A0%E8%AC%87#s2-5`);
  await closing.click();
  await expect(page).toHaveURL(`${PRESS}?q=%E5%BC%A0%E8%AC%87#s2-5`);
  const marks = page.locator('.policy-doc mark');
  await expect(marks.first()).toHaveText('张謇');
  await expect(marks.first()).toBeInViewport();
  await expect(section(page, 's2-5').locator('mark')).toHaveCount(await marks.count());
  await expectNoAxeViolations(page);
});

test('the guide reads in English too', async ({ page }) => {
  await page.goto('/policies');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'I want to…' })).toBeVisible();
  await expect(page.locator('#policy-group-other')).toHaveText('Other cities\' practice (for reference)');
  await expectNoAxeViolations(page);
  await openDocument(page, SUZHOU);
  await expect(page.locator('.policy-other-city')).toContainText('This is a document of Suzhou');
  await expect(page.locator('.policy-meta')).toContainText('Occasion');
});
