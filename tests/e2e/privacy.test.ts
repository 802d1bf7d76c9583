/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { createCommunity } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/privacy-${name}.png`, fullPage: true });
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** A phone-sized Chinese browser signed in on the community's host through the dev sign-in page. */
async function pageAs(host: string, userId: string, name: string, next: string) {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

/** axe-core's WCAG 2.1 A and AA findings on the page as it now stands. */
async function axe(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe.run;
    const result = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations as { id: string; nodes: { target: string[] }[] }[];
  });
  return violations.map((v) => ({ rule: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

describe('隐私告知 at phone width, in Chinese, through the pages only', () => {
  it('a new resident reads the notice and must agree to join; the administrator publishes a new version; the resident agrees again', {
    timeout: 240_000,
  }, async () => {
    const founder = `privacy-founder-${Date.now().toString(36)}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const base = `http://${host}:${port}`;
    const name = `新邻居${Date.now().toString().slice(-4)}`;

    // 1. The resident reads the notice: version 1, the community's name filled in, their rights and the periods.
    const resident = await pageAs(host, `privacy-res-${slug}`, name, '/privacy');
    await resident.getByRole('heading', { level: 1, name: '梧桐里 隐私告知' }).waitFor();
    const text = (await resident.textContent('main')) ?? '';
    for (const words of ['第 1 版', '活动结束 30 天后删除', '/me/data', '撤回同意']) expect(text).toContain(words);
    await shot(resident, '01-notice');
    expect(await axe(resident)).toEqual([]);

    // 2. Joining: the box 「我已阅读并同意《隐私告知》」 must be ticked; without it nothing is sent.
    await resident.goto(`${base}/join`);
    await resident.getByLabel('你希望邻居怎么称呼你').fill(name);
    await resident.getByText('阅读全文（第 1 版）').click();
    await resident.getByRole('heading', { name: '梧桐里 隐私告知' }).waitFor();
    const agree = resident.getByLabel('我已阅读并同意《隐私告知》');
    await resident.getByRole('button', { name: '加入', exact: true }).click();
    // The browser refuses the form (the box is required) and the page stays.
    expect(await agree.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
    expect(resident.url()).toBe(`${base}/join`);
    await agree.check();
    await resident.getByLabel('子女信息').check();
    await shot(resident, '02-join');
    await resident.getByRole('button', { name: '加入', exact: true }).click();
    await resident.waitForURL(`${base}/`);
    // Joined on the current version: no ask to agree again.
    await resident.getByRole('link', { name: '我的隐私' }).waitFor();
    expect(await resident.getByTestId('privacy-renew').count()).toBe(0);

    // 3. The founder (association administrator) publishes version 2 with a summary of what changed.
    const admin = await pageAs(host, founder, '管理员', '/admin/privacy');
    await admin.getByTestId('privacy-figures').waitFor();
    await expect.poll(() => admin.getByTestId('privacy-figures').textContent()).toContain('已同意当前版本1');
    await admin.getByLabel('本版变化（中文，必填）').fill('新增“照片的使用”：有孩子正脸的照片对外使用前先征得监护人同意。');
    const zh = admin.getByLabel('中文全文（Markdown）');
    await zh.fill(`${await zh.inputValue()}\n\n## 照片的使用\n\n有孩子正脸的照片对外使用前，先征得监护人同意。\n`);
    await shot(admin, '03-admin-draft');
    await admin.getByRole('button', { name: '发布第 2 版' }).click();
    await admin.getByRole('status').filter({ hasText: '已发布第 2 版。' }).waitFor();
    expect(await axe(admin)).toEqual([]);

    // 4. The resident is asked, politely, on the next page they open: the changes, a link, one button.
    await resident.goto(`${base}/`);
    const ask = resident.getByTestId('privacy-renew');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('《隐私告知》已更新到第 2 版');
    expect(await ask.textContent()).toContain('照片的使用');
    await shot(resident, '04-asked-again');
    await ask.getByRole('button', { name: '我已阅读并同意第 2 版' }).click();
    await resident.getByRole('status').filter({ hasText: '谢谢，已记录你的同意。' }).waitFor();
    expect(await resident.getByTestId('privacy-renew').count()).toBe(0);

    // 5. 我的隐私: the version agreed, the separate consents; phone given here; axe passes.
    await resident.goto(`${base}/me/privacy`);
    await resident.getByText(/同意了第 2 版《隐私告知》/).waitFor();
    expect(await resident.getByTestId('item-children-state').textContent()).toMatch(/^已同意/);
    const phone = resident.getByRole('listitem').filter({ hasText: '电话号码' });
    await phone.getByRole('button', { name: '同意' }).click();
    await expect.poll(() => resident.getByTestId('item-phone-state').textContent()).toMatch(/^已同意/);
    await shot(resident, '05-my-privacy');
    expect(await axe(resident)).toEqual([]);

    // The history lists both versions for anyone.
    await resident.goto(`${base}/privacy`);
    await resident.getByRole('link', { name: '查看第 1 版' }).waitFor();
    expect(await resident.textContent('main')).toContain('照片的使用');
  });
});
