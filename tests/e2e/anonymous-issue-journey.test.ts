/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

async function pageAs(host: string, userId: string, name: string, next: string) {
  const page = await (await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' })).newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

describe('an anonymous issue (□ 对外匿名)', () => {
  it('a resident ticks the box; a neighbour sees an anonymous resident, the coordinator and the resident see who raised it', async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    for (const [userId, name] of [
      [`raiser-${stamp}`, '王小雨'],
      [`neighbour-${stamp}`, '陈阿姨'],
    ] as const) {
      const token = await tokenFor(port, host, userId, name);
      bodyOf(await read(client(port, host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } })), 201);
    }

    const raiser = await pageAs(host, `raiser-${stamp}`, '王小雨', '/issues');
    await raiser.getByLabel('议题标题').fill('物业保安夜间脱岗');
    await raiser.getByLabel('具体情况').fill('最近几周夜里门岗经常没人，外卖和陌生人随意进出。希望物业恢复夜间双岗。');
    await raiser.getByLabel('对外匿名（只有协调人能看到是谁提出的）').check();
    await raiser.locator('section.raise').screenshot({ path: `${screenshotDir}/40-anonymous-issue-form.png` });
    await raiser.getByRole('button', { name: '提交议题' }).click();
    await raiser.waitForURL(/\/issues\/\d+$/);
    const path = new URL(raiser.url()).pathname;
    await expect.poll(() => raiser.locator('body').innerText(), { timeout: 20_000 }).toContain('你选择了对外匿名');
    await raiser.screenshot({ path: `${screenshotDir}/41-anonymous-issue-own.png`, fullPage: true });

    const neighbour = await pageAs(host, `neighbour-${stamp}`, '陈阿姨', path);
    await expect.poll(() => neighbour.locator('body').innerText(), { timeout: 20_000 }).toContain('匿名居民');
    expect(await neighbour.locator('body').innerText()).not.toContain('王小雨');
    await neighbour.screenshot({ path: `${screenshotDir}/42-anonymous-issue-others.png`, fullPage: true });

    const admin = await pageAs(host, founder, '管理员', path);
    await expect.poll(() => admin.locator('body').innerText(), { timeout: 20_000 }).toContain('提出人选择了对外匿名');
    expect(await admin.locator('body').innerText()).toContain('王小雨');
    await admin.screenshot({ path: `${screenshotDir}/43-anonymous-issue-coordinator.png`, fullPage: true });
  });
});
