import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { errorSchema } from '../../worker/http/route';
import { bodyOf, client, createCommunity, expectStatus, PLATFORM, rawCall, read, signIn, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const slugs = ['cuizhuyuan', 'dafang', 'pingzhi'];

async function seed() {
  const res = await read(client(PLATFORM).api.dev.seed.$post());
  expectStatus(res, 200);
  return res.json.created;
}

/** The twelve whole months before this one, as YYYY-MM, and where the current month begins. */
function lastTwelveMonths(now = new Date()) {
  const months = Array.from({ length: 12 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12 + i, 1)).toISOString().slice(0, 7),
  );
  return {
    months,
    start: `${months[0]}-01T00:00:00.000Z`,
    cutoff: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
  };
}

async function column(db: D1Database, query: string, ...params: unknown[]) {
  const { results } = await db
    .prepare(query)
    .bind(...params)
    .all<{ v: string | number }>();
  return results.map((r) => r.v);
}

async function historyOf(slug: string) {
  const db = await tenantD1(slug);
  const { start, cutoff } = lastTwelveMonths();
  const perMonth = async (query: string) => {
    const { results } = await db.prepare(query).bind(start, cutoff).all<{ m: string; n: number }>();
    return Object.fromEntries(results.map((r) => [r.m, r.n]));
  };
  return {
    activities: await perMonth(
      `SELECT substr(starts_at, 1, 7) AS m, COUNT(*) AS n FROM activities WHERE state IN ('held','settled','reviewed') AND starts_at >= ?1 AND starts_at < ?2 GROUP BY m`,
    ),
    issues: await perMonth(
      'SELECT substr(created_at, 1, 7) AS m, COUNT(*) AS n FROM issues WHERE created_at >= ?1 AND created_at < ?2 GROUP BY m',
    ),
    meetings: await perMonth(
      `SELECT substr(scheduled_for, 1, 7) AS m, COUNT(*) AS n FROM meetings WHERE body_key = 'joint-meeting' AND status = 'closed' AND scheduled_for >= ?1 AND scheduled_for < ?2 GROUP BY m`,
    ),
    decided: await perMonth(
      `SELECT substr(at, 1, 7) AS m, COUNT(*) AS n FROM issue_events WHERE to_state = 'decided' AND at >= ?1 AND at < ?2 GROUP BY m`,
    ),
    signups: await perMonth(
      `SELECT substr(a.starts_at, 1, 7) AS m, COUNT(*) AS n FROM signups s JOIN activities a ON a.id = s.activity_id WHERE s.status = 'confirmed' AND a.starts_at >= ?1 AND a.starts_at < ?2 GROUP BY m`,
    ),
  };
}

const tables = [
  'members',
  'member_roles',
  'contact_applications',
  'clubs',
  'club_members',
  'ledger_accounts',
  'ledger_transactions',
  'ledger_postings',
  'activities',
  'activity_cost_lines',
  'signups',
  'activity_settlements',
  'activity_reviews',
  'volunteers',
  'volunteer_hours',
  'issues',
  'issue_events',
  'meetings',
  'agenda_items',
  'item_stances',
  'meeting_attendance',
  'action_items',
  'committees',
  'committee_members',
  'spaces',
  'program_texts',
  'program_text_revisions',
  'needs',
  'need_events',
  'need_responses',
  'shop_items',
  'shop_sales',
  'shop_closings',
  'shop_proceeds_uses',
  'activity_series',
  'series_occurrences',
];

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const slug of slugs) {
    const db = await tenantD1(slug);
    const results = await db.batch<{ n: number }>(tables.map((t) => db.prepare(`SELECT COUNT(*) AS n FROM ${t}`)));
    tables.forEach((t, i) => {
      counts[`${slug}.${t}`] = results[i]?.results[0]?.n ?? -1;
    });
  }
  for (const t of ['communities', 'consultant_grants', 'platform_roles', 'consultant_profiles']) {
    counts[t] = (await env.PLATFORM_DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())?.n ?? -1;
  }
  return counts;
}

