import { beforeAll, describe, expect, it, vi } from 'vitest';
import { client, createCommunity, errorOf, expectStatus, rawCall, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

async function join(host: string, name: string) {
  const token = await signIn(uid('p'), host, name);
  const res = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: name } }));
  expectStatus(res, 201);
  return { token, id: res.json.id };
}

async function setup() {
  const c = await createCommunity(uid('founder'));
  const space = await read(
    client(c.host, c.founderToken).api.spaces.$post({
      json: { name: '多功能厅', capacity: 60, opensAt: '08:00', closesAt: '21:30', rules: '用后复原桌椅' },
    }),
  );
  expectStatus(space, 201);
  return { ...c, spaceId: space.json.id };
}

/** A time on a day in January 2027 on the community's wall clock (Asia/Shanghai, UTC+8), written in UTC. */
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 0, 4 + day, hour - 8, 0, 0)).toISOString();

type Booking = { startsAt: string; endsAt: string; purpose: string; people?: number; clubId?: number; weeks?: number };

function book(host: string, token: string, spaceId: number, json: Booking) {
  return read(client(host, token).api.spaces[':id'].bookings.$post({ param: { id: String(spaceId) }, json: { people: 10, ...json } }));
}

/** A space's bookings in a period, as a visitor sees them, or as the holder of `token`. */
function bookings(host: string, spaceId: number, from: string, to: string, token?: string) {
  return read(client(host, token).api.spaces[':id'].bookings.$get({ param: { id: String(spaceId) }, query: { from, to } }));
}

describe('shared space bookings', () => {
  it('twenty simultaneous bookings of the same hour give exactly one booking; the rest are refused with the clash', async () => {
    const { host, spaceId } = await setup();
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => join(host, `居民${i}`)));
    const results = await Promise.all(
      people.map((p, i) => book(host, p.token, spaceId, { startsAt: at(0, 9), endsAt: at(0, 11), purpose: `活动${i}`, weeks: 1 })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.json.error.details).toHaveProperty('clashes.length', 1);
    const list = await bookings(host, spaceId, at(0, 0), at(1, 0));
    expectStatus(list, 200);
    expect(list.json.bookings).toHaveLength(1);
  });

  it('allows back-to-back bookings, refuses any overlap, and frees the slot when a booking is cancelled', async () => {
    const { host, spaceId } = await setup();
    const a = await join(host, '甲');
    const b = await join(host, '乙');
    expect((await book(host, a.token, spaceId, { startsAt: at(1, 9), endsAt: at(1, 11), purpose: '书法' })).status).toBe(201);
    expect((await book(host, b.token, spaceId, { startsAt: at(1, 11), endsAt: at(1, 12), purpose: '合唱' })).status).toBe(201);
    const overlap = await book(host, b.token, spaceId, { startsAt: at(1, 10), endsAt: at(1, 12), purpose: '舞蹈' });
    expect(overlap.status).toBe(409);
    const mine = await bookings(host, spaceId, at(1, 0), at(2, 0));
    expectStatus(mine, 200);
    const first = mine.json.bookings.find((x) => x.purpose === '书法')!;
    const cancel = (token: string) => client(host, token).api.bookings[':id'].$delete({ param: { id: String(first.id) } });
    expect((await read(cancel(b.token))).status).toBe(403);
    expect((await read(cancel(a.token))).status).toBe(200);
    expect((await book(host, b.token, spaceId, { startsAt: at(1, 9), endsAt: at(1, 11), purpose: '舞蹈' })).status).toBe(201);
  });

  it('books a weekly slot all at once, or not at all when any week clashes, and the clash can go to the federation', async () => {
    const { host, spaceId } = await setup();
    const a = await join(host, '甲');
    const b = await join(host, '乙');
    expect((await book(host, a.token, spaceId, { startsAt: at(14, 19), endsAt: at(14, 21), purpose: '合唱团排练' })).status).toBe(201);
    const weekly = await book(host, b.token, spaceId, { startsAt: at(0, 19), endsAt: at(0, 21), purpose: '乒乓球训练', weeks: 4 });
    expect(weekly.status).toBe(409);
    const weeks = await bookings(host, spaceId, at(0, 0), at(30, 0));
    expectStatus(weeks, 200);
    expect(weeks.json.bookings.map((x) => x.purpose)).toEqual(['合唱团排练']);
    const fine = await book(host, b.token, spaceId, { startsAt: at(0, 17), endsAt: at(0, 19), purpose: '乒乓球训练', weeks: 4 });
    expectStatus(fine, 201);
    expect(fine.json.ids).toHaveLength(4);
    const request = await read(
      client(host, b.token).api.spaces[':id']['slot-requests'].$post({
        param: { id: String(spaceId) },
        json: { slot: '每周一 19:00–21:00', reason: '乒乓球队和合唱团都想要周一晚上的时段' },
      }),
    );
    expectStatus(request, 201);
    const federation = await read(client(host, b.token).api.federation.$get());
    expectStatus(federation, 200);
    expect(federation.json.requests.map((r) => [r.id, r.state])).toEqual([[request.json.issueId, 'referred']]);
  });

  it('only club leaders book for their club, and only administrators add spaces', async () => {
    const { host, spaceId, founderToken } = await setup();
    const leader = await join(host, '社长');
    const member = await join(host, '社员');
    const club = await read(client(host, leader.token).api.clubs.$post({ json: { name: '棋社', purpose: '每周下棋交流' } }));
    expectStatus(club, 201);
    const clubParam = { param: { id: String(club.json.id) } };
    await read(client(host, founderToken).api.clubs[':id'].status.$post({ ...clubParam, json: { status: 'active' } }));
    await read(client(host, member.token).api.clubs[':id'].members.$post(clubParam));
    const body = { clubId: club.json.id, startsAt: at(3, 14), endsAt: at(3, 16), purpose: '棋社活动' };
    expect((await book(host, member.token, spaceId, body)).status).toBe(403);
    expect((await book(host, leader.token, spaceId, body)).status).toBe(201);
    expect(
      (
        await read(
          client(host, leader.token).api.spaces.$post({ json: { name: '棋牌室', capacity: 20, opensAt: '09:00', closesAt: '21:00' } }),
        )
      ).status,
    ).toBe(403);
    const federation = await read(client(host, member.token).api.federation.$get());
    expectStatus(federation, 200);
    expect(federation.json.members.map((m) => [m.clubName, m.displayName])).toEqual([['棋社', '社长']]);
  });
});

