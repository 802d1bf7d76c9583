/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, read, tokenFor } from './local-api';

const port = inject('e2ePort');
const host = 'cuizhuyuan.localhost';
const base = `http://${host}:${port}`;
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/children-${name}.png`, fullPage: true });

/** A phone-sized Chinese browser signed in on 翠竹园 as one of the demo's people. */
async function pageAs(userId: string, name: string, next: string) {
  const context = await browser().newContext({
    viewport: { width: 360, height: 780 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`${base}${next}`);
  return page;
}

/** A children's activity of 无敌少儿团 drafted by the club-founder persona and approved by the administrator persona. */
async function approvedActivity(title: string) {
  const organiser = client(port, host, await tokenFor(port, host, 'demo-club-founder', '陈志远')).api;
  const admin = client(port, host, await tokenFor(port, host, 'demo-admin', '周明')).api;
  const startsAt = new Date(Date.now() + 10 * 86400_000).toISOString();
  const { id } = bodyOf(
    await read(
      organiser.activities.$post({
        json: {
          title,
          description: '孩子们在小区里找十种植物，做一本自然笔记。',
          startsAt,
          endsAt: new Date(Date.parse(startsAt) + 3 * 3600_000).toISOString(),
          place: '翠竹园中心绿地',
          capacity: 12,
          audience: 'children',
          programKey: 'kids-troupe',
          expectedParticipants: 10,
          surplusRatePercent: 8,
          costLines: [],
        },
      }),
    ),
    201,
  );
  bodyOf(await read(organiser.activities[':id'].steps.$post({ param: { id: String(id) }, json: { step: 'submit' } })), 200);
  bodyOf(await read(admin.activities[':id'].steps.$post({ param: { id: String(id) }, json: { step: 'approve' } })), 200);
  return id;
}

describe("无敌少儿团 at phone width, in Chinese: the safety step, then a guardian's consent", () => {
  it('refuses to open until the checklist is done, opens, and a guardian signs a child up with consent', { timeout: 240_000 }, async () => {
    const stamp = Date.now().toString().slice(-5);
    const title = `少儿团自然笔记${stamp}`;
    const id = await approvedActivity(title);

    // 1. The organiser tries to open sign-ups: refused, naming what the checklist still lacks.
    const organiser = await pageAs('demo-club-founder', '陈志远', `/activities/${id}/safety`);
    await organiser.getByRole('heading', { name: `安全检查：${title}` }).waitFor();
    await organiser.getByRole('button', { name: '开放报名' }).click();
    const refusal = organiser.getByRole('alert').filter({ hasText: '还不能开放报名' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('急救包已准备');
    expect(await refusal.textContent()).toContain('现场负责的成年人');
    await shot(organiser, '01-refused');

    // 2. The checklist, item by item, and the adult in charge; then sign-ups open.
    for (const box of await organiser.getByRole('checkbox').all()) await box.check();
    await organiser.getByLabel('现场负责的成年人').fill('林月');
    await organiser.getByLabel('负责人电话').fill('13912340010');
    await organiser.getByRole('button', { name: '保存检查表' }).click();
    await organiser.getByText('安全检查已完成，可以开放报名。').waitFor();
    await shot(organiser, '02-checklist-done');
    await organiser.getByRole('button', { name: '开放报名' }).click();
    await organiser.getByRole('status').filter({ hasText: '已开放报名。' }).waitFor();

    // 3. A guardian (the resident persona) adds a child on 我的孩子 and signs them up on the activity page with consent.
    const guardian = await pageAs('demo-resident', '王小雨', '/children');
    const child = `王小满${stamp}`;
    await guardian.getByLabel('孩子的名字').fill(child);
    await guardian.getByLabel('出生年月').fill('2018-04');
    await guardian.getByRole('button', { name: '登记孩子' }).click();
    await guardian.getByRole('status').filter({ hasText: '已登记。' }).waitFor();
    await guardian.goto(`${base}/activities/${id}`);
    const form = guardian.getByRole('region', { name: '为孩子报名' });
    await form.getByLabel('孩子', { exact: true }).selectOption({ label: child });
    await form.getByLabel('紧急联系人姓名').fill('王奶奶');
    await form.getByLabel('紧急联系人电话').fill('13912340001');
    await form.getByLabel('过敏或需要注意的事（可不填）').fill('对花生过敏');
    await form.getByLabel('我是这个孩子的监护人，同意孩子参加本次活动').check();
    await shot(guardian, '03-consent');
    await form.getByRole('button', { name: '报名' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `已为 ${child} 报名。` })
      .waitFor();
    await guardian.goto(`${base}/children`);
    await guardian.getByRole('link', { name: title }).waitFor();
    await shot(guardian, '04-my-children');

    // 4. The organiser sees the child with the emergency contact and the allergy.
    await organiser.reload();
    const list = organiser.getByRole('region', { name: '报名的儿童' });
    await list.getByText(child).waitFor();
    expect(await list.textContent()).toContain('对花生过敏');
    await shot(organiser, '05-children-list');
    const width = await organiser.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
