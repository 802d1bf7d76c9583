/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { screenshotDir, useBrowser } from './browser';
import { bodyOf, client, createCommunity, expectStatus, read, tokenFor as localToken } from './local-api';

const port = inject('e2ePort');
const browser = useBrowser();

async function tokenFor(host: string, userId: string, name: string) {
  return localToken(port, host, userId, name);
}

const byId = (id: number) => ({ param: { id: String(id) } });
type Position = { position: 'agree' } | { position: 'block'; reason: string };

async function member(host: string, userId: string, name: string) {
  const token = await tokenFor(host, userId, name);
  const joined = bodyOf(
    await read(client(port, host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } })),
    201,
  );
  return { token, id: joined.id };
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
    const asAdmin = client(port, host, admin).api;
    for (const party of ['residents-committee', 'owners-committee', 'property-company'] as const) {
      const rep = await member(host, `${party}-${stamp}`, `${party}代表`);
      // An administrator offers the party's representation; the representative accepts it.
      const offer = bodyOf(
        await read(asAdmin.parties[':key'].appointments.$post({ param: { key: party }, json: { memberId: rep.id } })),
        201,
      );
      await read(
        client(port, host, rep.token).api.parties[':key'].appointments[':appointmentId'].answer.$post({
          param: { key: party, appointmentId: String(offer.id) },
          json: { accept: true },
        }),
      );
      reps[party] = rep.token;
    }
    reps.association = admin;
    const buildings = bodyOf(await read(client(port, host).api.buildings.$get()), 200).buildings;
    const building = buildings[0]!;
    const contact = await member(host, `contact-${stamp}`, '李建国');
    const offer = await read(client(port, host, contact.token).api.buildings[':id']['contact-applications'].$post(byId(building.id)));
    expectStatus(offer, 201);
    await read(asAdmin['contact-applications'][':id'].decision.$post({ ...byId(offer.json.id), json: { confirm: true } }));
    await member(host, `resident-${stamp}`, '王小雨');

    // The resident raises an issue in the browser.
    const resident = await pageAs(host, `resident-${stamp}`, '王小雨', '/issues');
    await resident.getByLabel('议题标题').fill('楼道电动车充电很危险');
    await resident.getByLabel('具体情况').fill('一栋楼道里有人给电动车充电，希望装集中充电桩。');
    await resident.getByLabel('类别').selectOption('safety');
    await resident.getByLabel('楼栋').selectOption(String(building.id));
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
    const schedule = async (title: string, days: number) =>
      bodyOf(
        await read(
          asAdmin.meetings.$post({
            json: { bodyKey: 'joint-meeting', title, scheduledFor: new Date(Date.now() + days * 86400_000).toISOString() },
          }),
        ),
        201,
      ).id;
    const firstItem = async (meetingId: number) => bodyOf(await read(asAdmin.meetings[':id'].$get(byId(meetingId))), 200).items[0]!.id;
    const open = (meetingId: number) => read(asAdmin.meetings[':id'].open.$post(byId(meetingId)));
    const attend = (meetingId: number, party: string, token: string) =>
      read(
        client(port, host, token).api.meetings[':id'].attendance[':voter'].$put({
          param: { id: String(meetingId), voter: party },
          json: { attended: true },
        }),
      );
    const stance = (meetingId: number, itemId: number, party: string, token: string, json: Position) =>
      read(
        client(port, host, token).api.meetings[':id'].items[':itemId'].stances[':voter'].$put({
          param: { id: String(meetingId), itemId: String(itemId), voter: party },
          json,
        }),
      );
    const m1 = await schedule('十二月联席会议', 1);
    await read(
      asAdmin.meetings[':id'].items.$post({
        ...byId(m1),
        json: { issueId, presenter: '李建国', minutesAllotted: 15, papers: '在楼下装 10 个充电桩。' },
      }),
    );
    const item1 = await firstItem(m1);
    // The chair opens the meeting; only then are attendance and positions recorded.
    expect((await open(m1)).status).toBe(200);
    for (const [party, token] of Object.entries(reps)) {
      await attend(m1, party, token);
      const position: Position =
        party === 'property-company' ? { position: 'block', reason: '楼下充电桩离楼道太近，有消防隐患' } : { position: 'agree' };
      await stance(m1, item1, party, token, position);
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
    const m2 = await schedule('一月联席会议', 30);
    const back = await read(
      asAdmin.meetings[':id'].items[':itemId']['bring-back'].$post({
        param: { id: String(m1), itemId: String(item1) },
        json: { toMeetingId: m2, papers: '改在地面车棚装 10 个充电桩。', presenter: '李建国', minutesAllotted: 10 },
      }),
    );
    expect(back.status).toBe(201);
    const item2 = await firstItem(m2);
    expect((await open(m2)).status).toBe(200);
    for (const [party, token] of Object.entries(reps)) {
      await attend(m2, party, token);
      await stance(m2, item2, party, token, { position: 'agree' });
    }
    const decisionText = '在地面车棚安装 10 个充电桩，物业三个月内完成。';
    const decision = asAdmin.meetings[':id'].items[':itemId'].decision.$post({
      param: { id: String(m2), itemId: String(item2) },
      json: { decisionText },
    });
    expect(bodyOf(await read(decision), 200).result).toBe('adopted');
    await read(asAdmin.meetings[':id'].close.$post(byId(m2)));
    const minutes = bodyOf(await read(asAdmin.meetings[':id'].$get(byId(m2))), 200).minutes!;
    expect((await read(asAdmin.meetings[':id'].minutes.$post({ ...byId(m2), json: { text: minutes } }))).status).toBe(200);

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
