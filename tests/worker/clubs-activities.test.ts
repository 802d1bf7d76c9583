import type { InferRequestType } from 'hono/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, bodyOf, expectStatus, rawCall, read } from './helpers';
import {
  type Person,
  as,
  byId,
  community,
  sharedCommunity,
  uniq,
  resident,
  type ClubStatus,
  proposeClub,
  setClubStatus,
  activeClub,
  inDays,
  today,
  badmintonLines,
  type Settlement,
  activityBody,
  createActivity,
  updateActivity,
  draft,
  step,
  expectStep,
  openActivity,
  signUp,
  place,
  cancelPlace,
  detail,
  roster,
} from './community-fixtures';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** A user id no other test uses. */
/** A club's page as `who` sees it (members see names; visitors do not). */
async function club(host: string, id: number, who?: Person) {
  const res = await read(as(host, who).clubs[':id'].$get(byId(id)));
  expectStatus(res, 200);
  return res.json;
}

async function clubs(host: string, query: { status?: ClubStatus | 'proposed' } = {}, who?: Person) {
  return bodyOf(await read(as(host, who).clubs.$get({ query })), 200).clubs;
}

async function funds(host: string, who: Person) {
  return bodyOf(await read(as(host, who).ledger.funds.$get()), 200).funds;
}

const offerHandover = (host: string, clubId: number, from: Person, toMemberId: number) =>
  read(as(host, from).clubs[':id'].handovers.$post({ ...byId(clubId), json: { toMemberId } }));
const answerHandover = (host: string, clubId: number, handoverId: number, who: Person, accept: boolean) =>
  read(
    as(host, who).clubs[':id'].handovers[':handoverId'].$post({
      param: { id: String(clubId), handoverId: String(handoverId) },
      json: { accept },
    }),
  );

type CheckIn = InferRequestType<Api['activities'][':id']['checkins']['$post']>['json'];
const checkIn = (host: string, id: number, who: Person, json: CheckIn) =>
  read(as(host, who).activities[':id'].checkins.$post({ ...byId(id), json }));
const settle = (host: string, id: number, who: Person, json: Settlement) =>
  read(as(host, who).activities[':id'].settlement.$post({ ...byId(id), json }));

const volunteering = async (host: string, who: Person) => bodyOf(await read(as(host, who).volunteers.me.$get()), 200);
const volunteerSummary = async (host: string) => bodyOf(await read(as(host).volunteers.summary.$get()), 200);

// ---------------------------------------------------------------------------------------------
// Clubs
// ---------------------------------------------------------------------------------------------

describe('clubs: whoever proposes is responsible', () => {
  const shared = sharedCommunity();

  it('a resident proposes a club: it is proposed, the proposer is its responsible person and first leader', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const name = uniq('太极拳社');
    const id = await proposeClub(host, wang, name, { meetingPattern: '每天早上七点', programKey: 'library' });
    const page = await club(host, id, admin);
    expect(page).toMatchObject({ id, name, status: 'proposed', meetingPattern: '每天早上七点', fund: null, pendingHandover: null });
    expect(page.program!.key).toBe('library');
    expect(page.responsible).toEqual({ id: wang.id, displayName: '王阿姨' });
    expect(page.members).toEqual([{ id: wang.id, displayName: '王阿姨', role: 'leader' }]);
    const list = await clubs(host, { status: 'proposed' }, admin);
    expect(list.find((c) => c.id === id)).toMatchObject({
      name,
      status: 'proposed',
      responsible: { id: wang.id, displayName: '王阿姨' },
      memberCount: 1,
      fundBalanceFen: 0,
    });
    expect(list.every((c) => c.status === 'proposed')).toBe(true);
  });

  it('is approved only by an association administrator (403 for residents); approval makes it active and opens its fund club:{id} at 0', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const li = await resident(host, '李叔');
    const id = await proposeClub(host, wang);
    for (const who of [wang, li]) {
      const denied = await setClubStatus(host, id, 'active', who);
      expect(denied.status).toBe(403);
    }
    expect((await setClubStatus(host, id, 'active')).status).toBe(401);
    expect((await club(host, id, admin)).status).toBe('proposed');

    const approve = await setClubStatus(host, id, 'active', admin);
    expect(approve.status).toBe(200);
    const page = await club(host, id, admin);
    expect(page.status).toBe('active');
    expect(page.fund).toEqual({ key: `club:${id}`, balanceFen: 0 });
    expect(await funds(host, li)).toContainEqual(expect.objectContaining({ key: `club:${id}`, clubId: id, balanceFen: 0 }));
  });

  it('refuses status changes the club lifecycle does not allow (409)', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const id = await proposeClub(host, wang);
    const move = (status: ClubStatus) => setClubStatus(host, id, status, admin);
    expect((await move('dormant')).status).toBe(409);
    expect((await move('active')).status).toBe(200);
    expect((await move('active')).status).toBe(409);
    expect((await move('dormant')).status).toBe(200);
    expect((await move('active')).status).toBe(200);
    expect((await move('closed')).status).toBe(200);
    for (const status of ['active', 'dormant', 'closed'] as const) expect((await move(status)).status).toBe(409);
    expect((await club(host, id, admin)).status).toBe('closed');
    expect((await setClubStatus(host, 99999, 'active', admin)).status).toBe(404);
  });

  it('refuses a second club with the same name (409) and names every field at fault in bad input (400)', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const li = await resident(host, '李叔');
    const name = uniq('合唱团');
    await proposeClub(host, wang, name);
    const duplicate = await read(as(host, li).clubs.$post({ json: { name, purpose: '另一个合唱团，也想唱歌' } }));
    expectStatus(duplicate, 409);
    expect(duplicate.json.error.details).toHaveProperty('name');

    const bad = await read(as(host, li).clubs.$post({ json: { name: 'x', purpose: 'ab', programKey: 'Not A Key' } }));
    expectStatus(bad, 400);
    expect(bad.json.error.code).toBe('validation_failed');
    expect(Object.keys(bad.json.error.details ?? {}).sort()).toEqual(['name', 'programKey', 'purpose']);
    const refusedName = uniq('读书会');
    const unknownProgram = await read(
      as(host, li).clubs.$post({ json: { name: refusedName, purpose: '每月读一本书', programKey: 'no-such-program' } }),
    );
    expectStatus(unknownProgram, 400);
    expect(Object.keys(unknownProgram.json.error.details ?? {})).toEqual(['programKey']);
    const names = (await clubs(host, {}, admin)).map((c) => c.name);
    expect(names.filter((n) => n === name)).toHaveLength(1);
    expect(names).not.toContain(refusedName);
    expect(names).not.toContain('x');
  });
});

