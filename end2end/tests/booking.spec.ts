import { Locator, Page } from '@playwright/test';
import { test, expect, appReady, expectNoAxeViolations, tabTo } from './fixtures';
import { bookViaApi } from './booking-api';

// The server's clock is pinned (PORTAL_NOW in playwright.config.ts) to Friday 2026-11-20 10:00
// in Shanghai: the booking window starts on Monday 2026-11-23. Tests share one database and
// run in parallel, so each uses its own venue, day or mobile number.

/// Chooses a radio button the way keyboard users do: Tab into its group (one stop per group),
/// then arrow keys until it is the chosen one.
async function pickRadio(page: Page, target: Locator) {
  const group = await target.getAttribute('name');
  for (let i = 0; i < 60; i++) {
    const inGroup = await page.evaluate(
      (name) => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.type === 'radio' && el.name === name;
      },
      group,
    );
    if (inGroup) break;
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 40 && !(await target.isChecked()); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeChecked();
  await expect(target).toBeFocused();
}

/// The lines of an iCalendar file, unfolded.
function icsLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

async function ics(page: Page): Promise<string[]> {
  const href = await page
    .getByRole('link', { name: /加入日历|Add to calendar|从日历中删除|Remove from calendar/ })
    .getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  return icsLines(await response.text());
}

function field(lines: string[], name: string): string | undefined {
  return lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, '');
}

