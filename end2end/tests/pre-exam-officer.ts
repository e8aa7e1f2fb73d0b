import { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, tabTo } from './fixtures';

// The pre-examination officer's steps in the workbench (issue #15), by keyboard, each checked
// with axe: shared by the firm's journey (pre-exam.spec.ts) and the officers' own spec
// (workbench-pre-exams.spec.ts). `page` is signed in to the workbench as an officer of the
// request's venue.

/// Presses the button named `name` by keyboard.
async function pressButton(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name, exact: true }), 120);
  await page.keyboard.press('Enter');
}

/// 受理: the request is accepted and under examination.
export async function accept(page: Page) {
  await pressButton(page, '受理');
  await expect(page.locator('.notice--success')).toBeVisible();
  await expect(page.locator('main')).toContainText('审查中');
}

/// One opinion with every defect at once (one line each); answers the opinion's list.
export async function askForAmendment(page: Page, formal: string[], substantive: string[]) {
  for (const [id, lines] of [['defects-formal', formal], ['defects-substantive', substantive]] as const) {
    await tabTo(page, page.locator(`#${id}`), 120);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(lines.join('\n'));
  }
  await pressButton(page, '发出补正意见');
  await expect(page.locator('main')).toContainText('需修改');
  const defects = page.locator('main ol').first();
  await expect(defects.locator('li')).toHaveCount(formal.length + substantive.length);
  await expectNoAxeViolations(page);
  return defects;
}

/// 预审合格 with the notice's number.
export async function pass(page: Page, noticeNumber: string) {
  await expect(page.locator('main')).toContainText('审查中');
  await tabTo(page, page.locator('#notice-number'), 120);
  await page.keyboard.type(noticeNumber);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toContainText('预审合格通知书');
  await expect(page.locator('main')).toContainText(noticeNumber);
  await expectNoAxeViolations(page);
}

/// 一致性审查 of the reported national application `number`, then 转入快速审查通道.
export async function forward(page: Page, number: string) {
  await expect(page.locator('main')).toContainText(number);
  await pressButton(page, '一致性审查通过，转入快速审查通道');
  await expect(page.locator('main')).toContainText('已转入快速审查通道');
  await expect(page.locator('#granted-on')).toBeVisible();
  await expectNoAxeViolations(page);
}