describe('clubs: handing over responsibility', () => {
  const shared = sharedCommunity();

  it('only the responsible person offers a handover, and only to another member of the club', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const li = await resident(host, '李叔');
    const zhao = await resident(host, '赵姐');
    const id = await activeClub(host, admin, wang, [li]);
    const offer = (from: Person, toMemberId: number) => offerHandover(host, id, from, toMemberId);

    expect((await offer(li, li.id)).status).toBe(403);
    expect((await offer(li, wang.id)).status).toBe(403);
    const notMember = await offer(wang, zhao.id);
    expectStatus(notMember, 400);
    expect(notMember.json.error.details).toHaveProperty('toMemberId');
    expect((await offer(wang, wang.id)).status).toBe(400);
    expect((await club(host, id, admin)).pendingHandover).toBeNull();

    const ok = await offer(wang, li.id);
    expectStatus(ok, 201);
    expect((await club(host, id, admin)).pendingHandover).toEqual({ id: ok.json.id, toMemberId: li.id });
  });

  it('takes effect only when the person offered accepts; then the club changes hands and the log records it', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const li = await resident(host, '李叔');
    const zhao = await resident(host, '赵姐');
    const id = await activeClub(host, admin, wang, [li, zhao]);
    const offered = await offerHandover(host, id, wang, li.id);
    expectStatus(offered, 201);
    const answer = (who: Person, accept: boolean) => answerHandover(host, id, offered.json.id, who, accept);

    for (const who of [wang, zhao, admin]) expect((await answer(who, true)).status).toBe(403);
    expect((await club(host, id, admin)).responsible!.id).toBe(wang.id);

    expect((await answer(li, true)).status).toBe(200);
    const page = await club(host, id, admin);
    expect(page.responsible).toEqual({ id: li.id, displayName: '李叔' });
    expect(page.members.find((m) => m.id === li.id)!.role).toBe('leader');
    expect(page.pendingHandover).toBeNull();
    expect((await clubs(host, {}, admin)).find((c) => c.id === id)!.responsible!.id).toBe(li.id);

    const log = await read(as(host, zhao).clubs[':id'].handovers.$get(byId(id)));
    expectStatus(log, 200);
    expect(log.json.handovers).toEqual([
      expect.objectContaining({
        id: offered.json.id,
        fromMemberId: wang.id,
        toMemberId: li.id,
        status: 'accepted',
        decidedAt: expect.any(String),
      }),
    ]);
    // An answered offer cannot be answered again.
    expect((await answer(li, true)).status).toBe(404);
  });

  it('a declined handover leaves the responsible person as they were, and the log shows the refusal', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const li = await resident(host, '李叔');
    const id = await activeClub(host, admin, wang, [li]);
    const offered = await offerHandover(host, id, wang, li.id);
    expectStatus(offered, 201);
    expect((await answerHandover(host, id, offered.json.id, li, false)).status).toBe(200);
    expect((await club(host, id, admin)).responsible!.id).toBe(wang.id);
    const log = bodyOf(await read(as(host, wang).clubs[':id'].handovers.$get(byId(id))), 200);
    expect(log.handovers.map((h) => h.status)).toEqual(['declined']);
  });

  it('the responsible person cannot leave the club before handing over (409); after handing over they can', async () => {
    const { host, admin } = shared();
    const wang = await resident(host, '王阿姨');
    const li = await resident(host, '李叔');
    const id = await activeClub(host, admin, wang, [li]);
    const leave = (who: Person) => read(as(host, who).clubs[':id'].members.me.$delete(byId(id)));

    const refused = await leave(wang);
    expect(refused.status).toBe(409);
    expect((await club(host, id, admin)).members.map((m) => m.id)).toContain(wang.id);

    const offered = await offerHandover(host, id, wang, li.id);
    expectStatus(offered, 201);
    await answerHandover(host, id, offered.json.id, li, true);
    expect((await leave(li)).status).toBe(409);
    expect((await leave(wang)).status).toBe(200);
    const page = await club(host, id, admin);
    expect(page.members.map((m) => m.id)).toEqual([li.id]);
    expect(page.responsible!.id).toBe(li.id);
  });
});

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