/// "2026-11-23" + "09:00" in Shanghai as the UTC form an .ics file uses.
function utcStamp(date: string, time: string): string {
  const d = new Date(`${date}T${time}:00+08:00`);
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

test('a complete booking on a 360 px phone with the keyboard only, then changed and cancelled from its link', async ({
  page,
}) => {
  // A whole journey with ten axe runs: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/booking');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('预约咨询');
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('link', { name: '开始预约' }));
  await page.keyboard.press('Enter');

  // Topic: Tab enters the radio group on its first option; Space chooses it.
  await expect(page.locator('h1')).toHaveText('您想咨询什么事项？');
  await expect(page.getByText('第 1 步，共 5 步')).toBeVisible();
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('radio', { name: '专利' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续' }));
  await page.keyboard.press('Enter');

  // Venue: only those offering patents; 启东 is listed as being set up, not choosable.
  await expect(page.locator('h1')).toHaveText('您想在哪里咨询？');
  await expect(page.getByRole('radio')).toHaveCount(3);
  await expect(page.getByText('筹建中，暂不能预约')).toBeVisible();
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('radio', { name: '南通市知识产权保护中心' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续' }));
  await page.keyboard.press('Enter');

  // Date: the calendar is for the eye; the radio list is what the keyboard reaches.
  await expect(page.locator('h1')).toHaveText('您想哪一天来？');
  await expect(page.locator('.cal')).toHaveAttribute('aria-hidden', 'true');
  const monday = page.getByRole('radio', { name: '2026年11月23日 星期一' });
  await expect(monday).toBeEnabled();
  // No weekend day is offered (the 2026 calendar has no 调休 working day in this window).
  await expect(page.getByRole('radio', { name: /星期六|星期日/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await tabTo(page, monday);
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续' }));
  await page.keyboard.press('Enter');

  // Time: for the day chosen, said above the question; seats left are shown per slot.
  await expect(page.locator('h1')).toHaveText('您想几点来？');
  await expect(page.getByText('您选择的日期：2026年11月23日 星期一')).toBeVisible();
  await expect(page.getByRole('link', { name: '更改日期' })).toHaveAttribute('href', '/booking/date');
  const nine = page.getByRole('radio', { name: '09:00–09:30' });
  await expect(page.locator('#time-hint').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await tabTo(page, nine);
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续' }));
  await page.keyboard.press('Enter');

  // Details.
  await expect(page.locator('h1')).toHaveText('您的信息');
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByLabel('姓名'));
  await page.keyboard.type('王小明');
  await tabTo(page, page.getByLabel('手机号码'));
  await page.keyboard.type('139 0000 1001');
  await tabTo(page, page.getByRole('checkbox', { name: '轮椅通道' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '继续' }));
  await page.keyboard.press('Enter');

  // Check your answers, each with a Change link.
  await expect(page.locator('h1')).toHaveText('请核对您的预约信息');
  const answers = page.locator('main');
  await expect(answers).toContainText('专利');
  await expect(answers).toContainText('南通市知识产权保护中心');
  await expect(answers).toContainText('2026年11月23日 星期一');
  await expect(answers).toContainText('09:00–09:30');
  await expect(answers).toContainText('王小明');
  await expect(answers).toContainText('轮椅通道');
  await expect(page.getByRole('link', { name: '更改 咨询事项' })).toHaveAttribute('href', '/booking/topic');
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('button', { name: '确认预约' }));
  await page.keyboard.press('Enter');

  // Confirmation at the manage link.
  await expect(page.locator('h1')).toHaveText('预约成功');
  await expect(page).toHaveURL(/\/booking\/manage\/[A-Za-z0-9_-]{43}\?new=1$/);
  const reference = (await page.locator('.reference').textContent())!;
  expect(reference).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await expect(page.locator('.summary-list')).toContainText('139****1001');
  await expect(page.getByRole('img', { name: '本预约管理链接的二维码' })).toBeVisible();
  await expect(page.getByText('请携带')).toBeVisible();
  await expectNoAxeViolations(page);

  let lines = await ics(page);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(field(lines, 'METHOD')).toBe('PUBLISH');
  expect(field(lines, 'SEQUENCE')).toBe('0');
  expect(field(lines, 'DTSTART')).toBe(utcStamp('2026-11-23', '09:00'));
  expect(field(lines, 'DTEND')).toBe(utcStamp('2026-11-23', '09:30'));
  const uid = field(lines, 'UID');
  expect(uid).toBeTruthy();

  // The page still works when opened again later (no "just booked" flag).
  const manageUrl = page.url().replace('?new=1', '');
  await page.goto(manageUrl);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('您的预约');
  await expect(page.locator('.summary-list')).toContainText(reference);

  // Change the time: another day, by keyboard.
  await tabTo(page, page.getByRole('link', { name: '改期' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('改期');
  await pickRadio(page, page.getByRole('radio', { name: '2026年11月24日 星期二' }));
  await pickRadio(page, page.getByRole('radio', { name: '10:00–10:30' }));
  await expect(page.getByRole('link', { name: '不改期，返回' })).toBeVisible();
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('button', { name: '确认改期' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('预约时间已更改')).toBeVisible();
  await expect(page).toHaveURL(`${manageUrl}?changed=1`);
  await expect(page.locator('.summary-list')).toContainText('2026年11月24日 星期二');
  await expect(page.locator('.summary-list')).toContainText('10:00–10:30');
  await expect(page.locator('.summary-list')).toContainText(reference);

  lines = await ics(page);
  expect(field(lines, 'UID')).toBe(uid);
  expect(field(lines, 'SEQUENCE')).toBe('1');
  expect(field(lines, 'DTSTART')).toBe(utcStamp('2026-11-24', '10:00'));

  // Cancel, by keyboard, after an "are you sure?".
  await tabTo(page, page.getByRole('link', { name: '取消预约' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('确定要取消这个预约吗？');
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole('button', { name: '是的，取消预约' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('这个预约已经取消，名额已释放。')).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('已取消');
  await expect(page.getByRole('link', { name: '改期' })).toHaveCount(0);
  // Nothing left to bring or keep: "book again" instead, and the file that takes it off a calendar.
  await expect(page.getByRole('heading', { name: '请携带' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: '本预约管理链接的二维码' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '重新预约' })).toHaveAttribute('href', '/booking');
  await expect(page.getByRole('link', { name: '从日历中删除（.ics）' })).toBeVisible();
  await expectNoAxeViolations(page);

  lines = await ics(page);
  expect(field(lines, 'METHOD')).toBe('CANCEL');
  expect(field(lines, 'UID')).toBe(uid);
  expect(field(lines, 'SEQUENCE')).toBe('2');
  expect(field(lines, 'STATUS')).toBe('CANCELLED');
});

test('English, with errors: a summary linking to each field, inline messages, answers kept, a reload loses nothing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/booking');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('Book a consultation');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Start now' }).click();

  // Continue without choosing: the summary takes focus and links to the first option.
  await expect(page.locator('h1')).toHaveText('What is the consultation about?');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Choose what the consultation is about' })).toHaveAttribute(
    'href',
    '#topic',
  );
  await expect(page.locator('#topic-error')).toHaveText('Choose what the consultation is about');
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: 'Trademarks' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('h1')).toHaveText('Where do you want the consultation?');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: /Home Textiles/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('h1')).toHaveText('Which day do you want to come?');
  await expectNoAxeViolations(page);
  // The calendar can be tapped too: it chooses the same day in the list.
  await page.locator('.cal__day--open').nth(2).click();
  await expect(page.getByRole('radio', { name: 'Wednesday 25 November 2026' })).toBeChecked();
  // …and answers the tap where it was made.
  await expect(page.locator('.cal__chosen')).toHaveText('Chosen: Wednesday 25 November 2026');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('h1')).toHaveText('What time do you want to come?');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: '14:00–14:30' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Bad details: both messages, in the summary and beside the fields; nothing typed is lost.
  await expect(page.locator('h1')).toHaveText('Your details');
  await page.getByLabel('Name').fill('Li Hua');
  await page.getByLabel('Mobile number').fill('12345');
  await page.getByLabel('What you want to ask (optional)').fill('专'.repeat(501));
  await expect(page.getByText('You have 1 characters too many')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(page.locator('#mobile')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#mobile-error')).toBeVisible();
  await expect(page.locator('#description-error')).toContainText('500');
  await expect(page.getByLabel('Name')).toHaveValue('Li Hua');
  await expectNoAxeViolations(page);

  // A reload (a phone that dropped the tab) keeps every answer.
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel('Name')).toHaveValue('Li Hua');
  await expect(page.getByLabel('Mobile number')).toHaveValue('12345');

  await page.getByLabel('Mobile number').fill('13900001002');
  await page.getByLabel('What you want to ask (optional)').fill('Someone copies our trademark on an online shop.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('h1')).toHaveText('Check your answers before booking');
  await expect(page.locator('.summary-list').first()).toContainText('Wednesday 25 November 2026');
  await expectNoAxeViolations(page);

  // "Change" goes back to the question and returns here once it is answered.
  await page.getByRole('link', { name: 'Change Time' }).click();
  await page.getByRole('radio', { name: '15:00–15:30' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('h1')).toHaveText('Check your answers before booking');
  await expect(page.locator('.summary-list').first()).toContainText('15:00–15:30');

  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.locator('h1')).toHaveText('Booking confirmed');
  await expect(page.getByText('What happens next')).toBeVisible();
  await expectNoAxeViolations(page);

  // The draft is gone: starting again starts empty.
  await page.goto('/booking/topic');
  await appReady(page);
  await expect(page.getByRole('radio', { name: 'Trademarks' })).not.toBeChecked();
});

test('a slot taken while the person checks their answers: told kindly, offered the next free times, nothing retyped', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([409], 'the slot taken while the person checks their answers');
  // Haian has 2 seats per slot.
  await page.goto('/booking/topic');
  await appReady(page);
  await page.getByRole('radio', { name: '专利' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: /海安/ }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: '2026年11月26日 星期四' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: '16:00–16:30' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('姓名').fill('赵六');
  await page.getByLabel('手机号码').fill('13900001003');
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('h1')).toHaveText('请核对您的预约信息');

  // Two other people take both seats meanwhile.
  for (const mobile of ['13900002001', '13900002002']) {
    await bookViaApi(request, {
      venue: 'haian-furniture-fast-rights-center',
      date: '2026-11-26',
      time: '16:00',
      mobile,
    });
  }

  await page.getByRole('button', { name: '确认预约' }).click();
  const panel = page.locator('.error-panel');
  await expect(panel.getByRole('heading', { name: '这个时段刚刚被约满了' })).toBeVisible();
  await expect(panel).toContainText('您填写的信息都已保留');
  await expectNoAxeViolations(page);
  await panel.getByRole('button', { name: '改为这个时段' }).first().click();
  await expect(page.getByText(/时间已改为 2026年11月26日 星期四 16:30–17:00/)).toBeVisible();
  await expect(page.locator('.summary-list').nth(1)).toContainText('赵六');
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.locator('h1')).toHaveText('预约成功');
  await expect(page.locator('.summary-list')).toContainText('16:30–17:00');
});

test('a booking found by reference and mobile number is shown masked, and can be cancelled', async ({
  page,
  request,
  consoleErrors,
}) => {
  consoleErrors.refusedOnPurpose([404], 'a lookup that finds nothing before the right one');
  const created = await bookViaApi(request, {
    venue: 'nantong-ip-protection-center',
    date: '2026-11-27',
    time: '11:00',
    name: '钱七',
    mobile: '13900003001',
  });
  await page.goto('/booking/find');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('查找我的预约');
  await expectNoAxeViolations(page);

  // A wrong number finds nothing, and says so without telling which part was wrong.
  await page.getByLabel('预约号').fill(created.booking.reference.toLowerCase());
  await page.getByLabel('手机号码').fill('13900003999');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.locator('.error-summary')).toContainText('没有找到与这个预约号和手机号码都相符的预约');

  await page.getByLabel('手机号码').fill('139 0000 3001');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.locator('h1')).toHaveText('您的预约');
  const facts = page.locator('.summary-list');
  await expect(facts).toContainText(created.booking.reference);
  await expect(facts).toContainText('钱*');
  await expect(facts).toContainText('139****3001');
  await expect(facts).not.toContainText('钱七');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '取消预约' }).click();
  await page.getByRole('button', { name: '是的，取消预约' }).click();
  await expect(page.getByText('这个预约已经取消，名额已释放。')).toBeVisible();

  // The manage link agrees.
  const answer = await request.get(`/api/v1/bookings/${created.manage_token}`);
  expect((await answer.json()).status).toBe('cancelled');
});

// The change page of a found booking is another app (a page load), which finds the booking again
// from the tab's session storage; back on the find page it shows its new time, and "find another
// booking" forgets it.
test('a found booking is changed on the next page, survives a reload there, and is forgotten on request', async ({
  page,
  request,
}) => {
  const created = await bookViaApi(request, {
    venue: 'nantong-ip-protection-center',
    date: '2026-11-25',
    time: '15:00',
    name: '孙九',
    mobile: '13900005001',
  });
  await page.goto('/booking/find');
  await appReady(page);
  await page.getByLabel('预约号').fill(created.booking.reference);
  await page.getByLabel('手机号码').fill('13900005001');
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.locator('h1')).toHaveText('您的预约');

  await page.getByRole('link', { name: '改期' }).click();
  await expect(page).toHaveURL('/booking/find/change');
  await expect(page.locator('h1')).toHaveText('改期');
  // A reload keeps the booking (it is found again).
  await page.reload();
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('改期');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: '2026年11月26日 星期四' }).check();
  await page.getByRole('radio', { name: '10:00–10:30' }).check();
  await page.getByRole('button', { name: '确认改期' }).click();

  await expect(page).toHaveURL('/booking/find?changed=1');
  await expect(page.getByText('预约时间已更改')).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('2026年11月26日 星期四');
  await expect(page.locator('.summary-list')).toContainText('10:00–10:30');
  await expect(page.locator('.summary-list')).toContainText('139****5001');
  const answer = await request.get(`/api/v1/bookings/${created.manage_token}`);
  expect((await answer.json()).date).toBe('2026-11-26');

  await page.getByRole('button', { name: '查找其他预约' }).click();
  await expect(page.getByLabel('预约号')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('booking-found'))).toBeNull();
  await page.goto('/booking/find/change');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('查找我的预约');
});