/** One community for the rules below (the pool of tenant databases is finite); each test adds its own spaces and people. */
let shared: { slug: string; host: string; adminToken: string } | undefined;
beforeAll(async () => {
  const c = await createCommunity(uid('founder'));
  shared = { slug: c.slug, host: c.host, adminToken: c.founderToken };
});
const community = () => shared!;

async function addSpace(host: string, token: string, json: { capacity?: number; opensAt: string; closesAt: string }) {
  const res = await read(client(host, token).api.spaces.$post({ json: { name: uid('空间'), capacity: 60, ...json } }));
  expectStatus(res, 201);
  return res.json.id;
}

/** An active club led by a new resident. */
async function clubOf(host: string, adminToken: string, leaderName: string) {
  const leader = await join(host, leaderName);
  const name = uid('合唱团');
  const club = await read(client(host, leader.token).api.clubs.$post({ json: { name, purpose: '每周一起唱歌，丰富生活' } }));
  expectStatus(club, 201);
  const status = await read(
    client(host, adminToken).api.clubs[':id'].status.$post({ param: { id: String(club.json.id) }, json: { status: 'active' } }),
  );
  expectStatus(status, 200);
  return { leader, clubId: club.json.id, name };
}

describe('opening hours and capacity hold for direct bookings, on the community clock', () => {
  it("judges opening hours on the community's wall clock, whatever UTC offset the time is written with", async () => {
    const { host, adminToken } = community();
    const spaceId = await addSpace(host, adminToken, { opensAt: '08:00', closesAt: '22:00' });
    const me = await join(host, '居民');
    // 01:00–03:00 UTC is 09:00–11:00 in Shanghai: open.
    expectStatus(
      await book(host, me.token, spaceId, { startsAt: '2026-12-05T01:00:00Z', endsAt: '2026-12-05T03:00:00Z', purpose: '读书会' }),
      201,
    );
    // 15:00–16:00 UTC is 23:00–24:00 in Shanghai: closed, although 15:00 looks like an afternoon.
    const late = await book(host, me.token, spaceId, { startsAt: '2026-12-05T15:00:00Z', endsAt: '2026-12-05T16:00:00Z', purpose: '夜谈' });
    expectStatus(late, 400);
    expect(late.json.error.code).toBe('validation_failed');
    expect(late.json.error.details).toHaveProperty('startsAt');
    expect(late.json.error.message).toContain('2026-12-05 23:00');
    // 23:00 at UTC−8 is 15:00 the next day in Shanghai: open; 07:00 at UTC−8 is 23:00 in Shanghai: closed.
    const west = await book(host, me.token, spaceId, {
      startsAt: '2026-12-05T23:00:00-08:00',
      endsAt: '2026-12-06T01:00:00-08:00',
      purpose: '越洋视频会',
    });
    expectStatus(west, 201);
    const westLate = await book(host, me.token, spaceId, {
      startsAt: '2026-12-05T07:00:00-08:00',
      endsAt: '2026-12-05T08:00:00-08:00',
      purpose: '越洋视频会',
    });
    expectStatus(westLate, 400);
    expect(westLate.json.error.details).toHaveProperty('endsAt');
    const list = await bookings(host, spaceId, '2026-12-04T00:00:00Z', '2026-12-08T00:00:00Z', me.token);
    expectStatus(list, 200);
    expect(list.json.bookings.map((b) => [b.startsAt, b.purpose])).toEqual([
      ['2026-12-05T01:00:00.000Z', '读书会'],
      ['2026-12-06T07:00:00.000Z', '越洋视频会'],
    ]);
  });

  it('an activity booking its space is judged by the same clock', async () => {
    const { host, adminToken } = community();
    const spaceId = await addSpace(host, adminToken, { opensAt: '08:00', closesAt: '22:00' });
    const { leader, clubId } = await clubOf(host, adminToken, '社长');
    const activity = (startsAt: string, endsAt: string) =>
      read(
        client(host, leader.token).api.activities.$post({
          json: {
            clubId,
            title: '合唱排练',
            startsAt,
            endsAt,
            capacity: 30,
            audience: 'members',
            expectedParticipants: 20,
            surplusRatePercent: 8,
            costLines: [{ label: '茶水', amountFen: 4000 }],
            spaceId,
          },
        }),
      );
    // 09:00–11:00 in Shanghai, written in UTC as 01:00–03:00.
    expectStatus(await activity('2027-03-01T01:00:00Z', '2027-03-01T03:00:00Z'), 201);
    // 23:00–24:00 in Shanghai, written in UTC as 15:00–16:00.
    const late = await activity('2027-03-02T15:00:00Z', '2027-03-02T16:00:00Z');
    expectStatus(late, 400);
    expect(late.json.error.details).toHaveProperty('startsAt');
  });

  it('a booking across midnight fits only a space open overnight', async () => {
    const { host, adminToken } = community();
    const hall = await addSpace(host, adminToken, { opensAt: '08:00', closesAt: '22:00' });
    const lounge = await addSpace(host, adminToken, { opensAt: '18:00', closesAt: '02:00' });
    const me = await join(host, '夜猫子');
    expectStatus(await book(host, me.token, hall, { startsAt: at(0, 21), endsAt: at(0, 23), purpose: '看球' }), 400);
    expectStatus(await book(host, me.token, lounge, { startsAt: at(0, 23), endsAt: at(1, 1), purpose: '看球' }), 201);
    expectStatus(await book(host, me.token, lounge, { startsAt: at(2, 1), endsAt: at(2, 3), purpose: '看球' }), 400);
    expectStatus(await book(host, me.token, lounge, { startsAt: at(3, 7), endsAt: at(3, 9), purpose: '晨练' }), 400);
  });

  it('a weekly booking keeps its wall-clock time in the community time zone when the clocks change', async () => {
    const c = await createCommunity(uid('founder'));
    await (await tenantD1(c.slug)).prepare("UPDATE community_profile SET time_zone = 'Europe/Berlin'").run();
    const spaceId = await addSpace(c.host, c.founderToken, { opensAt: '08:00', closesAt: '22:00' });
    const me = await join(c.host, 'Anna');
    // Mondays 20:00–22:00 in Berlin; summer time starts on Sunday 28 March 2027, so UTC moves an hour earlier.
    const weekly = await book(c.host, me.token, spaceId, {
      startsAt: '2027-03-22T20:00:00+01:00',
      endsAt: '2027-03-22T22:00:00+01:00',
      purpose: '合唱排练',
      weeks: 3,
    });
    expectStatus(weekly, 201);
    const list = await bookings(c.host, spaceId, '2027-03-20T00:00:00Z', '2027-04-10T00:00:00Z', me.token);
    expectStatus(list, 200);
    expect(list.json.bookings.map((b) => [b.startsAt, b.endsAt])).toEqual([
      ['2027-03-22T19:00:00.000Z', '2027-03-22T21:00:00.000Z'],
      ['2027-03-29T18:00:00.000Z', '2027-03-29T20:00:00.000Z'],
      ['2027-04-05T18:00:00.000Z', '2027-04-05T20:00:00.000Z'],
    ]);
  });

  it('a booking states how many people come, at most the space holds (400 naming people)', async () => {
    const { host, adminToken } = community();
    const spaceId = await addSpace(host, adminToken, { capacity: 60, opensAt: '08:00', closesAt: '21:30' });
    const me = await join(host, '居民');
    const tooMany = await book(host, me.token, spaceId, { startsAt: at(0, 9), endsAt: at(0, 11), purpose: '讲座', people: 61 });
    expectStatus(tooMany, 400);
    expect(tooMany.json.error.code).toBe('validation_failed');
    expect(tooMany.json.error.details).toHaveProperty('people');
    expect(tooMany.json.error.message).toContain('60');
    for (const people of [undefined, 0, 2.5, '10']) {
      const res = await rawCall(host, `/api/spaces/${spaceId}/bookings`, {
        token: me.token,
        body: { startsAt: at(0, 9), endsAt: at(0, 11), purpose: '讲座', people },
      });
      expect([people, res.status]).toEqual([people, 400]);
      expect(errorOf(res.json).details).toHaveProperty('people');
    }
    expectStatus(await book(host, me.token, spaceId, { startsAt: at(0, 9), endsAt: at(0, 11), purpose: '讲座', people: 60 }), 201);
    const list = await bookings(host, spaceId, at(0, 0), at(1, 0), me.token);
    expectStatus(list, 200);
    expect(list.json.bookings.map((b) => b.people)).toEqual([60]);
  });
});

