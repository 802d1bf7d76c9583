import { describe, expect, it, vi } from 'vitest';
import { client, createCommunity, expectStatus, read, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

async function join(host: string, name: string) {
  const token = await signIn(uid('p'), host, name);
  const res = await read(client(host, token).api.members.me.$post({ json: { displayName: name } }));
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

const at = (day: number, hour: number) => {
  const d = new Date(Date.UTC(2027, 0, 4 + day, hour, 0, 0));
  return d.toISOString();
};

type Booking = { startsAt: string; endsAt: string; purpose: string; clubId?: number; weeks?: number };

function book(host: string, token: string, spaceId: number, json: Booking) {
  return read(client(host, token).api.spaces[':id'].bookings.$post({ param: { id: String(spaceId) }, json }));
}

function bookings(host: string, spaceId: number, from: string, to: string) {
  return read(client(host).api.spaces[':id'].bookings.$get({ param: { id: String(spaceId) }, query: { from, to } }));
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