test('English: the booking, change, cancel and find pages', async ({ page, request }) => {
  test.setTimeout(60_000);
  const created = await bookViaApi(request, {
    venue: 'nantong-ip-protection-center',
    date: '2026-11-30',
    time: '14:30',
    name: 'Chen',
    mobile: '13900004001',
  });
  await page.goto('/booking');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`/booking/manage/${created.manage_token}`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Your booking');
  await expect(page.locator('.summary-list')).toContainText('Monday 30 November 2026');
  await expect(page.getByRole('img', { name: "QR code of this booking's manage link" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Change time' }).click();
  await expect(page.locator('h1')).toHaveText('Change the time');
  await expect(page.getByRole('radio', { name: 'Monday 30 November 2026' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Submitting without a choice says what is missing.
  await page.getByRole('button', { name: 'Change the time' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choose a day');
  await expectNoAxeViolations(page);
  // A day tapped on the calendar: its times come below all the days, and are brought into view.
  await page.locator('.cal__day--open').first().click();
  await expect(page.locator('.cal__chosen')).toContainText('Chosen: ');
  await expect(page.locator('#time-choice')).toBeInViewport();
  await page.getByRole('link', { name: 'Back to my booking' }).click();
  await page.getByRole('link', { name: 'Cancel booking' }).click();
  await expect(page.locator('h1')).toHaveText('Are you sure you want to cancel this booking?');
  await expect(page.locator('main')).toContainText(created.booking.reference);
  await expectNoAxeViolations(page);
  await page.goto('/booking/find');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Find my booking');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter the booking reference');
  await expectNoAxeViolations(page);
});

test('a lost answer: the person tries again and gets the one booking the server made, not two', async ({
  page,
  request,
}) => {
  const seatsLeft = async () => {
    const answer = await request.get(
      '/api/v1/booking/availability?venue=nantong-home-textiles-fast-rights-center&topic=copyright',
    );
    const days = (await answer.json()).days as { date: string; slots: { time: string; remaining: number }[] }[];
    return days.find((d) => d.date === '2026-12-01')!.slots.find((s) => s.time === '09:30')!.remaining;
  };
  const before = await seatsLeft();

  await page.goto('/booking/topic');
  await appReady(page);
  await page.getByRole('radio', { name: '著作权' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: /家纺/ }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: '2026年12月1日 星期二' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: '09:30–10:00' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByLabel('姓名').fill('孙八');
  await page.getByLabel('手机号码').fill('13900005001');
  await page.getByRole('button', { name: '继续' }).click();

  // The request reaches the real server, but its answer is lost on the way back.
  let dropped = false;
  await page.route('**/api/v1/bookings', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByRole('heading', { name: '预约没有完成' })).toBeVisible();
  await expect(page.getByText('重试不会产生重复的预约')).toBeVisible();
  expect(await seatsLeft()).toBe(before - 1);

  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.locator('h1')).toHaveText('预约成功');
  expect(await seatsLeft()).toBe(before - 1);
});

test('elder mode on a phone: every choice and button is at least 60 px tall, and the calendar gives way to the list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/booking/topic');
  await appReady(page);
  await page.getByRole('button', { name: '长辈版' }).click();
  await page.getByRole('radio', { name: '商标' }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: /家纺/ }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.locator('h1')).toHaveText('您想哪一天来？');
  await expect(page.locator('.cal')).toBeHidden();
  for (const target of [
    ...(await page.locator('.choice').all()),
    page.getByRole('button', { name: '继续' }),
    page.getByRole('link', { name: '返回上一步' }),
  ]) {
    const box = (await target.boundingBox())!;
    expect(box.height, await target.textContent()).toBeGreaterThanOrEqual(60);
  }
  await expectNoAxeViolations(page);
});

test('a manage link that names no booking says so and offers the search', async ({ page, consoleErrors }) => {
  consoleErrors.refusedOnPurpose([404], 'a manage link that names no booking');
  await page.goto('/booking/manage/not-a-real-token');
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('找不到这个预约');
  await expect(page.getByRole('link', { name: '查找我的预约' })).toBeVisible();
  await expectNoAxeViolations(page);
});
