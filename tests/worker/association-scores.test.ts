import { beforeAll, describe, expect, it, vi } from 'vitest';
import { monthsUpTo } from '../../worker/metrics/definitions';
import { type Person, resident, uid } from './community-fixtures';
import { bodyOf, client, createCommunity, errorOf, expectStatus, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const [previous] = monthsUpTo(new Date(), 2) as [string, string];
const twoMonthsAgo = monthsUpTo(new Date(), 3)[0]!;
const at = (month: string, day: number, hour = 10) =>
  `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** One small month, written into the community's own database: numbers a person can check by hand. */
async function seedSmallMonth(slug: string) {
  const db = await tenantD1(slug);
  const s = (query: string, ...params: unknown[]) => db.prepare(query).bind(...params);
  await db.batch([
    s(
      `INSERT INTO members (id, user_id, display_name, building_id, household, joined_at) VALUES
       (2, 'm-2', '张晓梅', 1, '1-101', ?1), (3, 'm-3', '李建国', 1, '1-101', ?1), (4, 'm-4', '王秀英', 2, '2-202', ?1)`,
      at(twoMonthsAgo, 2),
    ),
    s(
      `INSERT INTO clubs (id, name, purpose, program_key, status, responsible_member_id, created_at) VALUES (1, '读书会', '一起读书', 'library', 'active', 2, ?1)`,
      at(twoMonthsAgo, 3),
    ),
    s(
      `INSERT INTO activities (id, club_id, title, responsible_member_id, starts_at, ends_at, place, capacity, audience, state, expected_participants, surplus_rate_percent, checkin_token) VALUES
       (1, 1, '月度读书会', 2, ?1, ?2, '书屋', 20, 'residents', 'settled', 10, 8, 't1'),
       (2, 1, '读书分享', 2, ?3, ?4, '书屋', 20, 'residents', 'held', 10, 8, 't2')`,
      at(previous, 10),
      at(previous, 10, 12),
      at(previous, 12),
      at(previous, 12, 12),
    ),
    s(
      `INSERT INTO signups (activity_id, member_id, participant, status) VALUES (1, 2, '', 'confirmed'), (1, 3, '', 'confirmed'), (2, 4, '', 'confirmed')`,
    ),
    s(
      `INSERT INTO activity_settlements (activity_id, income_fen, cost_fen, recorded_by, recorded_at) VALUES (1, 50000, 60000, 2, ?1)`,
      at(previous, 11),
    ),
    s(
      `INSERT INTO member_roles (member_id, role, party_key, building_id, granted_by, granted_at) VALUES
       (2, 'building-contact', '', 1, 'test', ?1), (3, 'building-contact', '', 1, 'test', ?1), (4, 'building-contact', '', 2, 'test', ?1)`,
      at(previous, 1),
    ),
  ]);
}

describe('the association sees where it stands', () => {
  let a: Awaited<ReturnType<typeof createCommunity>>;
  let admin: Person;
  let coordinator: Person;
  let member: Person;

  beforeAll(async () => {
    a = await createCommunity(uid('scores-founder'));
    admin = { token: a.founderToken, id: 1, name: '会长' };
    await seedSmallMonth(a.slug);
    coordinator = await resident(a.host, '业委会代表');
    const offer = await read(
      client(a.host, admin.token).api.parties[':key'].appointments.$post({
        param: { key: 'owners-committee' },
        json: { memberId: coordinator.id },
      }),
    );
    expectStatus(offer, 201);
    const answer = await read(
      client(a.host, coordinator.token).api.parties[':key'].appointments[':appointmentId'].answer.$post({
        param: { key: 'owners-committee', appointmentId: String(offer.json.id) },
        json: { accept: true },
      }),
    );
    expectStatus(answer, 200);
    member = await resident(a.host, '普通居民');
  });

  const scores = (who?: Person, host = a.host) => read(client(host, who?.token).api.association.scores.$get());

  it('answers administrators and coordinators with thirteen months at most, the month in progress last', async () => {
    const forAdmin = bodyOf(await scores(admin), 200);
    expectStatus(await scores(coordinator), 200);
    expect(forAdmin.months.length).toBeLessThanOrEqual(13);
    expect(forAdmin.months.at(-1)!.month).toBe(forAdmin.currentMonth);
    expect(forAdmin.definitions.metrics.map((m) => m.key)).toContain('householdParticipation');
  });

  it('computes the known month exactly as the definitions say', async () => {
    const body = bodyOf(await scores(admin), 200);
    const month = body.months.find((m) => m.month === previous)!;
    const { values, rules } = month.figures;
    expect(values.households).toBe(1200);
    expect(values.members).toBe(3); // the three written above; the founder and two residents joined this month
    expect(values.activitiesHeld).toBe(2);
    expect(values.clubsActive).toBe(1);
    // Members 2 and 3 share flat 1-101; member 4 is 2-202: two households of 1,200.
    expect(values.householdParticipation).toBeCloseTo(2 / 1200);
    expect(values.repeatAttendance).toBe(0); // everyone took part for the first time
    expect(values.contactCoverage).toBeCloseTo(1 / 6); // building 1 has two contacts, building 2 one, of six
    expect(values.jointMeetingsHeld).toBe(0);
    expect(values.surplusShare).toBe(0); // settled at a loss
    expect(values.statementsOnTime).toBe(1); // settled the next day
    expect(values.programsActive).toBe(1);
    expect(rules.operations!.checks['meeting-0']).toBe(false);
    expect(rules.finance!.checks).toEqual({ 'on-time': true, surplus: false });
    expect(body.monthsWithoutJointMeeting).toContain(previous);
    expect(body.contacts).toMatchObject({ buildings: 6, withTwo: 1 });
    expect(body.contacts.short).toHaveLength(5);
  });

  it('lists the next useful steps, each with the screen that fixes it', async () => {
    const steps = bodyOf(await scores(admin), 200).nextSteps;
    const byKey = Object.fromEntries(steps.map((s) => [s.key, s]));
    expect(byKey['building-second-contact']).toEqual({ key: 'building-second-contact', count: 1, href: '/buildings' });
    expect(byKey['building-first-contact']).toEqual({ key: 'building-first-contact', count: 4, href: '/buildings' });
    // The held activity ended weeks ago and has not been settled: one club owes its statement.
    expect(byKey.statements).toEqual({ key: 'statements', count: 1, href: '/clubs' });
    expect(byKey['joint-meeting']?.href).toBe('/meetings');
    expect(byKey.committee?.href).toBe('/committees');
    // Of the joint meeting's four parties only the owners' committee has a representative.
    expect(byKey['party-representatives']).toEqual({ key: 'party-representatives', count: 3, href: '/admin/settings#parties' });
  });

  it('refuses a member until the community shows its figures to every member, then answers', async () => {
    const refused = await scores(member);
    expect(refused.status).toBe(403);
    expect(errorOf(refused.json).code).toBe('forbidden');
    const settings = await read(client(a.host, admin.token).api.community.settings.$patch({ json: { figuresForMembers: true } }));
    expectStatus(settings, 200);
    expect(settings.json.figuresForMembers).toBe(true);
    expectStatus(await scores(member), 200);
    // A member may not change the setting back.
    expect((await read(client(a.host, member.token).api.community.settings.$patch({ json: { figuresForMembers: false } }))).status).toBe(
      403,
    );
    expectStatus(await read(client(a.host, admin.token).api.community.settings.$patch({ json: { figuresForMembers: false } })), 200);
    expect((await scores(member)).status).toBe(403);
  });

  it('refuses visitors, and the administrator of another community', async () => {
    expect((await scores()).status).toBe(401);
    const otherFounder = uid('other-founder');
    const b = await createCommunity(otherFounder);
    const otherAdmin = await signIn(otherFounder, a.host);
    const res = await scores({ token: otherAdmin, id: 0, name: '外人' });
    expect(res.status).toBe(403);
    expect(errorOf(res.json).code).toBe('not_a_member');
    expectStatus(await scores({ token: b.founderToken, id: 1, name: '会长' }, b.host), 200);
  });
});

describe('the setup checklist follows the real data', () => {
  it('leads a new community through the seven steps in order, none done, each to its screen', async () => {
    const c = await createCommunity(uid('checklist-founder'));
    const items = bodyOf(await read(client(c.host, c.founderToken).api.admin.checklist.$get()), 200).items;
    expect(items.map((i) => [i.key, i.href, i.done])).toEqual([
      ['parties', '/admin/settings#parties', false],
      ['building-contacts', '/buildings', false],
      ['committee', '/committees', false],
      ['spaces', '/spaces', false],
      ['seed-fund', '/accounts', false],
      ['club', '/clubs', false],
      ['joint-meeting', '/meetings', false],
    ]);
    const space = await read(
      client(c.host, c.founderToken).api.spaces.$post({ json: { name: '多功能厅', capacity: 40, opensAt: '08:00', closesAt: '21:00' } }),
    );
    expectStatus(space, 201);
    await seedSmallMonth(c.slug);
    const db = await tenantD1(c.slug);
    await db
      .prepare(
        `INSERT INTO meetings (body_key, title, scheduled_for, status, created_by) VALUES ('joint-meeting', '联席会议', ?1, 'closed', 1)`,
      )
      .bind(at(previous, 20))
      .run();
    const after = bodyOf(await read(client(c.host, c.founderToken).api.admin.checklist.$get()), 200).items;
    const done = Object.fromEntries(after.map((i) => [i.key, i.done]));
    expect(done).toEqual({
      parties: false,
      'building-contacts': false,
      committee: false,
      spaces: true,
      'seed-fund': false,
      club: true,
      'joint-meeting': true,
    });
    expect(after.find((i) => i.key === 'building-contacts')!.progress).toEqual({ current: 2, target: 6 });
  });
});