describe('the demo seed', () => {
  it('creates three living demo communities, and seeding again adds nothing', async () => {
    // Test files share a runtime: another file (spaces-demo, screens) may have seeded first. Either way the call
    // creates only demo communities, and afterwards the three are there and active.
    expect((await seed()).every((slug) => slugs.includes(slug))).toBe(true);
    const { results: made } = await env.PLATFORM_DB.prepare(
      `SELECT slug FROM communities WHERE slug IN ('cuizhuyuan', 'dafang', 'pingzhi') AND status = 'active' ORDER BY slug`,
    ).all<{ slug: string }>();
    expect(made.map((c) => c.slug)).toEqual(slugs);
    const host = 'cuizhuyuan.localhost';
    const resident = await signIn('demo-resident', host, '王小雨');
    const api = client(host).api;
    const snapshot = async () => ({
      community: bodyOf(await read(api.community.$get()), 200).memberCount,
      clubs: bodyOf(await read(api.clubs.$get({ query: {} })), 200)
        .clubs.map((c) => `${c.name}:${c.status}`)
        .sort(),
      activities: bodyOf(await read(api.activities.$get({ query: {} })), 200).activities.map((a) => `${a.title}:${a.state}:${a.confirmed}`),
      issues: bodyOf(await read(client(host, resident).api.issues.$get({ query: {} })), 200).issues.map((i) => `${i.title}:${i.state}`),
      spaces: bodyOf(await read(api.spaces.$get()), 200).spaces.length,
      needs: bodyOf(await read(api.needs.$get({ query: {} })), 200),
    });
    const before = await snapshot();
    // The needs register: a dozen needs in every state, one for an offline neighbour, one that became an activity, two for the review.
    expect(before.needs.needs).toHaveLength(12);
    expect(new Set(before.needs.needs.map((n) => n.state))).toEqual(
      new Set(['unclaimed', 'claimed', 'became-activity', 'solved', 'wont-do']),
    );
    expect(before.needs.needs.filter((n) => n.onBehalf)).toHaveLength(1);
    expect(before.needs.needs.filter((n) => n.activityId !== null)).toHaveLength(1);
    expect(before.needs.review.length).toBeGreaterThanOrEqual(2);
    expect(before.needs.needs.some((n) => n.meToo >= 4)).toBe(true);
    for (const other of ['pingzhi.localhost', 'dafang.localhost']) {
      expect(bodyOf(await read(client(other).api.needs.$get({ query: {} })), 200).review.length).toBeGreaterThanOrEqual(1);
    }
    // Program pages: 翠竹园 wrote some sections in its own words, and the hub's flea market counts for 彩虹屋.
    const library = bodyOf(await read(api.programs[':key'].$get({ param: { key: 'library' }, query: {} })), 200);
    expect(library.sections.find((s) => s.key === 'how-to-run')).toMatchObject({ edited: true, revision: 3 });
    expect(library.sections.find((s) => s.key === 'purpose')?.edited).toBe(false);
    expect(library.volunteers.count).toBeGreaterThan(0);
    const shopProgram = bodyOf(await read(api.programs[':key'].$get({ param: { key: 'charity-shop' }, query: {} })), 200);
    expect(shopProgram.activities.map((a) => a.title)).toContain('彩虹屋旧物交换日');
    const salon = bodyOf(await read(api.programs[':key'].$get({ param: { key: 'salon' }, query: {} })), 200);
    const salonHeld = salon.figures.series.find((f) => f.key === 'activitiesHeld')!;
    expect(Object.values(salonHeld.values).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Today's life sits beside the past year: the clubs and issue of demo-life, and nothing else upcoming but the
    // flea market (open for stalls when its second Saturday falls within the coming four weeks) and the children's summer camp.
    expect(before.clubs).toEqual(expect.arrayContaining(['书法社:proposed', '周末网球社:active']));
    expect(before.activities.filter((a) => !a.startsWith('彩虹屋跳蚤市场:') && !a.startsWith('彩虹屋旧物交换日:'))).toEqual([
      // Two neighbours, an offline elder her building contact signed up (demo-assisted), and a resident who has
      // since left with deletion (demo-personal-data): her place still counts.
      '周六网球友谊赛:open:4',
      '暑期少儿团·七月自然营:open:4',
    ]);
    expect(before.issues).toContain('地下车库照明不足:acknowledged');
    // □ 对外匿名: the resident's complaint about the cleaning, theirs to them, anonymous to the others.
    expect(before.issues).toContain('物业保洁只在检查前打扫:acknowledged');
    expect(before.spaces).toBe(3);
    // Representatives came through appointments they accepted; the resident persona has an offer waiting.
    const offers = bodyOf(await read(client(host, resident).api.me.appointments.$get()), 200).offers;
    expect(offers.map((o) => o.partyKey)).toEqual(['residents-committee']);
    const admin = client(host, await signIn('demo-admin', host, '周明')).api;
    const owners = bodyOf(await read(admin.parties[':key'].appointments.$get({ param: { key: 'owners-committee' } })), 200);
    expect(owners.appointments.filter((x) => x.status === 'accepted').length).toBeGreaterThan(0);
    // 大方 approves its members: two neighbours wait, one for the contact persona's building.
    const dafang = 'dafang.localhost';
    expect(bodyOf(await read(client(dafang).api.community.$get()), 200).joinPolicy).toBe('approval');
    const dafangAdmin = client(dafang, await signIn('demo-admin', dafang, '周明')).api;
    expect(bodyOf(await read(dafangAdmin.members.pending.$get()), 200).pending.map((p) => p.displayName)).toEqual(['陈小满', '邓海生']);
    const contactToken = await signIn('demo-contact', dafang, '李建国');
    const contactNotes = bodyOf(await read(client(dafang, contactToken).api.me.notifications.$get()), 200).notifications;
    expect(contactNotes.map((n) => n.textZh)).toContainEqual(expect.stringContaining('陈小满'));
    // 平治 decides by consent: the resident persona's club proposal waits on both administrators.
    const pingzhi = 'pingzhi.localhost';
    const pingzhiAdmin = client(pingzhi, await signIn('demo-admin', pingzhi, '周明')).api;
    expect(bodyOf(await read(pingzhiAdmin.community.settings.$get()), 200)).toMatchObject({ decisionRule: 'consent', consentDays: 5 });
    const proposed = bodyOf(await read(pingzhiAdmin.clubs.$get({ query: {} })), 200).clubs.find((c) => c.name === '平治亲子阅读会');
    expect(proposed?.status).toBe('proposed');
    const window = bodyOf(await read(pingzhiAdmin.clubs[':id'].consent.$get({ param: { id: String(proposed!.id) } })), 200);
    expect(window.window).toMatchObject({ status: 'waiting' });
    expect(window.window?.asked.map((p) => p.displayName).sort()).toEqual(['周明', '徐涛'].sort());
    // 翠竹园 partners with 平治 on Huzhu (a donation in both ledgers under one reference, a visit each way) and with
    // 高芒村, a village outside Huzhu.
    const cuiPartners = bodyOf(await read(admin.partnerships.$get()), 200).partnerships;
    expect(cuiPartners.map((p) => [p.partnerName, p.kind, p.status])).toEqual(
      expect.arrayContaining([
        ['平治', 'huzhu', 'active'],
        ['高芒村', 'outside', 'active'],
      ]),
    );
    const withPingzhi = bodyOf(
      await read(admin.partnerships[':id'].$get({ param: { id: String(cuiPartners.find((p) => p.partnerName === '平治')!.id) } })),
      200,
    );
    expect(withPingzhi.visits.map((v) => v.ours).sort()).toEqual([false, true]);
    const pingPartners = bodyOf(await read(pingzhiAdmin.partnerships.$get()), 200).partnerships;
    const fromCui = bodyOf(
      await read(
        pingzhiAdmin.partnerships[':id'].$get({ param: { id: String(pingPartners.find((p) => p.partnerName === '翠竹园')!.id) } }),
      ),
      200,
    );
    const reference = withPingzhi.donations[0]!.reference;
    expect(fromCui.donations.map((d) => [d.ours, d.reference, d.amountFen])).toEqual([[false, reference, 5000_00]]);
    for (const api of [admin, pingzhiAdmin]) {
      const hub = bodyOf(await read(api.ledger.funds[':key'].statement.$get({ param: { key: 'hub' }, query: {} })), 200);
      expect(hub.entries.filter((e) => e.category === 'partnership-donation' && e.memo.includes(reference))).toHaveLength(1);
    }
    // Money recorded through the admin's forms: seed fund, a named and an anonymous donation, a grant, and an advance
    // to the tennis club that is partly repaid.
    const hubEntries = bodyOf(
      await read(
        client(host, resident).api.ledger.funds[':key'].statement.$get({
          param: { key: 'hub' },
          query: { from: '2000-01-01', to: '2100-01-01' },
        }),
      ),
      200,
    ).entries;
    expect(hubEntries.map((e) => e.category)).toEqual(
      expect.arrayContaining(['seed-fund', 'donation', 'grant', 'advance', 'advance-repayment']),
    );
    expect(hubEntries.filter((e) => e.category === 'donation').map((e) => e.memo)).toEqual(['捐赠：陈阿姨（图书角添书）', '匿名捐赠']);
    const advances = bodyOf(await read(api.ledger.advances.$get()), 200).advances;
    expect(advances).toEqual([
      expect.objectContaining({ clubName: '周末网球社', advancedFen: 120000, repaidFen: 40000, outstandingFen: 80000 }),
    ]);
    // 彩虹屋: a month of donations, sales and closings (one short, with its note), and the flea market every two months.
    const shop = bodyOf(await read(api.shop.statement.$get({ query: { months: '3' } })), 200);
    const shopMonths = shop.months.reduce(
      (sum, m) => ({
        itemsIn: sum.itemsIn + m.itemsIn,
        sold: sum.sold + m.sold,
        takings: sum.takings + m.takingsFen,
        difference: sum.difference + m.differenceFen,
      }),
      { itemsIn: 0, sold: 0, takings: 0, difference: 0 },
    );
    expect(shopMonths.itemsIn).toBe(150);
    expect(shopMonths.sold).toBe(60);
    expect(shopMonths.takings).toBeGreaterThan(0);
    expect(shopMonths.difference).toBe(-300);
    expect(shop.uses.map((u) => u.purpose)).toEqual(['结对村小学的绘本']);
    expect(JSON.stringify(shop)).not.toContain('王小雨');
    const volunteer = client(host, await signIn('demo-contact', host, '李建国')).api;
    const desk = bodyOf(await read(volunteer.shop.desk.items.$get({ query: { status: 'passed-on' } })), 200);
    expect(desk.items.map((i) => i.leftNote)).toContain('给结对村小学的孩子们');
    const db = await tenantD1('cuizhuyuan');
    const flea = await db
      .prepare(
        `SELECT s.id, s.every, s.unit, (SELECT COUNT(*) FROM series_occurrences o WHERE o.series_id = s.id) AS n FROM activity_series s WHERE s.title = '彩虹屋跳蚤市场'`,
      )
      .first<{ id: number; every: number; unit: string; n: number }>();
    expect(flea).toMatchObject({ every: 2, unit: 'month', n: 3 });
    const fleaSeries = bodyOf(await read(client(host, resident).api.series[':id'].$get({ param: { id: String(flea!.id) } })), 200);
    expect(fleaSeries.occurrences[0]).toMatchObject({ state: 'open', confirmed: 6, capacity: 30 });
    // 明志书屋: a catalogue of a few hundred books, the contact persona a librarian at the desk, the resident persona
    // with books out and a reserved copy kept for them, and this month's roster with served shifts confirmed.
    const catalogue = bodyOf(await read(api.library.catalogue.$get({ query: {} })), 200);
    expect(catalogue.total).toBeGreaterThan(200);
    const librarian = client(host, await signIn('demo-contact', host, '李建国')).api;
    expect(bodyOf(await read(librarian.library.borrowers.$get({ query: { q: '王小雨' } })), 200).borrowers).toHaveLength(1);
    const shelf = bodyOf(await read(client(host, resident).api.library.me.$get()), 200);
    expect(shelf.loans.filter((l) => l.returnedOn === null)).toHaveLength(2);
    expect(shelf.reservations).toEqual([expect.objectContaining({ status: 'held' })]);
    const month = new Date().toISOString().slice(0, 7);
    const roster = bodyOf(await read(client(host, resident).api.library.roster.$get({ query: { month } })), 200).slots;
    expect(roster.length).toBeGreaterThanOrEqual(7);
    const libraryLoans = await tenantD1('cuizhuyuan').then((d1) =>
      d1
        .prepare(
          "SELECT COUNT(*) AS n, SUM(member_id IS NULL) AS erased, SUM(returned_at IS NULL AND due_on < date('now')) AS late FROM library_loans",
        )
        .first<{ n: number; erased: number; late: number }>(),
    );
    expect(libraryLoans?.n).toBeGreaterThan(150);
    expect(libraryLoans?.erased).toBeGreaterThan(0);
    expect(libraryLoans?.late).toBeGreaterThan(0);
    // 社区大学: a term of seven courses; the English corner missed its minimum, was cancelled and refunded, and the
    // courses that opened keep attendance on their past sessions.
    const terms = bodyOf(await read(api['course-terms'].$get()), 200).terms;
    const term = bodyOf(await read(api['course-terms'][':id'].$get({ param: { id: String(terms.at(-1)!.id) } })), 200);
    expect(term.courses).toHaveLength(7);
    expect(term.courses.find((c) => c.title === '英语角')?.status).toBe('cancelled');
    expect(term.courses.filter((c) => c.status === 'open').map((c) => c.title)).toContain('书法入门');
    const university = await tenantD1('cuizhuyuan').then((d1) =>
      d1
        .prepare(
          "SELECT (SELECT COUNT(*) FROM course_attendance) AS marks, (SELECT COUNT(*) FROM course_enrolments WHERE status = 'course-cancelled' AND refund_ref IS NOT NULL) AS refunded",
        )
        .first<{ marks: number; refunded: number }>(),
    );
    expect(university?.marks).toBeGreaterThan(50);
    expect(university?.refunded).toBe(3);
    // 无敌少儿团 and 小小建筑师: the summer camp is open with its safety check done, the resident persona's two children
    // are signed up with consent, the rota has claimed days, and the terrace project's design went to the joint meeting.
    const guardian = bodyOf(await read(client(host, resident).api.children.$get()), 200);
    expect(guardian.children.map((c) => c.name)).toEqual(['王小禾', '王小苗']);
    const camp = guardian.signups.find((g) => g.title === '暑期少儿团·七月自然营');
    expect(camp).toMatchObject({ status: 'confirmed', emergencyName: '王奶奶' });
    const founder = client(host, await signIn('demo-club-founder', host)).api;
    const campSafety = bodyOf(await read(founder.activities[':id'].safety.$get({ param: { id: String(camp!.activityId) } })), 200);
    expect(campSafety).toMatchObject({ required: true, missing: [], adultName: '林月' });
    const rota = bodyOf(
      await read(client(host, resident).api.activities[':id'].rota.$get({ param: { id: String(camp!.activityId) } })),
      200,
    );
    expect(rota.days).toHaveLength(5);
    expect(rota.days.filter((d) => d.mine)).toHaveLength(2);
    const [terrace] = bodyOf(await read(client(host, resident).api['architect-projects'].$get()), 200).projects;
    expect(terrace).toMatchObject({ title: '会所屋顶露台改造', stages: 3, finished: 2 });
    const terraceDetail = bodyOf(
      await read(client(host, resident).api['architect-projects'][':id'].$get({ param: { id: String(terrace!.id) } })),
      200,
    );
    const raised = terraceDetail.stages.find((st) => st.issueId !== null);
    const terraceIssue = bodyOf(await read(client(host, resident).api.issues[':id'].$get({ param: { id: String(raised!.issueId) } })), 200);
    expect(JSON.stringify(terraceIssue)).toContain(`/little-architects/${terrace!.id}`);
    // 居家养老: ten elders, the younger volunteers paired, two gone too long without a visit, one concern followed up
    // and one open; the resident persona visits two elders and gave two banked hours to family.
    const careCoordinator = client(host, await signIn('demo-neighbour-9', host, '何琳')).api;
    const care = bodyOf(await read(careCoordinator.care.overview.$get()), 200);
    expect(care.recipients.length).toBeGreaterThanOrEqual(8);
    expect(care.recipients.filter((r) => r.overdue).map((r) => r.name)).toEqual(['陈玉珍', '吴国强']);
    expect(care.concerns.map((c) => c.recipientName)).toEqual(['赵淑芬']);
    expect(care.volunteers.filter((v) => v.underFifty).length).toBeGreaterThan(
      care.volunteers.filter((v) => v.ageBand && !v.underFifty).length,
    );
    const visitor = client(host, resident).api;
    expect(bodyOf(await read(visitor.care.me.$get()), 200).paired.map((p) => p.name)).toEqual(['张桂兰', '王秀英']);
    const bank = bodyOf(await read(visitor.care['time-bank'].$get()), 200);
    expect(bank.balanceMinutes).toBeGreaterThan(0);
    expect(bank.entries.find((e) => e.kind === 'gift-out')).toMatchObject({ minutes: -120, note: '给妈妈' });
    const zhang = bodyOf(await read(careCoordinator['care-recipients'][':id'].$get({ param: { id: '2' } })), 200);
    expect(zhang.visits.find((v) => v.concern)?.followUp).toContain('扶手');
    const counts = await rowCounts();

    expect(await seed()).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await rowCounts()).toEqual(counts);
    // pingzhi stays on version 1 of the model, to show an upgrade.
    expect(bodyOf(await read(client('pingzhi.localhost').api.handbooks.$get({ query: {} })), 200).templateVersion).toBe(1);
  });

  it('seeds the privacy notice in two versions, with the resident persona still to agree to the second', async () => {
    await seed();
    for (const slug of slugs) {
      const host = `${slug}.${PLATFORM}`;
      const history = bodyOf(await read(client(host).api.privacy.notices.$get()), 200);
      expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(history.versions[0]?.summaryZh).toContain('照片的使用');
    }
    const host = `cuizhuyuan.${PLATFORM}`;
    const resident = bodyOf(await read(client(host, await signIn('demo-resident', host, '王小雨')).api.privacy.me.$get()), 200);
    expect(resident).toMatchObject({ currentVersion: 2, agreedVersion: 1, needsAgreement: true });
    const admin = client(host, await signIn('demo-admin', host, '周明')).api;
    expect(bodyOf(await read(admin.privacy.me.$get()), 200).needsAgreement).toBe(false);
    const figures = bodyOf(await read(admin.privacy.figures.$get()), 200);
    expect(figures.agreedCurrent).toBeGreaterThan(5);
    expect(figures.agreedEarlier[0]?.version).toBe(1);
    for (const item of figures.items) expect(item.members, item.item).toBeGreaterThan(0);
  });

  it('gives the consultant three communities with different past years to compare', async () => {
    await seed();
    const { months, cutoff } = lastTwelveMonths();
    const [mature, growing, young] = [await historyOf('cuizhuyuan'), await historyOf('pingzhi'), await historyOf('dafang')];

    // Mature: something every month, and a joint meeting in each of them.
    for (const kind of ['activities', 'issues', 'meetings', 'decided'] as const) expect(Object.keys(mature[kind]).length).toBe(12);
    // Growing: every month has activities and issues, two early meetings were missed, and it grows.
    expect(Object.keys(growing.activities).length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(growing.issues).length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(growing.meetings)).toHaveLength(10);
    expect(growing.activities[months[11]!]!).toBeGreaterThanOrEqual(3 * (growing.activities[months[0]!] ?? 1));
    expect(growing.signups[months[11]!]!).toBeGreaterThan(3 * (growing.signups[months[0]!] ?? 1));
    // Young: nothing before seven months ago, then uneven months and meetings in only some of them.
    expect(Object.keys(young.activities).sort()[0]).toBe(months[5]);
    expect(Object.keys(young.activities).length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(young.issues).length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(young.meetings).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(young.meetings).length).toBeLessThan(7);
    expect(Object.keys(mature.meetings)).not.toEqual(Object.keys(growing.meetings));
    expect(Object.keys(growing.meetings)).not.toEqual(Object.keys(young.meetings));

    for (const slug of slugs) {
      const db = await tenantD1(slug);
      const profile = await db
        .prepare('SELECT households, residents FROM community_profile')
        .first<{ households: number; residents: number }>();
      expect(profile!.residents / profile!.households).toBeCloseTo(2.6, 1);
      // "Days from raised to decided" can be read from the events.
      const days = await column(
        db,
        `SELECT julianday(e.at) - julianday(i.created_at) AS v FROM issue_events e JOIN issues i ON i.id = e.issue_id WHERE e.to_state = 'decided'`,
      );
      expect(days.length).toBeGreaterThan(0);
      expect(days.every((d) => Number(d) > 0)).toBe(true);
      // Settlements are mostly on time and mostly with a surplus.
      const settled = await db
        .prepare(
          `SELECT COUNT(*) AS n, SUM(s.income_fen > s.cost_fen) AS surplus, SUM(julianday(s.recorded_at) - julianday(a.ends_at) <= 7) AS onTime FROM activity_settlements s JOIN activities a ON a.id = s.activity_id`,
        )
        .first<{ n: number; surplus: number; onTime: number }>();
      expect(settled!.n).toBeGreaterThan(0);
      expect(settled!.surplus / settled!.n).toBeGreaterThan(0.5);
      expect(settled!.onTime / settled!.n).toBeGreaterThan(0.5);
      // The past stays in the past: nothing generated reaches into the current month.
      if (slug !== 'cuizhuyuan') {
        const latest = await db
          .prepare(
            `SELECT (SELECT MAX(ends_at) FROM activities) AS activity, (SELECT MAX(recorded_at) FROM activity_settlements) AS settlement,
               (SELECT MAX(checked_in_at) FROM signups) AS checkIn, (SELECT MAX(at) FROM issue_events) AS issueEvent, (SELECT MAX(closed_at) FROM meetings) AS meeting,
               (SELECT MAX(minutes_published_at) FROM meetings) AS minutes, (SELECT MAX(confirmed_at) FROM volunteer_hours) AS hours`,
          )
          .first<Record<string, string | null>>();
        for (const [what, at] of Object.entries(latest!))
          expect(`${what} ${at}`).toBe(`${what} ${at !== null && at < cutoff ? at : 'before this month'}`);
      }
    }

    const enabled = async (slug: string) => (await column(await tenantD1(slug), 'SELECT COUNT(*) AS v FROM programs WHERE enabled = 1'))[0];
    expect([await enabled('cuizhuyuan'), await enabled('pingzhi'), await enabled('dafang')]).toEqual([9, 6, 5]);
    const contacts = async (slug: string) =>
      (
        await column(
          await tenantD1(slug),
          `SELECT COUNT(*) AS v FROM (SELECT building_id FROM member_roles WHERE role = 'building-contact' AND granted_at < ? GROUP BY building_id HAVING COUNT(*) >= 2)`,
          cutoff,
        )
      )[0];
    expect(Number(await contacts('cuizhuyuan'))).toBeGreaterThan(Number(await contacts('pingzhi')));
    expect(Number(await contacts('pingzhi'))).toBeGreaterThan(Number(await contacts('dafang')));

    // The consultant persona may read all three; a second consultant is in the directory to be granted.
    const { results: grants } = await env.PLATFORM_DB.prepare(
      `SELECT c.slug FROM consultant_grants g JOIN communities c ON c.id = g.community_id WHERE g.consultant_user_id = 'demo-consultant' AND g.revoked_at IS NULL ORDER BY c.slug`,
    ).all<{ slug: string }>();
    expect(grants.map((g) => g.slug)).toEqual(slugs);
    const { results: profiles } = await env.PLATFORM_DB.prepare(
      `SELECT p.user_id AS userId, p.display_name AS name, p.organisation, r.role FROM consultant_profiles p JOIN platform_roles r ON r.user_id = p.user_id WHERE p.user_id LIKE 'demo-%' ORDER BY p.user_id`,
    ).all();
    expect(profiles).toEqual([
      { userId: 'demo-consultant', name: '顾问林', organisation: '社区营造研究中心', role: 'consultant' },
      { userId: 'demo-consultant-2', name: '顾问苏', organisation: '城乡社区发展工作室', role: 'consultant' },
    ]);
  });
});

describe('a generated year for any community (benchmarks)', () => {
  it('writes a plan of history once, validates the plan, and knows only active communities', async () => {
    const { slug } = await createCommunity(`history-founder-${crypto.randomUUID().slice(0, 6)}`, { households: 420, buildings: 6 });
    const history = (place: string, seed: number) =>
      read(client(PLATFORM).api.dev.communities[':slug'].history.$post({ param: { slug: place }, json: { plan: 'young', seed } }));
    const first = await history(slug, 7);
    expectStatus(first, 200);
    expect(first.json.written).toBe(true);
    expect(bodyOf(await history(slug, 7), 200).written).toBe(false);
    // A plan the client cannot name: sent untyped on purpose.
    const bad = await rawCall(PLATFORM, `/api/dev/communities/${slug}/history`, { body: { plan: 'ancient', seed: 7 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorSchema.parse(bad.json).error.details ?? {})).toContain('plan');
    expect((await history('no-such-place', 1)).status).toBe(404);
  });
});
