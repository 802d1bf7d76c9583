/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const browser = useBrowser();
const host = 'cuizhuyuan.localhost';
const base = `http://${host}:${port}`;
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/programs-${name}.png`, fullPage: true });

/** A phone-sized, Chinese browser; signed in through the dev sign-in page when `userId` is given. */
async function phone(userId?: string, name?: string, next = '/') {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (!userId) {
    await page.goto(`${base}${next}`);
    return page;
  }
  await page.goto(`${base}/sign-in?as=${userId}&name=${encodeURIComponent(name ?? userId)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${base}${next}`);
  return page;
}

/** Nothing wider than the phone: a page that scrolls sideways at 360 px is broken there. */
const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe("each program's own page, in Chinese, at phone width, through the pages only", () => {
  it('a visitor opens a program from the home page; an administrator puts a section in the community’s words and finds it in the history', {
    timeout: 180_000,
  }, async () => {
    // 1. A visitor opens 明志书屋 from the home page's program cards.
    const visitor = await phone();
    await visitor.getByTestId('programs').getByRole('link', { name: '明志书屋' }).click();
    await visitor.waitForURL(`${base}/programs/library`);
    await visitor.getByRole('heading', { level: 1, name: '明志书屋' }).waitFor();
    const howTo = visitor.locator('[data-section="how-to-run"]');
    await howTo.getByText('本社区的说法').waitFor();
    await howTo.getByText('周日下午 2 点到 5 点加开一班', { exact: false }).waitFor();
    await visitor.getByRole('link', { name: '打开' }).waitFor();
    await visitor.getByText('志愿者的名字只对本社区成员显示。').waitFor();
    const table = visitor.getByTestId('program-figures');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await visitor.getByRole('link', { name: /编辑/ }).count()).toBe(0);
    expect(await fitsThePhone(visitor)).toBe(true);
    await shot(visitor, '01-library-visitor');

    // The hub's flea market counts for 彩虹屋: listed on its page, and its page links back to the program.
    await visitor.goto(`${base}/programs/charity-shop`);
    await visitor.getByRole('link', { name: '彩虹屋旧物交换日' }).click();
    await visitor.waitForURL(/\/activities\/\d+$/);
    await visitor.locator('.activity-program').getByRole('link', { name: '彩虹屋' }).waitFor();
    await shot(visitor, '02-flea-market');

    // 2. The administrator edits how 社区大学 is run, from the program's page.
    const admin = await phone('demo-admin', '周明', '/programs/university');
    await admin.getByRole('heading', { level: 1, name: '社区大学' }).waitFor();
    await admin.locator('[data-section="how-to-run"]').getByText('模板原文').waitFor();
    await admin.getByRole('heading', { name: '管理这个项目' }).waitFor();
    await admin.getByTestId('program-figures').waitFor();
    expect(await fitsThePhone(admin)).toBe(true);
    await shot(admin, '03-university-admin');
    await admin.getByRole('link', { name: '编辑“怎么做”' }).click();
    await admin.waitForURL(`${base}/programs/university/how-to-run/edit`);
    const body = admin.getByLabel('正文（Markdown）');
    await expect.poll(() => body.inputValue(), { timeout: 15_000 }).toMatch(/^1\. /);
    await body.fill(
      '1. 每学期开学前一个月，在楼栋群征集**居民老师**和课程\n2. 每门课 8–20 人，AA 收费，结余进社区大学基金\n3. 期末办一次汇报展',
    );
    await admin.locator('.preview strong').getByText('居民老师').waitFor();
    await admin.getByLabel('这次改了什么').fill('按本小区的学期安排改写');
    await shot(admin, '04-editor');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('status').filter({ hasText: '已保存为第 2 版。' }).waitFor();

    // 3. The history keeps the template's text and the edit, with who made it.
    await admin.getByRole('link', { name: '修改记录' }).click();
    await admin.waitForURL(`${base}/programs/university/how-to-run/history`);
    const history = admin.getByTestId('section-history');
    await history.locator('tr[data-revision="2"]').getByText('按本小区的学期安排改写').waitFor();
    await history.locator('tr[data-revision="2"]').getByText(/周明/).waitFor();
    await history.locator('tr[data-revision="1"]').getByText('模板原文').waitFor();
    await admin.locator('.diff-added').first().waitFor();
    await shot(admin, '05-history');

    // Back on the page, everyone reads the community's words.
    await visitor.goto(`${base}/programs/university`);
    const section = visitor.locator('[data-section="how-to-run"]');
    await section.getByText('本社区的说法').waitFor();
    await section.locator('strong').getByText('居民老师').waitFor();
    await shot(visitor, '06-university-visitor');
  });
});
