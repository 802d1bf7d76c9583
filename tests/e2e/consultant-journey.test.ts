/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, read, tokenFor as localToken } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

async function tokenFor(host: string, userId: string, name: string) {
  return localToken(port, host, userId, name);
}

async function pageAs(host: string, userId: string, name: string, next: string, width = 360) {
  const context = await browser().newContext({ viewport: { width, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

describe('a consultant compares pilot sites that granted access', () => {
  it('an admin grants access in settings, the consultant compares two communities side by side and downloads the CSV', async () => {
    const stamp = Date.now().toString(36);
    const consultant = `consultant-${stamp}`;
    const operator = await tokenFor('localhost', 'demo-operator', '运营');
    const registered = await read(
      client(port, 'localhost', operator).api.operator.consultants[':userId'].$put({
        param: { userId: consultant },
        json: { displayName: `顾问${stamp}`, organisation: '社会工作服务中心' },
      }),
    );
    expect(registered.status).toBe(200);

    // Before any grant the consultant sees no community at all.
    const consultantToken = await tokenFor('localhost', consultant, '顾问');
    const asConsultant = client(port, 'localhost', consultantToken).api;
    expect(bodyOf(await read(asConsultant.consultant.communities.$get({ query: {} })), 200).communities).toEqual([]);
    expect((await read(asConsultant.consultant.compare.$get({ query: { slugs: 'cuizhuyuan' } }))).status).toBe(403);

    // 翠竹园's admin grants access in the browser; 平治's admin through the API.
    const admin = await pageAs('cuizhuyuan.localhost', 'demo-admin', '周明', '/admin/settings');
    await admin.getByLabel('授权给顾问').selectOption(consultant);
    await admin.getByRole('button', { name: '授权', exact: true }).click();
    await admin.getByText('已授权。').waitFor();
    await expect.poll(() => admin.locator('#main').innerText()).toContain(`顾问${stamp}`);
    await admin.screenshot({ path: `${screenshotDir}/40-consultant-granted.png`, fullPage: true });
    const pingzhiAdmin = await tokenFor('pingzhi.localhost', 'demo-admin', '周明');
    expect(
      (
        await read(
          client(port, 'pingzhi.localhost', pingzhiAdmin).api['consultant-access'][':userId'].$put({ param: { userId: consultant } }),
        )
      ).status,
    ).toBe(200);

    // The consultant picks both and compares them.
    const page = await pageAs('localhost', consultant, `顾问${stamp}`, '/consultant');
    await page.getByRole('heading', { name: '翠竹园' }).waitFor();
    expect(await page.getByRole('heading', { name: '大方' }).count()).toBe(0); // not granted
    // The server searches: ticked communities stay ticked while the list shows another search.
    const search = page.getByLabel('按名称、城市查找');
    await search.fill('平治');
    await search.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['平治']);
    await page.getByRole('checkbox', { name: /平治/ }).check();
    await search.fill('');
    await page.getByRole('button', { name: '查找', exact: true }).click();
    await page.getByRole('heading', { name: '翠竹园' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /平治/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /翠竹园/ }).check();
    await page.getByLabel('排序').selectOption('granted');
    await page.getByText('显示 2 / 2 个社区').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${screenshotDir}/41-consultant-list.png`, fullPage: true });
    await page.getByRole('button', { name: '对比所选社区' }).click();
    await page.waitForURL(/\/consultant\/compare\?slugs=/);
    const table = page.locator('table').first();
    await table.waitFor();
    const header = await table.locator('thead').innerText();
    expect(header).toContain('翠竹园');
    expect(header).toContain('平治');
    expect(await table.innerText()).toContain('家庭参与率');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${screenshotDir}/42-consultant-compare.png`, fullPage: true });

    // The CSV holds exactly the rows of the table shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^huzhu-compare-\d{4}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('翠竹园');
    expect(csv).toContain('平治');
    const bodyRows = await table.locator('tbody tr').count();
    const csvRows = csv
      .trim()
      .split('\n')
      .filter((line) => /^"?[^,]+"?,/.test(line));
    expect(csvRows.length).toBeGreaterThanOrEqual(bodyRows);
    for (const label of ['家庭参与率', '活跃社团', '联席会议']) expect(csv).toContain(label);
    expect(csv).not.toMatch(/周明|demo-admin|user_id/);

    // Revoking in 翠竹园 takes it away from the consultant at once.
    await admin.getByRole('button', { name: '撤销授权' }).first().click();
    await admin.getByRole('button', { name: '确定撤销' }).click();
    await admin.getByText('已撤销授权。').waitFor();
    expect((await read(asConsultant.consultant.compare.$get({ query: { slugs: 'cuizhuyuan,pingzhi' } }))).status).toBe(403);
    // Opened afresh, the comparison names the community that no longer grants access (the page text is in the
    // failure message, so a slow or unexpected page can be told apart).
    const compareUrl = page.url();
    await page.goto(compareUrl);
    await expect.poll(() => page.locator('#main').innerText(), { timeout: 60_000 }).toMatch(/没有向你开放数据/);
  });
});
