/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const browser = useBrowser();
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
async function axe(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => v.id);
  });
}

describe('an operator restores a backup as a new community', () => {
  it('opens the backups page, dry-runs a backup of 大方, restores it as a new community and opens its home page', {
    timeout: 240_000,
  }, async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const next = '/operator/backups';
    await page.goto(
      `http://localhost:${port}/sign-in?as=demo-operator&name=${encodeURIComponent('运营')}&next=${encodeURIComponent(next)}`,
    );
    await page.waitForURL(`http://localhost:${port}${next}`);
    await page.getByRole('heading', { name: '备份与恢复', level: 1 }).waitFor();
    // The demo seed backed every demo community up: the latest run is finished.
    await expect.poll(() => page.locator('#main').innerText(), { timeout: 30_000 }).toMatch(/完成于/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${screenshotDir}/70-backups.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '查看备份：大方' }).click();
    await page.getByRole('heading', { name: '“大方”的备份' }).waitFor();
    await page
      .getByRole('button', { name: /^试运行恢复 \d{4}-\d{2}-\d{2} 的备份$/ })
      .first()
      .click();
    await page.getByText('试运行只读取了备份和当前数据，没有改动任何内容。').waitFor();
    await page.screenshot({ path: `${screenshotDir}/71-backups-dry-run.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);

    const slug = `dafang-copy-${Date.now().toString(36)}`.slice(0, 32);
    await page.getByLabel('恢复为一个新社区（用于查看或对比，原社区不受影响）').check();
    await page.getByLabel('新社区的网址').fill(slug);
    await page.getByLabel('新社区的名称').fill('大方（恢复副本）');
    await page.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText('已恢复为新社区：').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${screenshotDir}/72-backups-restored.png`, fullPage: true });
    const link = page.getByRole('link', { name: slug });
    expect(await link.getAttribute('href')).toBe(`http://${slug}.localhost:${port}/`);

    const home = await context.newPage();
    await home.goto(`http://${slug}.localhost:${port}/`);
    await home.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => home.locator('#main').innerText(), { timeout: 30_000 }).toContain('大方（恢复副本）');
    await home.screenshot({ path: `${screenshotDir}/73-restored-home.png`, fullPage: true });
  });
});
