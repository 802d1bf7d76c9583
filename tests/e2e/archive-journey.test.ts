/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { createCommunity } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/archive-${name}.png`, fullPage: true });

async function pageAs(host: string, userId: string, name: string, next: string) {
  const context = await browser().newContext({
    viewport: { width: 360, height: 780 },
    locale: 'zh-CN',
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

/** What a page shows in its main area, with the community's own name set aside. */
async function mainText(page: Page, url: string, names: string[]) {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  let text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const n of names) text = text.replaceAll(n, '〈社区〉');
  return text;
}

describe('a community takes its data to a new community, in Chinese, at phone width', () => {
  it('the administrator exports the demo community and imports it as a new one; home pages and the fund statement match', {
    timeout: 300_000,
  }, async () => {
    const source = 'cuizhuyuan.localhost';
    const admin = await pageAs(source, 'demo-admin', '周明', '/admin/data');
    await admin.getByRole('heading', { name: '数据导出与导入', level: 1 }).waitFor();
    await shot(admin, '01-page');
    const downloading = admin.waitForEvent('download');
    await admin.getByRole('button', { name: '开始导出' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^cuizhuyuan-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = `${screenshotDir}/archive-export.zip`;
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await admin.goto(`http://${source}:${port}/admin/data`);
    await admin.getByText('已完成').first().waitFor();
    await admin.getByText('下载链接').first().waitFor();
    await shot(admin, '02-exported');

    // A new community, signed up a moment ago; its founder imports the archive from the same page.
    const founder = `import-${Date.now().toString(36)}`;
    const slug = await createCommunity(port, founder);
    const target = `${slug}.localhost`;
    const page = await pageAs(target, founder, '管理员', '/admin/data');
    await page.getByRole('heading', { name: '从压缩包导入' }).waitFor();
    await page.getByLabel('选择压缩包（.zip）').setInputFiles(file);
    const importButton = page.getByRole('button', { name: '导入', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('我明白：导入会替换这个社区现在的初始内容').check();
    await importButton.click();
    await page.getByRole('status').filter({ hasText: '导入完成' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('import-closed').waitFor();
    await shot(page, '03-imported');

    const names = ['翠竹园', '梧桐里'];
    const viewer = await pageAs(source, 'demo-admin', '周明', '/');
    const otherViewer = await pageAs(target, 'demo-admin', '周明', '/');
    // The new community has one member more: its founder, who imported the archive and stays its administrator.
    const targetHome = (await mainText(otherViewer, `http://${target}:${port}/`, names)).replace(
      /([\d,]+) 位成员/,
      (_, n: string) => `${(Number(n.replaceAll(',', '')) - 1).toLocaleString('zh-CN')} 位成员`,
    );
    const sourceHome = await mainText(viewer, `http://${source}:${port}/`, names);
    expect(targetHome).toBe(sourceHome);
    const statement = '/accounts/hub';
    const sourceStatement = await mainText(viewer, `http://${source}:${port}${statement}`, names);
    expect(sourceStatement).toMatch(/¥/);
    expect(await mainText(otherViewer, `http://${target}:${port}${statement}`, names)).toBe(sourceStatement);
    await shot(otherViewer, '04-statement');
  });
});
