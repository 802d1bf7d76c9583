import { env } from 'cloudflare:workers';
import type { InferRequestType } from 'hono/client';
import { describe, expect, it, vi } from 'vitest';
import { type Api, bodyOf, client, createCommunity, expectStatus, read, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

interface Person {
  token: string;
  id: number;
}

async function join(host: string, name: string): Promise<Person> {
  const token = await signIn(uid('p'), host, name);
  const res = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
  expectStatus(res, 201);
  return { token, id: res.json.id };
}

const byId = (id: number) => ({ param: { id: String(id) } });
type Transition = InferRequestType<Api['issues'][':id']['transitions']['$post']>['json'];
type Position = InferRequestType<Api['meetings'][':id']['items'][':itemId']['stances'][':voter']['$put']>['json']['position'];
type MeetingInput = InferRequestType<Api['meetings']['$post']>['json'];

const transition = (host: string, id: number, who: Person, json: Transition) =>
  read(client(host, who.token).api.issues[':id'].transitions.$post({ ...byId(id), json }));
const schedule = (host: string, who: Person, json: MeetingInput) => read(client(host, who.token).api.meetings.$post({ json }));
const attend = (host: string, meetingId: number, voter: string, who: Person, attended: boolean) =>
  read(
    client(host, who.token).api.meetings[':id'].attendance[':voter'].$put({ param: { id: String(meetingId), voter }, json: { attended } }),
  );
const stance = (host: string, meetingId: number, itemId: number, voter: string, who: Person, position: Position, reason?: string) =>
  read(
    client(host, who.token).api.meetings[':id'].items[':itemId'].stances[':voter'].$put({
      param: { id: String(meetingId), itemId: String(itemId), voter },
      json: { position, ...(reason ? { reason } : {}) },
    }),
  );
const decide = (host: string, meetingId: number, itemId: number, who: Person, json: { decisionText?: string }) =>
  read(
    client(host, who.token).api.meetings[':id'].items[':itemId'].decision.$post({
      param: { id: String(meetingId), itemId: String(itemId) },
      json,
    }),
  );
/** The meeting as `who` sees it (it must be visible to them). */
const meetingDetail = async (host: string, id: number, who: Person) =>
  bodyOf(await read(client(host, who.token).api.meetings[':id'].$get(byId(id))), 200);
/** The issue as `who` sees it (it must be visible to them). */
const issue = async (host: string, id: number, who: Person) =>
  bodyOf(await read(client(host, who.token).api.issues[':id'].$get(byId(id))), 200);
const buildingsOf = async (host: string) => bodyOf(await read(client(host).api.buildings.$get()), 200);

/** A community with a representative for each outside party and a confirmed contact for building 1. */
async function setup() {
  const c = await createCommunity(uid('founder'));
  const admin: Person = { token: c.founderToken, id: 1 };
  const reps: Record<string, Person> = {};
  for (const party of ['residents-committee', 'owners-committee', 'property-company'] as const) {
    reps[party] = await join(c.host, `${party}代表`);
    const offer = await read(
      client(c.host, admin.token).api.parties[':key'].appointments.$post({ param: { key: party }, json: { memberId: reps[party]!.id } }),
    );
    expectStatus(offer, 201);
    const answer = await read(
      client(c.host, reps[party]!.token).api.parties[':key'].appointments[':appointmentId'].answer.$post({
        param: { key: party, appointmentId: String(offer.json.id) },
        json: { accept: true },
      }),
    );
    expectStatus(answer, 200);
  }
  const [b1, b2] = (await buildingsOf(c.host)).buildings;
  if (!b1 || !b2) throw new Error('the community has fewer than two buildings');
  const contact = await join(c.host, '一栋联络人');
  const applied = await read(client(c.host, contact.token).api.buildings[':id']['contact-applications'].$post(byId(b1.id)));
  expectStatus(applied, 201);
  const decideApplication = (who: Person) =>
    read(
      client(c.host, who.token).api['contact-applications'][':id'].decision.$post({ ...byId(applied.json.id), json: { confirm: true } }),
    );
  expect((await decideApplication(contact)).status).toBe(403);
  expect((await decideApplication(admin)).status).toBe(200);
  return { ...c, admin, reps, contact, b1, b2 };
}

const soon = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

async function vote(host: string, meetingId: number, itemId: number, party: string, who: Person, position: Position, reason?: string) {
  const res = await stance(host, meetingId, itemId, party, who, position, reason);
  expectStatus(res, 200);
}

async function attendAll(host: string, meetingId: number, s: Awaited<ReturnType<typeof setup>>) {
  // The chair opens the meeting; attendance and positions are recorded only while it is in progress.
  const opened = await read(client(host, s.admin.token).api.meetings[':id'].open.$post(byId(meetingId)));
  expectStatus(opened, 200);
  for (const [party, rep] of Object.entries(s.reps)) {
    expect((await attend(host, meetingId, party, rep, true)).status).toBe(200);
  }
  expect((await attend(host, meetingId, 'association', s.admin, true)).status).toBe(200);
}

describe('building contacts', () => {
  it('a confirmed volunteer becomes the building contact and the coverage counts them', async () => {
    const s = await setup();
    const buildings = await buildingsOf(s.host);
    const b1 = buildings.buildings.find((b) => b.id === s.b1.id)!;
    expect(b1.contacts.map((x) => x.id)).toEqual([s.contact.id]);
    expect(buildings.coverage.covered).toBe(0);
    const second = await join(s.host, '一栋第二联络人');
    const applied = await read(client(s.host, second.token).api.buildings[':id']['contact-applications'].$post(byId(s.b1.id)));
    expectStatus(applied, 201);
    await read(
      client(s.host, s.admin.token).api['contact-applications'][':id'].decision.$post({
        ...byId(applied.json.id),
        json: { confirm: true },
      }),
    );
    const after = await buildingsOf(s.host);
    expect(after.coverage.covered).toBe(1);
  });
});

describe('an issue travels up to the joint meeting, is blocked, revised, adopted, and travels back', () => {
  it('follows the whole path with the raiser notified at each step', async () => {
    const s = await setup();
    const { host } = s;
    const raiser = await join(host, '王小雨');
    const neighbour = await join(host, '邻居');
    const raised = await read(
      client(host, raiser.token).api.issues.$post({
        json: { title: '地下车库充电桩', description: '电动车在楼道充电很危险，希望装充电桩。', category: 'safety', buildingId: s.b1.id },
      }),
    );
    expectStatus(raised, 201);
    const issueId = raised.json.id;
    const support = () => read(client(host, neighbour.token).api.issues[':id'].support.$post(byId(issueId)));
    expect((await support()).status).toBe(200);
    expect((await support()).status).toBe(200);
    expect((await issue(host, issueId, raiser)).supports).toBe(1);

    // Only the contact of that building (or a coordinator) takes it up; a resident cannot.
    expect((await transition(host, issueId, neighbour, { to: 'acknowledged' })).status).toBe(403);
    expect((await transition(host, issueId, s.contact, { to: 'acknowledged' })).status).toBe(200);
    expect((await transition(host, issueId, s.contact, { to: 'decided', outcome: 'adopted' })).status).toBe(409);
    expect((await transition(host, issueId, s.contact, { to: 'referred', bodyKey: 'joint-meeting', note: '涉及物业和消防' })).status).toBe(
      200,
    );

    // Meeting 1: the property company blocks.
    const m1 = await schedule(host, s.admin, { bodyKey: 'joint-meeting', title: '十二月联席会议', scheduledFor: soon(3) });
    expectStatus(m1, 201);
    expect((await schedule(host, raiser, { bodyKey: 'joint-meeting', title: '居民自己开的会', scheduledFor: soon(3) })).status).toBe(403);
    const agenda = client(host, s.admin.token).api.meetings[':id'].items.$post({
      ...byId(m1.json.id),
      json: { issueId, presenter: '一栋联络人', minutesAllotted: 15, papers: '## 方案\n\n在地下车库装 20 个充电桩。' },
    });
    expect((await read(agenda)).status).toBe(201);
    expect((await issue(host, issueId, raiser)).state).toBe('on-agenda');
    await attendAll(host, m1.json.id, s);
    const meeting1 = await meetingDetail(host, m1.json.id, raiser);
    const item1 = meeting1.items[0]!.id;
    // Positions are recorded only by a party's own representatives.
    const wrong = await stance(host, m1.json.id, item1, 'property-company', s.reps['owners-committee']!, 'agree');
    expect(wrong.status).toBe(403);
    const noReason = await stance(host, m1.json.id, item1, 'property-company', s.reps['property-company']!, 'block');
    expect(noReason.status).toBe(400);
    await vote(host, m1.json.id, item1, 'residents-committee', s.reps['residents-committee']!, 'agree');
    await vote(host, m1.json.id, item1, 'owners-committee', s.reps['owners-committee']!, 'agree');
    await vote(host, m1.json.id, item1, 'association', s.admin, 'agree');
    await vote(host, m1.json.id, item1, 'property-company', s.reps['property-company']!, 'block', '地下车库充电有消防风险，需移到地面车棚');
    const d1 = await decide(host, m1.json.id, item1, s.admin, {});
    expectStatus(d1, 200);
    expect(d1.json.result).toBe('blocked');
    expect(d1.json.blocks).toEqual([{ voter: 'property-company', reason: '地下车库充电有消防风险，需移到地面车棚' }]);
    expect((await issue(host, issueId, raiser)).state).toBe('on-agenda');
    const close = (id: number) => read(client(host, s.admin.token).api.meetings[':id'].close.$post(byId(id)));
    expect((await close(m1.json.id)).status).toBe(200);
    // After closing, positions are final.
    const late = await stance(host, m1.json.id, item1, 'property-company', s.reps['property-company']!, 'agree');
    expect(late.status).toBe(409);

    // Meeting 2: the item comes back revised and everyone agrees.
    const m2 = await schedule(host, s.admin, { bodyKey: 'joint-meeting', title: '一月联席会议', scheduledFor: soon(33) });
    expectStatus(m2, 201);
    const back = await read(
      client(host, s.admin.token).api.meetings[':id'].items[':itemId']['bring-back'].$post({
        param: { id: String(m1.json.id), itemId: String(item1) },
        json: {
          toMeetingId: m2.json.id,
          papers: '## 修改后的方案\n\n在地面车棚装 20 个充电桩。',
          presenter: '一栋联络人',
          minutesAllotted: 10,
        },
      }),
    );
    expectStatus(back, 201);
    await attendAll(host, m2.json.id, s);
    const item2 = (await meetingDetail(host, m2.json.id, raiser)).items[0]!;
    expect(item2.revisedFrom).toBe(item1);
    for (const party of ['residents-committee', 'owners-committee', 'property-company'])
      await vote(host, m2.json.id, item2.id, party, s.reps[party]!, 'agree');
    await vote(host, m2.json.id, item2.id, 'association', s.admin, 'agree');
    const needsText = await decide(host, m2.json.id, item2.id, s.admin, {});
    expect(needsText.status).toBe(400);
    const decisionText = '在地面车棚安装 20 个充电桩，由物业三月底前完成。';
    const d2 = await decide(host, m2.json.id, item2.id, s.admin, { decisionText });
    expectStatus(d2, 200);
    expect(d2.json.result).toBe('adopted');
    const decided = await issue(host, issueId, raiser);
    expect(decided).toMatchObject({ state: 'decided', outcome: 'adopted', decisionText });
    const action = client(host, s.admin.token).api.meetings[':id'].items[':itemId'].actions.$post({
      param: { id: String(m2.json.id), itemId: String(item2.id) },
      json: { description: '安装充电桩', owner: '物业', dueOn: '2027-03-31' },
    });
    expect((await read(action)).status).toBe(201);

    // Minutes: drafted from the record on closing, published with one voice.
    await close(m2.json.id);
    expect((await meetingDetail(host, m2.json.id, raiser)).minutes).toBeNull();
    const closed = await meetingDetail(host, m2.json.id, s.admin);
    expect(closed.minutes).toContain('地面车棚');
    expect(closed.minutes).toContain('全体同意');
    const publish = (who: Person) =>
      read(client(host, who.token).api.meetings[':id'].minutes.$post({ ...byId(m2.json.id), json: { text: closed.minutes! } }));
    expect((await publish(raiser)).status).toBe(403);
    expect((await publish(s.admin)).status).toBe(200);
    expect((await publish(s.admin)).status).toBe(409);
    const published = bodyOf(await read(client(host, raiser.token).api.decisions.$get()), 200);
    expect(published.decisions.map((d) => d.decisionText)).toContain(decisionText);

    // Implementation, then the contact relays the decision to the building.
    expect((await transition(host, issueId, s.admin, { to: 'implementing', owner: '物业', dueOn: '2027-03-31' })).status).toBe(200);
    expect((await transition(host, issueId, s.admin, { to: 'done', note: '已安装' })).status).toBe(200);
    expect((await transition(host, issueId, s.contact, { to: 'relayed', note: '已在楼栋群解释' })).status).toBe(200);
    const final = await issue(host, issueId, raiser);
    expect(final.events.map((e) => e.toState)).toEqual([
      'raised',
      'acknowledged',
      'referred',
      'on-agenda',
      'decided',
      'implementing',
      'done',
      'relayed',
    ]);
    expect(final.stages).toHaveLength(8);
    const notifications = async () => bodyOf(await read(client(host, raiser.token).api.me.notifications.$get()), 200);
    const notes = await notifications();
    // Seven steps of the issue, and the minutes of the meeting that decided it.
    expect(notes.notifications.length).toBe(8);
    expect(notes.unread).toBe(8);
    expect(notes.notifications.filter((n) => n.textZh.includes('会议纪要已发布'))).toHaveLength(1);
    expect(notes.notifications.some((n) => n.textZh.includes(decisionText))).toBe(true);
    await read(client(host, raiser.token).api.me.notifications.read.$post());
    expect((await notifications()).unread).toBe(0);
  });

  it('a party that did not attend and sent no written position is never counted as agreeing', async () => {
    const s = await setup();
    const m = await schedule(s.host, s.admin, { bodyKey: 'joint-meeting', title: '临时会议', scheduledFor: soon(1) });
    expectStatus(m, 201);
    await read(
      client(s.host, s.admin.token).api.meetings[':id'].items.$post({
        ...byId(m.json.id),
        json: { title: '修缮儿童乐园', presenter: '互助会', minutesAllotted: 10 },
      }),
    );
    const item = (await meetingDetail(s.host, m.json.id, s.admin)).items[0]!.id;
    expect((await read(client(s.host, s.admin.token).api.meetings[':id'].open.$post(byId(m.json.id)))).status).toBe(200);
    await attend(s.host, m.json.id, 'residents-committee', s.reps['residents-committee']!, false);
    for (const party of ['owners-committee', 'property-company']) {
      await attend(s.host, m.json.id, party, s.reps[party]!, true);
      await vote(s.host, m.json.id, item, party, s.reps[party]!, 'agree');
    }
    await attend(s.host, m.json.id, 'association', s.admin, true);
    await vote(s.host, m.json.id, item, 'association', s.admin, 'agree');
    const outcome = await decide(s.host, m.json.id, item, s.admin, { decisionText: '修缮' });
    expectStatus(outcome, 200);
    expect(outcome.json.result).toBe('undecided');
    expect(outcome.json.missing).toEqual(['residents-committee']);

    // Every change to the meeting's record is in the audit log, with who made it.
    const logged = await env.PLATFORM_DB.prepare(
      "SELECT action, detail FROM audit_log WHERE action LIKE 'meeting.%' AND json_extract(detail, '$.meetingId') = ? AND community_id = (SELECT id FROM communities WHERE slug = ?) ORDER BY id",
    )
      .bind(m.json.id, s.host.split('.')[0])
      .all<{ action: string; detail: string }>();
    const actions = logged.results.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'meeting.scheduled',
        'meeting.item-added',
        'meeting.opened',
        'meeting.attendance-recorded',
        'meeting.position-recorded',
        'meeting.item-decided',
      ]),
    );
    expect(actions.filter((a) => a === 'meeting.position-recorded')).toHaveLength(3);
    expect(
      logged.results.some(
        (r) =>
          r.action === 'meeting.attendance-recorded' &&
          JSON.parse(r.detail).voter === 'residents-committee' &&
          JSON.parse(r.detail).attended === false,
      ),
    ).toBe(true);
  });

  it('shows months without a joint meeting, and lists overdue issues', async () => {
    const s = await setup();
    const meetings = async () => bodyOf(await read(client(s.host, s.admin.token).api.meetings.$get()), 200);
    const before = await meetings();
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(before.monthsWithoutJointMeeting).toContain(thisMonth);
    await schedule(s.host, s.admin, { bodyKey: 'joint-meeting', title: '本月例会', scheduledFor: new Date().toISOString() });
    const after = await meetings();
    expect(after.monthsWithoutJointMeeting).not.toContain(thisMonth);
    const raised = await read(
      client(s.host, s.contact.token).api.issues.$post({
        json: { title: '路灯不亮了', description: '三栋门口的路灯坏了一周', category: 'facilities' },
      }),
    );
    expectStatus(raised, 201);
    const list = bodyOf(await read(client(s.host, s.contact.token).api.issues.$get({ query: {} })), 200);
    expect(list.issues.find((i) => i.id === raised.json.id)).toMatchObject({
      state: 'raised',
      waitingDays: 0,
      overdue: false,
    });
  });
});