describe('activities: budget and approval', () => {
  const shared = sharedCommunity();

  it('a club member drafts an activity with an AA budget: ¥962 of costs, 24 people, 8% → ¥44 each in the breakdown', async () => {
    const { host, admin } = shared();
    const leader = await resident(host, '王阿姨');
    const member = await resident(host, '李叔');
    const outsider = await resident(host, '赵姐');
    const clubId = await activeClub(host, admin, leader, [member]);

    const notMember = await createActivity(host, outsider, activityBody({ clubId }));
    expect(notMember.status).toBe(403);

    const id = await draft(host, member, { clubId });
    const a = await detail(host, id, member);
    expect(a).toMatchObject({
      state: 'draft',
      clubId,
      responsibleMemberId: member.id,
      feeFen: 4400,
      expectedParticipants: 24,
      surplusRatePercent: 8,
    });
    expect(a.club).toEqual({ id: clubId, name: (await club(host, clubId, admin)).name });
    expect(a.responsible).toEqual({ id: member.id, displayName: '李叔' });
    expect(a.budget).toEqual({
      lines: badmintonLines,
      costFen: 96200,
      surplusTargetFen: 7696,
      targetFen: 103896,
      feeFen: 4400,
      derivedFeeFen: 4400,
      exactFeeFen: 4329,
      incomeFen: 105600,
      surplusFen: 9400,
      coversCostsAndSurplus: true,
      breakEvenParticipants: 22,
      exceptionReason: null,
      problem: null,
    });
  });

  it('after submission the club leader approves; a resident who is neither leader nor administrator gets 403', async () => {
    const { host, admin } = shared();
    const leader = await resident(host, '王阿姨');
    const member = await resident(host, '李叔');
    const outsider = await resident(host, '赵姐');
    const clubId = await activeClub(host, admin, leader, [member]);
    const id = await draft(host, member, { clubId });

    expect((await step(host, id, 'approve', leader)).status).toBe(409); // not submitted yet
    await expectStep(host, id, 'submit', member, 'budget-submitted');
    expect((await step(host, id, 'submit', member)).status).toBe(409);
    expect((await step(host, id, 'approve', outsider)).status).toBe(403);
    expect((await step(host, id, 'approve', member)).status).toBe(403);
    expect((await detail(host, id, admin)).state).toBe('budget-submitted');

    await expectStep(host, id, 'approve', leader, 'approved');
    const approved = await detail(host, id, admin);
    expect(approved).toMatchObject({ state: 'approved', approvedBy: leader.id, approvedAt: expect.any(String) });

    // An association administrator approves too.
    const second = await draft(host, member, { clubId, title: '周日羽毛球' });
    await expectStep(host, second, 'submit', member, 'budget-submitted');
    await expectStep(host, second, 'approve', admin, 'approved');
  });

  it('refuses to approve fees that do not cover costs plus surplus (400 feeFen) unless an exception is recorded, and the responsible person cannot approve their own exception', async () => {
    const { host, admin } = shared();
    const leader = await resident(host, '王阿姨');
    const clubId = await activeClub(host, admin, leader);
    const openDay = activityBody({
      clubId,
      title: '开放日',
      costLines: [{ label: '茶点', amountFen: 36100 }],
      expectedParticipants: 30,
      feeFen: 0,
    });
    const id = await draft(host, leader, openDay);
    await expectStep(host, id, 'submit', leader, 'budget-submitted');

    for (const approver of [leader, admin]) {
      const refused = await step(host, id, 'approve', approver);
      expectStatus(refused, 400);
      expect(refused.json.error.details).toHaveProperty('feeFen');
    }
    expect((await detail(host, id, admin)).budget).toMatchObject({ feeFen: 0, problem: 'does-not-cover', exceptionReason: null });

    const withException = await updateActivity(host, id, leader, { ...openDay, exceptionReason: '开放日，由社团基金支付' });
    expectStatus(withException, 200);
    expect((await detail(host, id, admin)).budget).toMatchObject({ problem: null, exceptionReason: '开放日，由社团基金支付' });

    const selfApproval = await step(host, id, 'approve', leader);
    expect(selfApproval.status).toBe(403);
    expect((await detail(host, id, admin)).state).toBe('budget-submitted');
    await expectStep(host, id, 'approve', admin, 'approved');
    expect(await detail(host, id, admin)).toMatchObject({
      state: 'approved',
      approvedBy: admin.id,
      feeFen: 0,
      exceptionReason: '开放日，由社团基金支付',
    });
    // Once approved, the budget cannot change any more.
    expect((await updateActivity(host, id, leader, openDay)).status).toBe(409);
  });
});

