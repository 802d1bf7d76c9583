import { describe, expect, it, vi } from 'vitest';
import {
  activeClub,
  as,
  byId,
  cancelPlace,
  draft,
  expectStep,
  openActivity,
  type Person,
  place,
  resident,
  sharedCommunity,
  signUp,
  step,
} from './community-fixtures';
import { bodyOf, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const activityAs = (host: string, id: number, who?: Person) => read(as(host, who).activities[':id'].$get(byId(id)));
const icsAs = (host: string, id: number, who?: Person) => read(as(host, who).activities[':id']['calendar.ics'].$get(byId(id)));
const clubAs = async (host: string, id: number, who?: Person) => bodyOf(await read(as(host, who).clubs[':id'].$get(byId(id))), 200);
const calendarIds = async (host: string, who?: Person) =>
  bodyOf(await read(as(host, who).activities.$get({ query: {} })), 200).activities.map((a) => a.id);

describe('an activity before it is open is seen only by the people involved', () => {
  const shared = sharedCommunity();

  it('a draft, a submitted budget and an approved activity: 404 to visitors and other residents (page and .ics), shown to its organiser, the club responsible and admins', async () => {
    const { host, admin } = shared();
    const leader = await resident(host, '社长老李');
    const organiser = await resident(host, '组织者小赵');
    const neighbour = await resident(host, '邻居小钱');
    const clubId = await activeClub(host, admin, leader, [organiser, neighbour]);
    const id = await draft(host, organiser, { clubId });

    for (const state of ['draft', 'budget-submitted', 'approved'] as const) {
      if (state === 'budget-submitted') await expectStep(host, id, 'submit', organiser, state);
      if (state === 'approved') await expectStep(host, id, 'approve', leader, state);
      for (const who of [undefined, neighbour]) {
        expect((await activityAs(host, id, who)).status, `${state} as ${who?.name ?? 'visitor'}`).toBe(404);
        expect((await icsAs(host, id, who)).status, `${state} .ics as ${who?.name ?? 'visitor'}`).toBe(404);
      }
      for (const who of [organiser, leader, admin]) expect((await activityAs(host, id, who)).status, `${state} as ${who.name}`).toBe(200);
      expect(await calendarIds(host, neighbour)).not.toContain(id);
      expect((await clubAs(host, clubId)).upcoming.map((a) => a.id)).not.toContain(id);
      expect((await clubAs(host, clubId, neighbour)).upcoming.map((a) => a.id)).not.toContain(id);
      expect((await clubAs(host, clubId, leader)).upcoming.map((a) => a.id)).toContain(id);
      expect((await clubAs(host, clubId, organiser)).upcoming.map((a) => a.id)).toContain(id);
    }

    await expectStep(host, id, 'open', organiser, 'open');
    expect((await activityAs(host, id)).status).toBe(200);
    expect((await icsAs(host, id)).status).toBe(200);
    expect(await calendarIds(host)).toContain(id);
    expect((await clubAs(host, clubId)).upcoming.map((a) => a.id)).toContain(id);
  });

  it('a cancelled activity shows as cancelled to those who had signed up, and to nobody else', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '组织者孙');
    const signedUp = await resident(host, '报名者周');
    const leftEarlier = await resident(host, '先退出的吴');
    const other = await resident(host, '没报名的郑');
    const id = await openActivity(host, organiser, admin);
    await place(host, id, signedUp);
    const early = await place(host, id, leftEarlier);
    expect((await cancelPlace(host, id, early.id, leftEarlier)).status).toBe(200);
    expect((await step(host, id, 'cancel', organiser, '场地临时维修')).status).toBe(200);

    const seen = bodyOf(await activityAs(host, id, signedUp), 200);
    expect(seen).toMatchObject({ state: 'cancelled', cancelledReason: '场地临时维修' });
    expect(bodyOf(await activityAs(host, id, leftEarlier), 200).state).toBe('cancelled');
    const ics = await icsAs(host, id, signedUp);
    expect(ics.status).toBe(200);
    expect(ics.text).toContain('STATUS:CANCELLED');
    expect((await activityAs(host, id, other)).status).toBe(404);
    expect((await activityAs(host, id)).status).toBe(404);
    expect((await icsAs(host, id)).status).toBe(404);
    expect(await calendarIds(host, signedUp)).not.toContain(id);
  });
});

describe("visitors see no resident's name", () => {
  const shared = sharedCommunity();

  it('club lists, club pages, activity pages and building contacts carry names for members only; organisers by the community’s choice', async () => {
    const { host, admin, slug } = shared();
    const leader = await resident(host, '羽毛球社长欧阳');
    const player = await resident(host, '球友司马');
    const clubId = await activeClub(host, admin, leader, [player]);
    const id = await openActivity(host, leader, admin, { clubId });
    await place(host, id, player);

    const anonymousClub = await clubAs(host, clubId);
    expect(anonymousClub.memberCount).toBe(2);
    expect(anonymousClub.members).toEqual([]);
    expect(anonymousClub.responsible).toBeNull();
    const anonymousList = bodyOf(await read(as(host).clubs.$get({ query: {} })), 200).clubs;
    expect(anonymousList.find((c) => c.id === clubId)!.responsible).toBeNull();
    const anonymousActivity = bodyOf(await activityAs(host, id), 200);
    expect(anonymousActivity.responsible).toBeNull();
    const buildings = bodyOf(await read(as(host).buildings.$get()), 200);
    for (const b of buildings.buildings) for (const c of b.contacts) expect(c.displayName).toBeNull();
    const visitorText = JSON.stringify([anonymousClub, anonymousList, anonymousActivity, buildings]);
    for (const name of [leader.name, player.name, admin.name]) expect(visitorText).not.toContain(name);

    // Members see the names.
    expect((await clubAs(host, clubId, player)).members.map((m) => m.displayName)).toEqual(
      expect.arrayContaining([leader.name, player.name]),
    );
    expect(bodyOf(await activityAs(host, id, player), 200).responsible?.displayName).toBe(leader.name);

    // The community chooses to show organisers' names: visitors then see who runs a club or an activity, never its members.
    const d1 = await tenantD1(slug);
    await d1.prepare('UPDATE community_profile SET organiser_names_public = 1').run();
    const shown = await clubAs(host, clubId);
    expect(shown.responsible?.displayName).toBe(leader.name);
    expect(shown.members).toEqual([]);
    expect(bodyOf(await activityAs(host, id), 200).responsible?.displayName).toBe(leader.name);
    await d1.prepare('UPDATE community_profile SET organiser_names_public = 0').run();
  });
});

