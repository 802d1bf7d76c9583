/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const platform = `http://localhost:${port}`;
const browser = useBrowser();

describe('a new user starts a community, in Chinese, at phone width', () => {
  it('signs in, creates a community with the wizard, and lands on its subdomain with the nine programs', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const slug = `e2e-${Date.now().toString(36)}`;

    await page.goto(`${platform}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('复制到你的小区');
    await page.screenshot({ path: `${screenshotDir}/01-platform-home.png`, fullPage: true });

    await page.getByRole('link', { name: '登录' }).click();
    await page.getByLabel('用户名（字母、数字、- 或 _）').fill(`founder-${slug}`);
    await page.getByLabel('显示名称').fill('林晓');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('已登录：林晓').waitFor();

    await page.getByRole('link', { name: '创建社区' }).first().click();
    await page.getByLabel('社区中文名称').fill('山水花园');
    await page.getByRole('button', { name: '根据名称生成' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: '网址' }).inputValue()).toBe('shanshuihuayuan');
    await page.getByRole('textbox', { name: '网址' }).fill(slug);
    await page.screenshot({ path: `${screenshotDir}/02-wizard-basics.png`, fullPage: true });
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('城市').fill('南京');
    await page.getByLabel('户数').fill('640');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('楼栋数量').fill('5');
    await expect(page.getByText('将创建 5 栋').textContent()).resolves.toContain('1栋');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('居委会名称（可选）').fill('山水社区居委会');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '创建社区' }).click();

    await page.waitForURL(`http://${slug}.localhost:${port}/admin`, { timeout: 20_000 });
    await page.getByTestId('checklist').locator('li').first().waitFor();
    await page.screenshot({ path: `${screenshotDir}/03-admin-checklist.png`, fullPage: true });
    expect(await page.getByTestId('checklist').locator('li').count()).toBe(7);

    await page.goto(`http://${slug}.localhost:${port}/`);
    await page.getByTestId('programs').locator('li').first().waitFor();
    expect(await page.getByTestId('programs').locator('li').count()).toBe(9);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('山水花园');
    expect(await page.getByText('明志书屋').count()).toBe(1);
    expect(await page.getByText('多方联席会议').count()).toBeGreaterThan(0);
    expect(await page.getByText('山水社区居委会').count()).toBe(1);
    // Nothing overflows sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${screenshotDir}/04-community-home.png`, fullPage: true });
    await context.close();
  });

  it('shows a real "No such community" page for an unknown address, never the app', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 700 } });
    const response = await page.goto(`http://no-such-place.localhost:${port}/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('没有这个社区');
    expect(await page.locator('#root').count()).toBe(0);
    await page.screenshot({ path: `${screenshotDir}/05-no-such-community.png` });
    await page.close();
  });

  it('switches the demo community to English and large text, by keyboard', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`http://cuizhuyuan.localhost:${port}/`);
    await page.getByTestId('programs').locator('li').first().waitFor();
    const english = page.getByRole('button', { name: 'English' });
    await english.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nine mutual-aid programs' }).waitFor();
    await page.getByRole('button', { name: 'Large text' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${screenshotDir}/06-demo-english-large.png`, fullPage: true });
    await page.close();
  });
});
