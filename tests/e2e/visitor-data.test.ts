/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const host = 'cuizhuyuan.localhost';
const slow = { timeout: 20_000 };

/** An activity of the demo community a visitor may read, the next to come. */
async function upcomingActivity() {
  const token = await tokenFor(port, host, 'visitor-data-resident', '居民');
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const { activities } = bodyOf(await read(client(port, host, token).api.activities.$get({ query: { from, to } })), 200);
  const activity = activities[0]!;
  expect((await read(client(port, host).api.activities[':id'].$get({ param: { id: String(activity.id) } }))).status).toBe(200);
  return activity;
}

/** Opens a page's address directly, counting the page's calls to `api`. */
async function open(page: Page, path: string, api: string) {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === api) calls.push(request.url());
  });
  await page.goto(`http://${host}:${port}${path}`);
  return calls;
}

describe("an activity's page opened from a link", () => {
  it("draws a visitor's page from the data it carries, and a member's from the API", async () => {
    const activity = await upcomingActivity();
    const visitor = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
    const page = await visitor.newPage();
    const calls = await open(page, `/activities/${activity.id}`, `/api/activities/${activity.id}`);
    await page.getByRole('heading', { level: 1, name: activity.title }).waitFor(slow);
    expect(calls).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/activity-visitor.png` });
    await visitor.close();

    const member = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
    const signedIn = await member.newPage();
    await signedIn.goto(`http://${host}:${port}/sign-in?as=visitor-data-member&name=${encodeURIComponent('邻居')}&next=%2F`);
    await signedIn.waitForURL(`http://${host}:${port}/`, slow);
    const memberCalls = await open(signedIn, `/activities/${activity.id}`, `/api/activities/${activity.id}`);
    await signedIn.getByRole('heading', { level: 1, name: activity.title }).waitFor(slow);
    expect(memberCalls.length).toBeGreaterThanOrEqual(1);
    await member.close();
  });

  it("draws a visitor's handbook from the data the page carries", async () => {
    const visitor = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
    const page = await visitor.newPage();
    const calls = await open(page, '/handbooks/operating', '/api/handbooks/operating');
    await page.getByRole('heading', { level: 1 }).first().waitFor(slow);
    await page.locator('#main h2').first().waitFor(slow);
    expect(calls).toEqual([]);
    await visitor.close();
  });
});
