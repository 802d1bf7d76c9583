import { z } from '@hono/zod-openapi';
import { env } from 'cloudflare:workers';
import type { InferRequestType } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { type Api, bodyOf, client, createCommunity, expectStatus, PLATFORM, rawCall, read, setupBody, signIn, uniqueSlug } from './helpers';

type Setup = InferRequestType<Api['communities']['$post']>['json'];

const signUp = (json: Setup, token?: string) => read(client(PLATFORM, token).api.communities.$post({ json }));
const profile = (host: string) => read(client(host).api.community.$get());
const progress = (slug: string) => read(client(PLATFORM).api.communities[':slug'].$get({ param: { slug } }));

describe('sign-up', () => {
  it('creates an active community on its own subdomain with the nine programs and four-level structure', async () => {
    const token = await signIn('founder-a', PLATFORM, '张三');
    const slug = uniqueSlug('garden');
    const res = await signUp(setupBody(slug), token);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slug, status: 'active', step: 'active', url: `http://${slug}.localhost/` });

    const site = await profile(`${slug}.localhost`);
    expectStatus(site, 200);
    expect(site.json.name).toEqual({ zh: '测试花园', en: 'Test Garden' });
    expect(site.json.programs).toHaveLength(9);
    expect(site.json.programs.map((p) => p.key)).toEqual([
      'library',
      'charity-shop',
      'university',
      'kids-troupe',
      'little-architects',
      'sports',
      'salon',
      'community-helps-community',
      'elder-care',
    ]);
    expect(site.json.parties.map((p) => p.organisationName)).toEqual(['测试社区居委会', '测试业委会', '测试物业', '测试花园社区互助会']);
    expect(site.json.bodies.map((b) => b.key)).toEqual(['joint-meeting', 'professional-committees', 'building-groups', 'federation']);
    const joint = site.json.bodies[0]!;
    expect(joint).toMatchObject({ decisionRule: 'unanimity', cadence: 'monthly' });
    expect(joint.parties).toHaveLength(4);
    expect(site.json.buildings.map((b) => b.name)).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋']);
    expect(site.json.buildings.every((b) => b.contacts === 0 && b.contactsRequired === 2)).toBe(true);
    expect(site.json.coverage).toEqual({ buildings: 6, covered: 0, share: 0 });
    expect(site.json.memberCount).toBe(1);
  });

  it('makes the founder the association administrator of the new community', async () => {
    const { host, founderToken } = await createCommunity('founder-b');
    const me = await read(client(host, founderToken).api.members.me.$get());
    expectStatus(me, 200);
    expect(me.json.roles).toEqual([{ role: 'association-admin', partyKey: null, buildingId: null }]);
    const checklist = await read(client(host, founderToken).api.admin.checklist.$get());
    expectStatus(checklist, 200);
    expect(checklist.json.items.map((i) => i.key)).toContain('building-contacts');
  });

  it('accepts a list of building names and rejects duplicates', async () => {
    const token = await signIn('founder-c');
    const ok = await signUp(setupBody(uniqueSlug(), { buildings: ['A座', 'B座'] }), token);
    expect(ok.status).toBe(201);
    const dup = await signUp(setupBody(uniqueSlug(), { buildings: ['A座', 'A座'] }), token);
    expectStatus(dup, 400);
    expect(dup.json.error.details).toHaveProperty(['buildings.1']);
  });

  it('answers 409 when the address is taken, and keeps the first community intact', async () => {
    const { slug } = await createCommunity('founder-d');
    const token = await signIn('someone-else');
    const res = await signUp(setupBody(slug, { nameZh: '另一个' }), token);
    expectStatus(res, 409);
    expect(res.json.error.code).toBe('slug_taken');
    const site = await profile(`${slug}.localhost`);
    expectStatus(site, 200);
    expect(site.json.name.zh).toBe('测试花园');
  });

  it('requires sign-in', async () => {
    const res = await signUp(setupBody(uniqueSlug()));
    expectStatus(res, 401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('answers 400 naming every field at fault, and creates nothing', async () => {
    const token = await signIn('founder-e');
    const res = await signUp({ nameZh: '', slug: 'Bad Slug', city: '', households: -1, buildings: [] }, token);
    expectStatus(res, 400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(Object.keys(res.json.error.details ?? {})).toEqual(
      expect.arrayContaining(['nameZh', 'slug', 'city', 'households', 'buildings']),
    );
    const count = await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM communities WHERE slug = 'Bad Slug'").first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const token = await signIn('founder-f');
    const res = await rawCall(PLATFORM, '/api/communities', { body: '{not json', token });
    expect(res.status).toBe(400);
  });

  it('reports status for progress and 404 for an unknown address', async () => {
    const { slug } = await createCommunity('founder-g');
    const status = await progress(slug);
    expect(status.json).toMatchObject({ status: 'active', steps: ['created', 'database-claimed', 'migrated', 'seeded', 'active'] });
    expect((await progress('nope-nope')).status).toBe(404);
  });
});

describe('administration is audited', () => {
  it('records role changes in the control-plane audit log, with the community and the actor', async () => {
    const { host, founderToken } = await createCommunity('founder-audit');
    const residentToken = await signIn('resident-audit', host);
    const joined = bodyOf(
      await read(client(host, residentToken).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '邻居' } })),
      201,
    );
    const res = await read(
      client(host, founderToken).api.members[':memberId'].roles.$put({
        param: { memberId: String(joined.id) },
        json: { roles: [{ role: 'club-leader' }] },
      }),
    );
    expectStatus(res, 200);
    expect(res.json.roles).toEqual([{ role: 'club-leader', partyKey: null, buildingId: null }]);
    const entry = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id, action, detail FROM audit_log WHERE action = 'member.roles-set' ORDER BY id DESC LIMIT 1",
    ).first<{ actor_user_id: string; action: string; detail: string }>();
    expect(entry?.actor_user_id).toBe('founder-audit');
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ memberId: joined.id });
  });

  it('serves the OpenAPI document on a community host too', async () => {
    const { host } = await createCommunity('founder-doc');
    // The document is served beside the typed routes, not as one of them.
    const doc = await rawCall(host, '/api/openapi.json');
    expect(doc.status).toBe(200);
    const { openapi, paths } = z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).parse(doc.json);
    expect(openapi).toBe('3.1.0');
    expect(Object.keys(paths)).toContain('/api/community');
  });
});
