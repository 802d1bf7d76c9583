/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, expectStatus, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

describe('a v1 community takes in version 2 of the model', () => {
  it('sees what changed, keeps its own edit where both changed, and updates the rest', async () => {
    const founder = `up-${Date.now().toString(36)}`;
    const slug = await createCommunity(port, founder, { template: 'cuizhuyuan@1' });
    const host = `${slug}.localhost`;
    const api = client(port, host, await tokenFor(port, host, founder, '周老师')).api;
    const operating = { param: { handbook: 'operating' }, query: { locale: 'zh-CN' as const } };
    const handbook = bodyOf(await read(api.handbooks[':handbook'].$get(operating)), 200);
    const chapter = handbook.chapters.find((c) => c.key === 'activity-process')!;
    const saved = await read(
      api.handbooks[':handbook'].chapters[':key'].$put({
        param: { handbook: 'operating', key: 'activity-process' },
        query: { locale: 'zh-CN' },
        json: {
          title: chapter.title,
          body: `${chapter.body}\n\n本社区约定：活动照片统一发到社区相册。`,
          summary: '相册约定',
          baseRevision: chapter.revision,
        },
      }),
    );
    expect(saved.status).toBe(200);

    const page = await browser().newPage({ viewport: { width: 360, height: 780 } });
    const site = `http://${host}:${port}`;
    await page.goto(`${site}/sign-in?as=${founder}&name=${encodeURIComponent('周老师')}&next=%2Fhandbooks`);
    await page.getByRole('link', { name: '查看更新内容' }).click();
    await page.getByTestId('upgrade-summary').waitFor();
    expect(await page.getByTestId('upgrade-summary').innerText()).toContain('1 章需要你选择');
    const conflict = page.locator('[data-chapter="operating/activity-process/zh-CN"]');
    expect(await conflict.getAttribute('data-status')).toBe('conflict');
    expect(await conflict.locator('ins.diff-added').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('活动照片统一发到社区相册')]),
    );
    await expect.poll(() => page.getByRole('button', { name: '更新到 v2' }).isDisabled()).toBe(true);
    await conflict.getByRole('radio', { name: '保留我的' }).check();
    await page.screenshot({ path: `${screenshotDir}/14-template-upgrade.png`, fullPage: true });
    await page.getByRole('button', { name: '更新到 v2' }).click();
    await page.getByText('已更新到 v2。').waitFor();
    await page.getByText('你的社区已经在使用最新版本的模式（v2）。').waitFor();

    const after = await read(client(port, host).api.handbooks[':handbook'].$get(operating));
    expectStatus(after, 200);
    const process = after.json.chapters.find((c) => c.key === 'activity-process')!;
    expect(process.body).toContain('活动照片统一发到社区相册');
    expect(process.body).not.toContain('安全与应急');
    const contacts = after.json.chapters.find((c) => c.key === 'building-contacts')!;
    expect(contacts.body).toContain('新联络人的第一个月');
    expect(after.json.templateVersion).toBe(2);
    await page.close();
  });
});
