/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/needs-${name}.png`, fullPage: true });

/** A phone-sized, Chinese browser signed in on the community host through the dev sign-in page. */
async function pageAs(host: string, userId: string, name: string, next: string) {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

/** A datetime-local value a number of days from now, at the given hour. */
function inDaysAt(days: number, hour: number) {
  const d = new Date(Date.now() + days * 86400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

describe('a need becomes an activity, in Chinese, at phone width, through the pages only', () => {
  it('a resident posts a need, a coordinator claims it and turns it into an activity, and the resident sees the activity on their need', {
    timeout: 180_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const base = `http://${host}:${port}`;
    const residentId = `res-${stamp}`;
    const residentToken = await tokenFor(port, host, residentId, '王小雨');
    bodyOf(
      await read(client(port, host, residentToken).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '王小雨' } })),
      201,
    );

    // 1. The resident posts a need from the register.
    const resident = await pageAs(host, residentId, '王小雨', '/needs');
    await resident.getByRole('heading', { name: '需求登记', level: 1 }).waitFor();
    await resident.getByLabel('需要什么').fill('周末有人教老人用手机吗？');
    await resident.getByLabel('补充说明（可选）').fill('家里老人想学视频通话和扫码付款。');
    await resident.getByLabel('类别', { exact: true }).selectOption({ label: '老人' });
    await resident.getByLabel('为谁登记', { exact: true }).selectOption({ label: '家人' });
    await resident.getByRole('button', { name: '登记需求' }).click();
    await resident.waitForURL(/\/needs\/\d+$/);
    const needPath = new URL(resident.url()).pathname;
    await resident.getByRole('heading', { name: '周末有人教老人用手机吗？' }).waitFor();
    await expect.poll(() => resident.locator('.tags').first().textContent()).toContain('未认领');
    await shot(resident, '01-posted');

    // 2. The association's administrator (a coordinator) finds it in the register and claims it.
    const admin = await pageAs(host, founder, '周老师', '/needs');
    await admin.getByRole('link', { name: '周末有人教老人用手机吗？' }).click();
    await admin.waitForURL(`${base}${needPath}`);
    await admin.getByRole('button', { name: '认领这个需求' }).click();
    await admin.getByRole('status').filter({ hasText: '已认领。' }).waitFor();
    await expect.poll(() => admin.locator('.tags').first().textContent()).toContain('已认领');

    // 3. … and turns it into a draft activity, prefilled from the need.
    const form = admin.locator('form.turn-into');
    await expect.poll(() => form.getByLabel('活动名称').inputValue()).toBe('周末有人教老人用手机吗？');
    await form.getByLabel('活动名称').fill('周六手机课堂');
    await form.getByLabel('开始时间').fill(inDaysAt(9, 14));
    await form.getByLabel('结束时间').fill(inDaysAt(9, 16));
    await form.getByLabel('地点').fill('社区活动室');
    await form.getByLabel('人数上限').fill('12');
    await shot(admin, '02-turn-into');
    await form.getByRole('button', { name: '确定' }).click();
    await admin.getByRole('status').filter({ hasText: '已变成一场活动（草稿）。' }).waitFor();
    await admin.getByRole('link', { name: '活动：周六手机课堂' }).click();
    await admin.waitForURL(/\/activities\/\d+$/);
    await admin.locator('.need-origin').getByText('来自需求登记：').waitFor();
    await admin.getByRole('link', { name: '周末有人教老人用手机吗？' }).waitFor();
    await shot(admin, '03-activity-from-need');

    // 4. The resident is told, and sees the activity on their need.
    await resident.goto(`${base}/notifications`);
    await expect
      .poll(() => resident.locator('main').textContent(), { timeout: 15_000 })
      .toContain('你登记的需求“周末有人教老人用手机吗？”已变成活动');
    await resident.goto(`${base}${needPath}`);
    await resident.getByRole('heading', { name: '已变成活动' }).waitFor();
    await expect.poll(() => resident.locator('.need-outcome').textContent()).toContain('活动：周六手机课堂');
    await shot(resident, '04-poster-sees-activity');

    // The register lists it as become an activity, with the figures below.
    await resident.goto(`${base}/needs`);
    await expect.poll(() => resident.locator('[data-need]').first().textContent()).toContain('已变成活动');
    await resident.getByRole('heading', { name: '近十二个月' }).waitFor();
    await shot(resident, '05-register');
  });
});
