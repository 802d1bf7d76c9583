import { z } from '@hono/zod-openapi';
import type { InferRequestType } from 'hono/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, client, createCommunity, expectStatus, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;
const uniq = (name: string) => `${name}${crypto.randomUUID().slice(0, 6)}`;

interface Person {
  token: string;
  id: number;
}

async function resident(host: string, name: string): Promise<Person> {
  const token = await signIn(uid('resident'), host, name);
  const res = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return { token, id: res.json.id };
}

/** One community for the file (the pool of tenant databases is finite); each test makes its own space and club. */
let shared: { slug: string; host: string; admin: Person } | undefined;
beforeAll(async () => {
  const c = await createCommunity(uid('founder'), { founderName: '会长老周' });
  const me = await read(client(c.host, c.founderToken).api.members.me.$get());
  expectStatus(me, 200);
  shared = { slug: c.slug, host: c.host, admin: { token: c.founderToken, id: me.json.id } };
});
const community = () => shared!;
/** The community's API as the holder of `token`. */
const as = (token?: string) => client(community().host, token).api;
const param = (id: number) => ({ param: { id: String(id) } });

/** A space open 08:00–21:30 for 40 people, a club led by `leader` with `members`. */
async function setup(members: Person[] = []) {
  const { admin } = community();
  const name = uniq('多功能厅');
  const space = await read(
    as(admin.token).spaces.$post({ json: { name, capacity: 40, opensAt: '08:00', closesAt: '21:30', rules: '用后复原桌椅' } }),
  );
  expectStatus(space, 201);
  const leader = await resident(community().host, '社长老李');
  const club = await read(as(leader.token).clubs.$post({ json: { name: uniq('合唱团'), purpose: '每周一起唱歌，丰富生活' } }));
  expectStatus(club, 201);
  expect((await read(as(admin.token).clubs[':id'].status.$post({ ...param(club.json.id), json: { status: 'active' } }))).status).toBe(200);
  for (const m of members) expect((await read(as(m.token).clubs[':id'].members.$post(param(club.json.id)))).status).toBe(200);
  return { spaceId: space.json.id, spaceName: name, clubId: club.json.id, leader };
}

/** A time on a day in 2027 on the community's wall clock (Asia/Shanghai, UTC+8), written in UTC. */
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2027, 2, 1 + day, hour - 8, minute)).toISOString();

/** The clashing bookings a 409 names in its details (error details are untyped JSON, so read them with a schema). */
const clashDetails = z.object({ clashes: z.array(z.object({ activityId: z.number().nullable(), who: z.string(), startsAt: z.string() })) });

type ActivityInput = InferRequestType<Api['activities']['$post']>['json'];

function activityBody(clubId: number, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    clubId,
    title: '合唱排练',
    startsAt: at(0, 10),
    endsAt: at(0, 12),
    capacity: 30,
    audience: 'members',
    expectedParticipants: 20,
    surplusRatePercent: 8,
    costLines: [{ label: '茶水', amountFen: 4000 }],
    ...overrides,
  };
}

const createActivity = (token: string, json: ActivityInput) => read(as(token).activities.$post({ json }));
const updateActivity = (token: string, id: number, json: ActivityInput) => read(as(token).activities[':id'].$put({ ...param(id), json }));
const activity = (token: string, id: number) => read(as(token).activities[':id'].$get(param(id)));

/** Drafts an activity and returns its id. */
async function draft(token: string, json: ActivityInput) {
  const created = await createActivity(token, json);
  expectStatus(created, 201);
  return created.json.id;
}

/** A space's bookings as the administrator sees them: with the activities not yet announced. */
async function bookingsOf(spaceId: number, from = at(-1, 0), to = at(60, 0)) {
  const res = await read(as(community().admin.token).spaces[':id'].bookings.$get({ ...param(spaceId), query: { from, to } }));
  expectStatus(res, 200);
  return res.json.bookings;
}

