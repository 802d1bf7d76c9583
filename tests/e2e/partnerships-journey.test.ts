/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { createCommunity } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/partnerships-${name}.png`, fullPage: true });

/** A phone-sized Chinese browser signed in on `host` as its founder, on `next`. */
async function founderOn(host: string, userId: string, next: string) {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const site = `http://${host}:${port}`;
  await page.goto(`${site}/sign-in?as=${userId}&name=${encodeURIComponent('会长')}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${site}${next}`);
  return page;
}

describe('社区帮扶社区 at phone width, in Chinese, through the pages only', () => {
  it("admin A proposes a partnership, admin B accepts on B's site, and a designated donation shows in both ledgers", {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const [founderA, founderB] = [`pa-${stamp}`, `pb-${stamp}`];
    const slugA = await createCommunity(port, founderA);
    const slugB = await createCommunity(port, founderB);
    const [hostA, hostB] = [`${slugA}.localhost`, `${slugB}.localhost`];

    // 1. A's administrator proposes a partnership to B by its address.
    const a = await founderOn(hostA, founderA, '/partnerships');
    await a.getByLabel('对方社区的网址（子域名）').fill(slugB);
    await a.getByLabel('结对目标（每行一条）').fill('共建亲子阅读角\n每年互访一次');
    await shot(a, '01-propose');
    await a.getByRole('button', { name: '提出结对', exact: true }).click();
    await a.getByText('等待对方答复').first().waitFor();
    const aPage = a.url();

    // 2. B's administrator sees the proposal on B's own site and accepts it.
    const b = await founderOn(hostB, founderB, '/partnerships');
    const waiting = b.getByRole('region', { name: '等待我们答复的结对邀请' });
    await waiting.waitFor();
    await shot(b, '02-waiting');
    await waiting.getByRole('button', { name: '同意结对' }).click();
    await b.locator('.partnership-list').getByRole('link', { name: '梧桐里' }).waitFor();
    await b.locator('.partnership-list').getByText('结对中').waitFor();

    // 3. A records a designated donation of ¥500.
    await a.goto(aPage);
    await a.getByText('结对中').first().waitFor();
    const form = a.getByRole('form', { name: '记录一笔捐赠' });
    await form.getByLabel('用途或物品').fill('阅读角书架');
    await form.getByLabel('金额（元）').fill('500');
    await form.getByRole('button', { name: '记录一笔捐赠' }).click();
    await form.getByRole('status').filter({ hasText: '已记录。' }).waitFor();
    const donation = a.locator('.entry-list li').filter({ hasText: '阅读角书架' });
    const reference = /编号 ([0-9A-F]{8})/.exec((await donation.textContent()) ?? '')?.[1];
    expect(reference).toMatch(/^[0-9A-F]{8}$/);
    await shot(a, '03-donation');

    // 4. Both ledgers show it, under the same reference: spending for A, income for B.
    await a.goto(`http://${hostA}:${port}/accounts/hub`);
    await a.getByRole('cell', { name: new RegExp(`帮扶捐赠给梧桐里：阅读角书架〔${reference}〕`) }).waitFor();
    await shot(a, '04-ledger-a');
    await b.goto(`http://${hostB}:${port}/accounts/hub`);
    await b.getByRole('cell', { name: new RegExp(`帮扶捐赠来自梧桐里：阅读角书架〔${reference}〕`) }).waitFor();
    await shot(b, '05-ledger-b');
    const width = await b.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
