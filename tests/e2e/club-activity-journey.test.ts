/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

/** A phone-sized page signed in on the community's host as `userId`, who has joined the community. */
async function personOn(host: string, userId: string, name: string, join = true): Promise<Page> {
  if (join) {
    const token = await tokenFor(port, host, userId, name);
    const joined = await read(client(port, host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
    expect([200, 201]).toContain(joined.status);
  }
  const page = await (await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' })).newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=%2Fclubs`);
  await page.waitForURL(`http://${host}:${port}/clubs`);
  return page;
}

const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe('a club from proposal to a public statement', () => {
  it('a resident proposes a club, an admin approves it, the leader runs an AA activity that two residents join, settles it, and the statement shows the surplus', async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const site = `http://${host}:${port}`;

    // A resident proposes a club.
    const leader = await personOn(host, `leader-${stamp}`, '陈思远');
    await leader.locator('#main').getByLabel('社团名称').fill('周末羽毛球社');
    await leader.locator('#main').getByLabel('宗旨').fill('每周六下午一起打羽毛球，新手老手都欢迎。');
    await leader.getByRole('button', { name: '提交' }).click();
    await leader.getByText('周末羽毛球社').first().waitFor();

    // The association admin approves it.
    const admin = await personOn(host, founder, '周老师', false);
    await admin.getByRole('button', { name: '批准社团：周末羽毛球社' }).click();
    await admin.getByText('已批准“周末羽毛球社”，社团基金已开设。').waitFor();

    // The leader creates an activity with an AA budget: ¥720 + ¥170 + ¥72, 24 people, 8% → ¥44 each.
    // Proposing opened the new club's page; reload it to see it approved.
    await leader.reload();
    await leader.getByText('活跃').first().waitFor();
    await leader.getByRole('link', { name: '新活动' }).click();
    await leader.locator('#a-title').fill('周六羽毛球');
    const start = new Date(Date.now() + 2 * 86400_000);
    start.setHours(14, 0, 0, 0);
    await leader.locator('#a-start').fill(local(start));
    await leader.locator('#a-end').fill(local(new Date(start.getTime() + 3 * 3600_000)));
    await leader.locator('#a-place').fill('会所羽毛球馆');
    await leader.locator('#a-capacity').fill('30');
    await leader.locator('#a-expected').fill('24');
    const lines: [string, string][] = [
      ['场地费', '720'],
      ['羽毛球', '170'],
      ['饮用水', '72'],
    ];
    for (const [i, [label, amount]] of lines.entries()) {
      if (i > 0) await leader.getByRole('button', { name: '添加一项费用' }).click();
      await leader.locator('[id^="a-line-label-"]').nth(i).fill(label);
      await leader.locator('[id^="a-line-amount-"]').nth(i).fill(amount);
    }
    await leader.locator('#a-rate').fill('8');
    await expect.poll(() => leader.locator('#main').innerText()).toContain('¥44.00');
    await leader.screenshot({ path: `${screenshotDir}/20-activity-editor.png`, fullPage: true });
    // After a full-page shot, headless Chromium scrolls the page when focus leaves the still-focused number field, in the
    // middle of the click (which then lands on the form, not the button); leaving the field first, as a phone's
    // keyboard closing does, keeps the page still.
    await leader.locator('#a-rate').blur();
    await leader.getByRole('button', { name: '保存草稿' }).click();
    await leader.waitForURL(/\/activities\/\d+$/);
    await leader.getByRole('button', { name: '提交预算审批' }).click();
    await leader.getByRole('button', { name: '批准', exact: true }).click();
    await leader.getByRole('button', { name: '开放报名' }).click();
    await leader.getByText('已开放报名。').waitFor();
    const activityUrl = leader.url();

    // Two residents sign up.
    const residents: [string, string][] = [
      [`r1-${stamp}`, '王小雨'],
      [`r2-${stamp}`, '李建国'],
    ];
    for (const [id, name] of residents) {
      const resident = await personOn(host, id, name);
      await resident.goto(activityUrl);
      await resident.getByRole('button', { name: '为自己报名' }).click();
      await resident.getByText('报名成功，名额已确认。').waitFor();
      await resident.context().close();
    }

    // The leader marks it held and settles: ¥88 collected, ¥80 spent → ¥8 surplus into the club fund.
    await leader.reload();
    await leader.getByRole('button', { name: '标记为已举办' }).click();
    await leader.locator('#settle-income').fill('88');
    const amounts = leader.locator('[id^="settle-amount-"]');
    await amounts.first().waitFor();
    const labels = leader.locator('[id^="settle-label-"]');
    for (let i = (await amounts.count()) - 1; i >= 1; i--) await leader.getByRole('button', { name: `删除第 ${i + 1} 项` }).click();
    await labels.first().fill('场地费');
    await amounts.first().fill('80');
    await leader.screenshot({ path: `${screenshotDir}/21-settlement.png`, fullPage: true });
    await leader.getByRole('button', { name: '结算并公开' }).click();
    await leader.getByText('已结算，收支已记入公开账目。').waitFor();

    // Every resident can read the statement, which shows the surplus.
    const reader = await personOn(host, `r3-${stamp}`, '赵敏');
    const readerToken = await tokenFor(port, host, `r3-${stamp}`, '赵敏');
    const statement = bodyOf(await read(client(port, host, readerToken).api.ledger.funds.$get()), 200);
    const fund = statement.funds.find((f) => f.clubName === '周末羽毛球社')!;
    expect(fund.balanceFen).toBe(800);
    await reader.goto(`${site}/accounts/${encodeURIComponent(fund.key)}`);
    await reader.getByTestId('statement-summary').waitFor();
    const summary = await reader.getByTestId('statement-summary').innerText();
    expect(summary).toContain('¥88.00');
    expect(summary).toContain('¥80.00');
    expect(summary).toContain('¥8.00');
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await reader.screenshot({ path: `${screenshotDir}/22-fund-statement.png`, fullPage: true });
  });
});
