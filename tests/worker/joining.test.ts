import { env } from 'cloudflare:workers';
import { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { membershipRefusal, statusOnJoining } from '../../worker/community/members/rules';
import { collectMonthFacts } from '../../worker/metrics/collect';
import {
  bodyOf,
  client,
  createCommunity,
  errorOf,
  expectStatus,
  PLATFORM,
  publishedAccess,
  rawCall,
  read,
  signIn,
  tenantD1,
} from './helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const uid = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;

interface Person {
  userId: string;
  token: string;
}

/** Signs `name` in on the community's host (a new account each time). */
async function person(host: string, name: string): Promise<Person> {
  const userId = uid('p');
  return { userId, token: await signIn(userId, host, name) };
}

const join = (host: string, who: Person, json: { displayName: string; buildingId?: number }) =>
  read(client(host, who.token).api.members.me.$post({ json: { privacyNoticeVersion: 1, ...json } }));

const decide = (host: string, who: Person, memberId: number, approve: boolean) =>
  read(client(host, who.token).api.members[':id'].decision.$post({ param: { id: String(memberId) }, json: { approve } }));

const settingsOf = (host: string, who: Person) => read(client(host, who.token).api.community.settings.$get());
const changeSettings = (
  host: string,
  who: Person,
  json: { joinPolicy?: 'open' | 'approval'; organiserNamesPublic?: boolean; timeZone?: string },
) => read(client(host, who.token).api.community.settings.$patch({ json }));

const me = async (host: string, who: Person) => bodyOf(await read(client(host, who.token).api.me.$get()), 200);
const memberCount = async (host: string) => bodyOf(await read(client(host).api.community.$get()), 200).memberCount;

/**
 * A community whose founder (an administrator) has confirmed one contact for each of its first two buildings;
 * joining is still open while they join.
 */
async function setup() {
  const c = await createCommunity(uid('founder'));
  const admin: Person = { userId: '', token: c.founderToken };
  const { buildings } = bodyOf(await read(client(c.host).api.buildings.$get()), 200);
  const [b1, b2] = buildings;
  if (!b1 || !b2) throw new Error('the community has fewer than two buildings');
  const contactOf = async (buildingId: number, name: string) => {
    const who = await person(c.host, name);
    expectStatus(await join(c.host, who, { displayName: name, buildingId }), 201);
    const offer = bodyOf(
      await read(client(c.host, who.token).api.buildings[':id']['contact-applications'].$post({ param: { id: String(buildingId) } })),
      201,
    );
    expectStatus(
      await read(
        client(c.host, admin.token).api['contact-applications'][':id'].decision.$post({
          param: { id: String(offer.id) },
          json: { confirm: true },
        }),
      ),
      200,
    );
    return who;
  };
  const contact1 = await contactOf(b1.id, '一栋联络人');
  const contact2 = await contactOf(b2.id, '二栋联络人');
  return { ...c, admin, b1, b2, contact1, contact2 };
}

async function useApproval(host: string, admin: Person) {
  expectStatus(await changeSettings(host, admin, { joinPolicy: 'approval' }), 200);
}

const unread = async (host: string, who: Person) =>
  bodyOf(await read(client(host, who.token).api.me.notifications.$get()), 200).notifications.map((n) => n.textEn);

describe('the join policy, as pure rules', () => {
  it('joins at once where joining is open, and waits where it is approved', () => {
    expect(statusOnJoining('open')).toBe('active');
    expect(statusOnJoining('approval')).toBe('pending');
  });

  it('refuses a pending applicant with its own code, a declined one as not a member, and no active member', () => {
    expect(membershipRefusal('pending')).toEqual({ code: 'membership_pending', message: 'Your membership is waiting for approval' });
    expect(membershipRefusal('declined')?.code).toBe('not_a_member');
    expect(membershipRefusal('active')).toBeNull();
  });
});

describe('the community settings route (join policy, organisers’ names, time zone)', () => {
  it('is read and changed by an administrator only, audited', async () => {
    const c = await setup();
    expect(bodyOf(await settingsOf(c.host, c.admin), 200)).toEqual({
      joinPolicy: 'open',
      organiserNamesPublic: false,
      figuresForMembers: false,
      timeZone: 'Asia/Shanghai',
      decisionRule: 'single',
      consentDays: 3,
    });

    const changed = bodyOf(
      await changeSettings(c.host, c.admin, { joinPolicy: 'approval', organiserNamesPublic: true, timeZone: 'europe/london' }),
      200,
    );
    // A zone is stored by its canonical name.
    expect(changed).toEqual({
      joinPolicy: 'approval',
      organiserNamesPublic: true,
      figuresForMembers: false,
      timeZone: 'Europe/London',
      decisionRule: 'single',
      consentDays: 3,
    });
    expect(bodyOf(await settingsOf(c.host, c.admin), 200)).toEqual(changed);
    expect(bodyOf(await read(client(c.host).api.community.$get()), 200).joinPolicy).toBe('approval');

    const logged = await env.PLATFORM_DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'community.settings-updated' AND detail LIKE '%europe/london%'",
    ).first<{ detail: string }>();
    expect(JSON.parse(logged!.detail)).toMatchObject({ joinPolicy: 'approval', organiserNamesPublic: true });
  });

  it('refuses an unknown time zone with a 400 naming the field, and changes nothing', async () => {
    const c = await setup();
    for (const timeZone of ['Mars/Olympus_Mons', '', 'Asia/Shanghai; DROP TABLE']) {
      const res = await changeSettings(c.host, c.admin, { timeZone, joinPolicy: 'approval' });
      expect(res.status, timeZone).toBe(400);
      const error = errorOf(res.json);
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.details as object)).toEqual(['timeZone']);
    }
    const wrongPolicy = await rawCall(c.host, '/api/community/settings', {
      method: 'PATCH',
      token: c.admin.token,
      body: { joinPolicy: 'invite-only' },
    });
    expect(wrongPolicy.status).toBe(400);
    expect(Object.keys(errorOf(wrongPolicy.json).details as object)).toEqual(['joinPolicy']);
    expect(bodyOf(await settingsOf(c.host, c.admin), 200)).toMatchObject({ joinPolicy: 'open', timeZone: 'Asia/Shanghai' });
  });

  it('refuses a building contact, a plain member and a visitor', async () => {
    const c = await setup();
    const plain = await person(c.host, '居民');
    expectStatus(await join(c.host, plain, { displayName: '居民' }), 201);
    for (const who of [c.contact1, plain]) {
      const read1 = await settingsOf(c.host, who);
      expect(read1.status).toBe(403);
      expect(errorOf(read1.json).code).toBe('forbidden');
      expect((await changeSettings(c.host, who, { joinPolicy: 'approval' })).status).toBe(403);
    }
    expect((await rawCall(c.host, '/api/community/settings')).status).toBe(401);
    expect(bodyOf(await settingsOf(c.host, c.admin), 200).joinPolicy).toBe('open');
  });
});