describe('activities: sign-ups', () => {
  const shared = sharedCommunity();

  it('an activity for club members refuses residents outside the club (403)', async () => {
    const { host, admin } = shared();
    const leader = await resident(host, '王阿姨');
    const member = await resident(host, '李叔');
    const outsider = await resident(host, '赵姐');
    const clubId = await activeClub(host, admin, leader, [member]);
    const id = await openActivity(host, leader, admin, { clubId, audience: 'members' });

    const refused = await signUp(host, id, outsider);
    expect(refused.status).toBe(403);
    const ok = await signUp(host, id, member);
    expectStatus(ok, 201);
    expect(ok.json).toMatchObject({ participant: '', isChild: false, status: 'confirmed' });
    expect((await detail(host, id, admin)).places).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it("a children's activity takes no plain sign-up: adult or child, 400 on isChild pointing to the consent route", async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const parent = await resident(host, '李叔');
    const id = await openActivity(host, organiser, admin, { audience: 'children', title: '小小建筑师' });

    for (const body of [{}, { isChild: true }, { isChild: true, participant: '小明' }]) {
      const refused = await signUp(host, id, parent, body);
      expectStatus(refused, 400);
      expect(refused.json.error.details).toEqual({ isChild: [`Sign a child up with consent at POST /api/activities/${id}/child-signups`] });
    }
    expect((await detail(host, id, admin)).places.confirmed).toBe(0);
  });

  it('a parent signs up themself and a child (two places); signing up again returns 200 with the same place', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const parent = await resident(host, '李叔');
    const id = await openActivity(host, organiser, admin);

    const self = await signUp(host, id, parent);
    const child = await signUp(host, id, parent, { participant: '小红', isChild: true });
    expect([self.status, child.status]).toEqual([201, 201]);
    expectStatus(self, 201);
    expectStatus(child, 201);
    expect(self.json.id).not.toBe(child.json.id);

    const again = await signUp(host, id, parent);
    expectStatus(again, 200);
    expect(again.json).toEqual(self.json);
    const childAgain = await signUp(host, id, parent, { participant: '小红', isChild: true });
    expectStatus(childAgain, 200);
    expect(childAgain.json.id).toBe(child.json.id);

    const a = await detail(host, id, parent);
    expect(a.places).toMatchObject({ confirmed: 2, waitlisted: 0, free: 28 });
    expect(a.mySignups.map((s) => [s.id, s.participant, s.status]).sort()).toEqual(
      [
        [self.json.id, '', 'confirmed'],
        [child.json.id, '小红', 'confirmed'],
      ].sort(),
    );
  });

  it('sign-up is refused before the activity opens (409)', async () => {
    const { host } = shared();
    const organiser = await resident(host, '王阿姨');
    const other = await resident(host, '李叔');
    const id = await draft(host, organiser);
    expect((await signUp(host, id, other)).status).toBe(409);
  });

  it('cancelling a place moves the first on the waitlist up; only the member (or an administrator) cancels their place', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const [a, b, c, d] = [await resident(host, '甲'), await resident(host, '乙'), await resident(host, '丙'), await resident(host, '丁')];
    const id = await openActivity(host, organiser, admin, { capacity: 2 });
    const places = [];
    for (const who of [a, b, c, d]) places.push(await place(host, id, who));
    expect(places.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    const notMine = await cancelPlace(host, id, places[0]!.id, b);
    expect(notMine.status).toBe(403);
    const cancelled = await cancelPlace(host, id, places[0]!.id, a);
    expect(cancelled.status).toBe(200);

    const list = await roster(host, id, organiser);
    expect(list.map((s) => [s.memberId, s.status])).toEqual([
      [a.id, 'cancelled'],
      [b.id, 'confirmed'],
      [c.id, 'confirmed'],
      [d.id, 'waitlisted'],
    ]);
    expect((await detail(host, id, admin)).places).toMatchObject({ confirmed: 2, waitlisted: 1, free: 0 });
    // The sign-up list is for organisers only.
    expect((await read(as(host, d).activities[':id'].signups.$get(byId(id)))).status).toBe(403);
  });

  it('someone who cancels and signs up again joins the back of the waitlist: the next free place goes to whoever waited longest', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const [a, b, c] = [await resident(host, '甲'), await resident(host, '乙'), await resident(host, '丙')];
    const id = await openActivity(host, organiser, admin, { capacity: 1 });
    const placeA = await place(host, id, a);
    const placeB = await place(host, id, b);
    expect((await place(host, id, c)).status).toBe('waitlisted');
    expect(placeB.status).toBe('waitlisted');

    // 乙 leaves the waitlist, then changes their mind: 丙 has now been waiting longer.
    expect((await cancelPlace(host, id, placeB.id, b)).status).toBe(200);
    const again = await signUp(host, id, b);
    expectStatus(again, 201);
    expect(again.json.status).toBe('waitlisted');

    expect((await cancelPlace(host, id, placeA.id, a)).status).toBe(200);
    const list = await roster(host, id, organiser);
    expect(Object.fromEntries(list.map((s) => [s.memberId, s.status]))).toEqual({
      [a.id]: 'cancelled',
      [b.id]: 'waitlisted',
      [c.id]: 'confirmed',
    });
  });

  it('an activity without a waitlist never waitlists anyone, also not someone signing up again after cancelling (409 full)', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const [a, b] = [await resident(host, '甲'), await resident(host, '乙')];
    const id = await openActivity(host, organiser, admin, { capacity: 1, waitlist: false });
    const placeA = await place(host, id, a);
    expect(placeA.status).toBe('confirmed');
    expect((await cancelPlace(host, id, placeA.id, a)).status).toBe(200);
    expect((await place(host, id, b)).status).toBe('confirmed');

    const again = await signUp(host, id, a);
    expect(again.status).toBe(409);
    expect((await detail(host, id, admin)).places).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it('cancelling an open activity cancels every place, confirmed and waitlisted', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const people = [await resident(host, '甲'), await resident(host, '乙'), await resident(host, '丙')];
    const id = await openActivity(host, organiser, admin, { capacity: 2 });
    for (const who of people) expect((await signUp(host, id, who)).status).toBe(201);

    expect((await step(host, id, 'cancel', people[0]!, '我不想办了')).status).toBe(403);
    const res = await step(host, id, 'cancel', organiser, '下雨，改期');
    expectStatus(res, 200);
    expect(res.json.state).toBe('cancelled');
    const a = await detail(host, id, admin);
    expect(a).toMatchObject({ state: 'cancelled', cancelledReason: '下雨，改期' });
    expect(a.places).toMatchObject({ confirmed: 0, waitlisted: 0 });
    expect((await roster(host, id, organiser)).map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await signUp(host, id, await resident(host, '丁'))).status).toBe(409);
  });
});

