/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/assisted-${name}.png`, fullPage: true });

/** A phone-sized, Chinese browser signed in on the community host through the dev sign-in page. */
async function pageAs(host: string, userId: string, name: string, next: string) {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

describe('an offline elder takes part through their building contact, in Chinese, at phone width', () => {
  it('a contact registers an elder, signs them up and makes a claim code; the elder’s new account claims the record and sees the activity marked 代为登记', {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const admin = client(port, host, await tokenFor(port, host, founder, '周老师')).api;
    const contactId = `contact-${stamp}`;
    const contactApi = client(port, host, await tokenFor(port, host, contactId, '李建国')).api;
    const contact = bodyOf(await read(contactApi.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '李建国' } })), 201);
    const { buildings } = bodyOf(await read(admin.buildings.$get()), 200);
    bodyOf(
      await read(
        admin.members[':memberId'].roles.$put({
          param: { memberId: String(contact.id) },
          json: { roles: [{ role: 'building-contact', buildingId: buildings[0]!.id }] },
        }),
      ),
      200,
    );
    const startsAt = new Date(Date.now() + 5 * 86400_000).toISOString();
    const title = `重阳节包饺子${stamp.slice(-3)}`;
    const { id: activityId } = bodyOf(
      await read(
        admin.activities.$post({
          json: {
            title,
            description: '一起包饺子，给独居老人送去。',
            startsAt,
            endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
            place: '社区活动室',
            capacity: 20,
            audience: 'residents',
            expectedParticipants: 15,
            surplusRatePercent: 8,
            costLines: [],
          },
        }),
      ),
      201,
    );
    for (const step of ['submit', 'approve', 'open'] as const)
      bodyOf(await read(admin.activities[':id'].steps.$post({ param: { id: String(activityId) }, json: { step } })), 200);

    // 1. The contact registers an elder who does not use a phone.
    const page = await pageAs(host, contactId, '李建国', '/assisted');
    await page.getByRole('heading', { name: '代为登记的居民', level: 1 }).waitFor();
    await page.getByLabel('姓名').fill('孙奶奶');
    await page.getByLabel('门牌（如 3-201）').fill('1-101');
    await page.getByLabel('电话（选填，仅联络人和管理员可见）').fill('138 0000 1111');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已登记孙奶奶。' }).waitFor();
    await shot(page, '01-registered');

    // 2. … signs her up for the activity from her page.
    await page.getByRole('link', { name: '孙奶奶' }).click();
    await page.waitForURL(/\/assisted\/\d+$/);
    await page.getByRole('heading', { name: '孙奶奶', level: 1 }).waitFor();
    await page.getByLabel('选择活动').selectOption({ index: 0 });
    await page.getByRole('button', { name: '代为报名' }).click();
    await page.getByRole('status').filter({ hasText: '已代为报名。' }).waitFor();
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByText('由李建国代为登记').first().waitFor();
    await shot(page, '02-signed-up');

    // (Printing the activity's sign-in sheet, with her name on it, comes here.)

    // 3. … and makes a claim code for when she gets a phone.
    await page.getByRole('button', { name: '生成认领码' }).click();
    const shown = page.locator('.claim-code-shown');
    await shown.waitFor();
    const code = (await shown.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await shot(page, '03-claim-code');

    // 4. Her grandson sets up her new phone: a new account signs in and claims the record with the code.
    const phone = await pageAs(host, `elder-${stamp}`, '孙奶奶', '/claim');
    await phone.getByRole('heading', { name: '认领我的记录', level: 1 }).waitFor();
    await phone.getByLabel('认领码').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
    await shot(phone, '04-claim');
    await phone.getByRole('button', { name: '认领', exact: true }).click();
    await phone.getByRole('status').filter({ hasText: '认领成功，孙奶奶' }).waitFor();

    // 5. Her activity is in her own list, marked as recorded by her contact.
    await phone.getByRole('heading', { name: '我的记录', exact: true }).waitFor();
    await phone.getByRole('link', { name: title }).waitFor();
    await phone.getByText('由李建国代为登记').first().waitFor();
    await shot(phone, '05-my-record');
  });
});