describe('joining', () => {
  it('where joining is open, a resident is an active member at once', async () => {
    const c = await setup();
    const before = await memberCount(c.host);
    const resident = await person(c.host, '张三');
    const joined = bodyOf(await join(c.host, resident, { displayName: '张三', buildingId: c.b1.id }), 201);
    expect(joined.status).toBe('active');
    expect(bodyOf(await read(client(c.host, resident.token).api.members.me.$get()), 200).status).toBe('active');
    expectStatus(await read(client(c.host, resident.token).api.issues.$get({ query: {} })), 200);
    expect((await me(c.host, resident)).member?.id).toBe(joined.id);
    expect(await memberCount(c.host)).toBe(before + 1);
  });

  it('where joining is approved, an applicant is pending, sees nothing for members, and is not counted', async () => {
    const c = await setup();
    await useApproval(c.host, c.admin);
    const before = await memberCount(c.host);
    const applicant = await person(c.host, '李四');
    const applied = bodyOf(await join(c.host, applicant, { displayName: '李四', buildingId: c.b1.id }), 201);
    expect(applied.status).toBe('pending');
    // Applying twice is the same application.
    expect(bodyOf(await join(c.host, applicant, { displayName: '李四', buildingId: c.b1.id }), 200)).toMatchObject({
      id: applied.id,
      status: 'pending',
    });

    for (const path of ['/api/members', '/api/issues', '/api/members/me', '/api/me/overview', '/api/me/notifications']) {
      const res = await rawCall(c.host, path, { token: applicant.token });
      expect(res.status, path).toBe(403);
      const error = errorOf(res.json);
      expect(error.code, path).toBe('membership_pending');
      expect(error.message).toBe('Your membership is waiting for approval');
      expect(error.details).toEqual({ membership: 'pending' });
    }
    // Their own status, which the web reads at start-up.
    const self = await me(c.host, applicant);
    expect(self.member).toBeNull();
    expect(self.application).toMatchObject({ status: 'pending', displayName: '李四', buildingId: c.b1.id });
    // Public pages stay as for visitors.
    expectStatus(await read(client(c.host, applicant.token).api.community.$get()), 200);
    expectStatus(await read(client(c.host, applicant.token).api.buildings.$get()), 200);

    expect(await memberCount(c.host)).toBe(before);
    const month = new Date().toISOString().slice(0, 7);
    const [facts] = await collectMonthFacts(await tenantD1(c.slug), [month], new Date());
    expect(facts?.members).toBe(before);
  });

  it('tells the contacts of the building named and the administrators, and no other contact', async () => {
    const c = await setup();
    await useApproval(c.host, c.admin);
    const applicant = await person(c.host, '王五');
    expectStatus(await join(c.host, applicant, { displayName: '王五', buildingId: c.b1.id }), 201);
    expect(await unread(c.host, c.contact1)).toContainEqual(expect.stringContaining('王五'));
    expect(await unread(c.host, c.admin)).toContainEqual(expect.stringContaining('王五'));
    expect(await unread(c.host, c.contact2)).not.toContainEqual(expect.stringContaining('王五'));

    // The building's contacts list the applications naming their building; the administrators list all.
    const forB1 = bodyOf(
      await read(client(c.host, c.contact1.token).api.buildings[':id']['pending-members'].$get({ param: { id: String(c.b1.id) } })),
      200,
    );
    expect(forB1.pending.map((p) => p.displayName)).toEqual(['王五']);
    expect(forB1.pending[0]).not.toHaveProperty('household');
    const otherBuilding = await read(
      client(c.host, c.contact2.token).api.buildings[':id']['pending-members'].$get({ param: { id: String(c.b1.id) } }),
    );
    expect(otherBuilding.status).toBe(403);
    expect(bodyOf(await read(client(c.host, c.admin.token).api.members.pending.$get()), 200).pending.map((p) => p.displayName)).toEqual([
      '王五',
    ]);
    expect((await read(client(c.host, c.contact1.token).api.members.pending.$get())).status).toBe(403);
  });

  it("only a contact of the applicant's building, or an administrator, approves; the person is then a member", async () => {
    const c = await setup();
    await useApproval(c.host, c.admin);
    const before = await memberCount(c.host);
    const applicant = await person(c.host, '赵六');
    const { id } = bodyOf(await join(c.host, applicant, { displayName: '赵六', buildingId: c.b1.id }), 201);

    const wrongContact = await decide(c.host, c.contact2, id, true);
    expect(wrongContact.status).toBe(403);
    expect(errorOf(wrongContact.json).code).toBe('forbidden');
    const plain = await person(c.host, '邻居');
    await changeSettings(c.host, c.admin, { joinPolicy: 'open' });
    expectStatus(await join(c.host, plain, { displayName: '邻居', buildingId: c.b1.id }), 201);
    expect((await decide(c.host, plain, id, true)).status).toBe(403);
    // The applicant cannot decide on themself.
    expect(errorOf((await decide(c.host, applicant, id, true)).json).code).toBe('membership_pending');
    expect((await me(c.host, applicant)).application?.status).toBe('pending');

    expect(bodyOf(await decide(c.host, c.contact1, id, true), 200)).toEqual({ status: 'active' });
    expect((await decide(c.host, c.admin, id, true)).status).toBe(409);

    const self = await me(c.host, applicant);
    expect(self.application).toBeNull();
    expect(self.member?.id).toBe(id);
    expectStatus(await read(client(c.host, applicant.token).api.issues.$get({ query: {} })), 200);
    expect(await unread(c.host, applicant)).toContainEqual(expect.stringContaining('approved'));
    expect(await memberCount(c.host)).toBe(before + 2);

    const row = await (await tenantD1(c.slug))
      .prepare('SELECT status, approved_by, approved_at FROM members WHERE id = ?')
      .bind(id)
      .first<{ status: string; approved_by: number; approved_at: string }>();
    const contactId = (await me(c.host, c.contact1)).member?.id;
    expect(row).toMatchObject({ status: 'active', approved_by: contactId });
    expect(Date.parse(row!.approved_at)).toBeGreaterThan(Date.now() - 60_000);
    const logged = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id AS actor FROM audit_log WHERE action = 'member.approved' AND detail = ?",
    )
      .bind(JSON.stringify({ memberId: id }))
      .all<{ actor: string }>();
    expect(logged.results.map((r) => r.actor)).toEqual([c.contact1.userId]);
  });

  it('an administrator approves an applicant who named no building; no contact can', async () => {
    const c = await setup();
    await useApproval(c.host, c.admin);
    const applicant = await person(c.host, '孙七');
    const { id } = bodyOf(await join(c.host, applicant, { displayName: '孙七' }), 201);
    expect((await decide(c.host, c.contact1, id, true)).status).toBe(403);
    expect(bodyOf(await decide(c.host, c.admin, id, true), 200).status).toBe('active');
    expect((await me(c.host, applicant)).member?.displayName).toBe('孙七');
  });

  it('a declined applicant is told, is still not a member, and may apply again', async () => {
    const c = await setup();
    await useApproval(c.host, c.admin);
    const applicant = await person(c.host, '周八');
    const { id } = bodyOf(await join(c.host, applicant, { displayName: '周八', buildingId: c.b2.id }), 201);
    expect(bodyOf(await decide(c.host, c.contact2, id, false), 200)).toEqual({ status: 'declined' });
    expect((await decide(c.host, c.contact2, id, true)).status).toBe(409);

    expect((await me(c.host, applicant)).application).toMatchObject({ status: 'declined' });
    const refused = await rawCall(c.host, '/api/issues', { token: applicant.token });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.json)).toMatchObject({ code: 'not_a_member', details: { membership: 'declined' } });
    expect(bodyOf(await read(client(c.host, c.admin.token).api.members.pending.$get()), 200).pending).toEqual([]);
    expect(bodyOf(await read(client(c.host, c.admin.token).api.members.$get({ query: {} })), 200).members.map((m) => m.id)).not.toContain(
      id,
    );

    const again = bodyOf(await join(c.host, applicant, { displayName: '周八', buildingId: c.b1.id }), 201);
    expect(again).toMatchObject({ id, status: 'pending', buildingId: c.b1.id });
    expect(bodyOf(await decide(c.host, c.contact1, id, true), 200).status).toBe('active');
  });

  it('roles written onto a pending applicant grant nothing, and an administrator cannot give them any', async () => {
    const c = await setup();
    await useApproval(c.host, c.admin);
    const applicant = await person(c.host, '吴九');
    const { id } = bodyOf(await join(c.host, applicant, { displayName: '吴九', buildingId: c.b1.id }), 201);
    const setRoles = await read(
      client(c.host, c.admin.token).api.members[':memberId'].roles.$put({
        param: { memberId: String(id) },
        json: { roles: [{ role: 'association-admin' }] },
      }),
    );
    expect(setRoles.status).toBe(409);
    // Even if a row says otherwise, a pending applicant is refused as such.
    await (await tenantD1(c.slug))
      .prepare("INSERT INTO member_roles (member_id, role, party_key, granted_by) VALUES (?, 'association-admin', '', 'test')")
      .bind(id)
      .run();
    for (const path of ['/api/members', '/api/community/settings', '/api/members/pending']) {
      const res = await rawCall(c.host, path, { token: applicant.token });
      expect(errorOf(res.json).code, path).toBe('membership_pending');
    }
    expect((await decide(c.host, applicant, id, true)).status).toBe(403);
    expect((await me(c.host, applicant)).member).toBeNull();
  });
});

