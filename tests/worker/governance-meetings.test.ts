import { env } from 'cloudflare:workers';
import type { InferRequestType } from 'hono/client';
import { describe, expect, it, vi } from 'vitest';
import { type Api, bodyOf, client, createCommunity, expectStatus, rawCall, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;
const soon = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

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

/** A community with a representative per outside party, a committee of two residents and a lawyer, and a resident. */
async function setup() {
  const c = await createCommunity(uid('founder'));
  const admin: Person = { token: c.founderToken, id: 1 };
  const reps: Record<string, Person> = { association: admin };
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
  const chair = await join(c.host, '陈主任');
  const member = await join(c.host, '刘委员');
  const resident = await join(c.host, '王小雨');
  const committee = await read(
    client(c.host, admin.token).api.committees.$post({
      json: { name: '物业监督委员会', kind: 'standing', remit: '监督物业服务质量', assists: true },
    }),
  );
  expectStatus(committee, 201);
  const committeeId = committee.json.id;
  const seats: InferRequestType<Api['committees'][':id']['members']['$post']>['json'][] = [
    { memberId: chair.id, role: 'chair' },
    { memberId: member.id },
    { externalName: '张律师', expertise: '物业法律' },
  ];
  for (const json of seats) {
    const seat = client(c.host, admin.token).api.committees[':id'].members.$post({ param: { id: String(committeeId) }, json });
    expect((await read(seat)).status).toBe(201);
  }
  return { ...c, admin, reps, chair, member, resident, committeeId };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** The community's API as the holder of `token`. */
const as = (s: Setup, token?: string) => client(s.host, token).api;
const byId = (id: number) => ({ param: { id: String(id) } });
const byItem = (id: number, item: number) => ({ param: { id: String(id), itemId: String(item) } });

type MeetingInput = InferRequestType<Api['meetings']['$post']>['json'];
type ItemInput = InferRequestType<Api['meetings'][':id']['items']['$post']>['json'];
type Transition = InferRequestType<Api['issues'][':id']['transitions']['$post']>['json'];
type Position = InferRequestType<Api['meetings'][':id']['items'][':itemId']['stances'][':voter']['$put']>['json']['position'];

async function meeting(s: Setup, body: Pick<MeetingInput, 'bodyKey'> & Partial<MeetingInput>, token = s.admin.token) {
  const res = await read(as(s, token).meetings.$post({ json: { title: '例会', scheduledFor: soon(2), ...body } }));
  expectStatus(res, 201);
  return res.json.id;
}

/** The meeting as `token` sees it (it must be visible to them). */
async function meetingDetail(s: Setup, id: number, token: string) {
  return bodyOf(await read(as(s, token).meetings[':id'].$get(byId(id))), 200);
}

async function addItem(s: Setup, meetingId: number, body: Partial<ItemInput>, token = s.admin.token) {
  const res = await read(
    as(s, token).meetings[':id'].items.$post({ ...byId(meetingId), json: { presenter: '陈主任', minutesAllotted: 10, ...body } }),
  );
  expectStatus(res, 201);
  const detail = await meetingDetail(s, meetingId, token);
  return detail.items.at(-1)!.id;
}

const open = (s: Setup, id: number, token = s.admin.token) => read(as(s, token).meetings[':id'].open.$post(byId(id)));
const close = (s: Setup, id: number, token: string) => read(as(s, token).meetings[':id'].close.$post(byId(id)));
const attend = (s: Setup, id: number, voter: string, token: string, attended = true) =>
  read(as(s, token).meetings[':id'].attendance[':voter'].$put({ param: { id: String(id), voter }, json: { attended } }));
const stance = (s: Setup, id: number, item: number, voter: string, token: string, position: Position, reason?: string) =>
  read(
    as(s, token).meetings[':id'].items[':itemId'].stances[':voter'].$put({
      param: { id: String(id), itemId: String(item), voter },
      json: { position, ...(reason ? { reason } : {}) },
    }),
  );
const decide = (s: Setup, id: number, item: number, token: string, decisionText?: string) =>
  read(as(s, token).meetings[':id'].items[':itemId'].decision.$post({ ...byItem(id, item), json: decisionText ? { decisionText } : {} }));
/** The outcome of a decision that must be taken (200). */
const decided = async (s: Setup, id: number, item: number, token: string, decisionText?: string) =>
  bodyOf(await decide(s, id, item, token, decisionText), 200);
const transition = (s: Setup, id: number, json: Transition, token = s.admin.token) =>
  read(as(s, token).issues[':id'].transitions.$post({ ...byId(id), json }));
/** The issue as `token` sees it (it must be visible to them). */
const issue = async (s: Setup, id: number, token: string) => bodyOf(await read(as(s, token).issues[':id'].$get(byId(id))), 200);

const activate = (s: Setup, clubId: number) =>
  read(as(s, s.admin.token).clubs[':id'].status.$post({ ...byId(clubId), json: { status: 'active' } }));
const amend = (s: Setup, id: number, token: string, json: { text: string; reason: string }) =>
  read(as(s, token).meetings[':id'].amendments.$post({ ...byId(id), json }));

/** Refers a new issue (raised by the resident) to a body, through the transitions a coordinator takes. */
async function referredIssue(s: Setup, title: string, body: Omit<Transition, 'to'>) {
  const raised = await read(
    as(s, s.resident.token).issues.$post({ json: { title, description: `${title}，希望尽快解决。`, category: 'property-service' } }),
  );
  expectStatus(raised, 201);
  const id = raised.json.id;
  expect((await transition(s, id, { to: 'acknowledged' })).status).toBe(200);
  const referred = await transition(s, id, { to: 'referred', ...body });
  expectStatus(referred, 200);
  return id;
}

/** Opens a joint meeting, marks every party present and has them all agree on the item. */
async function allAgree(s: Setup, meetingId: number, item: number) {
  expect((await open(s, meetingId)).status).toBe(200);
  for (const [party, rep] of Object.entries(s.reps)) {
    expect((await attend(s, meetingId, party, rep.token)).status).toBe(200);
    expect((await stance(s, meetingId, item, party, rep.token, 'agree')).status).toBe(200);
  }
}

describe('a committee meets and decides by majority', () => {
  it('names its committee; its members vote; the chair records a show of hands for the outside expert; the tally is in the minutes', async () => {
    const s = await setup();
    const noCommittee = await read(
      as(s, s.admin.token).meetings.$post({ json: { bodyKey: 'professional-committees', title: '委员会例会', scheduledFor: soon(2) } }),
    );
    expectStatus(noCommittee, 400);
    expect(noCommittee.json.error.details).toHaveProperty('committeeId');
    // A resident who is not the committee's chair cannot schedule its meeting; its chair can.
    const byMember = as(s, s.member.token).meetings.$post({
      json: { bodyKey: 'professional-committees', committeeId: s.committeeId, title: '委员会例会', scheduledFor: soon(2) },
    });
    expect((await read(byMember)).status).toBe(403);
    const id = await meeting(s, { bodyKey: 'professional-committees', committeeId: s.committeeId, title: '三月委员会例会' }, s.chair.token);
    const item = await addItem(s, id, { title: '物业费收缴情况公示' }, s.chair.token);

    const before = await meetingDetail(s, id, s.member.token);
    expect(before).toMatchObject({
      status: 'scheduled',
      committee: { id: s.committeeId, name: '物业监督委员会' },
      body: { rule: 'majority' },
    });
    const voters = before.voters;
    expect(voters.map((v) => [v.kind, v.title.zh])).toEqual([
      ['member', '陈主任'],
      ['member', '刘委员'],
      ['expert', '张律师'],
    ]);
    const [chairKey, memberKey, expertKey] = voters.map((v) => v.key) as [string, string, string];
    expect(before.you).toEqual({ chairs: false, recordsFor: [memberKey] });

    // Nothing is recorded before the chair opens the meeting; a plain member cannot open it.
    expect((await stance(s, id, item, memberKey, s.member.token, 'agree')).status).toBe(409);
    expect((await attend(s, id, memberKey, s.member.token)).status).toBe(409);
    expect((await open(s, id, s.member.token)).status).toBe(403);
    expect((await open(s, id, s.chair.token)).status).toBe(200);
    expect((await open(s, id, s.chair.token)).status).toBe(409);

    // Each member records their own attendance and position; nobody else's, except the chair.
    expect((await attend(s, id, memberKey, s.member.token)).status).toBe(200);
    expect((await attend(s, id, chairKey, s.member.token)).status).toBe(403);
    expect((await attend(s, id, expertKey, s.resident.token)).status).toBe(403);
    expect((await attend(s, id, chairKey, s.chair.token)).status).toBe(200);
    expect((await attend(s, id, expertKey, s.chair.token)).status).toBe(200);
    expect((await stance(s, id, item, chairKey, s.member.token, 'agree')).status).toBe(403);
    expect((await stance(s, id, item, expertKey, s.member.token, 'agree')).status).toBe(403);
    expect((await stance(s, id, item, 'property-company', s.reps['property-company']!.token, 'agree')).status).toBe(400);
    expect((await stance(s, id, item, memberKey, s.member.token, 'agree')).status).toBe(200);
    expect((await stance(s, id, item, chairKey, s.chair.token, 'agree')).status).toBe(200);
    expect((await stance(s, id, item, expertKey, s.chair.token, 'object', '公示前须先核对欠费名单，避免侵犯隐私')).status).toBe(200);

    // Two of three agree: a majority adopts it, where the joint meeting's unanimity would not.
    expect((await decide(s, id, item, s.member.token, '每季度公示物业费收缴总额')).status).toBe(403);
    const outcome = await decide(s, id, item, s.chair.token, '每季度公示物业费收缴总额，不公示个人信息');
    expectStatus(outcome, 200);
    expect(outcome.json).toMatchObject({ result: 'adopted', tally: { agree: 2, object: 1, block: 0, abstain: 0, missing: 0, present: 3 } });

    const during = await meetingDetail(s, id, s.chair.token);
    expect(during.you.chairs).toBe(true);
    expect(during.items[0]!.tally).toMatchObject({ agree: 2, object: 1 });
    const byChair = Object.fromEntries(during.items[0]!.stances.map((x) => [x.voter, x.byChair]));
    expect(byChair).toEqual({ [memberKey]: false, [chairKey]: false, [expertKey]: true });

    expect((await close(s, id, s.chair.token)).status).toBe(200);
    const closed = await meetingDetail(s, id, s.chair.token);
    expect(closed.minutes).toContain('多数通过');
    expect(closed.minutes).toContain('表决：同意 2，反对 1，弃权 0，未表态 0（出席 3）');
    expect(closed.minutes).toContain('张律师（物业法律）：出席（主持人登记）');
    expect(closed.minutes).toContain('张律师：反对（举手表决，主持人登记）');
  });

  it('a tie is not a majority, and members absent without a written position do not vote', async () => {
    const s = await setup();
    const id = await meeting(s, { bodyKey: 'professional-committees', committeeId: s.committeeId });
    const item = await addItem(s, id, { title: '增设电梯广告' });
    expect((await open(s, id)).status).toBe(200);
    const [chairKey, memberKey, expertKey] = (await meetingDetail(s, id, s.admin.token)).voters.map((v) => v.key) as [
      string,
      string,
      string,
    ];
    await attend(s, id, chairKey, s.chair.token);
    await attend(s, id, memberKey, s.member.token);
    await attend(s, id, expertKey, s.admin.token, false);
    await stance(s, id, item, chairKey, s.chair.token, 'agree');
    await stance(s, id, item, memberKey, s.member.token, 'object', '广告收入归属不清');
    const outcome = await decided(s, id, item, s.admin.token);
    expect(outcome).toMatchObject({ result: 'not-adopted', tally: { agree: 1, object: 1, missing: 1, present: 2 } });
  });
});

describe('the federation meets and decides by majority', () => {
  it('its voters are the leaders of the active clubs, one vote each, fixed when the meeting opens', async () => {
    const s = await setup();
    const empty = await read(
      as(s, s.admin.token).meetings.$post({ json: { bodyKey: 'federation', title: '联合会会议', scheduledFor: soon(2) } }),
    );
    expect(empty.status).toBe(409);
    const leaders: Person[] = [];
    for (const [n, name] of ['网球俱乐部', '读书会', '合唱团'].entries()) {
      const leader = n === 2 ? leaders[0]! : await join(s.host, `${name}负责人`);
      const club = await read(as(s, leader.token).clubs.$post({ json: { name, purpose: `${name}的日常活动` } }));
      expectStatus(club, 201);
      if (n < 2) leaders.push(leader);
      expect((await activate(s, club.json.id)).status).toBe(200);
    }
    const proposed = await join(s.host, '未批准社团负责人');
    await read(as(s, proposed.token).clubs.$post({ json: { name: '尚未批准的社团', purpose: '还在等待批准' } }));

    const id = await meeting(s, { bodyKey: 'federation', title: '公共空间协调会' });
    const item = await addItem(s, id, { title: '周六上午多功能厅的使用' });
    const detail = await meetingDetail(s, id, leaders[0]!.token);
    const voters = detail.voters;
    expect(voters.map((v) => v.memberId).sort()).toEqual(leaders.map((l) => l.id).sort());
    expect(voters.find((v) => v.memberId === leaders[0]!.id)?.organisationName).toBe('合唱团、网球俱乐部');
    expect(detail.body.rule).toBe('majority');

    expect((await open(s, id)).status).toBe(200);
    // A club that becomes active after the meeting opened does not change who votes at it.
    const late = await join(s.host, '新社团负责人');
    const club = await read(as(s, late.token).clubs.$post({ json: { name: '新社团', purpose: '新成立的社团' } }));
    expectStatus(club, 201);
    await activate(s, club.json.id);
    expect((await meetingDetail(s, id, s.admin.token)).voters).toHaveLength(2);
    expect((await stance(s, id, item, `member:${late.id}`, late.token, 'agree')).status).toBe(400);

    for (const l of leaders) {
      expect((await attend(s, id, `member:${l.id}`, l.token)).status).toBe(200);
      expect((await stance(s, id, item, `member:${l.id}`, l.token, 'agree')).status).toBe(200);
    }
    expect((await stance(s, id, item, `member:${leaders[0]!.id}`, leaders[1]!.token, 'object', '不公平')).status).toBe(403);
    const outcome = await decided(s, id, item, s.admin.token, '周六上午多功能厅由读书会和合唱团隔周轮流使用');
    expect(outcome).toMatchObject({ result: 'adopted', tally: { agree: 2 } });
  });
});

describe('a closed meeting is final; corrections are recorded amendments', () => {
  it('refuses changes to positions, decisions, attendance, agenda and published minutes, and keeps amendments beside the minutes', async () => {
    const s = await setup();
    const id = await meeting(s, { bodyKey: 'joint-meeting', title: '四月联席会议' });
    const item = await addItem(s, id, { title: '小区绿化改造' });
    // Closing needs the meeting to have been opened.
    expect((await close(s, id, s.admin.token)).status).toBe(409);
    await allAgree(s, id, item);
    expect((await decided(s, id, item, s.admin.token, '春季补种绿化带')).result).toBe('adopted');
    // An adopted decision is final even before closing.
    expect((await decide(s, id, item, s.admin.token, '改为秋季补种')).status).toBe(409);
    expect((await amend(s, id, s.admin.token, { text: '补种时间改为三月', reason: '记录有误' })).status).toBe(409);
    expect((await close(s, id, s.admin.token)).status).toBe(200);

    expect((await stance(s, id, item, 'property-company', s.reps['property-company']!.token, 'object', '费用太高')).status).toBe(409);
    expect((await attend(s, id, 'owners-committee', s.reps['owners-committee']!.token, false)).status).toBe(409);
    expect((await decide(s, id, item, s.admin.token, '改为秋季补种')).status).toBe(409);
    const lateItem = as(s, s.admin.token).meetings[':id'].items.$post({
      ...byId(id),
      json: { title: '追加议题', presenter: '周明', minutesAllotted: 5 },
    });
    expect((await read(lateItem)).status).toBe(409);
    expect((await open(s, id)).status).toBe(409);
    const minutes = (await meetingDetail(s, id, s.admin.token)).minutes!;
    // Until published, the minutes are a draft: the chair and those who record positions see them, a resident does not.
    expect((await meetingDetail(s, id, s.reps['owners-committee']!.token)).minutes).toBe(minutes);
    expect((await meetingDetail(s, id, s.resident.token)).minutes).toBeNull();
    const publish = (text: string) => read(as(s, s.admin.token).meetings[':id'].minutes.$post({ ...byId(id), json: { text } }));
    expect((await publish(minutes)).status).toBe(200);
    expect((await meetingDetail(s, id, s.resident.token)).minutes).toBe(minutes);
    expect((await publish(`${minutes}\n改动`)).status).toBe(409);

    // The database refuses it too, whatever code path tries.
    const tenant = await tenantD1(s.slug);
    await expect(
      tenant.prepare("UPDATE item_stances SET position = 'object', reason = 'x' WHERE item_id = ?").bind(item).run(),
    ).rejects.toThrow(/positions are final/);
    await expect(tenant.prepare("UPDATE agenda_items SET decision_text = '改为秋季补种' WHERE id = ?").bind(item).run()).rejects.toThrow(
      /decisions are final/,
    );
    await expect(tenant.prepare("UPDATE meetings SET minutes = 'rewritten' WHERE id = ?").bind(id).run()).rejects.toThrow(/final/);
    await expect(tenant.prepare("UPDATE meetings SET status = 'in-progress' WHERE id = ?").bind(id).run()).rejects.toThrow(/final/);
    expect((await meetingDetail(s, id, s.admin.token)).items[0]).toMatchObject({
      outcome: 'adopted',
      decisionText: '春季补种绿化带',
    });

    // Amendments: coordinators only, with a reason; shown with the minutes, which stay as they were.
    expect((await amend(s, id, s.resident.token, { text: '补种时间改为三月中旬', reason: '纪要把日期写错了' })).status).toBe(403);
    // Without the reason the client requires: sent untyped on purpose.
    const noReason = await rawCall(s.host, `/api/meetings/${id}/amendments`, {
      body: { text: '补种时间改为三月中旬' },
      token: s.admin.token,
    });
    expect(noReason.status).toBe(400);
    const added = await amend(s, id, s.admin.token, { text: '补种时间改为三月中旬', reason: '纪要把日期写错了' });
    expectStatus(added, 201);
    const after = await meetingDetail(s, id, s.resident.token);
    expect(after.minutes).toBe(minutes);
    await expect(tenant.prepare('DELETE FROM minutes_amendments WHERE id = ?').bind(added.json.id).run()).rejects.toThrow(/append-only/);
    expect(after.amendments).toEqual([
      expect.objectContaining({
        id: added.json.id,
        text: '补种时间改为三月中旬',
        reason: '纪要把日期写错了',
        recordedBy: expect.any(String),
        recordedAt: expect.any(String),
      }),
    ]);
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT action, detail FROM audit_log WHERE action = 'meeting.amendment-recorded' AND detail LIKE ?",
    )
      .bind(`%"meetingId":${id},%`)
      .all<{ detail: string }>();
    expect(audit.results).toHaveLength(1);
    expect(JSON.parse(audit.results[0]!.detail)).toMatchObject({ meetingId: id, text: '补种时间改为三月中旬', reason: '纪要把日期写错了' });
  });
});

describe('the known bugs stay fixed', () => {
  it('a re-vote after "not adopted" in the same meeting updates the issue', async () => {
    const s = await setup();
    const issueId = await referredIssue(s, '楼道灯太暗', { bodyKey: 'joint-meeting' });
    const id = await meeting(s, { bodyKey: 'joint-meeting' });
    const item = await addItem(s, id, { issueId });
    expect((await open(s, id)).status).toBe(200);
    for (const [party, rep] of Object.entries(s.reps)) {
      await attend(s, id, party, rep.token);
      await stance(
        s,
        id,
        item,
        party,
        rep.token,
        party === 'owners-committee' ? 'object' : 'agree',
        party === 'owners-committee' ? '先比较两家报价' : undefined,
      );
    }
    expect((await decided(s, id, item, s.admin.token)).result).toBe('not-adopted');
    expect(await issue(s, issueId, s.resident.token)).toMatchObject({
      state: 'decided',
      outcome: 'not-adopted',
    });
    // Amended, voted again: now everyone agrees.
    expect((await stance(s, id, item, 'owners-committee', s.reps['owners-committee']!.token, 'agree')).status).toBe(200);
    const text = '更换为 LED 灯，选报价较低的一家';
    expect((await decided(s, id, item, s.admin.token, text)).result).toBe('adopted');
    const decidedIssue = await issue(s, issueId, s.resident.token);
    expect(decidedIssue).toMatchObject({ state: 'decided', outcome: 'adopted', decisionText: text });
    expect(decidedIssue.events.at(-1)).toMatchObject({ fromState: 'decided', toState: 'decided', note: text });
  });

  it('a re-vote that ends in a block puts the issue back on the agenda, visibly open', async () => {
    const s = await setup();
    const issueId = await referredIssue(s, '增设快递柜', { bodyKey: 'joint-meeting' });
    const id = await meeting(s, { bodyKey: 'joint-meeting' });
    const item = await addItem(s, id, { issueId });
    expect((await open(s, id)).status).toBe(200);
    for (const [party, rep] of Object.entries(s.reps)) {
      await attend(s, id, party, rep.token);
      await stance(
        s,
        id,
        item,
        party,
        rep.token,
        party === 'property-company' ? 'object' : 'agree',
        party === 'property-company' ? '位置再议' : undefined,
      );
    }
    expect((await decided(s, id, item, s.admin.token)).result).toBe('not-adopted');
    await stance(s, id, item, 'property-company', s.reps['property-company']!.token, 'block', '消防通道不能放快递柜');
    expect((await decided(s, id, item, s.admin.token)).result).toBe('blocked');
    expect(await issue(s, issueId, s.resident.token)).toMatchObject({
      state: 'on-agenda',
      outcome: null,
    });
  });

  it('returns whether the reader supported an issue, in the list and the issue', async () => {
    const s = await setup();
    const raised = await read(
      as(s, s.resident.token).issues.$post({
        json: { title: '宠物粪便无人清理', description: '草坪上很多宠物粪便', category: 'environment' },
      }),
    );
    expectStatus(raised, 201);
    const id = raised.json.id;
    expect(await issue(s, id, s.member.token)).toMatchObject({ supports: 0, supportedByMe: false });
    await read(as(s, s.member.token).issues[':id'].support.$post(byId(id)));
    expect(await issue(s, id, s.member.token)).toMatchObject({ supports: 1, supportedByMe: true });
    expect(await issue(s, id, s.chair.token)).toMatchObject({ supports: 1, supportedByMe: false });
    const list = bodyOf(await read(as(s, s.member.token).issues.$get({ query: {} })), 200);
    expect(list.issues.find((i) => i.id === id)).toMatchObject({ supports: 1, supportedByMe: true });
    const other = bodyOf(await read(as(s, s.chair.token).issues.$get({ query: {} })), 200);
    expect(other.issues.find((i) => i.id === id)).toMatchObject({ supportedByMe: false });
  });

  it('a blocked item is brought back once, to a later meeting of the same body', async () => {
    const s = await setup();
    const id = await meeting(s, { bodyKey: 'joint-meeting', title: '五月联席会议' });
    const item = await addItem(s, id, { title: '改造地面停车位' });
    expect((await open(s, id)).status).toBe(200);
    for (const [party, rep] of Object.entries(s.reps)) {
      await attend(s, id, party, rep.token);
      await stance(
        s,
        id,
        item,
        party,
        rep.token,
        party === 'residents-committee' ? 'block' : 'agree',
        party === 'residents-committee' ? '占用绿地，须先征求业主意见' : undefined,
      );
    }
    expect((await decided(s, id, item, s.admin.token)).result).toBe('blocked');
    const later = await meeting(s, { bodyKey: 'joint-meeting', title: '六月联席会议', scheduledFor: soon(30) });
    const another = await meeting(s, { bodyKey: 'joint-meeting', title: '七月联席会议', scheduledFor: soon(60) });
    const committeeMeeting = await meeting(s, { bodyKey: 'professional-committees', committeeId: s.committeeId, scheduledFor: soon(40) });
    const body = (toMeetingId: number) => ({
      toMeetingId,
      papers: '已征求业主意见，改为不占绿地的方案',
      presenter: '周明',
      minutesAllotted: 10,
    });
    const bringBack = (to: number, token: string) =>
      read(as(s, token).meetings[':id'].items[':itemId']['bring-back'].$post({ ...byItem(id, item), json: body(to) }));
    expect((await bringBack(committeeMeeting, s.admin.token)).status).toBe(400);
    expect((await bringBack(later, s.resident.token)).status).toBe(403);
    // Twice at once: exactly one lands.
    const [a, b] = await Promise.all([bringBack(later, s.admin.token), bringBack(another, s.admin.token)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await bringBack(later, s.admin.token)).status).toBe(409);
    const items = [...(await meetingDetail(s, later, s.admin.token)).items, ...(await meetingDetail(s, another, s.admin.token)).items];
    expect(items.filter((i) => i.revisedFrom === item)).toHaveLength(1);
    const source = await meetingDetail(s, id, s.admin.token);
    expect([later, another]).toContain(source.items[0]!.broughtBackTo);
  });
});

describe('a committee studies an issue, recommends, and assists after adoption', () => {
  it('referral to a committee, its recommendation sends the issue to the joint meeting, and after adoption the committee assists', async () => {
    const s = await setup();
    const missing = await read(
      as(s, s.resident.token).issues.$post({
        json: { title: '物业费上涨', description: '物业通知明年物业费上涨两成', category: 'property-service' },
      }),
    );
    expectStatus(missing, 201);
    await transition(s, missing.json.id, { to: 'acknowledged' });
    const noCommittee = await transition(s, missing.json.id, { to: 'referred', bodyKey: 'professional-committees' });
    expectStatus(noCommittee, 400);
    expect(noCommittee.json.error.details).toHaveProperty('committeeId');

    const issueId = await referredIssue(s, '物业费上涨两成', { bodyKey: 'professional-committees', committeeId: s.committeeId });
    const studying = await issue(s, issueId, s.resident.token);
    expect(studying).toMatchObject({
      state: 'referred',
      bodyKey: 'professional-committees',
      studyCommittee: { id: s.committeeId, name: '物业监督委员会' },
      recommendation: null,
    });
    expect(studying.events.at(-1)!.note).toContain('物业监督委员会');

    // It cannot go on the joint meeting's agenda while the committee studies it.
    const joint = await meeting(s, { bodyKey: 'joint-meeting', title: '八月联席会议' });
    const onAgenda = as(s, s.admin.token).meetings[':id'].items.$post({
      ...byId(joint),
      json: { issueId, presenter: '周明', minutesAllotted: 10 },
    });
    expect((await read(onAgenda)).status).toBe(409);

    // Only the committee's members (or coordinators) recommend.
    const text = '物业费上涨须先公开成本测算，建议涨幅不超过一成';
    const recommend = (token: string) => read(as(s, token).issues[':id'].recommendation.$post({ ...byId(issueId), json: { text } }));
    expect((await recommend(s.resident.token)).status).toBe(403);
    expect((await recommend(s.member.token)).status).toBe(200);
    expect((await recommend(s.member.token)).status).toBe(409);
    const recommended = await issue(s, issueId, s.resident.token);
    expect(recommended).toMatchObject({ state: 'referred', bodyKey: 'joint-meeting', recommendation: text });
    expect(recommended.events.at(-1)).toMatchObject({ fromState: 'referred', toState: 'referred', actor: '刘委员' });
    expect(recommended.events.at(-1)!.note).toContain(text);

    // Assisting waits for an adopted decision.
    const assist = (committeeId: number, token: string) =>
      read(as(s, token).issues[':id'].assist.$post({ ...byId(issueId), json: { committeeId } }));
    expect((await assist(s.committeeId, s.admin.token)).status).toBe(409);
    const item = await addItem(s, joint, { issueId });
    await allAgree(s, joint, item);
    expect((await decided(s, joint, item, s.admin.token, '物业公开成本测算后，涨幅不超过一成')).result).toBe('adopted');
    expect((await assist(s.committeeId, s.member.token)).status).toBe(403);
    expect((await assist(9999, s.admin.token)).status).toBe(400);
    expect((await assist(s.committeeId, s.admin.token)).status).toBe(200);
    expect((await assist(s.committeeId, s.admin.token)).status).toBe(409);

    const final = await issue(s, issueId, s.resident.token);
    expect(final).toMatchObject({
      state: 'decided',
      outcome: 'adopted',
      assistCommittee: { id: s.committeeId, name: '物业监督委员会' },
    });
    const committees = bodyOf(await read(as(s, s.resident.token).committees.$get()), 200);
    const committee = committees.committees.find((c) => c.id === s.committeeId)!;
    expect(committee.studies).toEqual([expect.objectContaining({ id: issueId, recommendation: text })]);
    expect(committee.assisting).toEqual([expect.objectContaining({ id: issueId, decisionText: '物业公开成本测算后，涨幅不超过一成' })]);
    const notes = bodyOf(await read(as(s, s.resident.token).me.notifications.$get()), 200);
    expect(notes.notifications.some((n) => n.textZh.includes('协助落实'))).toBe(true);
  });

  it("a committee's adopted conclusion at its own meeting is its recommendation", async () => {
    const s = await setup();
    const issueId = await referredIssue(s, '电梯维保不及时', { bodyKey: 'professional-committees', committeeId: s.committeeId });
    const id = await meeting(s, { bodyKey: 'professional-committees', committeeId: s.committeeId }, s.chair.token);
    const item = await addItem(s, id, { issueId }, s.chair.token);
    // The issue stays with the committee while it is on the committee's agenda.
    expect((await issue(s, issueId, s.resident.token)).state).toBe('referred');
    expect((await open(s, id, s.chair.token)).status).toBe(200);
    const voters = (await meetingDetail(s, id, s.chair.token)).voters;
    for (const v of voters) {
      await attend(s, id, v.key, s.chair.token);
      await stance(s, id, item, v.key, s.chair.token, 'agree');
    }
    const text = '要求物业每月公开电梯维保记录';
    expect((await decided(s, id, item, s.chair.token, text)).result).toBe('adopted');
    expect(await issue(s, issueId, s.resident.token)).toMatchObject({
      state: 'referred',
      bodyKey: 'joint-meeting',
      recommendation: text,
    });
  });
});
