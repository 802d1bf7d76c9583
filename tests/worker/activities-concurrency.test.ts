import { beforeAll, describe, expect, it } from 'vitest';
import { client, createCommunity, expectStatus, read, signIn, tenantD1 } from './helpers';

/**
 * Sign-ups under load: 100 residents press "sign up" at the same moment for 30 places. Every request
 * goes through the Worker's public fetch handler to the community's real D1 database.
 */

const RESIDENTS = 100;
const CAPACITY = 30;
/** A hundred requests through one Worker take a few seconds. */
const SLOW = 60_000;

interface Resident {
  token: string;
  id: number;
}

let host: string;
let slug: string;
let adminToken: string;
let residents: Resident[];

/** An open hub activity with `capacity` places, drafted, approved and opened by the administrator. */
async function openActivity(title: string, waitlist: boolean): Promise<number> {
  const admin = client(host, adminToken).api;
  const created = await read(
    admin.activities.$post({
      json: {
        title,
        startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 86400_000 + 2 * 3600_000).toISOString(),
        place: '社区广场',
        capacity: CAPACITY,
        waitlist,
        audience: 'residents',
        expectedParticipants: CAPACITY,
        costLines: [],
      },
    }),
  );
  expectStatus(created, 201);
  const id = created.json.id;
  for (const step of ['submit', 'approve', 'open'] as const) {
    const res = await read(admin.activities[':id'].steps.$post({ param: { id: String(id) }, json: { step } }));
    expectStatus(res, 200);
  }
  return id;
}

/** Everyone signs up at once. */
function signUpAll(id: number) {
  return Promise.all(
    residents.map((r) => read(client(host, r.token).api.activities[':id'].signups.$post({ param: { id: String(id) }, json: {} }))),
  );
}

async function rows(id: number) {
  const d1 = await tenantD1(slug);
  const { results } = await d1
    .prepare('SELECT id, member_id, status FROM signups WHERE activity_id = ? ORDER BY id')
    .bind(id)
    .all<{ id: number; member_id: number; status: string }>();
  return results;
}

beforeAll(async () => {
  const community = await createCommunity(`founder-${crypto.randomUUID().slice(0, 8)}`);
  host = community.host;
  slug = community.slug;
  adminToken = community.founderToken;
  // 100 different residents join beforehand.
  residents = await Promise.all(
    Array.from({ length: RESIDENTS }, async (_, i) => {
      const token = await signIn(`crowd-${crypto.randomUUID().slice(0, 8)}-${i}`, host, `居民${i}`);
      const joined = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: `居民${i}` } }));
      if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${joined.text}`);
      return { token, id: joined.json.id };
    }),
  );
  expect(new Set(residents.map((r) => r.id)).size).toBe(RESIDENTS);
}, SLOW * 2);

describe('100 simultaneous sign-ups for 30 places', () => {
  it(
    'with a waitlist: exactly 30 confirmed and 70 waitlisted, none lost (100 rows) and none doubled (each member exactly one row)',
    async () => {
      const id = await openActivity('百人抢位（有候补）', true);
      const responses = await signUpAll(id);

      expect(responses.map((r) => r.status)).toEqual(Array(RESIDENTS).fill(201));
      const signedUp = responses.filter((r) => r.status === 201);
      const statuses = signedUp.map((r) => r.json.status);
      expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(CAPACITY);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(RESIDENTS - CAPACITY);

      const stored = await rows(id);
      expect(stored).toHaveLength(RESIDENTS); // none lost
      expect(new Set(stored.map((r) => r.member_id))).toEqual(new Set(residents.map((r) => r.id))); // each member exactly once
      expect(stored.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
      expect(stored.filter((r) => r.status === 'waitlisted')).toHaveLength(RESIDENTS - CAPACITY);
      // What each resident was told is what was stored.
      for (const [i, res] of signedUp.entries()) {
        const row = stored.find((r) => r.id === res.json.id);
        expect(row).toMatchObject({ member_id: residents[i]!.id, status: res.json.status });
      }
      const detail = await read(client(host).api.activities[':id'].$get({ param: { id: String(id) } }));
      expectStatus(detail, 200);
      expect(detail.json.places).toMatchObject({ confirmed: CAPACITY, waitlisted: RESIDENTS - CAPACITY, free: 0 });
    },
    SLOW,
  );

  it(
    '10 simultaneous cancellations of confirmed places promote exactly the first 10 waitlisted (by id) and keep exactly 30 confirmed',
    async () => {
      const id = await openActivity('百人抢位（退出与递补）', true);
      expect((await signUpAll(id)).every((r) => r.status === 201)).toBe(true);
      const stored = await rows(id);
      const waitlisted = stored.filter((r) => r.status === 'waitlisted').map((r) => r.id);
      const firstTen = waitlisted.slice(0, 10);
      const behind = waitlisted.slice(10);
      const leaving = stored.filter((r) => r.status === 'confirmed').slice(0, 10);

      const cancellations = await Promise.all(
        leaving.map((row) => {
          const owner = residents.find((r) => r.id === row.member_id)!;
          return read(
            client(host, owner.token).api.activities[':id'].signups[':signupId'].$delete({
              param: { id: String(id), signupId: String(row.id) },
            }),
          );
        }),
      );
      expect(cancellations.map((r) => r.status)).toEqual(Array(10).fill(200));

      const after = await rows(id);
      expect(after).toHaveLength(RESIDENTS);
      expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
      expect(after.filter((r) => r.status === 'cancelled').map((r) => r.id)).toEqual(leaving.map((r) => r.id));
      expect(after.filter((r) => firstTen.includes(r.id)).map((r) => r.status)).toEqual(Array(10).fill('confirmed'));
      // Nobody behind the first ten moved up.
      expect(after.filter((r) => behind.includes(r.id)).map((r) => r.status)).toEqual(Array(RESIDENTS - CAPACITY - 10).fill('waitlisted'));
    },
    SLOW,
  );

  it(
    'without a waitlist: exactly 30 confirmed and the other 70 are answered 409 "full", with 30 rows stored',
    async () => {
      const id = await openActivity('百人抢位（无候补）', false);
      const responses = await signUpAll(id);

      const created = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status === 409);
      expect(created).toHaveLength(CAPACITY);
      expect(refused).toHaveLength(RESIDENTS - CAPACITY);
      expect(created.every((r) => r.json.status === 'confirmed')).toBe(true);
      for (const r of refused) {
        expect(r.json.error.code).toBe('conflict');
        expect(r.json.error.message).toMatch(/full/i);
      }

      const stored = await rows(id);
      expect(stored).toHaveLength(CAPACITY);
      expect(stored.every((r) => r.status === 'confirmed')).toBe(true);
      expect(new Set(stored.map((r) => r.member_id)).size).toBe(CAPACITY);
      expect(new Set(stored.map((r) => r.id))).toEqual(new Set(created.map((r) => r.json.id)));
    },
    SLOW,
  );
});
