import { test, expect, appReady, expectNoAxeViolations } from './fixtures';
import { uiLogin } from './staff-api';
import { startServerAt, LaterServer } from './later-server';
import { ADMIN_USERNAME, ADMIN_PASSWORD } from '../staff-credentials';

// Notices (通知公告): an administrator publishes one on the workbench and the home page shows it
// from its first day. The notice starts on a later day than the main server's pinned today, so
// the home page other tests look at never shows it; a second server whose clock says that day
// shows it (later-server.ts).

let later: LaterServer | undefined;

test.afterEach(async () => {
  await later?.stop();
  later = undefined;
});

test('an administrator publishes a notice, the home page shows it from its first day in both languages, and withdrawing takes it down', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await uiLogin(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '通知公告' }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/notices$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('通知公告');
  await expectNoAxeViolations(page);

  // Nothing filled in: the summary and each field say what is missing.
  await page.getByRole('button', { name: '发布', exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(5);
  await expect(page.locator('#notice-title_en-error')).toContainText('公告的中英文内容都要填写');
  await expect(page.locator('#notice-starts_on-error')).toContainText('请填写开始展示的日期');
  await expectNoAxeViolations(page);

  const title = `元旦前后现场咨询安排 ${Math.floor(Math.random() * 1e6)}`;
  await page.getByLabel('重要').check();
  await page.locator('#notice-title_zh').fill(title);
  await page.locator('#notice-body_zh').fill('12月31日下午起暂停现场咨询。\n线上申请照常受理。');
  const titleEn = `In-person consultations around New Year ${title.split(' ')[1]}`;
  await page.locator('#notice-title_en').fill(titleEn);
  await page.locator('#notice-body_en').fill('No in-person consultations from the afternoon of 31 December.\nOnline requests as usual.');
  await page.locator('#notice-starts_on').fill('2026-12-10');
  // Typed in the wrong order: the page says so before anything is sent, keeping every answer.
  await page.locator('#notice-ends_on').fill('2026-12-01');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.locator('#notice-ends_on-error')).toContainText('结束日期不能早于开始日期');
  await expect(page.locator('#notice-title_zh')).toHaveValue(title);
  await page.locator('#notice-ends_on').fill('2026-12-31');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('通知已发布。');
  await expect(page.getByRole('status')).toBeFocused();
  const card = page.locator('.notice-admin', { hasText: title });
  await expect(card).toContainText('待发布');
  await expect(card).toContainText('2026年12月10日 – 2026年12月31日');
  await expect(page.locator('#notice-title_zh')).toHaveValue('');
  await expectNoAxeViolations(page);

  // Today (the pinned 2026-11-20) the home page does not show it yet.
  const api = page.context().request;
  const today = await (await api.get('/api/v1/notices')).json();
  expect(today.items.map((n: { title_zh: string }) => n.title_zh)).not.toContain(title);

  // On its first day it is there, marked important in words, with its last day.
  later = await startServerAt('2026-12-10T09:00:00+08:00');
  const home = await page.context().newPage();
  await home.setViewportSize({ width: 360, height: 740 });
  await home.goto(`${later.baseURL}/`);
  await appReady(home);
  const notices = home.getByRole('region', { name: '通知公告' });
  const item = notices.locator('.service-notice', { hasText: title });
  await expect(item.getByRole('heading', { level: 3 })).toHaveText(`重要 ${title}`);
  await expect(item).toContainText('线上申请照常受理。');
  await expect(item).toContainText('有效期至 2026年12月31日 星期四');
  await expectNoAxeViolations(home);
  await home.getByRole('button', { name: 'English' }).click();
  const itemEn = home.getByRole('region', { name: 'Notices' }).locator('.service-notice', { hasText: titleEn });
  await expect(itemEn.getByRole('heading', { level: 3 })).toHaveText(`Important ${titleEn}`);
  await expect(itemEn).toContainText('Until Thursday 31 December 2026');
  await expectNoAxeViolations(home);

  // Changed: the home page shows the new text at once.
  await card.getByRole('button', { name: `修改 ${title}` }).click();
  await expect(page.getByRole('heading', { name: '修改通知' })).toBeFocused();
  await expect(page.locator('#notice-title_zh')).toHaveValue(title);
  await page.locator('#notice-body_zh').fill('12月31日全天暂停现场咨询。');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status')).toHaveText('修改已保存。');
  await home.getByRole('button', { name: '中文' }).click();
  await home.reload();
  await appReady(home);
  await expect(item).toContainText('12月31日全天暂停现场咨询。');

  // Withdrawn: gone from the home page, kept on the workbench as withdrawn.
  await card.getByRole('button', { name: `撤下 ${title}` }).click();
  await expect(page.getByRole('status')).toHaveText('通知已撤下，首页不再展示。');
  await expect(card).toContainText('已撤下');
  await expect(card.getByRole('button')).toHaveCount(0);
  await home.reload();
  await appReady(home);
  await expect(home.locator('.service-notice', { hasText: title })).toHaveCount(0);
});
