/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const base = `http://cuizhuyuan.localhost:${port}`;
const browser = useBrowser();
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** A phone-sized Chinese browser signed in on 翠竹园 as one of the demo's people. */
async function pageAs(userId: string, name: string, next: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${base}${next}`);
  return page;
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => v.id);
  });
}

describe('数据保留 at phone width, in Chinese', () => {
  it('the admin finds the page from the settings, reads the periods and the last runs, and sets the care period', {
    timeout: 120_000,
  }, async () => {
    const admin = await pageAs('demo-admin', '周明', '/admin/settings');
    await admin.getByRole('link', { name: '数据保留' }).click();
    await admin.waitForURL(`${base}/admin/retention`);
    await admin.getByRole('heading', { level: 1, name: '数据保留' }).waitFor();
    await admin.getByText('活动或课程结束后保留 30 天').waitFor();
    // The demo's week of nightly runs, newest first; one of them erased an elder's ended care.
    const runs = admin.locator('ul.checklist > li');
    await expect.poll(() => runs.count()).toBeGreaterThanOrEqual(7);
    expect(await admin.locator('ul.checklist dd').allTextContents()).toContain('1');

    const care = admin.getByLabel('居家养老记录保留（月）');
    expect(await care.inputValue()).toBe('12');
    await care.fill('18');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('status').getByText('已保存').waitFor();
    await admin.reload();
    await expect.poll(() => admin.getByLabel('居家养老记录保留（月）').inputValue()).toBe('18');
    expect(await axeViolations(admin)).toEqual([]);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await admin.screenshot({ path: `${screenshotDir}/retention-admin.png`, fullPage: true });
    await admin.getByLabel('居家养老记录保留（月）').fill('12');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('status').getByText('已保存').waitFor();

    // A resident is told the page is the administrators'.
    const resident = await pageAs('demo-resident', '王小雨', '/admin/retention');
    await resident.getByText('只有社区互助会管理员可以查看数据保留设置。').waitFor();
  });
});
