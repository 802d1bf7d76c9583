import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { localRequest, migratePlatform, run, startLocalServer } from '../../scripts/local-server.mjs';
// @ts-expect-error plain ESM script without types
import { writeShardedConfigs } from '../../scripts/shard-config.mjs';

/**
 * The router and two shard Workers in one `wrangler dev`, with pools of three databases each, on their own port and
 * state: sign-ups land on both shards, each community is served by its own shard only, a request sent to the
 * wrong shard is refused, and an operator's run of snapshots or backups covers both shards' communities.
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
  // An operator, recorded before the Workers start (this server seeds no demo data, which would fill a shard).
  migratePlatform(join(dir, 'state'), router);
  run(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'd1',
      'execute',
      'PLATFORM_DB',
      '--local',
      '--persist-to',
      join(dir, 'state'),
      '-c',
      router,
      '--command',
      "INSERT INTO platform_roles (user_id, role) VALUES ('shard-operator', 'operator')",
    ],
    { stdio: 'ignore', env: { ...process.env, CI: 'true' } },
  );
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

  it("runs an operator's snapshot and backup runs over both shards as one run each, every community included", async () => {
    // The communities of the first test, three on each shard.
    expect(communities.map((c) => c.shard).sort()).toEqual(['shard-1', 'shard-1', 'shard-1', 'shard-2', 'shard-2', 'shard-2']);
    const headers = { authorization: `Bearer ${await signIn('shard-operator')}` };
    const byRun = async <T>(path: string, pick: (body: unknown) => T, done: (value: T) => boolean) => {
      for (let i = 0; i < 240; i++) {
        const value = pick(JSON.parse((await call('localhost', path, { headers })).body));
        if (done(value)) return value;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`${path} did not finish`);
    };
    type Run = { id: string; total: number; done: number; failed: number; finishedAt: string | null } | null;

    // A client naming the run itself is not heard: the router names it.
    const snapshots = await call('localhost', '/api/operator/metrics/runs', {
      method: 'POST',
      headers: { ...headers, 'x-huzhu-run-id': '00000000-0000-4000-8000-000000000000', 'x-huzhu-run-part': 'join' },
    });
    expect(snapshots.status, snapshots.body).toBe(202);
    const started = JSON.parse(snapshots.body) as { runId: string; total: number };
    expect(started.total).toBe(communities.length);
    expect(started.runId).not.toBe('00000000-0000-4000-8000-000000000000');
    const metricsRun = await byRun(
      '/api/operator/metrics/runs/latest',
      (body) => (body as { run: Run }).run,
      (r) => r?.finishedAt != null,
    );
    // Each community's snapshot was taken by its own shard: a shard cannot open another's database.
    expect(metricsRun).toMatchObject({ id: started.runId, total: communities.length, done: communities.length, failed: 0 });

    const backups = await call('localhost', '/api/operator/backups/runs', { method: 'POST', headers, body: {} });
    expect(backups.status, backups.body).toBe(202);
    const backupRun = JSON.parse(backups.body) as { runId: string; total: number };
    expect(backupRun.total).toBe(communities.length);
    type Overview = { run: Run; communities: { slug: string; latest: { status: string } | null }[] };
    const overview = await byRun(
      '/api/operator/backups',
      (body) => body as Overview,
      (o) => o.run?.finishedAt != null,
    );
    expect(overview.run).toMatchObject({ id: backupRun.runId, total: communities.length, done: communities.length, failed: 0 });
    for (const { slug } of communities) {
      expect(overview.communities.find((c) => c.slug === slug)?.latest?.status, slug).toBe('done');
    }

    // A backup of one community is taken by its own shard, even one the first shard does not hold.
    const onTwo = communities.find((c) => c.shard === 'shard-2')!;
    const one = await call('localhost', '/api/operator/backups/runs', { method: 'POST', headers, body: { slug: onTwo.slug } });
    expect(one.status, one.body).toBe(202);
    expect(JSON.parse(one.body)).toMatchObject({ total: 1 });
    const single = await byRun(
      '/api/operator/backups',
      (body) => (body as Overview).run,
      (r) => r?.finishedAt != null,
    );
    expect(single).toMatchObject({ id: JSON.parse(one.body).runId, total: 1, done: 1, failed: 0 });
  }, 300_000);

  it('serves the platform from the first shard and answers an unknown community with its page', async () => {
    expect(await servedBy('localhost', '/api/health')).toMatchObject({ status: 200, shard: 'shard-1' });
    expect((await servedBy('no-such-garden.localhost', '/api/site')).status).toBe(404);
  });
});