describe('what a viewer sees of the bookings', () => {
  it("visitors see the club that holds a slot and nothing of a resident's own booking; members see names", async () => {
    const { host, adminToken, slug } = community();
    const spaceId = await addSpace(host, adminToken, { opensAt: '08:00', closesAt: '21:30' });
    const residentName = uid('王小雨');
    const resident = await join(host, residentName);
    const { leader, clubId, name: clubName } = await clubOf(host, adminToken, uid('李社长'));
    expectStatus(await book(host, resident.token, spaceId, { startsAt: at(5, 9), endsAt: at(5, 10), purpose: '书法' }), 201);
    expectStatus(await book(host, leader.token, spaceId, { clubId, startsAt: at(5, 10), endsAt: at(5, 12), purpose: '排练' }), 201);

    const anonymous = await bookings(host, spaceId, at(5, 0), at(6, 0));
    expectStatus(anonymous, 200);
    expect(anonymous.json.bookings.map((b) => [b.purpose, b.bookedBy, b.clubName])).toEqual([
      ['书法', null, null],
      ['排练', clubName, clubName],
    ]);
    expect(anonymous.text).not.toContain(residentName);
    expect(anonymous.text).not.toContain('李社长');

    const member = await join(host, '邻居');
    const seen = await bookings(host, spaceId, at(5, 0), at(6, 0), member.token);
    expectStatus(seen, 200);
    expect(seen.json.bookings.map((b) => b.bookedBy)).toEqual([residentName, expect.stringContaining('李社长')]);

    // Someone waiting for approval is not yet a member: they see what a visitor sees.
    const waiting = await join(host, '新来的');
    await (await tenantD1(slug)).prepare("UPDATE members SET status = 'pending' WHERE id = ?").bind(waiting.id).run();
    const pending = await bookings(host, spaceId, at(5, 0), at(6, 0), waiting.token);
    expectStatus(pending, 200);
    expect(pending.text).not.toContain(residentName);
  });

  it("a booking for an activity not yet announced, or cancelled, shows as booked without the activity's title", async () => {
    const { host, adminToken, slug } = community();
    const spaceId = await addSpace(host, adminToken, { opensAt: '08:00', closesAt: '21:30' });
    const { leader, clubId, name: clubName } = await clubOf(host, adminToken, '社长');
    const title = uid('秘密排练');
    const created = await read(
      client(host, leader.token).api.activities.$post({
        json: {
          clubId,
          title,
          startsAt: at(8, 14),
          endsAt: at(8, 16),
          capacity: 30,
          audience: 'members',
          expectedParticipants: 20,
          surplusRatePercent: 8,
          costLines: [{ label: '茶水', amountFen: 4000 }],
          spaceId,
        },
      }),
    );
    expectStatus(created, 201);
    const member = await join(host, '居民');
    const slot = async (token?: string) => {
      const res = await bookings(host, spaceId, at(8, 0), at(9, 0), token);
      expectStatus(res, 200);
      expect(res.json.bookings).toHaveLength(1);
      return { booking: res.json.bookings[0]!, text: res.text };
    };
    const hidden = { activityId: null, activityTitle: null, purpose: null, clubName };
    for (const token of [undefined, member.token]) {
      const { booking, text } = await slot(token);
      expect(booking).toMatchObject(hidden);
      expect(text).not.toContain(title);
    }
    const full = { activityId: created.json.id, activityTitle: title, purpose: title };
    expect((await slot(leader.token)).booking).toMatchObject(full);
    expect((await slot(adminToken)).booking).toMatchObject(full);
    // Booking the same slot: the clash names the club that holds it, not the activity.
    const clash = await book(host, member.token, spaceId, { startsAt: at(8, 15), endsAt: at(8, 17), purpose: '下棋' });
    expectStatus(clash, 409);
    expect(clash.json.error.message).toContain(clubName);
    expect(clash.text).not.toContain(title);

    const db = await tenantD1(slug);
    await db.prepare("UPDATE activities SET state = 'open' WHERE id = ?").bind(created.json.id).run();
    expect((await slot()).booking).toMatchObject(full);
    expect((await slot(member.token)).booking).toMatchObject(full);
    await db.prepare("UPDATE activities SET state = 'cancelled' WHERE id = ?").bind(created.json.id).run();
    expect((await slot(member.token)).booking).toMatchObject(hidden);
    expect((await slot(leader.token)).booking).toMatchObject(full);
  });
});

