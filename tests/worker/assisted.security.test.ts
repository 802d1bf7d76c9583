import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { signDevToken } from '../../worker/auth/dev-identity';
import { members } from '../../worker/db/tenant-schema';
import { as, byId, community, resident, uniq } from './community-fixtures';
import { bodyOf, errorOf, expectStatus, rawCall, read, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });

/** A community with contacts of two buildings, a plain member, and an elder registered in the first building. */
async function setup() {
  const c = await community();
  const { buildings } = bodyOf(await read(as(c.host).buildings.$get()), 200);
  const [first, second] = [buildings[0]!.id, buildings[1]!.id];
  const contact = await resident(c.host, uniq('一栋联络人'));
  const otherContact = await resident(c.host, uniq('二栋联络人'));
  const plain = await resident(c.host, uniq('居民'));
  for (const [who, buildingId] of [
    [contact, first],
    [otherContact, second],
  ] as const)
    expectStatus(
      await read(
        as(c.host, c.admin).members[':memberId'].roles.$put({
          param: { memberId: String(who.id) },
          json: { roles: [{ role: 'building-contact', buildingId }] },
        }),
      ),
      200,
    );
  const elder = bodyOf(
    await read(
      as(c.host, c.admin)['assisted-members'].$post({ json: { displayName: uniq('钱爷爷'), buildingId: first, phone: '139 1234 5678' } }),
    ),
    201,
  ).id;
  return { ...c, first, second, contact, otherContact, plain, elder };
}

describe('who may register and act for an assisted resident', () => {
  it('lets the contact of that building and administrators; refuses another building’s contact and a plain member', async () => {
    const s = await setup();
    const body = (buildingId: number) => ({ json: { displayName: uniq('老人'), buildingId } });
    expectStatus(await read(as(s.host, s.contact)['assisted-members'].$post(body(s.first))), 201);
    expectStatus(await read(as(s.host, s.admin)['assisted-members'].$post(body(s.second))), 201);
    for (const who of [s.otherContact, s.plain]) {
      const res = await read(as(s.host, who)['assisted-members'].$post(body(s.first)));
      expectStatus(res, 403);
      expect(errorOf(res.json).code).toBe('forbidden');
    }
    for (const who of [s.otherContact, s.plain]) {
      expectStatus(await read(as(s.host, who)['assisted-members'][':id'].$get(byId(s.elder))), 403);
      expectStatus(await read(as(s.host, who)['assisted-members'][':id']['claim-code'].$post(byId(s.elder))), 403);
      expectStatus(
        await read(
          as(s.host, who)['assisted-members'][':id'].hours.$post({ ...byId(s.elder), json: { servedOn: '2026-01-05', minutes: 60 } }),
        ),
        403,
      );
    }
    // A contact may correct the record but not move it to another building.
    expectStatus(
      await read(as(s.host, s.contact)['assisted-members'][':id'].$patch({ ...byId(s.elder), json: { household: '1-302' } })),
      200,
    );
    expectStatus(
      await read(as(s.host, s.contact)['assisted-members'][':id'].$patch({ ...byId(s.elder), json: { buildingId: s.second } })),
      403,
    );
  });

  it('keeps the record out of another community', async () => {
    const s = await setup();
    const other = await community();
    const res = await read(as(other.host, other.admin)['assisted-members'][':id'].$get(byId(s.elder)));
    expect([403, 404]).toContain(res.status);
    expect(res.text).not.toContain('139 1234 5678');
    expect(bodyOf(await read(as(other.host, other.admin)['assisted-members'].$get()), 200).residents.map((r) => r.id)).not.toContain(
      s.elder,
    );
    // A token for this community's host opens nothing on the other's.
    expectStatus(await read(as(other.host, s.admin)['assisted-members'].$get()), 401);
  });
});

describe('privacy', () => {
  it('shows the phone only to those who act for the resident', async () => {
    const s = await setup();
    const phoneOf = async (who: typeof s.admin) =>
      bodyOf(await read(as(s.host, who)['assisted-members'].$get()), 200).residents.find((r) => r.id === s.elder)?.phone;
    expect(await phoneOf(s.admin)).toBe('139 1234 5678');
    expect(await phoneOf(s.contact)).toBe('139 1234 5678');
    expect(await phoneOf(s.otherContact)).toBeUndefined();
    expect(await phoneOf(s.plain)).toBeUndefined();
    expectStatus(await read(as(s.host)['assisted-members'].$get()), 401);
    const members = await rawCall(s.host, '/api/members', { token: s.plain.token });
    expect(members.text).not.toContain('139 1234 5678');
  });
});

describe('nobody signs in as an assisted resident', () => {
  it('refuses a session token whose subject is an assisted record, and the dev provider will not issue one', async () => {
    const s = await setup();
    const db = await tenantDb(s.slug);
    const [row] = await db.select({ userId: members.userId }).from(members).where(eq(members.id, s.elder));
    expect(row!.userId).toMatch(/^assisted:/);
    const forged = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId: row!.userId, name: 'x', origin: `http://${s.host}` });
    const res = await rawCall(s.host, '/api/members/me', { token: forged });
    expect(res.status).toBe(401);
    expect(errorOf(res.json).code).toBe('invalid_token');
    const upper = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, {
      userId: row!.userId.toUpperCase(),
      name: 'x',
      origin: `http://${s.host}`,
    });
    expect((await rawCall(s.host, '/api/me/history', { token: upper })).status).toBe(401);
    const dev = await rawCall(s.host, '/api/dev/sign-in', { method: 'POST', body: { userId: row!.userId, name: 'x' } });
    expect(dev.status).toBe(400);
  });
});
