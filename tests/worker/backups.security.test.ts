import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { backUp, backupOf, operatorToken } from './backups-fixtures';
import { createCommunity, errorOf, PLATFORM, rawCall, signIn, uniqueSlug } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

describe('backups and restores are for platform operators only', () => {
  it('refuses every backup route to visitors, members, founders and consultants, on the platform and on a community host', async () => {
    const founder = uid('bk-sec');
    const community = await createCommunity(founder);
    const runId = await backUp([community.slug]);
    const backup = await backupOf(runId, community.slug);
    const binding = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?').bind(community.slug).first();
    const consultant = uid('consultant');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(consultant).run();
    const routes = [
      { method: 'GET', path: '/api/operator/backups' },
      { method: 'POST', path: '/api/operator/backups/runs', body: {} },
      { method: 'GET', path: `/api/operator/backups/communities/${community.slug}` },
      { method: 'POST', path: `/api/operator/backups/${backup!.id}/dry-run`, body: {} },
      { method: 'POST', path: `/api/operator/backups/${backup!.id}/restore`, body: { target: 'own' } },
      {
        method: 'POST',
        path: `/api/operator/backups/${backup!.id}/restore`,
        body: { target: 'new', slug: uniqueSlug('steal'), nameZh: '偷' },
      },
    ];
    const callers = {
      signedIn: await signIn(uid('someone-else')),
      consultant: await signIn(consultant),
      founderOfTheCommunity: await signIn(founder),
    };
    for (const route of routes) {
      const anonymous = await rawCall(PLATFORM, route.path, { method: route.method, body: route.body });
      expect(anonymous.status, `${route.method} ${route.path} anonymous`).toBe(401);
      for (const [who, token] of Object.entries(callers)) {
        const res = await rawCall(PLATFORM, route.path, { method: route.method, body: route.body, token });
        expect(res.status, `${route.method} ${route.path} as ${who}`).toBe(403);
        expect(errorOf(res.json).code).toBe('forbidden');
      }
      // On a community's host the routes do not exist, even for its founder.
      const onCommunity = await rawCall(community.host, route.path, {
        method: route.method,
        body: route.body,
        token: community.founderToken,
      });
      expect([403, 404], `${route.method} ${route.path} on the community host`).toContain(onCommunity.status);
    }
    // Nothing moved: the community keeps its database, no restore was recorded, no community was created.
    expect(await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?').bind(community.slug).first()).toEqual(
      binding,
    );
    const restores = await env.PLATFORM_DB.prepare('SELECT COUNT(*) AS n FROM backup_restores WHERE backup_id = ?')
      .bind(backup!.id)
      .first();
    expect(restores).toEqual({ n: 0 });
  });

  it("an operator's restore validates its body: the target, and a new community's address and name", async () => {
    const community = await createCommunity(uid('bk-val'));
    const runId = await backUp([community.slug]);
    const backup = await backupOf(runId, community.slug);
    const { token } = await operatorToken();
    const path = `/api/operator/backups/${backup!.id}/restore`;
    for (const body of [
      {},
      { target: 'elsewhere' },
      { target: 'new', slug: 'ab', nameZh: '名' },
      { target: 'new', slug: uniqueSlug('x'), nameZh: '' },
    ]) {
      const res = await rawCall(PLATFORM, path, { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const reserved = await rawCall(PLATFORM, path, { token, body: { target: 'new', slug: 'operator', nameZh: '保留' } });
    expect(reserved.status).toBe(400);
  });
});
