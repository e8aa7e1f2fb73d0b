import { APIRequestContext, Browser, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, toEnglish } from './fixtures';
import { apiLogin, uiLogin } from './staff-api';
import { bookViaApi } from './booking-api';
import { ADMIN_USERNAME, ADMIN_PASSWORD } from '../staff-credentials';

// Where to go and who runs this site (issue #18): an administrator enters the center's address,
// phone, hours and map link and the site footer in the workbench; the booking confirmation, the
// center's "contact us" blocks and every app's footer show them (nothing before). The phone and
// filing numbers are MADE-UP TEST DATA. Other specs share this server and run in parallel: the
// data is cleared again at the end, and the booking is on a day and time no other spec uses.

const CENTER = 'nantong-ip-protection-center';
const ADDRESS = '南通市崇川区测试路 1 号（测试数据）';
const PHONE = '0513-00000000 转 8001';
const HOURS = '工作日 9:00–12:00\n13:30–17:00';
const MAP = 'https://uri.amap.com/marker?position=120.89,31.98';
const HOST = '南通市知识产权保护中心';
const ICP = '苏ICP备00000000号-1';
const POLICE = '苏公网安备 00000000000000号';

function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name, exact: true });
}

/// Clears what this spec entered, so the other specs see the shipped state again.
async function clear(request: APIRequestContext) {
  const csrf = await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
  const headers = { 'X-CSRF-Token': csrf };
  expect((await request.put(`/api/v1/staff/admin/venues/${CENTER}/contacts`, { data: {}, headers })).status()).toBe(200);
  expect((await request.put('/api/v1/staff/admin/site', { data: {}, headers })).status()).toBe(200);
}

/// A citizen's browser of its own.
async function citizen(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'zh-CN' });
  return context.newPage();
}

