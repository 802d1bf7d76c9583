/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

/** A community whose founder (its association admin) has a token for its host. */
async function communityWithFounder() {
  const founder = `tz-${Date.now().toString(36)}`;
  const slug = await createCommunity(port, founder);
  const host = `${slug}.localhost`;
  return { founder, host, api: client(port, host, await tokenFor(port, host, founder, '周老师')).api };
}

/** A draft activity at the given instants (ISO, UTC). */
async function draftActivity(
  api: Awaited<ReturnType<typeof communityWithFounder>>['api'],
  title: string,
  startsAt: string,
  endsAt: string,
) {
  const json = {
    title,
    description: '',
    startsAt,
    endsAt,
    place: '社区会所',
    capacity: 20,
    audience: 'residents' as const,
    expectedParticipants: 10,
    surplusRatePercent: 8,
    costLines: [{ label: '茶水', amountFen: 6000 }],
  };
  return bodyOf(await read(api.activities.$post({ json })), 201).id;
}

/** A phone-sized page in zh-CN on a device whose clock is set to `timezoneId`, signed in as the founder. */
async function founderPage(host: string, founder: string, timezoneId: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', timezoneId });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${founder}&name=${encodeURIComponent('周老师')}&next=%2F`);
  await page.waitForURL(`http://${host}:${port}/`);
  return page;
}

const main = (page: Page) => page.locator('#main').innerText();
/** The pages load on a busy two-core machine: give them time to settle. */
const slow = { timeout: 20_000 };

describe("times are the community's, whatever the device's clock says", () => {
  it('a device set to UTC shows a 19:00 Shanghai activity at 19:00 with a note, and an edit typed as 19:30 is saved as 19:30 Shanghai time', async () => {
    const { founder, host, api } = await communityWithFounder();
    // 11:00–13:00 UTC is 19:00–21:00 in Shanghai.
    const id = await draftActivity(api, '邻里读书会', '2031-06-07T11:00:00.000Z', '2031-06-07T13:00:00.000Z');
    const page = await founderPage(host, founder, 'UTC');
    expect(await page.evaluate(() => new Date('2031-06-07T11:00:00Z').getHours())).toBe(11);

    await page.goto(`http://${host}:${port}/activities/${id}`);
    await page.getByRole('note').getByText('时间均为北京时间（Asia/Shanghai）').waitFor();
    await expect.poll(() => main(page), slow).toContain('6月7日周六 19:00 – 21:00');
    await page.screenshot({ path: `${screenshotDir}/tz-10-activity-utc-device.png`, fullPage: true });

    await page.goto(`http://${host}:${port}/activities/${id}/edit`);
    await expect.poll(() => page.locator('#a-start').inputValue(), slow).toBe('2031-06-07T19:00');
    expect(await page.locator('#a-end').inputValue()).toBe('2031-06-07T21:00');
    await page.locator('#a-start').fill('2031-06-07T19:30');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.waitForURL(/\/activities\/\d+$/);
    await expect.poll(() => main(page), slow).toContain('6月7日周六 19:30 – 21:00');
    const saved = bodyOf(await read(api.activities[':id'].$get({ param: { id: String(id) } })), 200);
    expect(Date.parse(saved.startsAt)).toBe(Date.parse('2031-06-07T11:30:00Z'));
    await page.context().close();
  });

  it('a device in New York shows a Shanghai activity at its Shanghai time, with the note', async () => {
    const { founder, host, api } = await communityWithFounder();
    const id = await draftActivity(api, '周六太极', '2031-06-07T01:00:00.000Z', '2031-06-07T02:00:00.000Z');
    const page = await founderPage(host, founder, 'America/New_York');
    await page.goto(`http://${host}:${port}/activities/${id}`);
    await page.getByRole('note').getByText('时间均为北京时间（Asia/Shanghai）').waitFor();
    // On the device's own clock this is 21:00 on Friday 6 June.
    await expect.poll(() => main(page), slow).toContain('6月7日周六 09:00 – 10:00');
    expect(await main(page)).not.toContain('21:00');
    await page.screenshot({ path: `${screenshotDir}/tz-11-activity-new-york-device.png`, fullPage: true });
    await page.context().close();
  });

  it('a community in New York shows its activities on its clock across the change to summer time, and a New York device sees no note', async () => {
    const { founder, host, api } = await communityWithFounder();
    expect(bodyOf(await read(api.community.settings.$patch({ json: { timeZone: 'America/New_York' } })), 200).timeZone).toBe(
      'America/New_York',
    );
    // 2031-03-09 02:00 EST → 03:00 EDT. 19:00 on the Saturday before is 00:00 UTC; 19:00 on the Monday after is 23:00 UTC.
    const before = await draftActivity(api, '周六晚会', '2031-03-09T00:00:00.000Z', '2031-03-09T02:00:00.000Z');
    const after = await draftActivity(api, '周一晚会', '2031-03-10T23:00:00.000Z', '2031-03-11T01:00:00.000Z');
    // Overnight across the change: Saturday 22:00 EST to Sunday 08:00 EDT (nine hours, not ten).
    const overnight = await draftActivity(api, '通宵观星', '2031-03-09T03:00:00.000Z', '2031-03-09T12:00:00.000Z');

    const utc = await founderPage(host, founder, 'UTC');
    await utc.goto(`http://${host}:${port}/activities/${before}`);
    await utc
      .getByRole('note')
      .getByText(/America\/New_York/)
      .waitFor();
    await expect.poll(() => main(utc), slow).toContain('3月8日周六 19:00 – 21:00');
    await utc.goto(`http://${host}:${port}/activities/${after}`);
    await expect.poll(() => main(utc), slow).toContain('3月10日周一 19:00 – 21:00');
    await utc.goto(`http://${host}:${port}/activities/${overnight}`);
    await expect.poll(() => main(utc), slow).toContain('3月8日周六 22:00 – 3月9日周日 08:00');
    await utc.screenshot({ path: `${screenshotDir}/tz-12-new-york-community-utc-device.png`, fullPage: true });

    // A time typed in the hour the clocks skip is read after the jump: 02:30 → 03:30 EDT (07:30 UTC).
    await utc.goto(`http://${host}:${port}/activities/${overnight}/edit`);
    await expect.poll(() => utc.locator('#a-start').inputValue(), slow).toBe('2031-03-08T22:00');
    await utc.locator('#a-start').fill('2031-03-09T02:30');
    await utc.getByRole('button', { name: '保存修改' }).click();
    await utc.waitForURL(/\/activities\/\d+$/);
    await expect.poll(() => main(utc), slow).toContain('3月9日周日 03:30 – 08:00');
    const saved = bodyOf(await read(api.activities[':id'].$get({ param: { id: String(overnight) } })), 200);
    expect(Date.parse(saved.startsAt)).toBe(Date.parse('2031-03-09T07:30:00Z'));
    await utc.context().close();

    const local = await founderPage(host, founder, 'America/New_York');
    await local.goto(`http://${host}:${port}/activities/${after}`);
    await expect.poll(() => main(local), slow).toContain('3月10日周一 19:00 – 21:00');
    expect(await local.getByTestId('zone-note').count()).toBe(0);
    await local.context().close();
  });
});
