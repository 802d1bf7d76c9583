import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { as, community, resident, uniq } from './community-fixtures';
import { bodyOf, errorOf, rawCall, read, signIn, tenantDb } from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('who may see, correct and erase personal data', () => {
  it('a member reads only their own data, whatever they ask for', async () => {
    const c = await community();
    const a = await resident(c.host, uniq('甲'));
    const b = await resident(c.host, uniq('乙'));
    // There is no way to name someone else: unknown query fields are refused, and the answer is always the caller's.
    const res = await rawCall(c.host, `/api/me/data?memberId=${b.id}`, { token: a.token });
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) {
      expect((res.json as { memberId: number }).memberId).toBe(a.id);
      expect(res.text).not.toContain(b.name);
    }
    const own = bodyOf(await read(as(c.host, a).me.data.$get({ query: {} })), 200);
    expect(JSON.stringify(own)).not.toContain(b.name);
    expect(own.tables.members?.map((m) => m.id)).toEqual([a.id]);
  });

  it('a member of another community is refused here, and their own community is not touched', async () => {
    const c = await community();
    const other = await community();
    const userId = uniq('stranger');
    const name = uniq('外人');
    const theirs = await signIn(userId, other.host, name);
    const stranger = {
      id: bodyOf(
        await read(
          as(other.host, { token: theirs, id: 0, name }).members.me.$post({ json: { displayName: name, privacyNoticeVersion: 1 } }),
        ),
        201,
      ).id,
      name,
    };
    // Their session for their own community is not one here; signed in here, the same person is no member.
    expect((await rawCall(c.host, '/api/me/data', { token: theirs })).status).toBe(401);
    const token = await signIn(userId, c.host, name);
    expect((await rawCall(c.host, '/api/me/data', { token })).status).toBe(403);
    expect((await rawCall(c.host, '/api/members/me/details', { token })).status).toBe(403);
    const patch = await rawCall(c.host, '/api/members/me', { token, method: 'PATCH', body: { displayName: '改名' } });
    expect(patch.status).toBe(403);
    const leave = await rawCall(c.host, '/api/members/me/leave', { token, body: { deleteData: true, confirmed: true } });
    expect(leave.status).toBe(403);
    const db = await tenantDb(other.slug);
    const [row] = await db.all<{ status: string; display_name: string }>(
      sql`SELECT status, display_name FROM members WHERE id = ${stranger.id}`,
    );
    expect(row).toEqual({ status: 'active', display_name: stranger.name });
  });

  it('someone signed in who is not a member is refused, and an anonymous caller must sign in', async () => {
    const c = await community();
    const visitor = await signIn(uniq('visitor'), c.host, '访客');
    expect(errorOf((await rawCall(c.host, '/api/me/data', { token: visitor })).json).code).toBe('not_a_member');
    for (const [path, method, body] of [
      ['/api/me/data', 'GET', undefined],
      ['/api/members/me/details', 'GET', undefined],
      ['/api/members/me', 'PATCH', { displayName: '改名' }],
      ['/api/members/me/leave', 'POST', { deleteData: true, confirmed: true }],
    ] as const) {
      expect((await rawCall(c.host, path, { method, body })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('a member who left with deletion cannot sign back in to their old record', async () => {
    const c = await community();
    const a = await resident(c.host, uniq('丙'));
    expect((await rawCall(c.host, '/api/members/me/leave', { token: a.token, body: { deleteData: true, confirmed: true } })).status).toBe(
      200,
    );
    expect((await rawCall(c.host, '/api/members/me/details', { token: a.token })).status).toBe(403);
    expect((await rawCall(c.host, '/api/members/me/leave', { token: a.token, body: { deleteData: true, confirmed: true } })).status).toBe(
      403,
    );
    // Joining again makes a new record: the old one stays anonymous.
    const again = await read(as(c.host, a).members.me.$post({ json: { displayName: a.name, privacyNoticeVersion: 1 } }));
    expect(bodyOf(again, 201).id).not.toBe(a.id);
  });
});
