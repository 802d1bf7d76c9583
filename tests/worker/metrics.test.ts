import { env } from 'cloudflare:workers';
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import type { InferResponseType } from 'hono/client';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { monthsUpTo } from '../../worker/metrics/definitions';
import { DAILY_METRICS_CRON, handleMetricsMessage, type MetricsMessage, snapshotNow } from '../../worker/metrics/snapshots';
import { type Api, bodyOf, client, createCommunity, expectStatus, PLATFORM, read, signIn, tenantD1 } from './helpers';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const [previous, current] = monthsUpTo(new Date(), 2) as [string, string];
const twoMonthsAgo = monthsUpTo(new Date(), 3)[0]!;
const at = (month: string, day: number, hour = 10) =>
  `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function communityRow(slug: string) {
  return (await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(slug).first<{ id: string }>())!;
}

/** Fills a community's own database with one known month of life, written the way the product writes it. */
async function seedKnownMonth(slug: string) {
  const db = await tenantD1(slug);
  const s = (query: string, ...params: unknown[]) => db.prepare(query).bind(...params);
  await db.batch([
    s('UPDATE community_profile SET residents = 3100'),
    s(
      `INSERT INTO members (id, user_id, display_name, building_id, household, joined_at) VALUES
       (2, 'm-2', '张晓梅', 1, '1-101', ?1), (3, 'm-3', '李建国', 1, '1-101', ?1), (4, 'm-4', '王秀英', 2, '2-202', ?1), (5, 'm-5', '赵志强', 2, NULL, ?1)`,
      at(twoMonthsAgo, 2),
    ),
    s(
      `INSERT INTO clubs (id, name, purpose, program_key, status, responsible_member_id, created_at) VALUES (1, '读书会', '一起读书', 'library', 'active', 2, ?1)`,
      at(twoMonthsAgo, 3),
    ),
    s(
      `INSERT INTO activities (id, club_id, title, responsible_member_id, starts_at, ends_at, place, capacity, audience, state, expected_participants, surplus_rate_percent, checkin_token) VALUES
       (1, 1, '早先的读书会', 2, ?1, ?2, '书屋', 20, 'residents', 'held', 10, 8, 't0'),
       (2, 1, '月度读书会', 2, ?3, ?4, '书屋', 20, 'residents', 'settled', 10, 8, 't1'),
       (3, 1, '取消的活动', 2, ?5, ?6, '书屋', 20, 'residents', 'cancelled', 10, 8, 't2')`,
      at(twoMonthsAgo, 15),
      at(twoMonthsAgo, 15, 12),
      at(previous, 10),
      at(previous, 10, 12),
      at(previous, 18),
      at(previous, 18, 12),
    ),
    s(
      `INSERT INTO signups (activity_id, member_id, participant, status) VALUES
       (1, 2, '', 'confirmed'), (2, 2, '', 'confirmed'), (2, 3, '', 'confirmed'), (2, 4, '', 'confirmed'), (2, 5, '', 'confirmed')`,
    ),
    s(
      `INSERT INTO activity_settlements (activity_id, income_fen, cost_fen, recorded_by, recorded_at) VALUES (2, 110000, 100000, 2, ?1)`,
      at(previous, 12),
    ),
    s(
      `INSERT INTO volunteer_hours (member_id, served_on, minutes, recorded_by, confirmed_at) VALUES (4, ?1, 90, 2, ?2), (5, ?1, 60, 2, NULL)`,
      `${previous}-11`,
      at(previous, 12),
    ),
    s(
      `INSERT INTO member_roles (member_id, role, party_key, building_id, granted_by, granted_at) VALUES
       (2, 'building-contact', '', 1, 'test', ?1), (3, 'building-contact', '', 1, 'test', ?1), (4, 'building-contact', '', 2, 'test', ?1)`,
      at(previous, 1),
    ),
    s(
      `INSERT INTO meetings (body_key, title, scheduled_for, status, created_by) VALUES ('joint-meeting', '联席会议', ?1, 'closed', 1)`,
      at(previous, 20),
    ),
    s(
      `INSERT INTO issues (id, title, description, category, raised_by, state, created_at) VALUES (1, '路灯不亮', '三号楼前的路灯坏了', 'safety', 4, 'decided', ?1)`,
      at(previous, 1),
    ),
    s(
      `INSERT INTO issue_events (issue_id, from_state, to_state, at) VALUES (1, NULL, 'raised', ?1), (1, 'on-agenda', 'decided', ?2)`,
      at(previous, 1),
      at(previous, 11),
    ),
  ]);
}

async function snapshot(communityId: string, month: string) {
  const row = await env.PLATFORM_DB.prepare(
    'SELECT figures, computed_at AS computedAt FROM metric_snapshots WHERE community_id = ? AND month = ?',
  )
    .bind(communityId, month)
    .first<{ figures: string; computedAt: string }>();
  return row ? { ...JSON.parse(row.figures), computedAt: row.computedAt } : null;
}

async function registerConsultant(userId: string, name: string) {
  await env.PLATFORM_DB.batch([
    env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(userId),
    env.PLATFORM_DB.prepare('INSERT INTO consultant_profiles (user_id, display_name, organisation) VALUES (?, ?, ?)').bind(
      userId,
      name,
      '研究中心',
    ),
  ]);
}

describe('metric snapshots computed from a community’s own database', () => {
  let a: Awaited<ReturnType<typeof createCommunity>>;
  let aRow: { id: string };

  beforeAll(async () => {
    a = await createCommunity(uid('metrics-founder'));
    aRow = await communityRow(a.slug);
    await seedKnownMonth(a.slug);
    await snapshotNow(env, [aRow.id]);
  });

  it('stores thirteen months: twelve complete and the one in progress', async () => {
    const { results } = await env.PLATFORM_DB.prepare('SELECT month FROM metric_snapshots WHERE community_id = ? ORDER BY month')
      .bind(aRow.id)
      .all<{ month: string }>();
    expect(results.map((r) => r.month)).toEqual(monthsUpTo(new Date(), 13));
  });

  it('computes the known month exactly', async () => {
    const { values, rules } = (await snapshot(aRow.id, previous))!;
    expect(values.households).toBe(1200);
    expect(values.residents).toBe(3100);
    expect(values.members).toBe(4); // the founder joined this month, not last
    expect(values.activitiesHeld).toBe(1); // the cancelled one does not count
    expect(values.clubsActive).toBe(1);
    // Members 2 and 3 share flat 1-101; member 5 gave no flat and counts alone: three households of 1,200.
    expect(values.householdParticipation).toBeCloseTo(3 / 1200);
    // Four took part; member 2 had taken part two months ago.
    expect(values.repeatAttendance).toBe(0.25);
    expect(values.volunteersActive).toBe(1); // unconfirmed hours do not count
    expect(values.volunteerHours).toBe(1.5);
    expect(values.contactCoverage).toBeCloseTo(1 / 6); // building 1 has two contacts, building 2 one
    expect(values.jointMeetingsHeld).toBe(1);
    expect(values.issuesRaised).toBe(1);
    expect(values.issuesDecided).toBe(1);
    expect(values.medianDaysToDecision).toBe(10);
    expect(values.surplusShare).toBe(1);
    expect(values.statementsOnTime).toBe(1);
    expect(values.programsActive).toBe(1);
    expect(rules.finance.score).toBe(1);
    expect(rules.operations.checks).toEqual({ 'meeting-0': true, 'meeting-1': false, 'meeting-2': false });
  });

  it('keeps months before the data empty, and the month in progress separate', async () => {
    expect((await snapshot(aRow.id, twoMonthsAgo))!.values.activitiesHeld).toBe(1);
    expect((await snapshot(aRow.id, current))!.values.activitiesHeld).toBe(0);
  });

  it('recomputes after a material change, once for a burst of changes', async () => {
    const before = (await snapshot(aRow.id, previous))!.computedAt;
    const change: MetricsMessage = { kind: 'changed', communityId: aRow.id, at: new Date(Date.parse(before) + 1).toISOString() };
    expect(await handleMetricsMessage(env, change, new Date(Date.parse(before) + 5))).toEqual({ done: 1, failed: 0, skipped: 0 });
    // A second message about a change the recomputation already covered is skipped.
    expect(await handleMetricsMessage(env, change, new Date(Date.parse(before) + 10))).toEqual({ done: 0, failed: 0, skipped: 1 });
  });
});

describe('a snapshot run over every active community, fanned out over the queue', () => {
  it('the operator starts a run, the queue consumer handles it in slices, and progress reaches the total', async () => {
    for (let i = 0; i < 3; i++) await createCommunity(uid('run-founder'));
    const operator = uid('run-operator');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
    const runs = client(PLATFORM, await signIn(operator)).api.operator.metrics.runs;
    const started = await read(runs.$post());
    expectStatus(started, 202);
    const active = await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM communities WHERE status = 'active'").first<{ n: number }>();
    expect(started.json.total).toBe(active!.n);

    let run: InferResponseType<Api['operator']['metrics']['runs']['latest']['$get'], 200>['run'] = null;
    for (let i = 0; i < 100 && !run?.finishedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = bodyOf(await read(runs.latest.$get()), 200).run;
    }
    expect(run?.id).toBe(started.json.runId);
    expect(run?.finishedAt).not.toBeNull();
    expect(run!.done + run!.failed).toBe(run!.total);
    expect(run?.failed).toBe(0);
    const written = await env.PLATFORM_DB.prepare('SELECT COUNT(DISTINCT community_id) AS n FROM metric_snapshots WHERE run_id = ?')
      .bind(run!.id)
      .first<{ n: number }>();
    expect(written!.n).toBe(run!.total);
  });

  it('a community that fails is counted as failed and does not stop the others; the message is acknowledged', async () => {
    const good = await createCommunity(uid('run-good'));
    const goodRow = await communityRow(good.slug);
    const badId = uid('broken');
    await env.PLATFORM_DB.batch([
      env.PLATFORM_DB.prepare(
        `INSERT INTO communities (id, slug, name_zh, status, provision_step, setup, database_binding, template_key, template_version, founder_user_id)
         VALUES (?, ?, '坏的', 'active', 'active', '{}', 'TENANT_DB_9999', 'cuizhuyuan', 1, 'x')`,
      ).bind(badId, badId),
      env.PLATFORM_DB.prepare("INSERT INTO snapshot_runs (id, trigger, total) VALUES ('run-with-failure', 'operator', 2)"),
    ]);
    try {
      const batch = createMessageBatch<MetricsMessage>('huzhu-metrics', [
        {
          id: 'm1',
          timestamp: new Date(),
          attempts: 1,
          body: { kind: 'run', runId: 'run-with-failure', communityIds: [badId, goodRow.id] },
        },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks).toEqual(['m1']);
      const run = await env.PLATFORM_DB.prepare(
        "SELECT done, failed, finished_at AS finishedAt FROM snapshot_runs WHERE id = 'run-with-failure'",
      ).first<{ done: number; failed: number; finishedAt: string | null }>();
      expect(run).toMatchObject({ done: 1, failed: 1 });
      expect(run?.finishedAt).not.toBeNull();
      expect(await snapshot(goodRow.id, current)).not.toBeNull();
    } finally {
      await env.PLATFORM_DB.prepare("UPDATE communities SET status = 'suspended' WHERE id = ?").bind(badId).run();
    }
  });

  it('the daily cron starts a run; the five-minute cron does not', async () => {
    const count = async () =>
      (await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM snapshot_runs WHERE trigger = 'schedule'").first<{ n: number }>())!.n;
    const before = await count();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.now() }), env, ctx);
    await worker.scheduled(createScheduledController({ cron: DAILY_METRICS_CRON, scheduledTime: Date.now() }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await count()).toBe(before + 1);
  });
});

describe('consultant access to aggregate figures', () => {
  let a: Awaited<ReturnType<typeof createCommunity>>;
  let b: Awaited<ReturnType<typeof createCommunity>>;
  const consultant = uid('consultant');
  const founderA = uid('grant-founder-a');
  let consultantToken: string;
  /** The consultant's API on the platform host. */
  const consultantApi = () => client(PLATFORM, consultantToken).api.consultant;
  const compare = (slugs: string) => read(consultantApi().compare.$get({ query: { slugs } }));
  /** Consultant access as managed on a community's host, with `token`. */
  const access = (host: string, token: string) => client(host, token).api['consultant-access'];
  const byUser = (userId: string) => ({ param: { userId } });

  beforeAll(async () => {
    a = await createCommunity(founderA);
    b = await createCommunity(uid('grant-founder-b'));
    const aRow = await communityRow(a.slug);
    await seedKnownMonth(a.slug);
    await snapshotNow(env, [aRow.id, (await communityRow(b.slug)).id]);
    await registerConsultant(consultant, '顾问甲');
    consultantToken = await signIn(consultant);
  });

  it('without a grant the consultant sees nothing: 403, no names, no figures', async () => {
    const list = await read(consultantApi().communities.$get({ query: {} }));
    expectStatus(list, 200);
    expect(list.json.communities).toEqual([]);
    for (const [path, request] of [
      [`/api/consultant/compare?slugs=${a.slug}`, () => compare(a.slug)],
      [`/api/consultant/communities/${a.slug}`, () => read(consultantApi().communities[':slug'].$get({ param: { slug: a.slug } }))],
      ['/api/consultant/compare?slugs=no-such-place', () => compare('no-such-place')],
    ] as const) {
      const res = await request();
      expect(res.status, path).toBe(403);
      expect(res.text).not.toContain('测试花园');
      expect(res.text).not.toContain('values');
    }
  });

  it('an admin grants access; the consultant then compares, sees the grant, and it is logged', async () => {
    const directory = await read(access(a.host, a.founderToken).$get());
    expectStatus(directory, 200);
    expect(directory.json.directory).toEqual(
      expect.arrayContaining([{ userId: consultant, displayName: '顾问甲', organisation: '研究中心' }]),
    );

    const granted = await read(access(a.host, a.founderToken)[':userId'].$put(byUser(consultant)));
    expect(granted.status).toBe(200);
    const grants = bodyOf(await read(access(a.host, a.founderToken).$get()), 200).grants;
    expect(grants).toEqual([expect.objectContaining({ userId: consultant, displayName: '顾问甲', revokedAt: null, grantedBy: founderA })]);
    expect(typeof grants[0]?.grantedByName).toBe('string');

    const list = bodyOf(await read(consultantApi().communities.$get({ query: {} })), 200);
    expect(list.communities.map((c) => c.slug)).toEqual([a.slug]);
    expect(list.communities[0]?.month).toBe(previous);
    expect(list.communities[0]?.headline?.values.activitiesHeld).toBe(1);
    expect(list.communities[0]?.computedAt).toMatch(/^\d{4}-/);
    expect(list.definitions.metrics.length).toBeGreaterThan(15);

    const one = await read(consultantApi().communities[':slug'].$get({ param: { slug: a.slug } }));
    expectStatus(one, 200);
    expect(one.json.community.months).toHaveLength(13);

    // A second community without a grant spoils the whole comparison: nothing of either is returned.
    const mixed = await compare(`${a.slug},${b.slug}`);
    expectStatus(mixed, 403);
    expect(mixed.json.error.details).toHaveProperty('slugs', [b.slug]);

    const audit = await env.PLATFORM_DB.prepare(
      "SELECT action, detail FROM audit_log WHERE action = 'consultant.granted' AND detail LIKE ?",
    )
      .bind(`%${consultant}%`)
      .all();
    expect(audit.results).toHaveLength(1);
  });

  it('aggregates carry no personal data: no names, flats, user ids or sign-ups', async () => {
    const res = await compare(a.slug);
    expect(res.status).toBe(200);
    for (const personal of [
      '张晓梅',
      '李建国',
      '王秀英',
      '赵志强',
      '1-101',
      '2-202',
      'm-2',
      '路灯不亮',
      'memberId',
      'member_id',
      'userId',
    ]) {
      expect(res.text).not.toContain(personal);
    }
  });

  it('only an association admin grants; a resident cannot, and an unknown consultant cannot be granted', async () => {
    const resident = await signIn(uid('plain-resident'), a.host);
    await read(client(a.host, resident).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '普通居民' } }));
    expect((await read(access(a.host, resident)[':userId'].$put(byUser(consultant)))).status).toBe(403);
    const unknown = await read(access(a.host, a.founderToken)[':userId'].$put(byUser('not-a-consultant')));
    expect(unknown.status).toBe(404);
  });

  it('revoking stops access on the next request, is listed as revoked and logged', async () => {
    const revoke = () => read(access(a.host, a.founderToken)[':userId'].$delete(byUser(consultant)));
    expect((await revoke()).status).toBe(200);
    expect((await compare(a.slug)).status).toBe(403);
    expect(bodyOf(await read(consultantApi().communities.$get({ query: {} })), 200).communities).toEqual([]);
    const grants = bodyOf(await read(access(a.host, a.founderToken).$get()), 200).grants;
    expect(grants[0]?.revokedAt).not.toBeNull();
    expect((await revoke()).status).toBe(404);
    const audit = await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'consultant.revoked' AND detail LIKE ?")
      .bind(`%${consultant}%`)
      .first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it('a community admin of one community cannot grant on another', async () => {
    const res = await read(access(b.host, await signIn(founderA, b.host))[':userId'].$put(byUser(consultant)));
    expectStatus(res, 403);
    expect(res.json.error.code).toBe('not_a_member');
  });

  it('rejects a malformed comparison request with 400 naming the field', async () => {
    const res = await compare('BAD;DROP');
    expectStatus(res, 400);
    expect(Object.keys(res.json.error.details ?? {})).toContain('slugs');
  });
});

describe('operators register consultants', () => {
  it('an operator gives the role with a name; admins then see the consultant; removing the role stops access', async () => {
    const operator = uid('operator');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
    const consultants = client(PLATFORM, await signIn(operator)).api.operator.consultants;
    const person = uid('new-consultant');
    const personToken = await signIn(person);
    const personsCommunities = () => read(client(PLATFORM, personToken).api.consultant.communities.$get({ query: {} }));
    const byPerson = { param: { userId: person } };
    expect((await personsCommunities()).status).toBe(403);

    const bad = await read(consultants[':userId'].$put({ ...byPerson, json: { displayName: '' } }));
    expectStatus(bad, 400);
    expect(Object.keys(bad.json.error.details ?? {})).toContain('displayName');

    const registered = await read(consultants[':userId'].$put({ ...byPerson, json: { displayName: '顾问乙', organisation: '社工站' } }));
    expect(registered.status).toBe(200);
    const listed = bodyOf(await read(consultants.$get()), 200);
    expect(listed.consultants).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: person, displayName: '顾问乙', organisation: '社工站', grants: 0 })]),
    );
    expect((await personsCommunities()).status).toBe(200);

    const community = await createCommunity(uid('reg-founder'));
    const directory = bodyOf(await read(client(community.host, community.founderToken).api['consultant-access'].$get()), 200).directory;
    expect(directory.map((d) => d.userId)).toContain(person);

    expect((await read(consultants[':userId'].$delete(byPerson))).status).toBe(200);
    expect((await personsCommunities()).status).toBe(403);
    expect((await read(consultants[':userId'].$delete(byPerson))).status).toBe(404);
    // Each change is logged once, by whom; the refused second removal leaves no trace.
    const logged = await env.PLATFORM_DB.prepare(
      'SELECT action, actor_user_id AS actor, detail FROM audit_log WHERE detail LIKE ? ORDER BY id',
    )
      .bind(`%${person}%`)
      .all<{ action: string; actor: string; detail: string }>();
    expect(logged.results.map((r) => [r.action, r.actor, JSON.parse(r.detail)])).toEqual([
      ['consultant.registered', operator, { consultantUserId: person, displayName: '顾问乙', organisation: '社工站' }],
      ['consultant.removed', operator, { consultantUserId: person }],
    ]);
    // A consultant cannot register consultants.
    const byConsultant = client(PLATFORM, personToken).api.operator.consultants[':userId'];
    expect((await read(byConsultant.$put({ param: { userId: uid('x') }, json: { displayName: '某人' } }))).status).toBe(403);
  });
});
