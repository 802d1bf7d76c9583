import { describe, expect, it, vi } from 'vitest';
import { runRetention } from '../../worker/community/retention/service';
import { as, community, resident } from './community-fixtures';
import { bodyOf, expectStatus, read, tenantD1, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

/** The pass runs at noon on 2031-06-15 in Shanghai (the communities' zone): care 12 months, library 6, children 30 days. */
const NOW = Date.parse('2031-06-15T04:00:00Z');

type Row = Record<string, unknown>;

/** Rows on both sides of every period's edge, written straight to the community's database. */
async function seed(d1: D1Database, adminId: number, tag: string) {
  const run = (sql: string, ...params: unknown[]) =>
    d1
      .prepare(sql)
      .bind(...params)
      .run();
  const id = async (sql: string, ...params: unknown[]) =>
    (await d1
      .prepare(`${sql} RETURNING id`)
      .bind(...params)
      .first<{ id: number }>())!.id;
  const activity = (title: string, endsAt: string) =>
    id(
      `INSERT INTO activities (title, responsible_member_id, starts_at, ends_at, place, capacity, audience, state,
         expected_participants, surplus_rate_percent, checkin_token) VALUES (?, ?, ?, ?, '活动室', 20, 'children', 'held', 10, 0, ?)`,
      title,
      adminId,
      endsAt,
      endsAt,
      crypto.randomUUID(),
    );
  const child = await id("INSERT INTO children (guardian_member_id, name, birth_month) VALUES (?, ?, '2022-03')", adminId, `小雨${tag}`);
  const childPlace = async (activityId: number, until: string) => {
    const signup = await id(
      "INSERT INTO signups (activity_id, member_id, participant, is_child, status, checked_in_at) VALUES (?, ?, ?, 1, 'confirmed', ?)",
      activityId,
      adminId,
      `小雨${tag}`,
      '2031-05-01T02:00:00Z',
    );
    await run('INSERT INTO child_signups (signup_id, child_id) VALUES (?, ?)', signup, child);
    await run(
      `INSERT INTO child_consents (target_kind, target_id, child_id, given_by, purpose, emergency_name, emergency_phone, needs_note, details_until)
       VALUES ('activity', ?, ?, ?, '手工课', '李奶奶', '13900002222', '花生过敏', ?)`,
      activityId,
      child,
      adminId,
      until,
    );
    return signup;
  };
  // Ends on 16 May there (30 days before): kept; ends on 15 May: erased; ends 01:00 on 16 May there (17:00 UTC on the 15th): kept.
  const kept = await activity('刚过一个月', '2031-05-16T10:00:00Z');
  const past = await activity('一个多月前', '2031-05-15T10:00:00Z');
  const lateNight = await activity('深夜结束', '2031-05-15T17:00:00Z');
  const keptPlace = await childPlace(kept, '2031-06-15');
  const pastPlace = await childPlace(past, '2031-06-14');
  const lateNightPlace = await childPlace(lateNight, '2031-06-15');
  await run("INSERT INTO signups (activity_id, member_id, participant, status) VALUES (?, ?, '', 'confirmed')", past, adminId);

  const recipient = (name: string, endedAt: string | null) =>
    id(
      `INSERT INTO care_recipients (name, household, phone, registered_by, registered_as, consent_how, consent_on, needs, needs_note,
         preferred_times, emergency_name, emergency_phone, created_at, ended_at)
       VALUES (?, '3-201', '13700001111', ?, 'family', 'in-person', '2029-01-01', 'meals', '糖尿病', '上午', '王女儿', '13600001111', '2029-01-01T00:00:00Z', ?)`,
      name,
      adminId,
      endedAt,
    );
  const careKept = await recipient(`刘奶奶${tag}`, '2030-06-15T02:00:00Z');
  const careGone = await recipient(`赵爷爷${tag}`, '2030-06-14T02:00:00Z');
  const careOpen = await recipient(`孙奶奶${tag}`, null);
  for (const r of [careKept, careGone, careGone])
    await run(
      "INSERT INTO care_visits (recipient_id, volunteer_id, visited_on, minutes, done, observations, concern, follow_up) VALUES (?, ?, '2030-05-01', 45, '聊天', '膝盖疼', 1, '已联系家属')",
      r,
      adminId,
    );

  const title = await id("INSERT INTO library_titles (title) VALUES ('平凡的世界')");
  const loan = async (n: number, returnedAt: string) => {
    const copy = await id('INSERT INTO library_copies (title_id, shelf_mark) VALUES (?, ?)', title, `R-${tag}-${n}`);
    return id(
      `INSERT INTO library_loans (copy_id, member_id, lent_at, lent_on, due_on, returned_at, returned_on)
       VALUES (?, ?, '2030-11-01T02:00:00Z', '2030-11-01', '2030-12-01', ?, ?)`,
      copy,
      adminId,
      returnedAt,
      returnedAt.slice(0, 10),
    );
  };
  // Six months before 15 June is 15 December.
  const loanKept = await loan(1, '2030-12-15T02:00:00Z');
  const loanGone = await loan(2, '2030-12-14T02:00:00Z');

  const assisted = (name: string, joinedAt: string) =>
    id(
      "INSERT INTO members (user_id, display_name, joined_at, assisted_by, phone) VALUES (?, ?, ?, ?, '13500001111')",
      `assisted:${crypto.randomUUID()}`,
      name,
      joinedAt,
      adminId,
    );
  const idle = await assisted(`钱伯${tag}`, '2029-01-01T00:00:00Z');
  const active = await assisted(`周婆${tag}`, '2029-01-01T00:00:00Z');
  const recent = await assisted(`吴叔${tag}`, '2030-07-01T00:00:00Z');
  await run(
    "INSERT INTO signups (activity_id, member_id, status, created_at) VALUES (?, ?, 'confirmed', '2031-01-05T02:00:00Z')",
    kept,
    active,
  );
  return { keptPlace, pastPlace, lateNightPlace, careKept, careGone, careOpen, loanKept, loanGone, idle, active, recent, kept, past };
}

const all = async (d1: D1Database, sql: string, ...params: unknown[]) =>
  (
    await d1
      .prepare(sql)
      .bind(...params)
      .all<Row>()
  ).results;
const one = async (d1: D1Database, sql: string, ...params: unknown[]) =>
  (await d1
    .prepare(sql)
    .bind(...params)
    .first<Row>())!;

/** Figures that must not move: places, minutes of care, loans. */
const totals = (d1: D1Database) =>
  one(
    d1,
    `SELECT (SELECT COUNT(*) FROM signups) AS places, (SELECT SUM(minutes) FROM care_visits) AS minutes,
            (SELECT COUNT(*) FROM care_visits WHERE concern = 1) AS concerns, (SELECT COUNT(*) FROM care_recipients) AS recipients,
            (SELECT COUNT(*) FROM library_loans) AS loans, (SELECT COUNT(*) FROM members) AS members`,
  );

describe('the daily retention pass', () => {
  it('erases what is past its period, keeps what is just inside it and every count, erases nothing more a second time, and leaves another community alone', async () => {
    const a = await community();
    const b = await community();
    const [d1a, d1b] = await Promise.all([tenantD1(a.slug), tenantD1(b.slug)]);
    const rows = await seed(d1a, a.admin.id, 'a');
    const other = await seed(d1b, b.admin.id, 'b');
    const before = await totals(d1a);
    const otherBefore = await all(d1b, 'SELECT * FROM signups ORDER BY id');

    const first = await runRetention(await tenantDb(a.slug), NOW);
    expect(first).toEqual({
      day: '2031-06-15',
      counts: { childDetails: 1, childNames: 1, careRecipients: 1, careVisits: 2, libraryLoans: 1, assistedPhones: 1 },
    });

    // Children: details and name of the place past 30 days are gone; the others keep them.
    const places = await all(
      d1a,
      'SELECT id, participant, is_child, status, checked_in_at FROM signups WHERE id IN (?, ?, ?)',
      rows.keptPlace,
      rows.pastPlace,
      rows.lateNightPlace,
    );
    expect(places.find((p) => p.id === rows.pastPlace)).toMatchObject({
      participant: `#${rows.pastPlace}`,
      is_child: 1,
      status: 'confirmed',
    });
    expect(places.find((p) => p.id === rows.pastPlace)?.checked_in_at).not.toBeNull();
    expect(places.find((p) => p.id === rows.keptPlace)?.participant).toBe('小雨a');
    expect(places.find((p) => p.id === rows.lateNightPlace)?.participant).toBe('小雨a');
    const consents = await all(
      d1a,
      'SELECT target_id, emergency_phone, needs_note, erased_at, purpose FROM child_consents ORDER BY target_id',
    );
    expect(consents.find((c) => c.target_id === rows.past)).toMatchObject({ emergency_phone: null, needs_note: null, purpose: '手工课' });
    expect(consents.find((c) => c.target_id === rows.kept)).toMatchObject({ emergency_phone: '13900002222', needs_note: '花生过敏' });

    // Care: the recipient ended 12 months and a day ago is erased with what their visits said; the rest stay.
    const gone = await one(d1a, 'SELECT * FROM care_recipients WHERE id = ?', rows.careGone);
    expect(gone).toMatchObject({
      name: '',
      phone: '',
      household: '',
      needs_note: '',
      emergency_phone: '',
      ended_at: '2030-06-14T02:00:00Z',
    });
    expect(gone.erased_at).not.toBeNull();
    for (const id of [rows.careKept, rows.careOpen])
      expect(await one(d1a, 'SELECT phone, erased_at FROM care_recipients WHERE id = ?', id)).toEqual({
        phone: '13700001111',
        erased_at: null,
      });
    expect(
      await all(d1a, 'SELECT done, observations, follow_up, minutes, concern FROM care_visits WHERE recipient_id = ?', rows.careGone),
    ).toEqual([
      { done: '', observations: '', follow_up: null, minutes: 45, concern: 1 },
      { done: '', observations: '', follow_up: null, minutes: 45, concern: 1 },
    ]);
    expect(await one(d1a, 'SELECT observations FROM care_visits WHERE recipient_id = ?', rows.careKept)).toEqual({
      observations: '膝盖疼',
    });

    // Library: the loan returned six months and a day ago forgets its borrower.
    expect(await one(d1a, 'SELECT member_id FROM library_loans WHERE id = ?', rows.loanGone)).toEqual({ member_id: null });
    expect(await one(d1a, 'SELECT member_id FROM library_loans WHERE id = ?', rows.loanKept)).toEqual({ member_id: a.admin.id });

    // Assisted members: only the one idle for 12 months loses the phone kept for them.
    const phones = await all(d1a, 'SELECT id, phone FROM members WHERE id IN (?, ?, ?) ORDER BY id', rows.idle, rows.active, rows.recent);
    expect(phones).toEqual([
      { id: rows.idle, phone: null },
      { id: rows.active, phone: '13500001111' },
      { id: rows.recent, phone: '13500001111' },
    ]);

    // Counts and sums stay.
    expect(await totals(d1a)).toEqual(before);

    const second = await runRetention(await tenantDb(a.slug), NOW + 3600_000);
    expect(second.counts).toEqual({ childDetails: 0, childNames: 0, careRecipients: 0, careVisits: 0, libraryLoans: 0, assistedPhones: 0 });

    // The other community is untouched.
    expect(await all(d1b, 'SELECT * FROM signups ORDER BY id')).toEqual(otherBefore);
    expect(await one(d1b, 'SELECT name, erased_at FROM care_recipients WHERE id = ?', other.careGone)).toEqual({
      name: '赵爷爷b',
      erased_at: null,
    });
    expect(await one(d1b, 'SELECT phone FROM members WHERE id = ?', other.idle)).toEqual({ phone: '13500001111' });
    expect(await one(d1b, 'SELECT COUNT(*) AS n FROM retention_runs')).toEqual({ n: 0 });

    // The admin sees the runs (newest first, counts only); a resident may not.
    const page = bodyOf(await read(as(a.host, a.admin).retention.$get()), 200);
    expect(page.periods).toEqual({ careMonths: 12, libraryMonths: 6 });
    expect(page.childDays).toBe(30);
    expect(page.runs.map((r) => [r.day, r.careRecipients, r.childNames])).toEqual([
      ['2031-06-15', 0, 0],
      ['2031-06-15', 1, 1],
    ]);
    const neighbour = await resident(a.host, '邻居');
    expectStatus(await read(as(a.host, neighbour).retention.$get()), 403);
    expectStatus(await read(as(a.host).retention.$get()), 401);
  });

  it('takes the periods the admin sets: a longer care period keeps what the default would erase', async () => {
    const c = await community();
    const d1 = await tenantD1(c.slug);
    const rows = await seed(d1, c.admin.id, 'c');
    const saved = bodyOf(await read(as(c.host, c.admin).retention.$put({ json: { careMonths: 24, libraryMonths: 12 } })), 200);
    expect(saved.periods).toEqual({ careMonths: 24, libraryMonths: 12 });
    expectStatus(await read(as(c.host, c.admin).retention.$put({ json: { careMonths: 0, libraryMonths: 6 } })), 400);
    const resident1 = await resident(c.host, '居民');
    expectStatus(await read(as(c.host, resident1).retention.$put({ json: { careMonths: 1, libraryMonths: 1 } })), 403);
    // The library's own settings page reads the same period.
    expect(bodyOf(await read(as(c.host, c.admin).library.settings.$get()), 200)).toMatchObject({ eraseAfterMonths: 12 });

    const pass = await runRetention(await tenantDb(c.slug), NOW);
    // Care ended 12 months ago and the loan returned 6 months ago stay; the resident idle since January 2029 is past 24 months too.
    expect(pass.counts).toMatchObject({ careRecipients: 0, libraryLoans: 0, assistedPhones: 1, childNames: 1 });
    expect(await one(d1, 'SELECT erased_at FROM care_recipients WHERE id = ?', rows.careGone)).toEqual({ erased_at: null });
  });
});