const servedDocument = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ 'x-access': publishedAccess.optional() }))),
});

describe('a pending applicant is refused every route for members', () => {
  let doc: z.infer<typeof servedDocument>;
  beforeAll(async () => {
    doc = servedDocument.parse((await rawCall(PLATFORM, '/api/openapi.json')).json);
  });

  it('answers 403 membership_pending on each community route that needs a member or a role', async () => {
    const c = await createCommunity(uid('founder'));
    await useApproval(c.host, { userId: '', token: c.founderToken });
    const applicant = await person(c.host, '申请人');
    expect(bodyOf(await join(c.host, applicant, { displayName: '申请人' }), 201).status).toBe('pending');
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const access = op['x-access']!;
        if (access.host !== 'community' || access.allow === 'public' || access.allow === 'signed-in') continue;
        const url = path
          .replace('{key}', 'owners-committee')
          .replace('{voter}', 'owners-committee')
          .replace('{handbook}', 'operating')
          .replace(/\{[a-zA-Z]+\}/g, '1');
        const res = await rawCall(c.host, url, {
          method: method.toUpperCase(),
          body: method === 'get' ? undefined : {},
          token: applicant.token,
        });
        expect(res.status, `${method.toUpperCase()} ${path}: ${res.text}`).toBe(403);
        expect(errorOf(res.json).code, `${method.toUpperCase()} ${path}`).toBe('membership_pending');
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(80);
  });
});
