import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isPersonal, personalDataCatalogue, type Refers } from '../../worker/community/personal-data/catalogue';
import { aboutCondition, deletedUserId, formerResidentLabel } from '../../worker/community/personal-data/conditions';
import { tenantTableNames } from '../../worker/community/personal-data/service';
import { activeClub, as, byId, community, detail, openActivity, type Person, resident, uniq } from './community-fixtures';
import { bodyOf, expectStatus, rawCall, read, tenantDb } from './helpers';
import { leaveBody, type Marks, seedRecords } from './personal-data-fixtures';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

type Row = Record<string, unknown>;

/** Rows of `table` whose member columns name the member, found by the test itself from the catalogue. */
async function rowsNaming(slug: string, table: string, who: { id: number; userId: string }) {
  const entry = personalDataCatalogue[table];
  if (!entry || !isPersonal(entry)) return [];
  const value = (refers: Refers) =>
    refers === 'id'
      ? [who.id]
      : refers === 'user'
        ? [who.userId]
        : refers === 'voter'
          ? [`member:${who.id}`]
          : [String(who.id), who.userId];
  const parts = Object.entries(entry.members).flatMap(([column, refers]) =>
    value(refers).map((v) => sql`${sql.identifier(column)} = ${v}`),
  );
  if (entry.via) {
    const parent = personalDataCatalogue[entry.via.table];
    if (parent && isPersonal(parent))
      parts.push(
        sql`${sql.identifier(entry.via.column)} IN (SELECT id FROM ${sql.identifier(entry.via.table)} WHERE ${sql.join(
          (parent.subject ?? []).map((c) => sql`${sql.identifier(c)} = ${who.id}`),
          sql` OR `,
        )})`,
      );
  }
  if (parts.length === 0) return [];
  const db = await tenantDb(slug);
  return db.all<Row>(sql`SELECT rowid AS __rowid, * FROM ${sql.identifier(table)} WHERE ${sql.join(parts, sql` OR `)} ORDER BY rowid`);
}

async function myData(host: string, who: Person) {
  return bodyOf(await read(as(host, who).me.data.$get({ query: {} })), 200);
}

async function userIdOf(slug: string, id: number) {
  const db = await tenantDb(slug);
  const [row] = await db.all<{ user_id: string }>(sql`SELECT user_id FROM members WHERE id = ${id}`);
  return row!.user_id;
}

/** Every text value in the community's database, table by table, to look for what must be gone. */
async function everyText(slug: string): Promise<string> {
  const db = await tenantDb(slug);
  const dumps = await Promise.all(tenantTableNames.map((t) => db.all<Row>(sql`SELECT * FROM ${sql.identifier(t)}`)));
  return JSON.stringify(dumps);
}

