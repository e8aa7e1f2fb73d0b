import { APIRequestContext } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, expectNoSidewaysScroll, tabTo } from './fixtures';
import { apiLogin, createAccount, submitRequest } from './staff-api';
import { STAFF_PASSWORD } from '../staff-credentials';

// Service rating (好差评) in the browser against the real server (clock pinned to Friday
// 2026-11-20 10:00). A rights-assistance request is concluded through the staff API; its
// applicant rates it by keyboard on a 360 px phone, on the rating page under the tracking link
// (another app: the tracking page links to it); a case handler answers
// the bad rating in the workbench's follow-up list; the applicant sees the reply. (Rating a
// booking is in later-clock.spec.ts, on a server whose clock says the day of the booking.)

/// A case handler account (created by the first administrator), logged in on `request`.
async function caseHandler(request: APIRequestContext, username: string): Promise<string> {
  await createAccount(request, username, ['case_handler']);
  return apiLogin(request, username, STAFF_PASSWORD);
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

test('an applicant rates a concluded case 不满意 by keyboard; a case handler answers it; the applicant sees the reply', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const handler = `handler.rating.${Math.random().toString(36).slice(2, 7)}`;
  const csrf = await caseHandler(request, handler);
  const { reference, tracking_token } = await submitRequest(request, '评价人');
  const caseId = await conclude(request, csrf, reference);

  // The applicant, on a phone, opens the tracking link: concluded, and the way to rate it.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/assistance/requests/${tracking_token}`);
  await appReady(page);
  const invite = page.locator('section.rating');
  await expect(invite.getByRole('heading', { level: 2 })).toHaveText('评价这次服务');
  await expect(invite.locator('input[type="radio"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Its page (another app) loads the request; the first time the network fails: retry.
  let dropped = false;
  await page.route(`**/api/v1/assistance/requests/${tracking_token}`, async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.abort('internetdisconnected');
  });
  await page.locator('body').focus();
  const rateLink = invite.getByRole('link', { name: '去评价' });
  await tabTo(page, rateLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/assistance/requests/${tracking_token}/rating`);
  await expect(page.locator('h1')).toHaveText('评价这次服务');
  await expect(page.getByRole('heading', { name: '网络连接失败' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('group', { name: '您对这次服务满意吗？' })).toBeVisible();
  await expect(page.locator('h1')).toHaveText('评价这次服务');
  await expect(page.locator('input[type="radio"]')).toHaveCount(5);
  await expect(page.getByRole('link', { name: '返回您的申请' })).toHaveAttribute('href', `/assistance/requests/${tracking_token}`);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Keyboard only: the comment first, then send without a level: the error summary.
  const comment = '办理时间比预期长，中途没有人告诉我进展。';
  await page.locator('body').focus();
  await tabTo(page, page.locator('#rating-level'));
  await page.keyboard.press('Tab');
  await expect(page.locator('#rating-comment')).toBeFocused();
  await page.keyboard.type(comment);
  await expect(page.locator('#rating-comment-count')).toHaveText(`还可以输入 ${500 - comment.length} 个字`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '提交评价' })).toBeFocused();
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
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
  await expect(page.getByRole('button', { name: '提交评价' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Back on the request's page: thanks (focused), the rating, the promise of a reply, and
  // 已评价 on the timeline.
  const thanks = page.locator('#done-notice');
  await expect(thanks).toHaveText('感谢您的评价。');
  await expect(thanks).toBeFocused();
  await expect(page).toHaveURL(`/assistance/requests/${tracking_token}`);
  await expect(page.locator('section.rating')).toContainText('您的评价：不满意');
  await expect(page.locator('section.rating')).toContainText(comment);
  await expect(page.locator('section.rating')).toContainText('我们会跟进您的意见，并在这里答复您。');
  await expect(page.getByRole('link', { name: '去评价' })).toHaveCount(0);
  await expect(page.locator('.timeline__item').last()).toContainText('已评价');
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Rated once: the rating page now says it cannot be done (and Back from the request's page
  // did not lead to the form: it was replaced).
  await page.goto(`/assistance/requests/${tracking_token}/rating`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('评价这次服务');
  await expect(page.getByText('这份申请现在不能评价。申请办结后可以评价一次。')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);
  await expectNoAxeViolations(page);

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