describe('professional committees', () => {
  it('coordinators set up standing committees and ad hoc groups with outside experts; residents cannot', async () => {
    const c = await createCommunity(uid('founder'));
    const resident = await join(c.host, '居民');
    const admin = client(c.host, c.founderToken).api;
    const denied = await read(
      client(c.host, resident.token).api.committees.$post({
        json: { name: '物业服务委员会', kind: 'standing', remit: '监督物业服务质量' },
      }),
    );
    expect(denied.status).toBe(403);
    const adHoc = await read(admin.committees.$post({ json: { name: '业主规约修订小组', kind: 'ad-hoc', remit: '修订业主规约' } }));
    expect(adHoc.status).toBe(400);
    const made = await read(
      admin.committees.$post({
        json: { name: '业主规约修订小组', kind: 'ad-hoc', remit: '修订业主规约', supervises: true, endsOn: '2027-06-30' },
      }),
    );
    expectStatus(made, 201);
    const committee = { param: { id: String(made.json.id) } };
    expect(
      (
        await read(
          admin.committees[':id'].members.$post({ ...committee, json: { externalName: '张律师', expertise: '物业法律', role: 'chair' } }),
        )
      ).status,
    ).toBe(201);
    expect(
      (await read(admin.committees[':id'].members.$post({ ...committee, json: { memberId: resident.id, expertise: '社区工作' } }))).status,
    ).toBe(201);
    const list = await read(client(c.host, resident.token).api.committees.$get());
    expectStatus(list, 200);
    expect(list.json.committees[0]).toMatchObject({ kind: 'ad-hoc', endsOn: '2027-06-30', supervises: true });
    expect(list.json.committees[0]!.members.map((m) => [m.name, m.external, m.role])).toEqual([
      ['张律师', true, 'chair'],
      ['居民', false, 'member'],
    ]);
  });
});
