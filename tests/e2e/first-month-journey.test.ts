/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';

const port = inject('e2ePort');
const platform = `http://localhost:${port}`;
const browser = useBrowser();
const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshotDir}/first-month-${name}.png`, fullPage: true });

/** A fresh phone-sized, Chinese browser signed in on the community host through the dev sign-in page. */
async function pageAs(host: string, userId: string, name: string, next: string) {
  const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

/** Today's date in the browser's local time, as a datetime-local value at the given hour. */
function todayAt(hour: number) {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

const PARTIES = [
  { key: 'residents-committee', title: '居委会', person: '陈居委' },
  { key: 'owners-committee', title: '业委会', person: '王业主' },
  { key: 'property-company', title: '物业', person: '李物业' },
] as const;

describe("a new community's first month, in Chinese, at phone width, through the pages only", () => {
  it('founds, joins, appoints the parties, records money, a space and a committee, and holds the first joint meeting', {
    timeout: 240_000,
  }, async () => {
    const slug = `fm-${Date.now().toString(36)}`;
    const host = `${slug}.localhost`;
    const base = `http://${host}:${port}`;

    // 1. The founder creates the community with the wizard.
    const context = await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    const admin = await context.newPage();
    await admin.goto(`${platform}/`);
    await admin.getByRole('link', { name: '登录' }).click();
    await admin.getByLabel('用户名（字母、数字、- 或 _）').fill(`founder-${slug}`);
    await admin.getByLabel('显示名称').fill('林晓');
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    await admin.getByText('已登录：林晓').waitFor();
    await admin.getByRole('link', { name: '创建社区' }).first().click();
    await admin.getByLabel('社区中文名称').fill('山水花园');
    await admin.getByRole('textbox', { name: '网址' }).fill(slug);
    await admin.getByRole('button', { name: '下一步' }).click();
    await admin.getByLabel('城市').fill('南京');
    await admin.getByLabel('户数').fill('640');
    await admin.getByRole('button', { name: '下一步' }).click();
    await admin.getByLabel('楼栋数量').fill('5');
    await admin.getByRole('button', { name: '下一步' }).click();
    await admin.getByLabel('居委会名称（可选）').fill('山水社区居委会');
    await admin.getByRole('button', { name: '下一步' }).click();
    await admin.getByRole('button', { name: '创建社区' }).click();
    await admin.waitForURL(`${base}/admin`, { timeout: 20_000 });
    await admin.getByTestId('checklist').locator('li').first().waitFor();
    await shot(admin, '01-founded');

    // 2. Four neighbours sign in and join through /join.
    const people = [
      ...PARTIES.map((p) => ({ ...p, id: `${p.key.slice(0, 3)}-${slug}` })),
      { key: null, title: null, person: '赵邻居', id: `nbr-${slug}` },
    ];
    const pages = new Map<string, Page>();
    for (const [n, p] of people.entries()) {
      const page = await pageAs(host, p.id, p.person, '/join');
      await page.getByLabel('你希望邻居怎么称呼你').fill(p.person);
      await page.getByLabel('你住在哪栋楼（可选）').selectOption({ index: n + 1 });
      await page.getByLabel('我已阅读并同意《隐私告知》').check();
      await page.getByRole('button', { name: '加入', exact: true }).click();
      await page.waitForURL(`${base}/`);
      if (n === 0) await shot(page, '02-joined');
      pages.set(p.id, page);
    }

    // The founder proposes the three other parties' representatives; each accepts on their notifications page.
    await admin.goto(`${base}/admin/settings`);
    for (const p of PARTIES) {
      const select = admin.getByLabel(`提名为${p.title}代表`);
      await expect.poll(() => select.locator('option').allTextContents(), { timeout: 15_000 }).toContain(p.person);
      await select.selectOption({ label: p.person });
      const fieldset = admin.locator('fieldset').filter({ has: admin.getByLabel(`提名为${p.title}代表`) });
      await fieldset.getByRole('button', { name: '提名代表' }).click();
      await expect.poll(() => fieldset.textContent(), { timeout: 15_000 }).toContain('已提名，等待本人接受');
    }
    await shot(admin, '03-representatives-proposed');
    for (const p of people.slice(0, 3)) {
      const page = pages.get(p.id)!;
      await page.goto(`${base}/notifications`);
      await page.getByRole('button', { name: '接受' }).click();
      await expect.poll(() => page.getByRole('button', { name: '接受' }).count(), { timeout: 15_000 }).toBe(0);
    }
    await admin.reload();
    for (const p of PARTIES) {
      const fieldset = admin.locator('fieldset').filter({ has: admin.getByLabel(`提名为${p.title}代表`) });
      await expect.poll(() => fieldset.textContent(), { timeout: 15_000 }).toContain(`${p.person} · 现任代表`);
    }
    await shot(admin, '04-representatives-accepted');

    // 3. The seed fund, a space and a committee.
    await admin.goto(`${base}/accounts/record`);
    await admin.getByRole('radio', { name: '启动资金' }).check();
    await admin.getByLabel('资金来源').fill('发起人共同出资');
    await admin.getByLabel('金额（元）').fill('3000');
    await admin.getByRole('button', { name: '记账', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: '已记账。' }).waitFor();
    await shot(admin, '05-seed-fund');
    await admin.goto(`${base}/accounts`);
    await expect.poll(() => admin.locator('body').textContent(), { timeout: 15_000 }).toMatch(/3,?000/);

    await admin.goto(`${base}/spaces`);
    const newSpace = admin.locator('section.card', { has: admin.getByRole('heading', { name: '添加空间' }) });
    await newSpace.getByLabel('名称').fill('活动室');
    await newSpace.getByLabel('容纳人数').fill('30');
    await newSpace.getByLabel('开门时间（时:分）').fill('08:00');
    await newSpace.getByLabel('关门时间（时:分）').fill('21:00');
    await newSpace.getByLabel('使用规则').fill('用后请打扫，晚九点前离开。');
    await newSpace.getByRole('button', { name: '添加' }).click();
    await admin.getByRole('heading', { name: '活动室' }).waitFor();
    await shot(admin, '06-space');

    await admin.goto(`${base}/committees`);
    await admin.getByLabel('名称').fill('环境委员会');
    await admin.getByLabel('职责范围').fill('绿化、垃圾分类和公共环境的提议与监督。');
    await admin.getByRole('button', { name: '成立' }).click();
    await admin.getByRole('heading', { name: '环境委员会' }).waitFor();
    await shot(admin, '07-committee');

    // 4. Two joint meetings this month: the first, and a later one an item can be brought back to.
    const schedule = async (title: string, hour: number) => {
      await admin.goto(`${base}/meetings`);
      await admin.getByLabel('协同机构').selectOption({ label: '多方联席会议' });
      await admin.getByLabel('会议名称').fill(title);
      await admin.getByLabel('时间').fill(todayAt(hour));
      await admin.getByRole('button', { name: '安排会议' }).click();
      await admin.waitForURL(/\/meetings\/\d+$/);
      await admin.getByRole('heading', { level: 1, name: title }).waitFor();
      return new URL(admin.url()).pathname;
    };
    const first = await schedule('第一次联席会议', 1);
    await admin.getByRole('radio', { name: '自拟议题' }).check();
    await admin.getByLabel('议题标题').fill('在3栋楼下设置快递柜');
    await admin.getByLabel('报告人').fill('林晓');
    await admin.getByLabel('会议材料').fill('物业提供场地，互助会联系快递柜公司，免费安装。');
    await admin.getByRole('button', { name: '加入议程' }).click();
    await admin.getByRole('heading', { level: 3, name: '在3栋楼下设置快递柜' }).waitFor();
    await admin.getByRole('button', { name: '宣布开会' }).click();
    await expect.poll(() => admin.getByTestId('meeting-status').textContent(), { timeout: 15_000 }).toBe('进行中');
    await shot(admin, '08-meeting-open');

    /** Each representative marks their party present and records its position on the page of the meeting. */
    const takePosition = async (page: Page, party: string, title: string, position: string, reason?: string) => {
      await page.goto(`${base}${meetingPath}`);
      const card = page.locator(`li[data-party="${party}"]`);
      await card.getByRole('button', { name: '本方出席' }).click();
      await card.getByRole('button', { name: '本方出席', pressed: true }).waitFor();
      const form = page.locator('form.position-form').filter({ has: page.getByText(`${title}的立场`) });
      await form.getByRole('radio', { name: position, exact: true }).check();
      if (reason) await form.getByLabel('理由（必填）').fill(reason);
      await form.getByRole('button', { name: '登记立场' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `已登记${title}的立场。` })
        .waitFor();
    };
    let meetingPath = first;
    await takePosition(admin, 'association', '互助会', '同意');
    await takePosition(pages.get(people[0]!.id)!, 'residents-committee', '居委会', '同意');
    await takePosition(pages.get(people[1]!.id)!, 'owners-committee', '业委会', '同意');
    const property = pages.get(people[2]!.id)!;
    await takePosition(property, 'property-company', '物业', '阻止', '3栋楼下是消防通道，快递柜不能放在那里；改到北门岗亭旁即可。');
    await shot(property, '09-blocked-position');

    await admin.reload();
    await admin.getByLabel('决定文本（仅在通过时需要）').waitFor();
    await admin.getByRole('button', { name: '表决' }).click();
    await admin.getByRole('status').filter({ hasText: '表决结果：被阻止' }).waitFor();
    await admin.locator('li.agenda-item .tags').getByText('被阻止', { exact: true }).waitFor();
    await shot(admin, '10-blocked');

    const second = await schedule('第二次联席会议', 2);
    await admin.goto(`${base}${first}`);
    await admin.getByRole('button', { name: '带回修改' }).click();
    const bring = admin.locator('form').filter({ has: admin.getByRole('heading', { name: '带回修改' }) });
    await bring.getByLabel('带到哪次会议').selectOption(second.split('/').pop()!);
    await bring.getByLabel('修改后的材料').fill('按物业意见，快递柜改设在北门岗亭旁，不占消防通道。');
    await bring.getByRole('button', { name: '带回修改' }).click();
    await admin.getByRole('status').filter({ hasText: '已带回修改，列入“第二次联席会议”的议程。' }).waitFor();
    await shot(admin, '11-brought-back');

    // The first meeting closes and its minutes are published.
    const closeAndPublish = async (name: string) => {
      await admin.getByRole('button', { name: '结束会议' }).click();
      await admin.getByRole('button', { name: '确认结束会议' }).click();
      await expect.poll(() => admin.getByTestId('meeting-status').textContent(), { timeout: 15_000 }).toBe('已结束');
      await expect.poll(() => admin.getByLabel('纪要草稿（Markdown）').inputValue(), { timeout: 15_000 }).not.toBe('');
      await admin.getByRole('button', { name: '发布纪要' }).click();
      await admin.getByRole('status').filter({ hasText: '纪要已发布。' }).waitFor();
      await shot(admin, name);
    };
    await closeAndPublish('12-first-minutes');

    // 5. At the second meeting the revised item is adopted unanimously.
    meetingPath = second;
    await admin.goto(`${base}${second}`);
    await admin.getByText('修改后再议').waitFor();
    await admin.getByRole('button', { name: '宣布开会' }).click();
    await expect.poll(() => admin.getByTestId('meeting-status').textContent(), { timeout: 15_000 }).toBe('进行中');
    await takePosition(admin, 'association', '互助会', '同意');
    await takePosition(pages.get(people[0]!.id)!, 'residents-committee', '居委会', '同意');
    await takePosition(pages.get(people[1]!.id)!, 'owners-committee', '业委会', '同意');
    await takePosition(property, 'property-company', '物业', '同意');
    await admin.reload();
    await admin.getByLabel('决定文本（通过时必填，对外统一口径）').fill('快递柜设在北门岗亭旁，由互助会联系安装。');
    await admin.getByRole('button', { name: '表决' }).click();
    await admin.getByRole('status').filter({ hasText: '表决结果：已通过' }).waitFor();
    await admin.locator('li.agenda-item .tags').getByText('已通过', { exact: true }).waitFor();
    expect(await admin.getByRole('button', { name: '表决' }).count()).toBe(0);
    await shot(admin, '13-adopted');

    // 6. The minutes are published, and the cadence shows this month's joint meeting.
    await closeAndPublish('14-second-minutes');
    const neighbour = pages.get(people[3]!.id)!;
    await neighbour.goto(`${base}${second}`);
    await neighbour.getByText('快递柜设在北门岗亭旁，由互助会联系安装。').first().waitFor();
    await shot(neighbour, '15-minutes-for-residents');

    await admin.goto(`${base}/meetings`);
    const strip = admin.getByRole('list', { name: '联席会议是否每月召开' });
    await expect.poll(() => strip.locator('li').last().textContent(), { timeout: 15_000 }).toContain('已召开');
    expect(await admin.getByText('纪要已发布').count()).toBeGreaterThanOrEqual(2);
    await admin.goto(`${base}/association`);
    const cadence = admin.locator('section.card', { has: admin.getByRole('heading', { name: '联席会议节奏' }) });
    await expect.poll(() => cadence.textContent(), { timeout: 15_000 }).toContain('社区开始以来每个月都召开了联席会议。');
    expect(await admin.getByText('本月还没有安排联席会议').count()).toBe(0);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(admin, '16-association');
    await context.close();
  });
});