test('the administrator enters the center’s contacts and the footer; the booking confirmation, the contact blocks and the footer show them', async ({
  page,
  browser,
  request,
  consoleErrors,
}) => {
  test.setTimeout(150_000);
  consoleErrors.refusedOnPurpose([400], 'the refused values below (the server\'s check after the page\'s)');
  const { manage_token: token } = await bookViaApi(request, {
    topic: 'patent',
    venue: CENTER,
    date: '2026-12-08',
    time: '15:30',
    name: '周测试',
    mobile: '13900001808',
  });
  try {
    // Before: the confirmation gives no contacts and the footer no filing numbers.
    await page.goto(`/booking/manage/${token}`);
    await appReady(page);
    await expect(page.getByRole('heading', { name: '咨询地点的地址和联系方式' })).toHaveCount(0);
    await expect(page.locator('.site-footer__filing')).toHaveCount(0);
    await expect(page.locator('.site-footer').getByRole('link', { name: '无障碍声明' })).toBeVisible();

    // The overview says which venues have no contacts yet.
    await uiLogin(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
    const due = page.locator('.notice--warning', { hasText: '还没有填写地址、电话或办公时间' });
    await expect(due).toContainText('南通市知识产权保护中心');
    await due.getByRole('link', { name: '填写网点地址和联系方式' }).click();
    await expect(page).toHaveURL(/\/staff\/admin\/contacts$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务网点的地址和联系方式');
    // Every venue of the network, the partners where nothing is booked too.
    await expect(page.getByRole('heading', { level: 2, name: '“知联侨”知识产权海外服务中心' })).toBeVisible();
    const card = page.locator('section', { has: page.getByRole('heading', { name: '南通市知识产权保护中心' }) });
    await expect(card).toContainText('未填写');
    await expectNoAxeViolations(page);
    await card.getByRole('link', { name: '修改“南通市知识产权保护中心”的地址和联系方式' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('修改“南通市知识产权保护中心”的地址和联系方式');

    // Garbage is refused at its field, before sending (the shared check).
    await page.locator('#address').fill(ADDRESS);
    await page.locator('#phone').fill('请拨打总机');
    await page.locator('#map_url').fill('http://map.example.cn');
    await page.getByRole('button', { name: '保存地址和联系方式' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveCount(2);
    await expect(page.locator('#phone-error')).toContainText('请填写带区号的固定电话');
    await expect(page.locator('#map_url-error')).toContainText('https://');
    await expectNoAxeViolations(page);
    await page.locator('#phone').fill(PHONE);
    await page.locator('#opening_hours').fill(HOURS);
    await page.locator('#map_url').fill(MAP);
    await page.getByRole('button', { name: '保存地址和联系方式' }).click();
    const saved = page.locator('p.notice--success[role="status"]');
    await expect(saved).toHaveText('已保存。公众页面已显示新的地址和联系方式。');
    await expect(saved).toBeFocused();
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The footer: a wrong ICP number is named at its field; then all four are saved.
    await navLink(page, '网站页脚信息').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('网站页脚信息');
    await page.getByLabel('主办单位').fill(HOST);
    await page.getByLabel('ICP 备案号').fill('00000000');
    await page.getByLabel('公安备案号').fill(POLICE);
    await page.getByRole('button', { name: '保存页脚信息' }).click();
    await expect(page.locator('#icp_number-error')).toContainText('ICP备');
    await expectNoAxeViolations(page);
    await page.getByLabel('ICP 备案号').fill(ICP);
    await page.getByLabel('网站标识码').fill('0000000000');
    await page.getByRole('button', { name: '保存页脚信息' }).click();
    await expect(page.locator('p.notice--success[role="status"]')).toHaveText('页脚信息已保存。之后打开的每个页面的页脚都会显示。');
    await expectNoAxeViolations(page);

    // A citizen's browser: the confirmation says where to go and how to call.
    const theirs = await citizen(browser, page);
    await theirs.goto(`/booking/manage/${token}`);
    await appReady(theirs);
    await expect(theirs.getByRole('heading', { name: '咨询地点的地址和联系方式' })).toBeVisible();
    const contacts = theirs.locator('main .contacts');
    await expect(contacts).toContainText(ADDRESS);
    await expect(contacts.getByRole('link', { name: PHONE })).toHaveAttribute('href', 'tel:051300000000,8001');
    await expect(contacts.locator('.contacts__hours')).toHaveText(/工作日 9:00–12:00\s+13:30–17:00/);
    await expect(contacts.getByRole('link', { name: '在地图上查看位置' })).toHaveAttribute('href', MAP);
    // The footer, with the filing numbers linked where the rules say.
    const footer = theirs.locator('.site-footer');
    await expect(footer).toContainText(`主办单位：${HOST}`);
    await expect(footer).toContainText('网站标识码：0000000000');
    await expect(footer.getByRole('link', { name: ICP })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
    await expect(footer.getByRole('link', { name: POLICE })).toHaveAttribute(
      'href',
      'https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000',
    );
    await expectNoAxeViolations(theirs);
    await theirs.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(theirs);
    await toEnglish(theirs);
    await expect(theirs.getByRole('heading', { name: 'How to find and contact the place' })).toBeVisible();
    await expect(contacts.getByRole('link', { name: 'See where it is on a map' })).toBeVisible();
    await expect(footer).toContainText(`Run by: ${HOST}`);
    await expectNoAxeViolations(theirs);

    // "Contact the center" pages show the center's contacts (another app: the privacy notice).
    await theirs.goto('/accessibility');
    await appReady(theirs);
    const block = theirs.locator('main .contacts-block');
    await expect(block).toContainText('Nantong');
    await expect(block.getByRole('link', { name: PHONE })).toBeVisible();
    await expect(theirs.locator('.site-footer').getByRole('link', { name: ICP })).toBeVisible();
    await expectNoAxeViolations(theirs);
    await theirs.context().close();

    // The overview no longer lists the center.
    await page.goto('/staff');
    await appReady(page);
    await expect(due).toBeVisible();
    await expect(due).not.toContainText('南通市知识产权保护中心');
  } finally {
    await clear(request);
  }
});
