/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { api, createCommunity } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

async function tokenFor(host: string, userId: string, name: string) {
  return (await api(port, host, '/api/dev/sign-in', { body: { userId, name } })).json.token as string;
}

async function member(host: string, userId: string, name: string) {
  const token = await tokenFor(host, userId, name);
  const joined = await api(port, host, '/api/members/me', { token, body: { displayName: name } });
  return { token, id: joined.json.id as number };
}

async function pageAs(host: string, userId: string, name: string, next: string) {
  const page = await (await browser().newContext({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' })).newPage();
  await page.goto(`http://${host}:${port}/sign-in?as=${userId}&name=${encodeURIComponent(name)}&next=${encodeURIComponent(next)}`);
  await page.waitForURL(`http://${host}:${port}${next}`);
  return page;
}

describe('an issue travels up to the joint meeting and the decision comes back to the resident', () => {
  it('a resident raises it, the building contact refers it, one party blocks, it is revised and adopted, minutes are published, and the resident sees the decision', async () => {
    const stamp = Date.now().toString(36);
    const founder = `adm-${stamp}`;
    const slug = await createCommunity(port, founder);
    const host = `${slug}.localhost`;
    const admin = await tokenFor(host, founder, '周老师');

    // Representatives of the three outside parties, and a confirmed contact for building 1.
    const reps: Record<string, string> = {};
    for (const party of ['residents-committee', 'owners-committee', 'property-company']) {
      const rep = await member(host, `${party}-${stamp}`, `${party}代表`);
      // An administrator offers the party's representation; the representative accepts it.
      const offer = await api(port, host, `/api/parties/${party}/appointments`, { token: admin, body: { memberId: rep.id } });
      await api(port, host, `/api/parties/${party}/appointments/${offer.json.id}/answer`, { token: rep.token, body: { accept: true } });
      reps[party] = rep.token;
    }
    reps.association = admin;
    const buildings = (await api(port, host, '/api/buildings')).json.buildings;
    const contact = await member(host, `contact-${stamp}`, '李建国');
    const offer = await api(port, host, `/api/buildings/${buildings[0].id}/contact-applications`, { method: 'POST', token: contact.token });
    await api(port, host, `/api/contact-applications/${offer.json.id}/decision`, { token: admin, body: { confirm: true } });
    await member(host, `resident-${stamp}`, '王小雨');

    // The resident raises an issue in the browser.
    const resident = await pageAs(host, `resident-${stamp}`, '王小雨', '/issues');
    await resident.getByLabel('议题标题').fill('楼道电动车充电很危险');
    await resident.getByLabel('具体情况').fill('一栋楼道里有人给电动车充电，希望装集中充电桩。');
    await resident.getByLabel('类别').selectOption('safety');
    await resident.getByLabel('楼栋').selectOption(String(buildings[0].id));
    await resident.getByRole('button', { name: '提交议题' }).click();
    // Raising it opens the issue's own page.
    await resident.waitForURL(/\/issues\/\d+$/);
    const issueId = Number(resident.url().split('/').pop());

    // The building contact takes it up and refers it to the joint meeting.
    const contactPage = await pageAs(host, `contact-${stamp}`, '李建国', `/issues/${issueId}`);
    await contactPage.getByRole('button', { name: '受理' }).click();
    await contactPage.getByRole('button', { name: '确认：受理' }).click();
    await contactPage.getByText('已受理。').waitFor();
    await contactPage.getByRole('button', { name: '提交议事' }).click();
    await contactPage.getByRole('button', { name: '确认：提交议事' }).click();
    await contactPage.getByText('已提交议事。').waitFor();

    // Meeting 1: on the agenda; the property company blocks it.
    const m1 = (
      await api(port, host, '/api/meetings', {
        token: admin,
        body: { bodyKey: 'joint-meeting', title: '十二月联席会议', scheduledFor: new Date(Date.now() + 86400_000).toISOString() },
      })
    ).json.id;
    await api(port, host, `/api/meetings/${m1}/items`, {
      token: admin,
      body: { issueId, presenter: '李建国', minutesAllotted: 15, papers: '在楼下装 10 个充电桩。' },
    });
    const item1 = (await api(port, host, `/api/meetings/${m1}`, { token: admin })).json.items[0].id;
    // The chair opens the meeting; only then are attendance and positions recorded.
    expect((await api(port, host, `/api/meetings/${m1}/open`, { method: 'POST', token: admin })).status).toBe(200);
    for (const [party, token] of Object.entries(reps)) {
      await api(port, host, `/api/meetings/${m1}/attendance/${party}`, { method: 'PUT', token, body: { attended: true } });
      const position =
        party === 'property-company' ? { position: 'block', reason: '楼下充电桩离楼道太近，有消防隐患' } : { position: 'agree' };
      await api(port, host, `/api/meetings/${m1}/items/${item1}/stances/${party}`, { method: 'PUT', token, body: position });
    }
    const adminPage = await pageAs(host, founder, '周老师', `/meetings/${m1}`);
    await adminPage.getByRole('button', { name: '表决' }).click();
    await adminPage.getByText('楼下充电桩离楼道太近，有消防隐患').first().waitFor();
    await expect.poll(() => adminPage.locator('#main').innerText()).toContain('被阻止');
    expect(await adminPage.getByTestId('meeting-status').innerText()).toBe('进行中');
    expect(await adminPage.getByTestId('tally').innerText()).toContain('阻止 1');
    expect(await adminPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await adminPage.screenshot({ path: `${screenshotDir}/30-meeting-blocked.png`, fullPage: true });

    // Meeting 2: brought back revised; everyone agrees; minutes are published.
    const m2 = (
      await api(port, host, '/api/meetings', {
        token: admin,
        body: { bodyKey: 'joint-meeting', title: '一月联席会议', scheduledFor: new Date(Date.now() + 30 * 86400_000).toISOString() },
      })
    ).json.id;
    const back = await api(port, host, `/api/meetings/${m1}/items/${item1}/bring-back`, {
      token: admin,
      body: { toMeetingId: m2, papers: '改在地面车棚装 10 个充电桩。', presenter: '李建国', minutesAllotted: 10 },
    });
    expect(back.status).toBe(201);
    const item2 = (await api(port, host, `/api/meetings/${m2}`, { token: admin })).json.items[0].id;
    expect((await api(port, host, `/api/meetings/${m2}/open`, { method: 'POST', token: admin })).status).toBe(200);
    for (const [party, token] of Object.entries(reps)) {
      await api(port, host, `/api/meetings/${m2}/attendance/${party}`, { method: 'PUT', token, body: { attended: true } });
      await api(port, host, `/api/meetings/${m2}/items/${item2}/stances/${party}`, { method: 'PUT', token, body: { position: 'agree' } });
    }
    const decisionText = '在地面车棚安装 10 个充电桩，物业三个月内完成。';
    expect(
      (await api(port, host, `/api/meetings/${m2}/items/${item2}/decision`, { token: admin, body: { decisionText } })).json.result,
    ).toBe('adopted');
    await api(port, host, `/api/meetings/${m2}/close`, { method: 'POST', token: admin });
    const minutes = (await api(port, host, `/api/meetings/${m2}`, { token: admin })).json.minutes;
    expect((await api(port, host, `/api/meetings/${m2}/minutes`, { token: admin, body: { text: minutes } })).status).toBe(200);

    // A correction after closing is a recorded amendment beside the minutes, never an edit.
    await adminPage.goto(`http://${host}:${port}/meetings/${m2}`);
    await adminPage.getByLabel('更正内容').fill('落实期限以物业书面承诺为准');
    await adminPage.getByLabel('更正理由').fill('会上口头约定，纪要未写明');
    await adminPage.getByRole('button', { name: '补记更正' }).click();
    await adminPage.getByTestId('amendments').getByText('落实期限以物业书面承诺为准').waitFor();
    expect(await adminPage.getByTestId('meeting-status').innerText()).toBe('已结束');
    expect(await adminPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await adminPage.screenshot({ path: `${screenshotDir}/32-meeting-amended.png`, fullPage: true });

    // The resident sees the decision on their issue, with the whole path.
    await resident.goto(`http://${host}:${port}/issues/${issueId}`);
    await resident.getByText(decisionText).first().waitFor();
    const text = await resident.locator('#main').innerText();
    expect(text).toContain('李建国');
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await resident.screenshot({ path: `${screenshotDir}/31-issue-decided.png`, fullPage: true });
    await resident.goto(`http://${host}:${port}/notifications`);
    await resident.getByText(decisionText, { exact: false }).first().waitFor();
  });
});