describe('activities: check-in', () => {
  const shared = sharedCommunity();

  it('shows the check-in code only to organisers; the code checks in only your own confirmed places, and only the right code works', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const parent = await resident(host, '李叔');
    const other = await resident(host, '赵姐');
    const late = await resident(host, '钱哥');
    const id = await openActivity(host, organiser, admin, { capacity: 3 });
    await signUp(host, id, parent);
    await signUp(host, id, parent, { participant: '小红', isChild: true });
    await signUp(host, id, other);
    expect((await place(host, id, late)).status).toBe('waitlisted');

    const token = (await detail(host, id, organiser)).checkinToken;
    expect(token).toMatch(/^[a-f0-9]{32}$/);
    expect((await detail(host, id, admin)).checkinToken).toBe(token);
    for (const viewer of [parent, other, undefined]) {
      const seen = await detail(host, id, viewer);
      expect(seen.checkinToken).toBeNull();
      expect(seen.isOrganiser).toBe(false);
    }

    const checkin = (who: Person, json: CheckIn) => checkIn(host, id, who, json);
    const wrong = await checkin(parent, { token: 'f'.repeat(32) });
    expect(wrong.status).toBe(403);
    const waitlisted = await checkin(late, { token: token! });
    expect(waitlisted.status).toBe(404);
    const mine = await checkin(parent, { token: token! });
    expectStatus(mine, 200);
    expect(mine.json.checkedIn).toBe(2);

    const after = await roster(host, id, organiser);
    const checked = (memberId: number) => after.filter((s) => s.memberId === memberId).map((s) => s.checkedInAt !== null);
    expect(checked(parent.id)).toEqual([true, true]);
    expect(checked(other.id)).toEqual([false]);
    expect(checked(late.id)).toEqual([false]);
    expect((await detail(host, id, admin)).places.checkedIn).toBe(2);
  });

  it('organisers check people in from the sign-up list; others cannot', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const a = await resident(host, '甲');
    const b = await resident(host, '乙');
    const id = await openActivity(host, organiser, admin);
    const placeA = await place(host, id, a);
    const placeB = await place(host, id, b);

    const byOther = await checkIn(host, id, b, { signupId: placeA.id });
    expect(byOther.status).toBe(403);
    const byOrganiser = await checkIn(host, id, organiser, { signupId: placeA.id });
    expectStatus(byOrganiser, 200);
    expect(byOrganiser.json.checkedIn).toBe(1);
    const list = await roster(host, id, organiser);
    expect(list.find((s) => s.id === placeA.id)!.checkedInAt).toEqual(expect.any(String));
    expect(list.find((s) => s.id === placeB.id)!.checkedInAt).toBeNull();
    expect((await checkIn(host, id, organiser, { signupId: 999999 })).status).toBe(404);
  });
});

