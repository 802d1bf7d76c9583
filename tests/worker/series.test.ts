import { describe, expect, it, vi } from 'vitest';
import { expectStatus, read } from './helpers';
import { activeClub, activityBody, as, byId, community, draft, inDays, resident, step } from './community-fixtures';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('recurring activities', () => {
  it('makes a flea market recurring every two months: drafts the next occurrences through the activities service', async () => {
    const { host, admin } = await community();
    const first = await draft(host, admin, {
      title: '彩虹屋跳蚤市场',
      capacity: 30,
      maxPlacesPerMember: 1,
      expectedParticipants: 30,
      costLines: [{ label: '桌椅搬运和垃圾袋', amountFen: 25000 }],
      startsAt: inDays(10),
      endsAt: inDays(10, 3),
    });
    const created = await read(
      as(host, admin).series.$post({ json: { activityId: first, every: 2, unit: 'month', monthlyBy: 'weekday-of-month', ahead: 2 } }),
    );
    expectStatus(created, 201);
    const series = await read(as(host, admin).series[':id'].$get(byId(created.json.id)));
    expectStatus(series, 200);
    expect(series.json.occurrences).toHaveLength(3);
    expect(series.json.occurrences.map((o) => o.state)).toEqual(['draft', 'draft', 'draft']);
    expect(series.json.canManage).toBe(true);
    expect(series.json.upcoming).toHaveLength(3);
    const [, second] = series.json.occurrences;
    // Each occurrence is an ordinary activity with the template's budget: stall fee = costs × 1.08 ÷ 30 stalls.
    const detail = await read(as(host, admin).activities[':id'].$get(byId(second!.activityId)));
    expectStatus(detail, 200);
    expect(detail.json).toMatchObject({ title: '彩虹屋跳蚤市场', capacity: 30, maxPlacesPerMember: 1, feeFen: 900, state: 'draft' });
    const gapDays = (Date.parse(second!.startsAt) - Date.parse(series.json.occurrences[0]!.startsAt)) / 86400_000;
    expect(gapDays).toBeGreaterThanOrEqual(56);
    expect(gapDays).toBeLessThanOrEqual(63);

    // An activity in a series is found from its page; it cannot start a second series.
    const found = await read(as(host, admin).series.$get({ query: { activityId: String(second!.activityId) } }));
    expectStatus(found, 200);
    expect(found.json.seriesId).toBe(created.json.id);
    expectStatus(await read(as(host, admin).series.$post({ json: { activityId: second!.activityId, every: 1, unit: 'week' } })), 409);

    // Adding the next one, then ending the series.
    const more = await read(as(host, admin).series[':id'].occurrences.$post({ ...byId(created.json.id), json: { count: 1 } }));
    expectStatus(more, 201);
    expect(more.json.activityIds).toHaveLength(1);
    expectStatus(await read(as(host, admin).series[':id'].end.$post(byId(created.json.id))), 200);
    expectStatus(await read(as(host, admin).series[':id'].end.$post(byId(created.json.id))), 409);
    expectStatus(await read(as(host, admin).series[':id'].occurrences.$post({ ...byId(created.json.id), json: { count: 1 } })), 409);
  });

  it('adds each next occurrence once when two organisers add at the same time, and stops at the count', async () => {
    const { host, admin } = await community();
    const first = await draft(host, admin, { startsAt: inDays(3), endsAt: inDays(3, 2) });
    const created = await read(as(host, admin).series.$post({ json: { activityId: first, every: 1, unit: 'week', count: 4, ahead: 0 } }));
    expectStatus(created, 201);
    const both = await Promise.all([
      read(as(host, admin).series[':id'].occurrences.$post({ ...byId(created.json.id), json: { count: 2 } })),
      read(as(host, admin).series[':id'].occurrences.$post({ ...byId(created.json.id), json: { count: 2 } })),
    ]);
    const drafted = both.flatMap((r) => (r.status === 201 ? r.json.activityIds : []));
    const series = await read(as(host, admin).series[':id'].$get(byId(created.json.id)));
    expectStatus(series, 200);
    expect(series.json.occurrences.map((o) => o.position)).toEqual([0, 1, 2, 3].slice(0, series.json.occurrences.length));
    expect(new Set(drafted).size).toBe(drafted.length);
    expect(series.json.occurrences.length).toBe(1 + drafted.length);
    const rest = await read(as(host, admin).series[':id'].occurrences.$post({ ...byId(created.json.id), json: { count: 5 } }));
    if (series.json.occurrences.length === 4) expectStatus(rest, 409);
    const after = await read(as(host, admin).series[':id'].$get(byId(created.json.id)));
    expectStatus(after, 200);
    expect(after.json.occurrences).toHaveLength(4);
    expect(after.json.upcoming).toEqual([]);
  });

  it("lets a club's responsible person make the club's activity recurring, and refuses other members", async () => {
    const { host, admin } = await community();
    const leader = await resident(host, '社长老陈');
    const member = await resident(host, '社员小李');
    const clubId = await activeClub(host, admin, leader, [member]);
    const first = await draft(host, leader, { clubId, startsAt: inDays(5), endsAt: inDays(5, 2) });
    const body = { activityId: first, clubId, every: 1, unit: 'week' as const, ahead: 1 };
    expectStatus(await read(as(host, member).series.$post({ json: body })), 403);
    // Naming no club for a club's activity needs an administrator, and an administrator must name its club.
    expectStatus(await read(as(host, leader).series.$post({ json: { ...body, clubId: null } })), 403);
    const wrongClub = await read(as(host, admin).series.$post({ json: { ...body, clubId: null } }));
    expectStatus(wrongClub, 400);
    const created = await read(as(host, leader).series.$post({ json: body }));
    expectStatus(created, 201);
    expectStatus(await read(as(host, member).series[':id'].end.$post(byId(created.json.id))), 403);
    // Drafts are the organisers' own: a member sees the series page only once its first activity is announced.
    expectStatus(await read(as(host, member).series[':id'].$get(byId(created.json.id))), 404);
    for (const s of ['submit', 'approve', 'open'] as const) expectStatus(await step(host, first, s, s === 'approve' ? admin : leader), 200);
    const seen = await read(as(host, member).series[':id'].$get(byId(created.json.id)));
    expectStatus(seen, 200);
    expect(seen.json.occurrences.map((o) => o.activityId)).toEqual([first]);
    expect(seen.json.canManage).toBe(false);
    expectStatus(await read(as(host).series[':id'].$get(byId(created.json.id))), 200);
  });

  it('refuses a series whose end is before its first activity, and a weekly series that picks a day of the month', async () => {
    const { host, admin } = await community();
    const first = await draft(host, admin, activityBody({ startsAt: inDays(5), endsAt: inDays(5, 2) }));
    const early = await read(as(host, admin).series.$post({ json: { activityId: first, every: 1, unit: 'week', until: '2020-01-01' } }));
    expectStatus(early, 400);
    expect(early.json.error.details).toHaveProperty('until');
    const mixed = await read(
      as(host, admin).series.$post({ json: { activityId: first, every: 1, unit: 'week', monthlyBy: 'day-of-month' } }),
    );
    expectStatus(mixed, 400);
  });

  it('refuses, writing nothing, a series asked to draft ahead that ends before its second activity (found by the fuzzing)', async () => {
    const { host, admin } = await community();
    const first = await draft(host, admin, activityBody({ startsAt: inDays(5), endsAt: inDays(5, 2) }));
    const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const short = await read(as(host, admin).series.$post({ json: { activityId: first, every: 3, unit: 'month', until, ahead: 2 } }));
    expectStatus(short, 400);
    expect(short.json.error.details).toHaveProperty('until');
    // Nothing was written: the same activity can still be made recurring.
    expectStatus(await read(as(host, admin).series.$post({ json: { activityId: first, every: 1, unit: 'week', ahead: 1 } })), 201);
  });
});
