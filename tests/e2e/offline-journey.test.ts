/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${screenshotDir}/offline-${name}.png`, fullPage });

/** An open activity of `host`, drafted by one member and approved by the founder (an administrator). */
async function openActivity(host: string, founderToken: string, organiserToken: string, title: string) {
  const organiser = client(port, host, organiserToken).api;
  const admin = client(port, host, founderToken).api;
  const startsAt = new Date(Date.now() + 6 * 86400_000).toISOString();
  const { id } = bodyOf(
    await read(
      organiser.activities.$post({
        json: {
          title,
          description: '在活动室一起读一本书，聊一聊。',
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
          place: '社区活动室',
          capacity: 10,
          audience: 'residents',
          expectedParticipants: 8,
          surplusRatePercent: 8,
          costLines: [],
        },
      }),
    ),
    201,
  );
  const step = (api: typeof admin, name: 'submit' | 'approve' | 'open') =>
    read(api.activities[':id'].steps.$post({ param: { id: String(id) }, json: { step: name } }));
  bodyOf(await step(organiser, 'submit'), 200);
  bodyOf(await step(admin, 'approve'), 200);
  bodyOf(await step(organiser, 'open'), 200);
  return id;
}

describe('the community site on a phone without a connection, in Chinese, at 360 px', () => {
  it('installs, reads a handbook chapter offline after a reload, and sends a sign-up made offline once back online', {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const founder = `off-adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const base = `http://${host}:${port}`;
    const founderToken = await tokenFor(port, host, founder, '周老师');
    const organiserToken = await tokenFor(port, host, `off-org-${stamp}`, '李阿姨');
    bodyOf(
      await read(client(port, host, organiserToken).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '李阿姨' } })),
      201,
    );
    const residentId = `off-res-${stamp}`;
    const residentToken = await tokenFor(port, host, residentId, '王小雨');
    const resident = client(port, host, residentToken).api;
    bodyOf(await read(resident.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '王小雨' } })), 201);
    const title = `邻里读书会${stamp.slice(-4)}`;
    const activityId = await openActivity(host, founderToken, organiserToken, title);

    const context = await browser().newContext({
      viewport: { width: 360, height: 780 },
      locale: 'zh-CN',
      deviceScaleFactor: 1,
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in?as=${residentId}&name=${encodeURIComponent('王小雨')}&next=%2Fhandbooks`);
    await page.waitForURL(`${base}/handbooks`);

    // The install manifest is linked, served as a manifest, and names the app with its icons.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      if (!link) return null;
      const response = await fetch(link.href);
      return {
        type: response.headers.get('content-type'),
        body: (await response.json()) as { icons?: { sizes: string; purpose: string }[] },
      };
    });
    expect(manifest?.type).toContain('application/manifest+json');
    expect(manifest?.body).toMatchObject({ lang: 'zh-CN', start_url: '/', display: 'standalone', short_name: '互助' });
    const icons = manifest?.body.icons ?? [];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );

    // The service worker installs and takes the page over.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // 1. A chapter read online…
    await page.getByRole('link', { name: '社区互助会操作手册' }).click();
    await page.locator('section.chapter').first().waitFor();
    const chapterTitle = (await page.locator('section.chapter h2').first().innerText()).trim();
    expect(chapterTitle).not.toBe('');
    const handbookUrl = page.url();

    // … still reads after going offline and reloading.
    await context.setOffline(true);
    await page.reload();
    await page.locator('section.chapter h2').first().waitFor();
    expect((await page.locator('section.chapter h2').first().innerText()).trim()).toBe(chapterTitle);
    expect(page.url()).toBe(handbookUrl);
    // The handbook is long: its first screen is enough.
    await shot(page, '01-handbook-offline', false);

    // 2. Back online, the resident opens the activity; the connection drops before they sign up.
    await context.setOffline(false);
    await page.goto(`${base}/activities/${activityId}`);
    await page.getByRole('heading', { name: title }).waitFor();
    const signUp = page.getByRole('button', { name: '为自己报名' });
    await signUp.waitFor();
    await context.setOffline(true);
    await signUp.click();
    const mine = page.locator('section[aria-labelledby="my-signups-title"]');
    await mine.getByText('待联网后提交').waitFor();
    await page.getByRole('status').filter({ hasText: '联网后会自动提交' }).waitFor();
    expect(await signUp.count()).toBe(0);
    await shot(page, '02-signup-pending');
    // Nothing reached the server yet.
    const before = bodyOf(await read(resident.activities[':id'].$get({ param: { id: String(activityId) } })), 200);
    expect(before.mySignups).toEqual([]);

    // 3. The connection returns: the queued sign-up is sent, and the page shows the place it got.
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
    await mine.getByText('已确认').waitFor();
    expect(await mine.getByText('待联网后提交').count()).toBe(0);
    await shot(page, '03-signup-sent');
    const after = bodyOf(await read(resident.activities[':id'].$get({ param: { id: String(activityId) } })), 200);
    expect(after.mySignups.map((s) => s.status)).toEqual(['confirmed']);

    await context.close();
  });
});