describe('my data, corrections and leaving', () => {
  let c: Awaited<ReturnType<typeof community>>;
  let volunteer: Person;
  let clubId: number;
  let activityId: number;
  beforeAll(async () => {
    c = await community();
    volunteer = await resident(c.host, uniq('志愿者'));
    clubId = await activeClub(c.host, c.admin, c.admin, [], uniq('读书会'));
    activityId = await openActivity(c.host, c.admin, c.admin, { capacity: 50 });
  });

  async function residentWithRecords(name: string): Promise<{ person: Person; marks: Marks; userId: string }> {
    const person = await resident(c.host, uniq(name));
    const marks = await seedRecords(c.slug, c.host, person, { clubId, activityId, volunteerId: volunteer.id });
    return { person, marks, userId: await userIdOf(c.slug, person.id) };
  }

  it('returns exactly the rows that name the member, in every table of the catalogue, and nothing of another', async () => {
    const a = await residentWithRecords('甲');
    const b = await residentWithRecords('乙');
    const data = await myData(c.host, a.person);
    expect(data.memberId).toBe(a.person.id);
    expect(data.community.slug).toBe(c.slug);
    for (const table of Object.keys(personalDataCatalogue)) {
      const expected = await rowsNaming(c.slug, table, { id: a.person.id, userId: a.userId });
      const got = data.tables[table] ?? [];
      expect(got.length, table).toBe(expected.length);
      if (expected[0] && 'id' in expected[0])
        expect(
          got.map((r) => r.id),
          table,
        ).toEqual(expected.map((r) => r.id));
    }
    for (const table of ['members', 'signups', 'club_members', 'issues', 'children', 'child_consents', 'care_recipients', 'care_visits']) {
      expect(data.tables[table]?.length, table).toBeGreaterThan(0);
    }
    for (const table of [
      'notifications',
      'notification_preferences',
      'push_subscriptions',
      'calendar_tokens',
      'volunteers',
      'volunteer_hours',
    ]) {
      expect(data.tables[table]?.length, table).toBe(1);
    }
    for (const table of ['library_cards', 'shop_items', 'media_files', 'ledger_transactions'])
      expect(data.tables[table]?.length, table).toBe(1);
    const text = JSON.stringify(data);
    for (const s of a.marks.secrets) expect(text).toContain(s);
    for (const s of b.marks.secrets) expect(text).not.toContain(s);
    expect(text).not.toContain(b.person.name);
    // Keys of devices and the calendar feed are not facts about the person: they stay out of the file.
    expect(data.tables.push_subscriptions?.[0]).not.toHaveProperty('p256dh');
    expect(data.tables.push_subscriptions?.[0]).toHaveProperty('endpoint');
    expect(data.tables.calendar_tokens?.[0]).not.toHaveProperty('token');
  });

  it('downloads as a file named with the community and the day in its time zone', async () => {
    const a = await resident(c.host, uniq('丙'));
    const res = await rawCall(c.host, '/api/me/data?download=1', { token: a.token });
    expect(res.status).toBe(200);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="huzhu-${c.slug}-my-data-${day}.json"`);
    expect((res.json as { memberId: number }).memberId).toBe(a.id);
  });

  it('lets a member correct their own details, audited without the values', async () => {
    const a = await resident(c.host, uniq('丁'));
    const name = uniq('丁阿姨');
    const res = await read(as(c.host, a).members.me.$patch({ json: { displayName: name, household: '5-302' } }));
    const details = bodyOf(res, 200);
    expect(details).toMatchObject({ displayName: name, household: '5-302', phoneKept: false });
    expect(bodyOf(await read(as(c.host, a).members.me.$get()), 200).displayName).toBe(name);
    expectStatus(await read(as(c.host, a).members.me.$patch({ json: { phone: '13800000000' } })), 400);
    expectStatus(await read(as(c.host, a).members.me.$patch({ json: {} })), 400);
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'member.details-corrected' AND community_id = (SELECT id FROM communities WHERE slug = ?)",
    )
      .bind(c.slug)
      .all<{ detail: string }>();
    const mine = audit.results.find((r) => r.detail.includes(`"memberId":${a.id}`));
    expect(mine?.detail).toContain('displayName');
    expect(mine?.detail).not.toContain(name);
  });

  it('leaving without deletion ends the membership and its roles; the person may join again', async () => {
    const a = await resident(c.host, uniq('戊'));
    expectStatus(await read(as(c.host, a).clubs[':id'].members.$post(byId(clubId))), 200);
    expectStatus(await read(as(c.host, a).members.me.leave.$post(leaveBody(false))), 200);
    const me = await rawCall(c.host, '/api/members/me', { token: a.token });
    expect(me.status).toBe(403);
    const db = await tenantDb(c.slug);
    const [row] = await db.all<Row>(sql`SELECT status, display_name FROM members WHERE id = ${a.id}`);
    expect(row).toEqual({ status: 'left', display_name: a.name });
    expect(await db.all(sql`SELECT 1 FROM club_members WHERE member_id = ${a.id}`)).toEqual([]);
    expectStatus(await read(as(c.host, a).members.me.$post({ json: { displayName: a.name, privacyNoticeVersion: 1 } })), 201);
  });

  it('the last association administrator cannot leave', async () => {
    const res = await read(as(c.host, c.admin).members.me.leave.$post(leaveBody(false)));
    expectStatus(res, 409);
  });

  it('refuses to leave without the confirmation', async () => {
    const a = await resident(c.host, uniq('己'));
    const res = await rawCall(c.host, '/api/members/me/leave', { token: a.token, body: { deleteData: true } });
    expect(res.status).toBe(400);
  });

  it('deletion erases every personal field the catalogue lists, and keeps totals, decisions and counts', async () => {
    const a = await residentWithRecords('庚');
    const b = await residentWithRecords('辛');
    const keys = { id: a.person.id, userId: a.userId };
    const before = {
      funds: bodyOf(await read(as(c.host, c.admin).ledger.funds.$get()), 200).funds,
      places: (await detail(c.host, activityId, c.admin)).places,
      issue: bodyOf(await read(as(c.host, c.admin).issues[':id'].$get(byId(a.marks.issueId))), 200),
      other: await myData(c.host, b.person),
    };
    expect(await env.MEDIA.get(a.marks.photoKey)).not.toBeNull();

    const res = await read(as(c.host, a.person).members.me.leave.$post(leaveBody(true)));
    expect(bodyOf(res, 200)).toEqual({ left: true, deleted: true });

    // Walk the catalogue: in every row about the member, each personal field holds what deletion writes.
    const db = await tenantDb(c.slug);
    for (const [table, entry] of Object.entries(personalDataCatalogue)) {
      if (!isPersonal(entry)) continue;
      const rows = await db.all<Row>(sql`SELECT * FROM ${sql.identifier(table)} WHERE ${aboutCondition(entry, keys)}`);
      if (entry.onDelete === 'delete') expect(rows, table).toEqual([]);
      for (const row of rows) {
        for (const [column, erasure] of Object.entries(entry.personal ?? {})) {
          const value = row[column];
          const expected = {
            null: () => expect(value, `${table}.${column}`).toBeNull(),
            empty: () => expect(value, `${table}.${column}`).toBe(''),
            'former-resident': () => expect(value, `${table}.${column}`).toBe(formerResidentLabel(a.person.id)),
            removed: () => expect(String(value), `${table}.${column}`).toMatch(/^(|已删除 #\d+)$/),
            'deleted-user': () => expect(value, `${table}.${column}`).toBe(deletedUserId(a.person.id)),
            now: () => expect(value, `${table}.${column}`).not.toBeNull(),
            false: () => expect(value, `${table}.${column}`).toBe(0),
          }[erasure];
          expected();
        }
      }
    }
    // Nothing that was theirs is left anywhere in the database, in any column.
    const everything = await everyText(c.slug);
    for (const s of a.marks.secrets) expect(everything).not.toContain(s);
    expect(everything).not.toContain(a.person.name);
    expect(everything).not.toContain(a.userId);
    expect(await env.MEDIA.get(a.marks.photoKey)).toBeNull();

    // What the community keeps is unchanged.
    expect(bodyOf(await read(as(c.host, c.admin).ledger.funds.$get()), 200).funds).toEqual(before.funds);
    expect((await detail(c.host, activityId, c.admin)).places).toEqual(before.places);
    const issue = bodyOf(await read(as(c.host, c.admin).issues[':id'].$get(byId(a.marks.issueId))), 200);
    expect(issue.supports).toBe(before.issue.supports);
    expect(issue.title).toBe(before.issue.title);
    const [tx] = await db.all<Row>(sql`SELECT recorded_by FROM ledger_transactions WHERE id = ${a.marks.transactionId}`);
    expect(tx?.recorded_by).toBe(a.person.id);

    // They can no longer act as a member; another member's data is untouched.
    expect((await rawCall(c.host, '/api/members/me', { token: a.person.token })).status).toBe(403);
    expect((await rawCall(c.host, '/api/me/data', { token: a.person.token })).status).toBe(403);
    const other = await myData(c.host, b.person);
    expect(other.tables).toEqual(before.other.tables);

    // The audit row names the member number, not the person.
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id, detail FROM audit_log WHERE action = 'member.left-with-deletion' AND community_id = (SELECT id FROM communities WHERE slug = ?)",
    )
      .bind(c.slug)
      .all<{ actor_user_id: string | null; detail: string }>();
    const row = audit.results.find((r) => r.detail === JSON.stringify({ memberId: a.person.id }));
    expect(row?.actor_user_id).toBeNull();
  });
});
