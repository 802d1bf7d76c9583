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

describe("a party's representative is proposed by an administrator and accepts", () => {
  it('the administrator proposes a resident in settings, the resident accepts on their notifications page, and then speaks for the party', async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const residentId = `rep-${stamp}`;
    const token = await tokenFor(port, host, residentId, '陈居委');
    bodyOf(await read(client(port, host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '陈居委' } })), 201);

    const admin = await pageAs(host, founder, '周老师', '/admin/settings');
    const fieldset = admin.locator('fieldset', { has: admin.getByRole('button', { name: '提名代表' }) }).filter({ hasText: '居委会' });
    await fieldset.getByRole('combobox').selectOption({ label: '陈居委' });
    await fieldset.getByRole('button', { name: '提名代表' }).click();
    await expect.poll(async () => fieldset.textContent(), { timeout: 15_000 }).toContain('已提名，等待本人接受');
    await fieldset.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `${screenshotDir}/representative-proposed.png` });

    const resident = await pageAs(host, residentId, '陈居委', '/notifications');
    await resident.getByRole('button', { name: '接受' }).waitFor();
    await resident.screenshot({ path: `${screenshotDir}/representative-offer.png` });
    await resident.getByRole('button', { name: '接受' }).click();
    await expect.poll(async () => resident.getByRole('button', { name: '接受' }).count(), { timeout: 15_000 }).toBe(0);
    await resident.screenshot({ path: `${screenshotDir}/representative-accepted.png` });

    const me = bodyOf(await read(client(port, host, token).api.members.me.$get()), 200);
    expect(me.roles).toEqual([expect.objectContaining({ role: 'party-representative', partyKey: 'residents-committee' })]);
    await admin.reload();
    await expect.poll(async () => admin.locator('fieldset').filter({ hasText: '居委会' }).first().textContent()).toContain('现任代表');
  });
});
