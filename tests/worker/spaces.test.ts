import { describe, expect, it, vi } from 'vitest';
import { call, createCommunity, signIn } from './helpers';

vi.setConfig({ testTimeout: 60_000 });
const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

async function join(host: string, name: string) {
  const token = await signIn(uid('p'), host, name);
  const res = await call(host, '/api/members/me', { body: { displayName: name }, token });
  return { token, id: res.json.id as number };
}

async function setup() {
  const c = await createCommunity(uid('founder'));
  const space = await call(c.host, '/api/spaces', {
    body: { name: '多功能厅', capacity: 60, opensAt: '08:00', closesAt: '21:30', rules: '用后复原桌椅' },
    token: c.founderToken,
  });
  expect(space.status, space.text).toBe(201);
  return { ...c, spaceId: space.json.id as number };
}

const at = (day: number, hour: number) => {
  const d = new Date(Date.UTC(2027, 0, 4 + day, hour, 0, 0));
  return d.toISOString();
};

describe('shared space bookings', () => {
  it('twenty simultaneous bookings of the same hour give exactly one booking; the rest are refused with the clash', async () => {
    const { host, spaceId } = await setup();
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => join(host, `居民${i}`)));
    const results = await Promise.all(
      people.map((p, i) =>
        call(host, `/api/spaces/${spaceId}/bookings`, {
          body: { startsAt: at(0, 9), endsAt: at(0, 11), purpose: `活动${i}`, weeks: 1 },
          token: p.token,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.json.error.details.clashes.length).toBe(1);
    const list = await call(
      host,
      `/api/spaces/${spaceId}/bookings?from=${encodeURIComponent(at(0, 0))}&to=${encodeURIComponent(at(1, 0))}`,
    );
    expect(list.json.bookings).toHaveLength(1);
  });

  it('allows back-to-back bookings, refuses any overlap, and frees the slot when a booking is cancelled', async () => {
    const { host, spaceId } = await setup();
    const a = await join(host, '甲');
    const b = await join(host, '乙');
    expect(
      (
        await call(host, `/api/spaces/${spaceId}/bookings`, {
          body: { startsAt: at(1, 9), endsAt: at(1, 11), purpose: '书法' },
          token: a.token,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(host, `/api/spaces/${spaceId}/bookings`, {
          body: { startsAt: at(1, 11), endsAt: at(1, 12), purpose: '合唱' },
          token: b.token,
        })
      ).status,
    ).toBe(201);
    const overlap = await call(host, `/api/spaces/${spaceId}/bookings`, {
      body: { startsAt: at(1, 10), endsAt: at(1, 12), purpose: '舞蹈' },
      token: b.token,
    });
    expect(overlap.status).toBe(409);
    const mine = await call(
      host,
      `/api/spaces/${spaceId}/bookings?from=${encodeURIComponent(at(1, 0))}&to=${encodeURIComponent(at(2, 0))}`,
    );
    const first = mine.json.bookings.find((x: { purpose: string }) => x.purpose === '书法');
    expect((await call(host, `/api/bookings/${first.id}`, { method: 'DELETE', token: b.token })).status).toBe(403);
    expect((await call(host, `/api/bookings/${first.id}`, { method: 'DELETE', token: a.token })).status).toBe(200);
    expect(
      (
        await call(host, `/api/spaces/${spaceId}/bookings`, {
          body: { startsAt: at(1, 9), endsAt: at(1, 11), purpose: '舞蹈' },
          token: b.token,
        })
      ).status,
    ).toBe(201);
  });

  it('books a weekly slot all at once, or not at all when any week clashes, and the clash can go to the federation', async () => {
    const { host, spaceId } = await setup();
    const a = await join(host, '甲');
    const b = await join(host, '乙');
    expect(
      (
        await call(host, `/api/spaces/${spaceId}/bookings`, {
          body: { startsAt: at(14, 19), endsAt: at(14, 21), purpose: '合唱团排练' },
          token: a.token,
        })
      ).status,
    ).toBe(201);
    const weekly = await call(host, `/api/spaces/${spaceId}/bookings`, {
      body: { startsAt: at(0, 19), endsAt: at(0, 21), purpose: '乒乓球训练', weeks: 4 },
      token: b.token,
    });
    expect(weekly.status).toBe(409);
    const weeks = await call(
      host,
      `/api/spaces/${spaceId}/bookings?from=${encodeURIComponent(at(0, 0))}&to=${encodeURIComponent(at(30, 0))}`,
    );
    expect(weeks.json.bookings.map((x: { purpose: string }) => x.purpose)).toEqual(['合唱团排练']);
    const fine = await call(host, `/api/spaces/${spaceId}/bookings`, {
      body: { startsAt: at(0, 17), endsAt: at(0, 19), purpose: '乒乓球训练', weeks: 4 },
      token: b.token,
    });
    expect(fine.status).toBe(201);
    expect(fine.json.ids).toHaveLength(4);
    const request = await call(host, `/api/spaces/${spaceId}/slot-requests`, {
      body: { slot: '每周一 19:00–21:00', reason: '乒乓球队和合唱团都想要周一晚上的时段' },
      token: b.token,
    });
    expect(request.status).toBe(201);
    const federation = await call(host, '/api/federation', { token: b.token });
    expect(federation.json.requests.map((r: { id: number; state: string }) => [r.id, r.state])).toEqual([
      [request.json.issueId, 'referred'],
    ]);
  });

  it('only club leaders book for their club, and only administrators add spaces', async () => {
    const { host, spaceId, founderToken } = await setup();
    const leader = await join(host, '社长');
    const member = await join(host, '社员');
    const club = await call(host, '/api/clubs', { body: { name: '棋社', purpose: '每周下棋交流' }, token: leader.token });
    await call(host, `/api/clubs/${club.json.id}/status`, { body: { status: 'active' }, token: founderToken });
    await call(host, `/api/clubs/${club.json.id}/members`, { method: 'POST', token: member.token });
    const body = { clubId: club.json.id, startsAt: at(3, 14), endsAt: at(3, 16), purpose: '棋社活动' };
    expect((await call(host, `/api/spaces/${spaceId}/bookings`, { body, token: member.token })).status).toBe(403);
    expect((await call(host, `/api/spaces/${spaceId}/bookings`, { body, token: leader.token })).status).toBe(201);
    expect(
      (
        await call(host, '/api/spaces', {
          body: { name: '棋牌室', capacity: 20, opensAt: '09:00', closesAt: '21:00' },
          token: leader.token,
        })
      ).status,
    ).toBe(403);
    const federation = await call(host, '/api/federation', { token: member.token });
    expect(federation.json.members.map((m: { clubName: string; displayName: string }) => [m.clubName, m.displayName])).toEqual([
      ['棋社', '社长'],
    ]);
  });
});

describe('professional committees', () => {
  it('coordinators set up standing committees and ad hoc groups with outside experts; residents cannot', async () => {
    const c = await createCommunity(uid('founder'));
    const resident = await join(c.host, '居民');
    const denied = await call(c.host, '/api/committees', {
      body: { name: '物业服务委员会', kind: 'standing', remit: '监督物业服务质量' },
      token: resident.token,
    });
    expect(denied.status).toBe(403);
    const adHoc = await call(c.host, '/api/committees', {
      body: { name: '业主规约修订小组', kind: 'ad-hoc', remit: '修订业主规约' },
      token: c.founderToken,
    });
    expect(adHoc.status).toBe(400);
    const made = await call(c.host, '/api/committees', {
      body: { name: '业主规约修订小组', kind: 'ad-hoc', remit: '修订业主规约', supervises: true, endsOn: '2027-06-30' },
      token: c.founderToken,
    });
    expect(made.status).toBe(201);
    expect(
      (
        await call(c.host, `/api/committees/${made.json.id}/members`, {
          body: { externalName: '张律师', expertise: '物业法律', role: 'chair' },
          token: c.founderToken,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(c.host, `/api/committees/${made.json.id}/members`, {
          body: { memberId: resident.id, expertise: '社区工作' },
          token: c.founderToken,
        })
      ).status,
    ).toBe(201);
    const list = await call(c.host, '/api/committees', { token: resident.token });
    expect(list.json.committees[0]).toMatchObject({ kind: 'ad-hoc', endsOn: '2027-06-30', supervises: true });
    expect(
      list.json.committees[0].members.map((m: { name: string; external: boolean; role: string }) => [m.name, m.external, m.role]),
    ).toEqual([
      ['张律师', true, 'chair'],
      ['居民', false, 'member'],
    ]);
  });
});