describe('an activity books a shared space', () => {
  it('creating an activity with a space books it for the activity: club, title, time; the place is the space and the page shows it', async () => {
    const { spaceId, spaceName: name, clubId, leader } = await setup();
    const created = await createActivity(leader.token, activityBody(clubId, { place: '随便写的地点', spaceId }));
    expectStatus(created, 201);
    const id = created.json.id;
    const list = await bookingsOf(spaceId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      activityId: id,
      activityTitle: '合唱排练',
      clubId,
      purpose: '合唱排练',
      startsAt: at(0, 10),
      endsAt: at(0, 12),
      seriesId: null,
    });
    const detail = await activity(leader.token, id);
    expectStatus(detail, 200);
    expect(detail.json.place).toBe(name);
    expect(detail.json.space).toMatchObject({ id: spaceId, name, capacity: 40, opensAt: '08:00', closesAt: '21:30' });
    expect(detail.json.booking).toMatchObject({ id: list[0]!.id, borrowed: false });
  });

  it('two activities created at once for the same slot: exactly one succeeds, the other is 409 naming the clash, and no orphan activity is left', async () => {
    const member = await resident(community().host, '团员小王');
    const { spaceId, clubId, leader } = await setup([member]);
    const db = await tenantD1(community().slug);
    const before = await db.prepare('SELECT COUNT(*) AS n FROM activities WHERE club_id = ?').bind(clubId).first<{ n: number }>();
    const results = await Promise.all([
      createActivity(leader.token, activityBody(clubId, { title: '排练甲', spaceId })),
      createActivity(member.token, activityBody(clubId, { title: '排练乙', spaceId, startsAt: at(0, 11), endsAt: at(0, 13) })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.status === 201)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.json.error.code).toBe('conflict');
    const { clashes } = clashDetails.parse(loser.json.error.details);
    expect(clashes).toHaveLength(1);
    // The winner is still a draft: the clash names the club that holds the slot, not the activity.
    expect(winner.json.id).toBeGreaterThan(0);
    expect(clashes[0]).toMatchObject({ activityId: null });
    // The message names who holds the space and when.
    expect(loser.json.error.message).toContain(clashes[0]!.who);
    expect(loser.json.error.message).toContain(clashes[0]!.startsAt);
    const after = await db.prepare('SELECT COUNT(*) AS n FROM activities WHERE club_id = ?').bind(clubId).first<{ n: number }>();
    expect(after!.n - before!.n).toBe(1);
    const lines = await db
      .prepare('SELECT COUNT(*) AS n FROM activity_cost_lines WHERE activity_id NOT IN (SELECT id FROM activities)')
      .first<{ n: number }>();
    expect(lines!.n).toBe(0);
    expect((await bookingsOf(spaceId)).map((b) => b.activityId)).toEqual([winner.json.id]);
  });

  it('moving the activity moves its booking; a move onto someone else is 409 and changes nothing', async () => {
    const { spaceId, clubId, leader } = await setup();
    const other = await resident(community().host, '居民老赵');
    expect(
      (
        await read(
          as(other.token).spaces[':id'].bookings.$post({
            ...param(spaceId),
            json: { startsAt: at(1, 14), endsAt: at(1, 16), purpose: '书法小组', people: 8 },
          }),
        )
      ).status,
    ).toBe(201);
    const id = await draft(leader.token, activityBody(clubId, { spaceId }));
    const moved = await updateActivity(leader.token, id, activityBody(clubId, { spaceId, startsAt: at(0, 11), endsAt: at(0, 13) }));
    expectStatus(moved, 200);
    let mine = (await bookingsOf(spaceId)).filter((b) => b.activityId === id);
    expect(mine.map((b) => [b.startsAt, b.endsAt])).toEqual([[at(0, 11), at(0, 13)]]);

    const clash = await updateActivity(
      leader.token,
      id,
      activityBody(clubId, { title: '改到周二', spaceId, startsAt: at(1, 15), endsAt: at(1, 17) }),
    );
    expectStatus(clash, 409);
    expect(clash.json.error.message).toContain('居民老赵');
    expect(clash.json.error.details).toHaveProperty('spaceId');
    const detail = await activity(leader.token, id);
    expect(detail.json).toMatchObject({ title: '合唱排练', startsAt: at(0, 11) });
    mine = (await bookingsOf(spaceId)).filter((b) => b.activityId === id);
    expect(mine.map((b) => [b.startsAt, b.endsAt])).toEqual([[at(0, 11), at(0, 13)]]);
  });

  it('changing to another space or to a typed place releases the old booking', async () => {
    const { spaceId, clubId, leader } = await setup();
    const second = await read(
      as(community().admin.token).spaces.$post({ json: { name: uniq('棋牌室'), capacity: 40, opensAt: '09:00', closesAt: '21:00' } }),
    );
    expectStatus(second, 201);
    const id = await draft(leader.token, activityBody(clubId, { spaceId }));
    expect((await updateActivity(leader.token, id, activityBody(clubId, { spaceId: second.json.id }))).status).toBe(200);
    expect(await bookingsOf(spaceId)).toEqual([]);
    expect((await bookingsOf(second.json.id)).map((b) => b.activityId)).toEqual([id]);
    expect((await updateActivity(leader.token, id, activityBody(clubId, { place: '小区花园' }))).status).toBe(200);
    expect(await bookingsOf(second.json.id)).toEqual([]);
    const detail = await activity(leader.token, id);
    expect(detail.json).toMatchObject({ place: '小区花园', space: null, booking: null });
  });

  it('cancelling the activity cancels the booking it made, and the slot is free again', async () => {
    const { spaceId, clubId, leader } = await setup();
    const id = await draft(leader.token, activityBody(clubId, { spaceId }));
    const booking = (await bookingsOf(spaceId))[0]!;
    // The booking is released through the activity, not on its own.
    expect((await read(as(leader.token).bookings[':id'].$delete(param(booking.id)))).status).toBe(409);
    expect(
      (await read(as(leader.token).activities[':id'].steps.$post({ ...param(id), json: { step: 'cancel', reason: '下雨' } }))).status,
    ).toBe(200);
    expect(await bookingsOf(spaceId)).toEqual([]);
    const other = await resident(community().host, '居民小周');
    expect(
      (
        await read(
          as(other.token).spaces[':id'].bookings.$post({
            ...param(spaceId),
            json: { startsAt: at(0, 10), endsAt: at(0, 12), purpose: '读书会', people: 12 },
          }),
        )
      ).status,
    ).toBe(201);
  });

  it("uses a week of the club's weekly series that covers it; cancelling the activity detaches it and the series stays whole", async () => {
    const { spaceId, clubId, leader } = await setup();
    const series = await read(
      as(leader.token).spaces[':id'].bookings.$post({
        ...param(spaceId),
        json: { clubId, startsAt: at(7, 9), endsAt: at(7, 13), purpose: '每周排练', people: 30, weeks: 4 },
      }),
    );
    expectStatus(series, 201);
    const week2 = series.json.ids[1]!;
    const notCovering = await createActivity(
      leader.token,
      activityBody(clubId, { bookingId: week2, startsAt: at(14, 12), endsAt: at(14, 14) }),
    );
    expectStatus(notCovering, 400);
    expect(notCovering.json.error.details).toHaveProperty('bookingId');
    const created = await createActivity(
      leader.token,
      activityBody(clubId, { bookingId: week2, startsAt: at(14, 10), endsAt: at(14, 12) }),
    );
    expectStatus(created, 201);
    const id = created.json.id;
    let all = await bookingsOf(spaceId);
    expect(all).toHaveLength(4);
    expect(all.find((b) => b.id === week2)).toMatchObject({ activityId: id, seriesId: series.json.seriesId });
    const detail = await activity(leader.token, id);
    expectStatus(detail, 200);
    expect(detail.json.booking).toMatchObject({ id: week2, borrowed: true });

    // Another club cannot use this club's booking.
    const otherLeader = await resident(community().host, '舞蹈队长');
    const otherClub = await read(as(otherLeader.token).clubs.$post({ json: { name: uniq('舞蹈队'), purpose: '每周一起跳舞，锻炼身体' } }));
    expectStatus(otherClub, 201);
    await read(as(community().admin.token).clubs[':id'].status.$post({ ...param(otherClub.json.id), json: { status: 'active' } }));
    const stolen = await createActivity(
      otherLeader.token,
      activityBody(otherClub.json.id, { bookingId: series.json.ids[2], startsAt: at(21, 10), endsAt: at(21, 12) }),
    );
    expect(stolen.status).toBe(403);

    expect((await read(as(leader.token).activities[':id'].steps.$post({ ...param(id), json: { step: 'cancel' } }))).status).toBe(200);
    all = await bookingsOf(spaceId);
    expect(all).toHaveLength(4);
    expect(all.find((b) => b.id === week2)).toMatchObject({ activityId: null });
  });

  it('refuses more places than the space holds (400 on capacity) and a time outside its opening hours (400)', async () => {
    const { spaceId, clubId, leader } = await setup();
    const tooMany = await createActivity(leader.token, activityBody(clubId, { spaceId, capacity: 41 }));
    expectStatus(tooMany, 400);
    expect(tooMany.json.error.details).toHaveProperty('capacity');
    const late = await createActivity(leader.token, activityBody(clubId, { spaceId, startsAt: at(2, 20), endsAt: at(2, 22) }));
    expectStatus(late, 400);
    expect(late.json.error.details).toHaveProperty('endsAt');
    expect(await bookingsOf(spaceId)).toEqual([]);
  });
});