describe('grid workers and wait limits', () => {
  it('coordinators record a building grid worker; residents cannot', async () => {
    const s = await setup();
    const resident = await join(s.host, '居民');
    const recordGridWorker = (who: Person) =>
      read(client(s.host, who.token).api.buildings[':id'].$patch({ ...byId(s.b1.id), json: { gridWorker: '网格员小陈' } }));
    expect((await recordGridWorker(resident)).status).toBe(403);
    expect((await recordGridWorker(s.reps['residents-committee']!)).status).toBe(200);
    const list = await buildingsOf(s.host);
    expect(list.buildings.find((b) => b.id === s.b1.id)!.gridWorker).toBe('网格员小陈');
  });

  it('the community sets how long an issue may wait in each state, validated', async () => {
    const s = await setup();
    const setLimits = (issueWaitLimits: Record<string, number>) =>
      read(client(s.host, s.admin.token).api.community.$patch({ json: { issueWaitLimits } }));
    const bad = await setLimits({ raised: 0, nonsense: 3 });
    expect(bad.status).toBe(400);
    expect((await setLimits({ raised: 1, referred: 10 })).status).toBe(200);
    const raised = await read(
      client(s.host, s.admin.token).api.issues.$post({
        json: { title: '垃圾分类点太远', description: '五栋附近没有垃圾分类点', category: 'environment' },
      }),
    );
    expectStatus(raised, 201);
    expect(await issue(s.host, raised.json.id, s.admin)).toMatchObject({ waitingDays: 0, overdue: false });
  });
});
