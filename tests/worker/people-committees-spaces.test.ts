import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { as, byId, type Person, resident, sharedCommunity, uniq } from './community-fixtures';
import { bodyOf, dispatch, errorOf, expectStatus, rawCall, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const setRoles = (
  host: string,
  who: Person,
  memberId: number,
  roles: { role: 'association-admin' | 'building-contact'; buildingId?: number }[],
) => read(as(host, who).members[':memberId'].roles.$put({ param: { memberId: String(memberId) }, json: { roles } }));

async function lastAudit(action: string) {
  const row = await env.PLATFORM_DB.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1')
    .bind(action)
    .first<{ detail: string }>();
  return row ? JSON.parse(row.detail) : null;
}

async function firstBuilding(host: string) {
  const { buildings } = bodyOf(await read(as(host).buildings.$get()), 200);
  return buildings[0]!.id;
}

describe('people and roles', () => {
  const shared = sharedCommunity();

  it('lists members a page at a time, by part of the name, building and role', async () => {
    const { host, admin } = shared();
    const name = uniq('查找');
    const one = await resident(host, `${name}甲`);
    await resident(host, `${name}乙`);
    const building = await firstBuilding(host);
    expectStatus(await setRoles(host, admin, one.id, [{ role: 'building-contact', buildingId: building }]), 200);
    const byName = bodyOf(await read(as(host, admin).members.$get({ query: { q: name, limit: '1' } })), 200);
    expect(byName.total).toBe(2);
    expect(byName.members).toHaveLength(1);
    const contacts = bodyOf(await read(as(host, admin).members.$get({ query: { q: name, role: 'building-contact' } })), 200);
    expect(contacts.members.map((m) => m.id)).toEqual([one.id]);
    const inBuilding = bodyOf(await read(as(host, admin).members.$get({ query: { buildingId: String(building), q: name } })), 200);
    expect(inBuilding.total).toBe(0);
    const wildcard = bodyOf(await read(as(host, admin).members.$get({ query: { q: '%' } })), 200);
    expect(wildcard.total).toBe(0);
  });

  it('appoints and removes administrators and building contacts, audits each, and keeps the last administrator (409)', async () => {
    const { host, admin } = shared();
    const last = await setRoles(host, admin, admin.id, []);
    expectStatus(last, 409);
    const helper = await resident(host, '副会长');
    expectStatus(await setRoles(host, admin, helper.id, [{ role: 'association-admin' }]), 200);
    expect(await lastAudit('member.roles-set')).toMatchObject({
      memberId: helper.id,
      granted: [{ role: 'association-admin' }],
      removed: [],
    });
    expectStatus(await setRoles(host, admin, helper.id, []), 200);
    expect(await lastAudit('member.roles-set')).toMatchObject({
      memberId: helper.id,
      granted: [],
      removed: [{ role: 'association-admin' }],
    });
    expectStatus(await setRoles(host, helper, helper.id, [{ role: 'association-admin' }]), 403);
  });
});

describe('role invitations', () => {
  const shared = sharedCommunity();

  async function invite(host: string, who: Person, json: { role: 'association-admin' | 'building-contact'; buildingId?: number }) {
    return read(as(host, who)['role-invitations'].$post({ json }));
  }

  it('an administrator invites a building contact; the person asks, an administrator confirms, and the role is granted', async () => {
    const { host, admin } = shared();
    const building = await firstBuilding(host);
    const created = bodyOf(await invite(host, admin, { role: 'building-contact', buildingId: building }), 201);
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeGreaterThan(13 * 86400_000);
    expect(await lastAudit('invitation.created')).toMatchObject({ invitationId: created.id, role: 'building-contact' });
    const neighbour = await resident(host, '热心邻居');
    const link = { param: { token: created.token } };
    const preview = bodyOf(await read(as(host, neighbour)['role-invitations']['by-token'][':token'].$get(link)), 200);
    expect(preview).toMatchObject({ role: 'building-contact', status: 'open', mine: false });
    expectStatus(await read(as(host, neighbour)['role-invitations']['by-token'][':token'].request.$post(link)), 200);
    // A second person cannot use the same link.
    const other = await resident(host, '另一位');
    expectStatus(await read(as(host, other)['role-invitations']['by-token'][':token'].request.$post(link)), 409);
    const pending = bodyOf(await read(as(host, admin)['role-invitations'].$get()), 200).invitations;
    expect(pending[0]).toMatchObject({ id: created.id, status: 'requested', requestedBy: { id: neighbour.id } });
    // Only an administrator decides.
    expectStatus(
      await read(as(host, neighbour)['role-invitations'][':id'].decision.$post({ ...byId(created.id), json: { confirm: true } })),
      403,
    );
    expectStatus(
      await read(as(host, admin)['role-invitations'][':id'].decision.$post({ ...byId(created.id), json: { confirm: true } })),
      200,
    );
    const me = bodyOf(await read(as(host, neighbour).members.me.$get()), 200);
    expect(me.roles).toContainEqual({ role: 'building-contact', partyKey: null, buildingId: building });
    expect(await lastAudit('invitation.confirmed')).toMatchObject({ invitationId: created.id, memberId: neighbour.id });
    expectStatus(
      await read(as(host, admin)['role-invitations'][':id'].decision.$post({ ...byId(created.id), json: { confirm: true } })),
      409,
    );
  });

  it('nobody confirms their own request, non-admins cannot invite, declined requests grant nothing', async () => {
    const { host, admin } = shared();
    const neighbour = await resident(host, '自荐者');
    expectStatus(await invite(host, neighbour, { role: 'association-admin' }), 403);
    const mine = bodyOf(await invite(host, admin, { role: 'association-admin' }), 201);
    expectStatus(
      await read(as(host, admin)['role-invitations']['by-token'][':token'].request.$post({ param: { token: mine.token } })),
      200,
    );
    const own = await read(as(host, admin)['role-invitations'][':id'].decision.$post({ ...byId(mine.id), json: { confirm: true } }));
    expectStatus(own, 403);
    const theirs = bodyOf(await invite(host, admin, { role: 'association-admin' }), 201);
    expectStatus(
      await read(as(host, neighbour)['role-invitations']['by-token'][':token'].request.$post({ param: { token: theirs.token } })),
      200,
    );
    expectStatus(
      await read(as(host, admin)['role-invitations'][':id'].decision.$post({ ...byId(theirs.id), json: { confirm: false } })),
      200,
    );
    expect(bodyOf(await read(as(host, neighbour).members.me.$get()), 200).roles).toEqual([]);
    expect(await lastAudit('invitation.declined')).toMatchObject({ invitationId: theirs.id });
  });

  it('a building contact invitation names its building (400), expires, and can be revoked', async () => {
    const { host, admin, slug } = shared();
    const bad = await rawCall(host, '/api/role-invitations', { token: admin.token, body: { role: 'building-contact' } });
    expect(bad.status).toBe(400);
    expect(Object.keys((errorOf(bad.json).details ?? {}) as object)).toContain('buildingId');
    const neighbour = await resident(host, '晚来者');
    const old = bodyOf(await invite(host, admin, { role: 'association-admin' }), 201);
    await (await tenantD1(slug))
      .prepare("UPDATE role_invitations SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = ?")
      .bind(old.id)
      .run();
    const expired = await read(
      as(host, neighbour)['role-invitations']['by-token'][':token'].request.$post({ param: { token: old.token } }),
    );
    expectStatus(expired, 409);
    const listed = bodyOf(await read(as(host, admin)['role-invitations'].$get()), 200).invitations;
    expect(listed.find((i) => i.id === old.id)?.status).toBe('expired');
    const revoked = bodyOf(await invite(host, admin, { role: 'association-admin' }), 201);
    expectStatus(await read(as(host, neighbour)['role-invitations'][':id'].revoke.$post(byId(revoked.id))), 403);
    expectStatus(await read(as(host, admin)['role-invitations'][':id'].revoke.$post(byId(revoked.id))), 200);
    expect(await lastAudit('invitation.revoked')).toMatchObject({ invitationId: revoked.id });
    expectStatus(
      await read(as(host, neighbour)['role-invitations']['by-token'][':token'].request.$post({ param: { token: revoked.token } })),
      409,
    );
  });
});

describe('committees', () => {
  const shared = sharedCommunity();

  it('adds an outside expert and removes members; a closed group is shown closed and holds no new meetings', async () => {
    const { host, admin } = shared();
    const name = uniq('加装电梯工作组');
    const created = bodyOf(
      await read(as(host, admin).committees.$post({ json: { name, kind: 'ad-hoc', remit: '研究加装电梯方案', endsOn: '2030-01-01' } })),
      201,
    );
    const neighbour = await resident(host, '工程师');
    expectStatus(
      await read(
        as(host, admin).committees[':id'].members.$post({ ...byId(created.id), json: { externalName: '李律师', expertise: '律师' } }),
      ),
      201,
    );
    expectStatus(
      await read(as(host, admin).committees[':id'].members.$post({ ...byId(created.id), json: { memberId: neighbour.id } })),
      201,
    );
    const list = async () => bodyOf(await read(as(host, admin).committees.$get()), 200).committees.find((c) => c.id === created.id)!;
    const seats = (await list()).members;
    expect(seats.find((s) => s.external)).toMatchObject({ name: '李律师', expertise: '律师' });
    const expert = seats.find((s) => s.external)!;
    const seat = { param: { id: String(created.id), seatId: String(expert.id) } };
    expectStatus(await read(as(host, neighbour).committees[':id'].members[':seatId'].$delete(seat)), 403);
    expectStatus(await read(as(host, admin).committees[':id'].members[':seatId'].$delete(seat)), 200);
    expect((await list()).members.map((m) => m.name)).toEqual(['工程师']);
    expectStatus(await read(as(host, admin).committees[':id'].members[':seatId'].$delete(seat)), 404);

    expectStatus(await read(as(host, neighbour).committees[':id'].close.$post(byId(created.id))), 403);
    expectStatus(await read(as(host, admin).committees[':id'].close.$post(byId(created.id))), 200);
    expect((await list()).closedAt).not.toBeNull();
    expectStatus(await read(as(host, admin).committees[':id'].close.$post(byId(created.id))), 409);
    const meeting = await rawCall(host, '/api/meetings', {
      token: admin.token,
      body: {
        bodyKey: 'professional-committees',
        committeeId: created.id,
        title: '讨论',
        scheduledFor: new Date(Date.now() + 86400_000).toISOString(),
      },
    });
    expect(meeting.status).toBe(409);
    expect(errorOf(meeting.json).message).toMatch(/closed/);
    expectStatus(
      await read(as(host, admin).committees[':id'].members.$post({ ...byId(created.id), json: { externalName: '王老师' } })),
      409,
    );
  });
});

async function upload(host: string, path: string, token: string, bytes: Uint8Array, contentType: string) {
  const res = await dispatch(
    new Request(`http://${host}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: bytes.slice().buffer as ArrayBuffer,
    }),
  );
  return { status: res.status, json: (await res.json()) as unknown };
}

describe('spaces', () => {
  const shared = sharedCommunity();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it('an administrator edits a space; bad hours are a 400 naming the field; a photo is JPEG/PNG/WebP and served', async () => {
    const { host, admin } = shared();
    const name = uniq('棋牌室');
    const { id } = bodyOf(
      await read(as(host, admin).spaces.$post({ json: { name, capacity: 12, opensAt: '09:00', closesAt: '21:00' } })),
      201,
    );
    const bad = await rawCall(host, `/api/spaces/${id}`, {
      method: 'PUT',
      token: admin.token,
      body: { name, capacity: 12, opensAt: '9点', closesAt: '21:00' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((errorOf(bad.json).details ?? {}) as object)).toEqual(['opensAt']);
    const edited = await read(
      as(host, admin).spaces[':id'].$put({ ...byId(id), json: { name, capacity: 16, opensAt: '08:30', closesAt: '22:00', rules: '安静' } }),
    );
    expect(bodyOf(edited, 200)).toMatchObject({ capacity: 16, opensAt: '08:30', rules: '安静', photoUrl: null });
    const neighbour = await resident(host, '路人');
    expectStatus(
      await read(as(host, neighbour).spaces[':id'].$put({ ...byId(id), json: { name, capacity: 1, opensAt: '08:30', closesAt: '22:00' } })),
      403,
    );

    expect((await upload(host, `/api/spaces/${id}/photo`, admin.token, png, 'image/gif')).status).toBe(400);
    expect((await upload(host, `/api/spaces/${id}/photo`, neighbour.token, png, 'image/png')).status).toBe(403);
    const stored = await upload(host, `/api/spaces/${id}/photo`, admin.token, png, 'image/png');
    expect(stored.status).toBe(201);
    const space = bodyOf(await read(as(host).spaces.$get()), 200).spaces.find((s) => s.id === id)!;
    expect(space.photoUrl).toMatch(/^\/api\/photos\/\d+$/);
    const served = await dispatch(new Request(`http://${host}${space.photoUrl}`));
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it('slot requests are listed for the space and granted or declined by the federation (coordinators)', async () => {
    const { host, admin } = shared();
    const { id } = bodyOf(
      await read(as(host, admin).spaces.$post({ json: { name: uniq('乒乓球室'), capacity: 8, opensAt: '08:00', closesAt: '21:00' } })),
      201,
    );
    const leader = await resident(host, '球队队长');
    const asked = async (slot: string) =>
      bodyOf(
        await read(as(host, leader).spaces[':id']['slot-requests'].$post({ ...byId(id), json: { slot, reason: '每周固定训练需要' } })),
        201,
      );
    const first = await asked('周三 19:00–21:00');
    await asked('周五 19:00–21:00');
    const list = async () =>
      bodyOf(await read(as(host, leader).spaces['slot-requests'].$get({ query: { spaceId: String(id) } })), 200).requests;
    const pending = await list();
    expect(pending.map((r) => r.status)).toEqual(['pending', 'pending']);
    const wednesday = pending.find((r) => r.issueId === first.issueId)!;
    const decide = (who: Person, grant: boolean) =>
      read(as(host, who)['slot-requests'][':id'].decision.$post({ ...byId(wednesday.id), json: { grant, note: '同意每周三使用' } }));
    expectStatus(await decide(leader, true), 403);
    expect(bodyOf(await decide(admin, true), 200).status).toBe('granted');
    expectStatus(await decide(admin, false), 409);
    const after = await list();
    expect(after.map((r) => r.status)).toEqual(['pending', 'granted']);
    const issue = bodyOf(await read(as(host, leader).issues[':id'].$get(byId(first.issueId))), 200);
    expect(issue).toMatchObject({ state: 'decided', outcome: 'adopted' });
  });
});
