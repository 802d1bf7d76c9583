import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { localRequest, startLocalServer } from '../../scripts/local-server.mjs';
// @ts-expect-error plain ESM script without types
import { writeShardedConfigs } from '../../scripts/shard-config.mjs';

/**
 * The router and two shard Workers in one `wrangler dev`, with pools of three databases each, on their own port and
 * state: sign-ups land on both shards, each community is served by its own shard only, and a request sent to the
 * wrong shard is refused.
 */
const port = (Number(process.env.E2E_PORT) || 8799) + 3;
let dir: string;
let server: { stop: () => void } | undefined;

type Answer = { status: number; body: string; headers?: Record<string, string> };
const call = (host: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  localRequest(port, host, path, init) as Promise<Answer>;

async function servedBy(host: string, path: string, headers: Record<string, string> = {}) {
  const res = await call(host, path, { headers });
  return { status: res.status, shard: res.headers?.['x-huzhu-served-by'], body: res.body };
}

async function signIn(userId: string, host = 'localhost') {
  const res = await call(host, '/api/dev/sign-in', { method: 'POST', body: { userId, name: userId } });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { token: string }).token;
}

async function signUp(token: string, slug: string, nameZh: string) {
  return call('localhost', '/api/communities', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: {
      nameZh,
      nameEn: 'Shard Garden',
      slug,
      city: '南京',
      district: '雨花台区',
      households: 400,
      buildings: 4,
      parties: { residentsCommittee: '测试居委会', ownersCommittee: '测试业委会', propertyCompany: '测试物业' },
      template: 'cuizhuyuan@1',
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-shards-'));
  const [router, ...shards] = writeShardedConfigs({ shards: 2, perShard: 3, out: join(dir, 'config'), local: true }) as string[];
  // wrangler reads the development secrets next to each config.
  copyFileSync('.dev.vars', join(dir, 'config', '.dev.vars'));
  server = await startLocalServer({
    port,
    persistTo: join(dir, 'state'),
    build: false,
    seed: false,
    quiet: true,
    configs: [router, ...shards],
  });
}, 180_000);

afterAll(() => {
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a router in front of two shards', () => {
  const communities: { slug: string; name: string; shard?: string }[] = [];

  it('puts new communities on both shards, and refuses a sign-up when every shard is full', async () => {
    const founders = [await signIn('shard-founder-a'), await signIn('shard-founder-b')];
    for (let i = 0; i < 6; i++) {
      const slug = `shard-garden-${i}`;
      const name = `分片花园${'一二三四五六'[i]}`;
      const res = await signUp(founders[i % 2]!, slug, name);
      expect(res.status, res.body).toBe(201);
      const site = await servedBy(`${slug}.localhost`, '/api/site');
      expect(site.status).toBe(200);
      communities.push({ slug, name, shard: site.shard });
    }
    const on = (shard: string) => communities.filter((c) => c.shard === shard).length;
    expect([on('shard-1'), on('shard-2')]).toEqual([3, 3]);
    // Six databases, six communities: the seventh finds no free database on either shard.
    const full = await signUp(await signIn('shard-founder-c'), 'shard-garden-full', '满员花园');
    expect(full.status).toBe(503);
    expect(JSON.parse(full.body).error.code).toBe('pool_exhausted');
  });

  it("serves every request of a community from its own shard, with that community's data", async () => {
    for (const { slug, name, shard } of communities) {
      const host = `${slug}.localhost`;
      const token = await signIn(`member-of-${slug}`, host);
      for (const path of ['/api/site', '/api/community', '/api/activities', '/api/handbooks', '/']) {
        const res = await call(host, path, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status, `${host}${path}`).toBe(200);
        expect(res.headers?.['x-huzhu-served-by'], `${host}${path}`).toBe(shard);
      }
      const profile = await call(host, '/api/community');
      expect(profile.body).toContain(name);
      for (const other of communities.filter((c) => c.slug !== slug)) expect(profile.body).not.toContain(other.name);
    }
  });

  it('refuses a request that reaches the wrong shard, naming the error, and shows nothing of the community', async () => {
    const onOne = communities.find((c) => c.shard === 'shard-1')!;
    const onTwo = communities.find((c) => c.shard === 'shard-2')!;
    for (const [community, wrong] of [
      [onOne, 'shard-2'],
      [onTwo, 'shard-1'],
    ] as const) {
      const res = await servedBy(`${community.slug}.localhost`, '/api/community', { 'x-huzhu-route-to': wrong });
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body).error.code).toBe('wrong_shard');
      expect(res.body).not.toContain(community.name);
    }
    // The same request, routed by the map, is served.
    expect((await servedBy(`${onOne.slug}.localhost`, '/api/community')).status).toBe(200);
  });

  it('serves the platform from the first shard and answers an unknown community with its page', async () => {
    expect(await servedBy('localhost', '/api/health')).toMatchObject({ status: 200, shard: 'shard-1' });
    expect((await servedBy('no-such-garden.localhost', '/api/site')).status).toBe(404);
  });
});
