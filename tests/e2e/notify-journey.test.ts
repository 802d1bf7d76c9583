/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/notify-${name}.png`, fullPage: true });

interface CapturedPush {
  payload: { title: string; body: string; url: string } | null;
  vapidValid: boolean;
}

describe('a waitlisted resident hears when a place frees up, in Chinese, at 360 px', () => {
  it('gets an email and a push the moment a place frees, and the mailbox shows the daily digest the next morning', {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const founder = `ntf-adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const base = `http://${host}:${port}`;
    const founderToken = await tokenFor(port, host, founder, '周老师');
    const admin = client(port, host, founderToken).api;
    const join = async (id: string, name: string) => {
      const token = await tokenFor(port, host, id, name);
      bodyOf(await read(client(port, host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } })), 201);
      return client(port, host, token).api;
    };
    const first = await join(`ntf-first-${stamp}`, '李阿姨');
    const waiterId = `ntf-wait-${stamp}`;
    const waiter = await join(waiterId, '王小雨');

    // A one-place activity: 李阿姨 takes the place, 王小雨 waits.
    const startsAt = new Date(Date.now() + 5 * 86400_000).toISOString();
    const title = `周六网球体验课${stamp.slice(-4)}`;
    const { id } = bodyOf(
      await read(
        admin.activities.$post({
          json: {
            title,
            description: '教练带新手打网球。',
            startsAt,
            endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
            place: '网球场',
            capacity: 1,
            waitlist: true,
            audience: 'residents',
            expectedParticipants: 1,
            surplusRatePercent: 0,
            costLines: [],
          },
        }),
      ),
      201,
    );
    const param = { param: { id: String(id) } };
    for (const step of ['submit', 'approve', 'open'] as const)
      bodyOf(await read(admin.activities[':id'].steps.$post({ ...param, json: { step } })), 200);
    const place = bodyOf(await read(first.activities[':id'].signups.$post({ ...param, json: {} })), 201);
    bodyOf(await read(waiter.activities[':id'].signups.$post({ ...param, json: {} })), 201);

    // 王小雨 gives an email address in her notification settings, and her phone takes push (a captured endpoint
    // stands in for the browser vendor's push service, which a headless browser cannot reach).
    const page = await (
      await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 })
    ).newPage();
    await page.goto(
      `${base}/sign-in?as=${waiterId}&name=${encodeURIComponent('王小雨')}&next=${encodeURIComponent('/notifications/settings')}`,
    );
    await page.waitForURL(`${base}/notifications/settings`);
    await page.getByLabel('电子邮件地址').first().fill('xiaoyu@example.org');
    await page.getByRole('button', { name: /保存/ }).first().click();
    await page
      .getByRole('status')
      .filter({ hasText: /已保存/ })
      .first()
      .waitFor();
    await shot(page, '01-settings');
    // Node cannot resolve *.localhost: the page asks, on its own origin.
    const device = await page.evaluate(
      async () =>
        (await (await fetch('/api/dev/push-endpoints', { method: 'POST' })).json()) as {
          endpoint: string;
          keys: { p256dh: string; auth: string };
        },
    );
    bodyOf(await read(waiter.me['push-subscriptions'].$post({ json: device })), 201);

    // 李阿姨 cancels: 王小雨 moves up, and hears of it at once by email and push.
    bodyOf(
      await read(first.activities[':id'].signups[':signupId'].$delete({ param: { id: String(id), signupId: String(place.id) } })),
      200,
    );
    await page.goto(`${base}/dev/mailbox`);
    const mail = page.locator('li, article, tr').filter({ hasText: 'xiaoyu@example.org' }).filter({ hasText: '有空位了' }).first();
    await expect
      .poll(
        async () => {
          await page.reload();
          return mail.count();
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    await shot(page, '02-mailbox-email');
    const pushes = async () =>
      page.evaluate(
        async (path) => ((await (await fetch(path)).json()) as { messages: CapturedPush[] }).messages,
        new URL(device.endpoint).pathname,
      );
    await expect.poll(async () => (await pushes()).length, { timeout: 90_000 }).toBeGreaterThan(0);
    const [push] = await pushes();
    expect(push?.vapidValid).toBe(true);
    expect(push?.payload?.title).toContain(title);
    expect(push?.payload?.url).toBe(`${base}/activities/${id}`);

    // In the app, the notification links to the activity.
    await page.goto(`${base}/notifications`);
    await page.getByText(`“${title}”`).first().waitFor();
    await shot(page, '03-notifications');

    // Something that waits for the daily digest: the coordinator accepts an issue she raised.
    const { id: issueId } = bodyOf(
      await read(
        waiter.issues.$post({ json: { title: '3栋门口路灯坏了', description: '晚上很黑，老人出门不方便。', category: 'facilities' } }),
      ),
      201,
    );
    bodyOf(await read(admin.issues[':id'].transitions.$post({ param: { id: String(issueId) }, json: { to: 'acknowledged' } })), 200);

    // The next morning at 08:05, the mailbox holds one digest for her.
    await page.goto(`${base}/dev/mailbox`);
    await page.getByRole('heading', { name: '开发邮箱', level: 1 }).waitFor();
    await page.getByRole('button', { name: /明早/ }).click();
    const ran = await page
      .getByText(/^已投递：/)
      .first()
      .textContent();
    expect(ran).toMatch(/摘要 [1-9]\d* 份/);
    const digest = page.locator('li, article, tr').filter({ hasText: 'xiaoyu@example.org' }).filter({ hasText: '每日摘要' }).first();
    await digest.waitFor();
    await shot(page, '04-mailbox-digest');
  });
});