describe('places per member on one activity', () => {
  const shared = sharedCommunity();

  it('holds a member to the activity’s limit (default 4) for themself and those they bring, and frees a place on cancelling', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '组织者冯');
    const parent = await resident(host, '家长陈');
    const id = await openActivity(host, organiser, admin, { capacity: 30 });
    expect(bodyOf(await activityAs(host, id, parent), 200).maxPlacesPerMember).toBe(4);
    const places = [await place(host, id, parent)];
    for (const child of ['陈一', '陈二', '陈三']) places.push(await place(host, id, parent, { participant: child, isChild: true }));
    const fifth = await signUp(host, id, parent, { participant: '陈四', isChild: true });
    expect(fifth.status).toBe(409);
    expect(fifth.text).toContain('participant');
    expect((await cancelPlace(host, id, places[3]!.id, parent)).status).toBe(200);
    expect((await signUp(host, id, parent, { participant: '陈四', isChild: true })).status).toBe(201);
  });

  it('an organiser sets a lower limit, and signing up again after cancelling is held to it too', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '组织者褚');
    const parent = await resident(host, '家长卫');
    const id = await openActivity(host, organiser, admin, { capacity: 30, maxPlacesPerMember: 2 });
    await place(host, id, parent);
    const child = await place(host, id, parent, { participant: '卫一', isChild: true });
    expect((await signUp(host, id, parent, { participant: '卫二', isChild: true })).status).toBe(409);
    expect((await cancelPlace(host, id, child.id, parent)).status).toBe(200);
    expect((await signUp(host, id, parent, { participant: '卫二', isChild: true })).status).toBe(201);
    // 卫一's place was cancelled; taking it back would make three.
    expect((await signUp(host, id, parent, { participant: '卫一', isChild: true })).status).toBe(409);
  });

  it('concurrent sign-ups by one member never pass the limit', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '组织者蒋');
    const parent = await resident(host, '家长沈');
    const id = await openActivity(host, organiser, admin, { capacity: 50, maxPlacesPerMember: 3 });
    const names = ['沈一', '沈二', '沈三', '沈四', '沈五', '沈六', '沈七', '沈八'];
    const results = await Promise.all(names.map((n) => signUp(host, id, parent, { participant: n, isChild: true })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
  });

  it('refuses a limit outside 1–20 (400 naming the field)', async () => {
    const { host } = shared();
    const organiser = await resident(host, '组织者韩');
    const res = await read(
      as(host, organiser).activities.$post({
        json: {
          title: '周末观鸟',
          startsAt: new Date(Date.now() + 86400_000).toISOString(),
          endsAt: new Date(Date.now() + 90000_000).toISOString(),
          place: '湿地公园',
          capacity: 10,
          audience: 'residents',
          expectedParticipants: 8,
          costLines: [],
          maxPlacesPerMember: 0,
        },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('maxPlacesPerMember');
  });
});

describe('the open accounts', () => {
  const shared = sharedCommunity();

  it('show visitors every fund and the totals of a statement, and members every entry (a memo may name someone)', async () => {
    const { host, admin } = shared();
    const neighbour = await resident(host, '邻居蔡');
    const recorded = await read(
      as(host, admin).ledger.transactions.$post({
        json: {
          occurredOn: new Date().toISOString().slice(0, 10),
          category: 'donations',
          memo: '蔡阿姨捐赠',
          postings: [
            { fund: 'hub', amountFen: 50_00 },
            { fund: 'external', amountFen: -50_00 },
          ],
        },
      }),
    );
    expect(recorded.status, recorded.text).toBe(201);
    const funds = bodyOf(await read(as(host).ledger.funds.$get()), 200).funds;
    expect(funds.find((f) => f.key === 'hub')?.balanceFen).toBeGreaterThanOrEqual(50_00);
    const statementAs = async (who?: Person) =>
      bodyOf(await read(as(host, who).ledger.funds[':key'].statement.$get({ param: { key: 'hub' }, query: {} })), 200);
    const visitor = await statementAs();
    expect(visitor.incomeFen).toBeGreaterThanOrEqual(50_00);
    expect(visitor.entries).toEqual([]);
    expect(visitor.entriesForMembers).toBe(true);
    expect(JSON.stringify(visitor)).not.toContain('蔡阿姨');
    const member = await statementAs(neighbour);
    expect(member.entriesForMembers).toBe(false);
    expect(member.entries.map((e) => e.memo)).toContain('蔡阿姨捐赠');
    // The CSV carries every entry, so it stays for members.
    expect((await read(as(host).ledger.funds[':key']['statement.csv'].$get({ param: { key: 'hub' }, query: {} }))).status).toBe(401);
  });
});