describe('activities: holding, settling, review and ratings', () => {
  const shared = sharedCommunity();

  async function heldClubActivity() {
    const c = shared();
    const leader = await resident(c.host, '王阿姨');
    const p1 = await resident(c.host, '甲');
    const p2 = await resident(c.host, '乙');
    const bystander = await resident(c.host, '丙');
    const clubId = await activeClub(c.host, c.admin, leader, [p1, p2]);
    const id = await openActivity(c.host, leader, c.admin, { clubId });
    for (const p of [p1, p2]) expect((await signUp(c.host, id, p)).status).toBe(201);
    await expectStep(c.host, id, 'hold', leader, 'held');
    return { ...c, leader, p1, p2, bystander, clubId, id };
  }

  const actualLines = [
    { label: '场地', amountFen: 720_00 },
    { label: '羽毛球', amountFen: 170_00 },
    { label: '饮用水', amountFen: 72_00 },
  ];

  it('settling puts income minus costs into the club fund, and the statement shows income and spending by category and the surplus; settling twice is 409', async () => {
    const { host, admin, leader, p1, clubId, id } = await heldClubActivity();
    const settlement = { incomeFen: 105600, costLines: actualLines, occurredOn: today() };
    expect((await settle(host, id, p1, settlement)).status).toBe(403);

    const settled = await settle(host, id, leader, settlement);
    expectStatus(settled, 200);
    const a = await detail(host, id, admin);
    expect(a.state).toBe('settled');
    expect(a.settlement).toEqual({
      incomeFen: 105600,
      costFen: 96200,
      surplusFen: 9400,
      actualLines,
      plannedIncomeFen: 105600,
      plannedCostFen: 96200,
    });

    expect((await funds(host, p1)).find((f) => f.key === `club:${clubId}`)!.balanceFen).toBe(105600 - 96200);

    const clubStatement = () => read(as(host, p1).ledger.funds[':key'].statement.$get({ param: { key: `club:${clubId}` }, query: {} }));
    const statement = await clubStatement();
    expectStatus(statement, 200);
    expect(statement.json).toMatchObject({
      fund: { key: `club:${clubId}`, clubId },
      openingFen: 0,
      income: [{ category: 'activity-fees', amountFen: 105600 }],
      spending: [{ category: 'activity-costs', amountFen: 96200 }],
      incomeFen: 105600,
      spendingFen: 96200,
      surplusFen: 9400,
      closingFen: 9400,
    });
    expect(statement.json.entries.map((e) => [e.activityId, e.amountFen])).toEqual([
      [id, 105600],
      [id, -96200],
    ]);

    const twice = await settle(host, id, leader, settlement);
    expect(twice.status).toBe(409);
    expect((await funds(host, p1)).find((f) => f.key === `club:${clubId}`)!.balanceFen).toBe(9400);
    expect(bodyOf(await clubStatement(), 200).entries).toHaveLength(2);
    expect((await clubs(host, {}, admin)).find((c) => c.id === clubId)).toMatchObject({
      fundBalanceFen: 9400,
      settledActivities: 1,
      settledOnTime: 1,
    });
  });

  it("the club's own page shows its fund balance after settlement: income − costs", async () => {
    const { host, admin, leader, clubId, id } = await heldClubActivity();
    await settle(host, id, leader, { incomeFen: 105600, costLines: actualLines, occurredOn: today() });
    expect((await club(host, clubId, admin)).fund).toEqual({ key: `club:${clubId}`, balanceFen: 105600 - 96200 });
  });

  it('the responsible person reviews a settled activity, which becomes reviewed; nobody else can, and not before settlement', async () => {
    const { host, admin, leader, p1, id } = await heldClubActivity();
    const body = { wentWell: '大家都很准时', toChange: '多订一片场地' };
    const review = (who: Person) => read(as(host, who).activities[':id'].review.$post({ ...byId(id), json: body }));
    expect((await review(leader)).status).toBe(409);
    await settle(host, id, leader, { incomeFen: 105600, costLines: actualLines, occurredOn: today() });
    expect((await review(p1)).status).toBe(403);
    const reviewed = await review(leader);
    expect(reviewed.status).toBe(200);
    const a = await detail(host, id, admin);
    expect(a.state).toBe('reviewed');
    expect(a.review).toEqual({ kind: 'summary', wentWell: '大家都很准时', toChange: '多订一片场地', rating: null });
    expect((await review(leader)).status).toBe(409);
  });

  it('only participants rate the activity, and the average rating is shown', async () => {
    const { host, admin, p1, p2, bystander, id } = await heldClubActivity();
    const rate = (who: Person, rating: number) => read(as(host, who).activities[':id'].rating.$post({ ...byId(id), json: { rating } }));
    expect((await rate(bystander, 5)).status).toBe(403);
    expect((await rate(p1, 6)).status).toBe(400);
    expect((await rate(p1, 4)).status).toBe(200);
    expect((await rate(p2, 5)).status).toBe(200);
    expect((await detail(host, id, admin)).rating).toEqual({ average: 4.5, count: 2 });
    // Rating again replaces one's own rating.
    expect((await rate(p1, 3)).status).toBe(200);
    expect((await detail(host, id, admin)).rating).toEqual({ average: 4, count: 2 });
  });

  it('ratings wait until the activity has happened (409 while open)', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const p = await resident(host, '甲');
    const id = await openActivity(host, organiser, admin);
    await signUp(host, id, p);
    expect((await read(as(host, p).activities[':id'].rating.$post({ ...byId(id), json: { rating: 5 } }))).status).toBe(409);
  });
});

