/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

async function pageAs(host: string, userId: string, name: string, next: string) {
  const page = await (
    await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', acceptDownloads: true })
  ).newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now. */
async function axe(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => v.id);
  });
}

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86400_000 + hours * 3600_000).toISOString();

describe('我的数据: a resident sees their data, corrects it, and leaves with deletion', () => {
  it('downloads the file, corrects the name, leaves, and the name is gone from the pages that showed it', async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const adminToken = await tokenFor(port, host, founder, '会长');
    const admin = client(port, host, adminToken).api;
    const userId = `leaver-${stamp}`;
    const name = '郑晓敏';
    const token = await tokenFor(port, host, userId, name);
    const api = client(port, host, token).api;
    const me = bodyOf(await read(api.members.me.$post({ json: { displayName: name, privacyNoticeVersion: 1 } })), 201);
    const issue = bodyOf(
      await read(
        api.issues.$post({
          json: { title: '东门车棚顶漏雨', description: '下雨天车棚里的车座全湿了，希望修一下顶棚。', category: 'facilities' },
        }),
      ),
      201,
    );
    const activity = bodyOf(
      await read(
        admin.activities.$post({
          json: {
            title: '周六义剪',
            description: '为老人免费理发',
            startsAt: inDays(3),
            endsAt: inDays(3, 2),
            place: '活动室',
            capacity: 20,
            audience: 'residents',
            expectedParticipants: 10,
            surplusRatePercent: 0,
            costLines: [],
          },
        }),
      ),
      201,
    );
    for (const step of ['submit', 'approve', 'open'] as const)
      bodyOf(await read(admin.activities[':id'].steps.$post({ param: { id: String(activity.id) }, json: { step } })), 200);
    bodyOf(await read(api.activities[':id'].signups.$post({ param: { id: String(activity.id) }, json: {} })), 201);

    const page = await pageAs(host, userId, name, '/me/data');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('成员资料');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/my-data.png`, fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载我的数据（JSON 文件）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^huzhu-${slug}-my-data-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const file = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as {
      memberId: number;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(file.memberId).toBe(me.id);
    expect(file.tables.members?.[0]?.display_name).toBe(name);
    expect(file.tables.issues?.map((i) => i.id)).toEqual([issue.id]);
    expect(file.tables.signups?.length).toBe(1);

    const corrected = '郑晓敏阿姨';
    await page.goto(`http://${host}:${port}/me/profile`);
    await page.getByLabel('称呼').fill(corrected);
    await page.getByLabel('门牌（如 3-201）').fill('2-601');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('已保存。');
    await page.screenshot({ path: `${screenshotDir}/my-profile.png`, fullPage: true });

    await page.goto(`http://${host}:${port}/me/leave`);
    await page.getByLabel('离开并删除我的数据').check();
    await page.getByLabel('请输入“删除我的数据”以确认删除').fill('删除我的数据');
    await page.getByLabel('我明白离开后不再是本社区的成员').check();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/my-leave.png`, fullPage: true });
    await page.getByRole('button', { name: '离开并永久删除' }).click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('你的个人数据已删除。');

    const founderPage = await pageAs(host, founder, '会长', `/issues/${issue.id}`);
    await expect.poll(() => founderPage.locator('body').innerText(), { timeout: 20_000 }).toContain('东门车棚顶漏雨');
    const issueText = await founderPage.locator('body').innerText();
    expect(issueText).not.toContain(name);
    expect(issueText).toContain(`已离开的居民 #${me.id}`);
    await founderPage.goto(`http://${host}:${port}/activities/${activity.id}`);
    await expect.poll(() => founderPage.locator('body').innerText(), { timeout: 20_000 }).toContain('周六义剪');
    expect(await founderPage.locator('body').innerText()).not.toContain(name);
  });
});
