/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const host = 'cuizhuyuan.localhost';
const base = `http://${host}:${port}`;
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/courses-${name}.png`, fullPage: true });

/** A phone-sized Chinese browser signed in on 翠竹园 as one of the demo's people. */
async function pageAs(userId: string, name: string, next: string) {
  const context = await browser().newContext({
    viewport: { width: 360, height: 780 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${base}${next}`);
  return page;
}

/** A date on Shanghai's calendar `days` from now, as a date input takes it. */
const dayFromNow = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

describe('社区大学 at phone width, in Chinese: a course that does not reach its minimum', () => {
  it('is created with a fee, a minimum and a deadline; a resident enrols and pays; at the deadline it is cancelled, the resident told and refunded', {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString().slice(-5);
    const termName = `春季学期${stamp}`;
    const title = `书法入门${stamp}`;

    // 1. The administrator (周明) opens a term and creates a course: ¥300 of costs, at least 3 learners, enrol by the day after tomorrow.
    const admin = await pageAs('demo-admin', '周明', '/courses');
    await admin.getByRole('heading', { name: '社区大学', level: 1 }).waitFor();
    const termForm = admin.getByRole('form', { name: '新建学期' });
    await termForm.getByLabel('学期名称').fill(termName);
    await termForm.getByLabel('第一天').fill(dayFromNow(5));
    await termForm.getByLabel('最后一天').fill(dayFromNow(90));
    await termForm.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => admin.locator('#course-term option:checked').textContent()).toBe(termName);
    await admin.getByRole('link', { name: '新建课程' }).click();
    await admin.getByRole('heading', { name: '新建课程' }).waitFor();
    await expect.poll(() => admin.locator('#course-term option:checked').textContent()).toBe(termName);
    await admin.getByLabel('课程名称').fill(title);
    await admin.getByLabel('课程介绍').fill('从握笔和楷书的基本笔画练起，每次课带回一张作品。');
    await admin.getByLabel('外请老师姓名').fill('钱老师');
    await admin.getByLabel('最少开班人数').fill('3');
    await admin.getByLabel('最多人数').fill('12');
    await admin.getByLabel('报名截止').fill(`${dayFromNow(2)}T20:00`);
    await admin.getByLabel('地点', { exact: true }).fill('翠竹园活动中心二楼');
    await admin.getByLabel('课程成本（元）').fill('300');
    await admin.getByLabel('第 1 次开始').fill(`${dayFromNow(7)}T19:00`);
    await admin.getByLabel('第 1 次结束').fill(`${dayFromNow(7)}T20:30`);
    await shot(admin, '01-new-course');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.waitForURL(/\/courses\/\d+$/);
    const id = Number(/\/courses\/(\d+)$/.exec(admin.url())?.[1]);
    await admin.getByRole('heading', { name: title }).waitFor();
    const feeLine = admin.getByText(/学费 ¥\d+/);
    const fee = /学费 ¥(\d+)/.exec((await feeLine.textContent()) ?? '')?.[1];
    // ¥300 with the community's surplus, shared among the minimum of 3: more than ¥100 each.
    expect(Number(fee)).toBeGreaterThan(100);
    expect(await admin.getByText('已报 0 / 12 人（满 3 人开课）').count()).toBe(1);

    // 2. A resident (王小雨) finds it in the term and enrols; the fee is paid into the course's account.
    const resident = await pageAs('demo-resident', '王小雨', '/courses');
    await resident.locator('#course-term').selectOption({ label: termName });
    await resident.getByRole('link', { name: title }).click();
    await resident.getByRole('heading', { name: title }).waitFor();
    await resident.getByRole('button', { name: '报名', exact: true }).click();
    await resident.getByRole('status').filter({ hasText: '报名成功。' }).waitFor();
    await resident.getByText(`已报名 · 已交 ¥${fee}`).waitFor();
    await resident.getByText('已报 1 / 12 人（满 3 人开课）').waitFor();
    await shot(resident, '02-enrolled');

    // 3. The deadline passes with one learner of three: the deadline is moved to last night and the daily pass runs
    //    (the operator's run of the nightly job, which does each community's chores before its figures).
    const coordinator = client(port, host, await tokenFor(port, host, 'demo-admin', '周明')).api;
    bodyOf(
      await read(
        coordinator.courses[':id'].$patch({
          param: { id: String(id) },
          json: { enrolmentDeadline: new Date(Date.now() - 3600_000).toISOString() },
        }),
      ),
      200,
    );
    const operator = client(port, 'localhost', await tokenFor(port, 'localhost', 'demo-operator', '运营')).api;
    bodyOf(await read(operator.operator.metrics.runs.$post()), 202);
    await expect
      .poll(async () => bodyOf(await read(coordinator.courses[':id'].$get({ param: { id: String(id) } })), 200).status, {
        timeout: 60_000,
        interval: 1000,
      })
      .toBe('cancelled');

    // 4. The resident sees the course not running, their place cancelled and the fee refunded…
    await resident.reload();
    await resident.getByRole('heading', { name: title }).waitFor();
    await resident.getByText('未开课', { exact: true }).waitFor();
    await resident.getByText('报名已截止。').waitFor();
    await resident.getByText(`课程未开，已取消 · 已交 ¥${fee} · 已退款 ¥${fee}`).waitFor();
    expect(await resident.getByRole('button', { name: '报名', exact: true }).count()).toBe(0);
    await shot(resident, '03-cancelled');

    // …is told so among their notifications…
    await resident.goto(`${base}/notifications`);
    await resident.getByText(`《${title}》报名人数未达到开班人数，本学期不开课；已交的学费已全额退回。`).waitFor();
    await shot(resident, '04-notification');

    // …and on their timetable the enrolment shows paid and refunded.
    await resident.goto(`${base}/courses/mine`);
    await resident.getByText(`本人 · 课程未开，已取消 · 已交 ¥${fee} · 已退款 ¥${fee}`).waitFor();

    // 5. The course's account in the public ledger shows the fee in and the refund out, and nothing left.
    await resident.goto(`${base}/accounts`);
    await resident.getByRole('link', { name: `社区大学·${title}` }).click();
    await resident.waitForURL(`${base}/accounts/course:${id}`);
    await shot(resident, '05-ledger');
    await resident.getByRole('heading', { name: `社区大学·${title}`, level: 1 }).waitFor();
    const entries = resident.getByRole('region', { name: '收支记录' });
    await entries.getByText(`社区大学《${title}》学费`).waitFor();
    await entries.getByText(`社区大学《${title}》退费`).waitFor();
    await shot(resident, '06-ledger');
    const width = await resident.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
