/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const host = 'cuizhuyuan.localhost';
const base = `http://${host}:${port}`;
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/care-${name}.png`, fullPage: true });

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

describe('居家养老 at phone width, in Chinese, through the pages only', () => {
  it('a building contact registers an elder, a coordinator pairs a volunteer, whose visit raises a concern the coordinator sees', {
    timeout: 240_000,
  }, async () => {
    const elder = `钱奶奶${Date.now().toString().slice(-5)}`;

    // 1. The contact of building 1 (李建国) registers an elder of the building, with her consent given in person.
    const contact = await pageAs('demo-contact', '李建国', '/care/register');
    await contact.getByLabel('楼栋联络人代为登记').check();
    await contact.getByLabel('老人姓名').fill(elder);
    const building = contact.getByLabel('楼栋', { exact: true });
    await expect.poll(() => building.locator('option').count()).toBeGreaterThan(1);
    await building.selectOption({ index: 1 });
    await contact.getByLabel('门牌').fill('1-803');
    await contact.getByLabel('陪伴聊天').check();
    await contact.getByLabel('陪同就医').check();
    await contact.getByLabel('补充说明').fill('独居，耳朵有点背，敲门要用力');
    await contact.getByLabel('紧急联系人', { exact: true }).fill('钱军（儿子）');
    await contact.getByLabel('紧急联系人电话').fill('13912345678');
    await contact.getByLabel('老人怎样表示同意').selectOption('in-person');
    await shot(contact, '01-register');
    await contact.getByRole('button', { name: '提交登记' }).click();
    await contact.waitForURL(/\/care\/recipients\/\d+$/);
    await expect.poll(() => contact.getByRole('heading', { level: 1 }).textContent()).toBe(elder);
    expect(await contact.textContent('body')).toContain('楼栋联络人代为登记');

    // 2. The association's administrator (周明) pairs a young volunteer (徐涛, under 30) from the volunteer register.
    const coordinator = await pageAs('demo-admin', '周明', '/care/coordinator');
    const card = coordinator.getByRole('listitem').filter({ hasText: elder });
    const choose = card.getByLabel(`为${elder}选择志愿者`);
    const option = choose.locator('option', { hasText: '徐涛' });
    expect(await option.textContent()).toContain('30 岁以下');
    await choose.selectOption((await option.getAttribute('value')) ?? '');
    await card.getByRole('button', { name: '结对' }).click();
    await expect.poll(() => card.textContent()).toContain('结对：徐涛');
    await shot(coordinator, '02-paired');

    // 3. The volunteer finds the elder under 我的结对 and logs the visit with a concern.
    const volunteer = await pageAs('demo-neighbour-4', '徐涛', '/care');
    await volunteer.getByRole('link', { name: elder }).click();
    await volunteer.waitForURL(/\/care\/recipients\/\d+$/);
    await volunteer.getByLabel('做了什么').fill('陪聊天，帮忙把药按周分好');
    await volunteer.getByLabel('观察到的情况').fill('说这两天胸口发闷，没告诉儿子');
    await volunteer.getByLabel('需要关注（身体、情绪或居家安全有异常）').check();
    await volunteer.getByRole('button', { name: '保存探访记录' }).click();
    await expect.poll(() => volunteer.getByRole('status').first().textContent()).toContain('已通知协调员和楼栋联络人');
    await shot(volunteer, '03-visit-concern');

    // 4. The coordinator is told at once, and the concern waits on the list to be followed up.
    await coordinator.goto(`${base}/notifications`);
    await expect.poll(() => coordinator.textContent('body')).toContain(`徐涛探访${elder}`);
    await coordinator.goto(`${base}/care/coordinator`);
    const concerns = coordinator.getByRole('region', { name: '待跟进的关注' });
    await expect.poll(() => concerns.textContent()).toContain('胸口发闷');
    await shot(coordinator, '04-concern');
    // The contact of the building is told as well.
    await contact.goto(`${base}/notifications`);
    await expect.poll(() => contact.textContent('body')).toContain(`徐涛探访${elder}`);
  });
});