describe('who may book through an activity', () => {
  it('a resident who is not the organiser cannot put a space on the activity, and nothing is booked', async () => {
    const { spaceId, clubId, leader } = await setup();
    const id = await draft(leader.token, activityBody(clubId, { place: '小区花园' }));
    const stranger = await resident(community().host, '路过的居民');
    const res = await updateActivity(stranger.token, id, activityBody(clubId, { spaceId }));
    expect(res.status).toBe(403);
    expect(await bookingsOf(spaceId)).toEqual([]);
  });

  it('another community neither sees the space nor can book it through an activity', async () => {
    const { spaceId, spaceName: name } = await setup();
    const other = await createCommunity(uid('founder'));
    const spaces = await read(client(other.host).api.spaces.$get());
    expect(spaces.json.spaces.map((s) => s.name)).not.toContain(name);
    const theirs = await read(client(other.host).api.spaces[':id'].bookings.$get({ ...param(spaceId), query: {} }));
    expect(theirs.status === 200 ? theirs.json.bookings : []).toEqual([]);
    const res = await read(
      client(other.host, other.founderToken).api.activities.$post({
        json: { ...activityBody(0, { spaceId }), clubId: null, audience: 'residents' },
      }),
    );
    expectStatus(res, 400);
    expect(res.json.error.details).toHaveProperty('spaceId');
    expect(await bookingsOf(spaceId)).toEqual([]);
  });
});
