import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations } from './fixtures';
import { ADMIN_USERNAME, ADMIN_PASSWORD, STAFF_PASSWORD } from '../staff-credentials';

// Service rating (好差评) in the browser against the real server (clock pinned to Friday
// 2026-11-20 10:00). A rights-assistance request is concluded through the staff API; its
// applicant rates it on the tracking page by keyboard on a 360 px phone; a case handler answers
// the bad rating in the workbench's follow-up list; the applicant sees the reply. (Rating a
// booking needs a checked-in booking, which the pinned clock does not allow here: the API tests
// cover it.)

const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
  0x01, 0x00, 0x00, 0xff, 0xd9,
]);

async function apiLogin(request: APIRequestContext, username: string, password: string): Promise<string> {
  const response = await request.post('/api/v1/staff/session', { data: { username, password } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).csrf_token;
}

/// A case handler account (created by the first administrator), logged in on `request`.
async function caseHandler(request: APIRequestContext, username: string): Promise<string> {
  const admin = await apiLogin(request, ADMIN_USERNAME, ADMIN_PASSWORD);
  const created = await request.post('/api/v1/staff/accounts', {
    data: { username, display_name: `测试 ${username}`, roles: ['case_handler'], password: STAFF_PASSWORD },
    headers: { 'X-CSRF-Token': admin },
  });
  expect(created.status(), await created.text()).toBe(201);
  return apiLogin(request, username, STAFF_PASSWORD);
}

/// A complete request submitted through the public API.
async function submitRequest(request: APIRequestContext): Promise<{ reference: string; tracking_token: string }> {
  const created = await request.post('/api/v1/assistance/drafts');
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  const saved = await request.put(`/api/v1/assistance/drafts/${token}`, {
    data: {
      applicant: {
        kind: 'individual',
        name: '评价人',
        resident_id: '320611199003071232',
        mobile: '13812345678',
        acting_for_someone_else: false,
      },
      right: { type: 'trademark', number: '12345678', holder: '评价人', legal_status: 'in_force' },
      other_party: { name: '某某家纺店', online_link: 'https://shop.example.com/item/1', place: '某电商平台' },
      facts: { description: '对方在网店销售仿冒我方商标的床品。', discovered_on: '2026-11-01' },
      help: { types: ['rights_guidance'] },
      evidence: { complete: true },
      declaration: { accepted: true },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const uploaded = await request.post(`/api/v1/assistance/drafts/${token}/files?name=photo.jpg`, {
    headers: { 'Content-Type': 'image/jpeg' },
    data: JPEG,
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const submitted = await request.post(`/api/v1/assistance/drafts/${token}/submit`, {
    headers: { 'Idempotency-Key': `e2e-rating-${Math.random()}` },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  return submitted.json();
}

/// Takes the case to 已办结 through the staff API; answers the case's id.
async function conclude(request: APIRequestContext, csrf: string, reference: string): Promise<number> {
  const cases = await (await request.get('/api/v1/staff/cases?status=all&per_page=200')).json();
  const id = cases.items.find((c: { reference: string }) => c.reference === reference).id;
  for (const data of [
    { to: 'initial_review' },
    { to: 'accepted' },
    { to: 'assisting' },
    { to: 'concluded', outcome: '已指导申请人向电商平台投诉，侵权链接已删除。' },
  ]) {
    const answer = await request.post(`/api/v1/staff/cases/${id}/transition`, {
      data,
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  }
  return id;
}

/// Presses Tab until `selector` has focus (at most `max` times).
async function tabTo(page: Page, selector: string, max = 60) {
  const target = page.locator(selector);
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an applicant rates a concluded case 不满意 by keyboard; a case handler answers it; the applicant sees the reply', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const handler = `handler.rating.${Math.random().toString(36).slice(2, 7)}`;
  const csrf = await caseHandler(request, handler);
  const { reference, tracking_token } = await submitRequest(request);
  const caseId = await conclude(request, csrf, reference);

  // The applicant, on a phone, opens the tracking link: concluded, and the rating form.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  const rating = page.locator('section.rating');
  await expect(rating.getByRole('heading', { level: 2 })).toHaveText('评价这次服务');
  await expect(rating.getByRole('group', { name: '您对这次服务满意吗？' })).toBeVisible();
  await expect(rating.locator('input[type="radio"]')).toHaveCount(5);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Keyboard only: the comment first, then send without a level: the error summary.
  const comment = '办理时间比预期长，中途没有人告诉我进展。';
  await page.locator('body').focus();
  await tabTo(page, '#rating-level');
  await page.keyboard.press('Tab');
  await expect(page.locator('#rating-comment')).toBeFocused();
  await page.keyboard.type(comment);
  await expect(rating.locator('#rating-comment-count')).toHaveText(`还可以输入 ${500 - comment.length} 个字`);
  await page.keyboard.press('Tab');
  await expect(rating.getByRole('button', { name: '提交评价' })).toBeFocused();
  await page.keyboard.press('Enter');
  const summary = rating.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: '请选择您对这次服务的评价' })).toHaveAttribute('href', '#rating-level');
  await expect(page.locator('#rating-level-error')).toHaveText('请选择您对这次服务的评价');
  await expect(page.locator('#rating-comment')).toHaveValue(comment);
  await expectNoAxeViolations(page);

  // From the summary into the radios, down to 不满意, then send.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('#rating-level')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('不满意', { exact: true })).toBeChecked();
  await expect(page.getByLabel('不满意', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(rating.getByRole('button', { name: '提交评价' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Rated: thanks (focused), the rating, the promise of a reply, and 已评价 on the timeline.
  const thanks = page.locator('section.rating p.notice--success');
  await expect(thanks).toHaveText('感谢您的评价。');
  await expect(thanks).toBeFocused();
  await expect(page.locator('section.rating')).toContainText('您的评价：不满意');
  await expect(page.locator('section.rating')).toContainText(comment);
  await expect(page.locator('section.rating')).toContainText('我们会跟进您的意见，并在这里答复您。');
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);
  await expect(page.locator('.timeline__item').last()).toContainText('已评价');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // A case handler signs in and finds it in the follow-up list (open first).
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/staff/login');
  await appReady(page);
  await page.locator('#username').fill(handler);
  await page.locator('#password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览');
  const ratings = page.locator('section[aria-labelledby="ratings-heading"]');
  await expect(ratings.locator('caption')).toHaveText('各评价等级的评价数（预约咨询和维权援助）');
  await expect(ratings.locator('tbody tr', { hasText: '不满意' }).first()).toBeVisible();
  await expect(ratings.getByRole('link', { name: /待回复的差评：\d+ 条/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.locator('.staff-nav').getByRole('link', { name: '评价跟进' }).click();
  await expect(page).toHaveURL(/\/staff\/ratings$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('评价跟进');
  const card = page.locator('.rating-card', { has: page.getByRole('link', { name: reference }) });
  await expect(card).toContainText('不满意');
  await expect(card).toContainText('维权援助');
  await expect(card).toContainText(comment);
  await expect(card.getByRole('link', { name: reference })).toHaveAttribute('href', `/staff/cases/${caseId}`);
  await expectNoAxeViolations(page);

  // Replying: nothing typed is refused; then the reply is sent.
  await card.getByRole('button', { name: '发送回复' }).click();
  await expect(card.locator('.error-summary')).toBeFocused();
  await expect(card.locator('.field-error')).toHaveText('请填写回复内容');
  const reply = '非常抱歉。我们已安排专人每周向您通报进展，并改进了办结前的告知。';
  await card.getByLabel('回复评价人').fill(reply);
  await card.getByRole('button', { name: '发送回复' }).click();
  const notice = page.locator('p.notice--success[role="status"]');
  await expect(notice).toHaveText('回复已发送。');
  await expect(notice).toBeFocused();
  await expect(page.locator('.rating-card', { has: page.getByRole('link', { name: reference }) })).toHaveCount(0);

  // The answered ones show the reply; the filter is in the address.
  await page.locator('#follow-up').selectOption('answered');
  await page.getByRole('button', { name: '应用筛选' }).click();
  await expect(page).toHaveURL(/\/staff\/ratings\?follow_up=answered$/);
  const answered = page.locator('.rating-card', { has: page.getByRole('link', { name: reference }) });
  await expect(answered).toContainText(reply);
  await expect(answered).toContainText(`${handler} 回复`);
  await expect(answered.getByRole('button', { name: '发送回复' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);

  // The applicant reloads the tracking page and reads the center's reply.
  await page.goto(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  const rated = page.locator('section.rating');
  await expect(rated).toContainText('您的评价：不满意');
  await expect(rated.getByRole('heading', { name: '服务中心的回复' })).toBeVisible();
  await expect(rated).toContainText(reply);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});