describe('activities: calendars', () => {
  const shared = sharedCommunity();

  const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

  it('an activity .ics file is text/calendar and carries its title', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const id = await openActivity(host, organiser, admin, { title: 'Saturday badminton 周六羽毛球' });
    const calendar = (activityId: number) => read(as(host).activities[':id']['calendar.ics'].$get(byId(activityId)));
    const ics = await calendar(id);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = unfold(ics.text);
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('SUMMARY:Saturday badminton 周六羽毛球');
    expect((await calendar(999999)).status).toBe(404);
  });

  it('the private calendar feed works with its token, and creating a new token revokes the old one (404)', async () => {
    const { host, admin } = shared();
    const organiser = await resident(host, '王阿姨');
    const me = await resident(host, '李叔');
    const mine = await openActivity(host, organiser, admin, { title: 'Mine 我报名的活动' });
    await openActivity(host, organiser, admin, { title: 'Not mine 别人的活动' });
    expect((await signUp(host, mine, me)).status).toBe(201);

    const newToken = () => read(as(host, me).me['calendar-token'].$post());
    // A calendar app fetches the feed at the path it was given, signed out.
    const fetchFeed = (path: string) => rawCall(host, path);
    const first = await newToken();
    expectStatus(first, 201);
    expect(first.json.path).toMatch(/^\/api\/calendar\/[a-f0-9]{32}\.ics$/);
    const feed = await fetchFeed(first.json.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(unfold(feed.text)).toContain('Mine 我报名的活动');
    expect(unfold(feed.text)).not.toContain('Not mine');

    const second = await newToken();
    expectStatus(second, 201);
    expect(second.json.path).not.toBe(first.json.path);
    expect((await fetchFeed(first.json.path)).status).toBe(404);
    expect((await fetchFeed(second.json.path)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Volunteers
// ---------------------------------------------------------------------------------------------

describe('volunteers', () => {
  it('a resident registers as a volunteer with skills and availability', async () => {
    const { host } = await community();
    const v = await resident(host, '志愿者小周');
    const register = (who?: Person) => read(as(host, who).volunteers.me.$put({ json: { skills: '急救、摄影', availability: '周末' } }));
    expect((await register()).status).toBe(401);
    const reg = await register(v);
    expect(reg.status).toBe(200);
    const mine = await volunteering(host, v);
    expect(mine.registration).toMatchObject({ skills: '急救、摄影', availability: '周末' });
    expect(mine.confirmedMinutes).toBe(0);
    expect(await volunteerSummary(host)).toEqual({ volunteers: 1, confirmedHours: 0, volunteersWithHours: 0 });
  });

  it("hours are recorded by the activity's responsible person for another member — not by the volunteer, nor a random member — and count only once the volunteer confirms them", async () => {
    const { host, admin } = await community();
    const organiser = await resident(host, '王阿姨');
    const v = await resident(host, '志愿者小周');
    const random = await resident(host, '路人');
    const activityId = await openActivity(host, organiser, admin);
    await read(as(host, v).volunteers.me.$put({ json: { skills: '摄影', availability: '周末' } }));
    // Hours are for people who took part, once the activity has happened.
    expect((await signUp(host, activityId, v)).status).toBe(201);
    expect((await step(host, activityId, 'hold', organiser)).status).toBe(200);
    const record = (by: Person, memberId: number, minutes: number) =>
      read(as(host, by)['volunteer-hours'].$post({ json: { memberId, activityId, servedOn: today(), minutes, note: '现场签到' } }));

    expect((await record(v, v.id, 90)).status).toBe(403);
    expect((await record(random, v.id, 90)).status).toBe(403);
    expect((await record(organiser, organiser.id, 90)).status).toBe(403);
    const first = await record(organiser, v.id, 90);
    expectStatus(first, 201);
    const second = await record(organiser, v.id, 60);
    expectStatus(second, 201);

    const before = await volunteering(host, v);
    expect(before.confirmedMinutes).toBe(0);
    expect(before.hours).toHaveLength(2);
    expect(before.hours.every((h) => h.confirmedAt === null)).toBe(true);
    expect(await volunteerSummary(host)).toMatchObject({ confirmedHours: 0, volunteersWithHours: 0 });

    // Only the volunteer confirms their own hours.
    const confirm = (who: Person) => read(as(host, who)['volunteer-hours'][':id'].confirmation.$post(byId(first.json.id)));
    expect((await confirm(organiser)).status).toBe(403);
    expect((await confirm(v)).status).toBe(200);

    const after = await volunteering(host, v);
    expect(after.confirmedMinutes).toBe(90);
    expect(after.hours.find((h) => h.id === first.json.id)!.confirmedAt).toEqual(expect.any(String));
    expect(after.hours.find((h) => h.id === second.json.id)!.confirmedAt).toBeNull();
    expect(await volunteerSummary(host)).toEqual({ volunteers: 1, confirmedHours: 1.5, volunteersWithHours: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// A resident's week
// ---------------------------------------------------------------------------------------------

describe("a resident's overview", () => {
  let week: Awaited<ReturnType<typeof makeWeek>>;
  beforeAll(async () => {
    week = await makeWeek();
  });

  /** A community with a club I belong to, activities this week and next month, and a draft. */
  async function makeWeek() {
    const c = await community();
    const leader = await resident(c.host, '王阿姨');
    const me = await resident(c.host, '李叔');
    const clubId = await activeClub(c.host, c.admin, leader, [me], '读书会');
    const signedUp = await openActivity(c.host, leader, c.admin, {
      clubId,
      title: '本周读书会',
      place: '书屋',
      startsAt: inDays(2),
      endsAt: inDays(2, 2),
    });
    const notSignedUp = await openActivity(c.host, leader, c.admin, { title: '本周观影', startsAt: inDays(3), endsAt: inDays(3, 2) });
    const nextMonth = await openActivity(c.host, leader, c.admin, {
      title: '下月远足',
      place: '紫金山',
      startsAt: inDays(20),
      endsAt: inDays(20, 5),
    });
    const stillDraft = await draft(c.host, leader, { title: '还在草稿', startsAt: inDays(2), endsAt: inDays(2, 2) });
    expect((await signUp(c.host, signedUp, me)).status).toBe(201);
    expect((await signUp(c.host, nextMonth, me)).status).toBe(201);
    const res = await read(as(c.host, me).me.overview.$get());
    expectStatus(res, 200);
    return { ...c, me, clubId, signedUp, notSignedUp, nextMonth, stillDraft, overview: res.json };
  }

  it("/api/me/overview is for members only, and lists this week's open activities (not drafts, not next month's) and my clubs", async () => {
    const { host, clubId, signedUp, notSignedUp, overview } = week;
    expect((await read(as(host).me.overview.$get())).status).toBe(401);
    expect(overview.thisWeek.map((a) => a.id)).toEqual([signedUp, notSignedUp]);
    expect(overview.thisWeek[0]).toMatchObject({ title: '本周读书会', clubName: '读书会', state: 'open', feeFen: 4400, confirmed: 1 });
    expect(overview.clubs).toEqual([{ id: clubId, name: '读书会', role: 'member', status: 'active' }]);
  });

  it('/api/me/overview lists my sign-ups with their activity (id, title, place, state), newest activity first', async () => {
    const { signedUp, nextMonth, overview } = week;
    expect(overview.signups).toEqual([
      expect.objectContaining({
        activityId: nextMonth,
        title: '下月远足',
        place: '紫金山',
        state: 'open',
        status: 'confirmed',
        participant: '',
      }),
      expect.objectContaining({
        activityId: signedUp,
        title: '本周读书会',
        place: '书屋',
        state: 'open',
        status: 'confirmed',
        participant: '',
      }),
    ]);
  });
});
