/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { createCommunity } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

describe('a community reads, edits and prints its handbook', () => {
  it('opens the handbook written for it, edits a chapter as administrator, sees the revision, and prints to PDF', async () => {
    const founder = `hb-${Date.now().toString(36)}`;
    const slug = await createCommunity(port, founder);
    const site = `http://${slug}.localhost:${port}`;
    const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
    const page = await context.newPage();

    await page.goto(`${site}/sign-in?as=${founder}&name=${encodeURIComponent('周老师')}&next=%2Fhandbooks`);
    await page.waitForURL(`${site}/handbooks`);
    await page.getByRole('link', { name: '社区互助会操作手册' }).click();
    await page.locator('section.chapter').first().waitFor();
    expect(await page.locator('section.chapter').count()).toBe(20);
    // Written for this community: its name and its residents' committee appear; no raw placeholder anywhere.
    const text = await page.locator('article.handbook').innerText();
    expect(text).toContain('梧桐里');
    expect(text).toContain('梧桐社区居委会');
    expect(text).not.toContain('{{');
    expect(text).toContain('（待填写：');
    await page.screenshot({ path: `${screenshotDir}/10-handbook-reader.png` });

    // Search within the handbook.
    await page.getByRole('searchbox', { name: '在本手册中搜索' }).fill('结余');
    await expect.poll(() => page.locator('section.chapter').count()).toBeLessThan(20);
    expect(await page.getByRole('status').innerText()).toContain('结余');
    await page.getByRole('searchbox', { name: '在本手册中搜索' }).fill('');

    // Edit a chapter with live preview.
    await page.locator('#volunteers').getByRole('link', { name: '编辑' }).click();
    const body = page.getByLabel('正文（Markdown）');
    await body.waitFor();
    await expect.poll(() => body.inputValue()).toContain('志愿');
    await body.fill(`${await body.inputValue()}\n\n## 本社区约定\n\n{{community.name}}每月第一个周六是志愿者日。`);
    await expect.poll(() => page.locator('.preview').innerText()).toContain('梧桐里每月第一个周六是志愿者日');
    await page.getByLabel('修改说明').fill('加上志愿者日');
    await page.screenshot({ path: `${screenshotDir}/11-chapter-editor.png`, fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存为第 2 版。').waitFor();

    // The revision is in the history, with a diff.
    await page.getByRole('link', { name: '修订历史' }).click();
    await page.locator('tr[data-revision="2"]').waitFor();
    expect(await page.locator('tr[data-revision]').count()).toBe(2);
    expect(await page.locator('tr[data-revision="2"]').innerText()).toContain('加上志愿者日');
    await page.locator('ins.diff-added').first().waitFor();
    expect(await page.locator('ins.diff-added').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('志愿者日')]));
    await page.screenshot({ path: `${screenshotDir}/12-chapter-history.png`, fullPage: true });

    // Print: a cover, contents and one page break per chapter, checked in the PDF itself.
    await page.getByRole('link', { name: '返回手册' }).click();
    await page.locator('section.chapter').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${screenshotDir}/operating-handbook.pdf`, pdf);
    const pdfText = execFileSync('pdftotext', ['-layout', `${screenshotDir}/operating-handbook.pdf`, '-'], { encoding: 'utf8' });
    const pages = execFileSync('pdfinfo', [`${screenshotDir}/operating-handbook.pdf`], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThan(22);
    for (const title of ['社区互助会操作手册', '梧桐里', '目录', '五大运营规则', '志愿者', '梧桐里每月第一个周六是志愿者日']) {
      expect(pdfText.replace(/\s+/g, '')).toContain(title.replace(/\s+/g, ''));
    }
    await context.close();
  });

  it('shows the canvas as a board of four systems around the nine modules', async () => {
    const slug = await createCommunity(port, `cv-${Date.now().toString(36)}`);
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://${slug}.localhost:${port}/canvas`);
    await page.getByTestId('canvas-board').waitFor();
    expect(await page.locator('.canvas-cell').count()).toBe(13);
    const resources = await page.locator('[data-canvas="core-resources"]').boundingBox();
    const people = await page.locator('[data-canvas="people-served"]').boundingBox();
    // A board, not a list: the systems sit side by side on a wide screen.
    expect(resources && people && people.x > resources.x + 300).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/13-canvas-board.png`, fullPage: true });
    await page.close();
  });
});
