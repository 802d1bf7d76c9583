/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const browser = useBrowser();
const host = 'cuizhuyuan.localhost';
const base = `http://${host}:${port}`;
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/shop-${name}.png`, fullPage: true });

/** A phone-sized Chinese browser on the demo community, signed in through the dev sign-in page (or a visitor). */
async function pageAs(userId: string | null, name: string, next: string) {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (!userId) {
    await page.goto(`${base}${next}`);
    return page;
  }
  await page.goto(`${base}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${base}${next}`);
  return page;
}

/** The takings of the newest month in the public statement, in fen. */
async function newestTakings(page: Page) {
  const cell = page.locator('table.shop-months tbody tr').first().locator('td.takings');
  await cell.waitFor();
  const text = (await cell.textContent()) ?? '';
  return Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
}

describe('彩虹屋 at phone width in Chinese, through the pages only', () => {
  it('takes a donated item in and labels it, sells it, closes the day, and the takings appear in the public statement', {
    timeout: 180_000,
  }, async () => {
    // A visitor reads the statement before.
    const visitor = await pageAs(null, '', '/shop');
    await visitor.getByRole('heading', { name: '每月公开' }).waitFor();
    const before = await newestTakings(visitor);
    await shot(visitor, '01-statement-visitor');
    expect(await visitor.locator('body').textContent()).not.toContain('王小雨');

    // The shop volunteer (the building-contact persona in the demo) takes a pair of rain boots in at ¥5.
    const desk = await pageAs('demo-contact', '李建国', '/shop/desk');
    await desk.getByRole('heading', { name: '收货' }).waitFor();
    await desk.getByLabel('物品', { exact: true }).fill('儿童雨靴 28 码');
    await desk.getByLabel('品类').selectOption({ label: '衣物' });
    await desk.locator('section.intake').getByRole('radio', { name: '¥5.00' }).check();
    await desk.getByRole('button', { name: '入库并生成价签' }).click();
    const status = desk.getByRole('status').filter({ hasText: '已入库' });
    await status.waitFor();
    const code = /CH-\d{4,}/.exec((await status.textContent()) ?? '')?.[0];
    expect(code).toBeDefined();
    await desk.locator(`figure.shop-label[data-code="${code}"] svg`).waitFor();
    await shot(desk, '02-desk-label');
    await desk.emulateMedia({ media: 'print' });
    await desk.screenshot({ path: `${screenshotDir}/shop-03-label-print.png` });
    await desk.emulateMedia({ media: 'screen' });

    // Two taps: the code, then the price band.
    await desk.getByLabel('物品编号').fill(code!);
    await desk.getByRole('button', { name: '查找' }).click();
    await desk.getByRole('button', { name: '确认售出 ¥5.00' }).click();
    await desk
      .getByRole('status')
      .filter({ hasText: `${code} 已售出` })
      .waitFor();

    // Closing: the recorded total includes the sale; the cash counted matches.
    const till = desk.locator('section.day-closing');
    await expect.poll(() => till.locator('.day-sales').textContent(), { timeout: 15_000 }).toContain(code!);
    const total = (await till.locator('.system-total').textContent()) ?? '';
    await till.getByLabel('清点现金（元）').fill(total.replace(/[^\d.]/g, ''));
    await shot(desk, '04-desk-closing');
    await till.getByRole('button', { name: '结束今天并记账' }).click();
    await till.getByRole('status').filter({ hasText: '已对账' }).waitFor();
    await shot(desk, '05-desk-closed');

    // The visitor sees the day's takings in the month's figures.
    await visitor.reload();
    await visitor.getByRole('heading', { name: '每月公开' }).waitFor();
    const totalFen = Math.round(Number(total.replace(/[^\d.]/g, '')) * 100);
    await expect.poll(() => newestTakings(visitor), { timeout: 15_000 }).toBe(before + totalFen);
    expect(totalFen).toBeGreaterThanOrEqual(500);
    await shot(visitor, '06-statement-after');
  });

  it('shows a member the stock and their donations, the administrator the settings, and the flea market series', {
    timeout: 120_000,
  }, async () => {
    const resident = await pageAs('demo-resident', '王小雨', '/shop');
    await resident.getByRole('heading', { name: '店里现在有什么' }).waitFor();
    await resident.locator('.stock-items li').first().waitFor();
    await shot(resident, '07-member-stock');
    const admin = await pageAs('demo-admin', '周明', '/shop/settings');
    await admin.getByLabel('价格档（元）').waitFor();
    await expect.poll(() => admin.getByLabel('价格档（元）').inputValue()).toContain('5');
    await admin.getByText('结对村小学的绘本').waitFor();
    await shot(admin, '08-settings');
    await admin.goto(`${base}/series/1`);
    await admin.getByRole('heading', { name: /定期活动：彩虹屋跳蚤市场/ }).waitFor();
    await admin.locator('.occurrences li').nth(2).waitFor();
    await shot(admin, '09-series');
  });
});
