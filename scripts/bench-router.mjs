#!/usr/bin/env node
// Part of `npm run bench`: what the router adds to a community's API. The same community API is served side by side
// by one Worker (as deployed today) and by the router in front of two shards (scripts/shard-config.mjs), each on its
// own wrangler dev, with requests alternating between the two. Writes its figures to docs/benchmarks.md.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb, localRequest, startLocalServer } from './local-server.mjs';
import { renderWranglerToml, unlimited } from './pool-config.mjs';
import { writeShardedConfigs } from './shard-config.mjs';

const SINGLE_PORT = 8791;
const ROUTED_PORT = 8792;
const ROUNDS = Number(process.env.ROUTER_ROUNDS ?? 400);
const PATHS = ['/api/community', '/api/activities', '/api/site'];
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

function get(port, host, path) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { host: `${host}:${port}` } }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode, shard: res.headers['x-huzhu-served-by'], ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function signUp(port, slug) {
  const signIn = await localRequest(port, 'localhost', '/api/dev/sign-in', {
    method: 'POST',
    body: { userId: `bench-${slug}`, name: 'bench' },
  });
  const { token } = JSON.parse(signIn.body);
  const res = await localRequest(port, 'localhost', '/api/communities', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: {
      nameZh: '路由测速花园',
      nameEn: 'Router Bench Garden',
      slug,
      city: '南京',
      district: '雨花台区',
      households: 800,
      buildings: 6,
      parties: { residentsCommittee: '测速居委会', ownersCommittee: '测速业委会', propertyCompany: '测速物业' },
      template: 'cuizhuyuan@1',
    },
  });
  if (res.status !== 201) throw new Error(`sign-up on ${port} failed: ${res.status} ${res.body}`);
}

const dir = mkdtempSync(join(tmpdir(), 'huzhu-bench-router-'));
const servers = [];
try {
  if (!existsSync('dist/web/index.html')) buildWeb();
  const single = join(dir, 'wrangler.single.toml');
  writeFileSync(single, renderWranglerToml(4, new Map(), { rateLimits: unlimited(), root: `${process.cwd()}/` }));
  copyFileSync('.dev.vars', join(dir, '.dev.vars'));
  const configs = writeShardedConfigs({ shards: 2, perShard: 2, out: join(dir, 'sharded'), local: true });
  copyFileSync('.dev.vars', join(dir, 'sharded', '.dev.vars'));
  console.log('starting one Worker, and a router with two shards …');
  servers.push(
    await startLocalServer({
      port: SINGLE_PORT,
      persistTo: join(dir, 'single-state'),
      build: false,
      seed: false,
      quiet: true,
      config: single,
    }),
  );
  servers.push(
    await startLocalServer({ port: ROUTED_PORT, persistTo: join(dir, 'routed-state'), build: false, seed: false, quiet: true, configs }),
  );
  await signUp(SINGLE_PORT, 'router-bench');
  await signUp(ROUTED_PORT, 'router-bench');
  const host = 'router-bench.localhost';
  // Warm both: isolates started, migrations checked, the router's map filled.
  for (let i = 0; i < 30; i++) for (const port of [SINGLE_PORT, ROUTED_PORT]) await get(port, host, PATHS[i % PATHS.length]);
  const times = { [SINGLE_PORT]: [], [ROUTED_PORT]: [] };
  let shard;
  for (let i = 0; i < ROUNDS; i++) {
    const path = PATHS[i % PATHS.length];
    // Alternate which goes first, so neither always meets the warmer machine.
    for (const port of i % 2 ? [SINGLE_PORT, ROUTED_PORT] : [ROUTED_PORT, SINGLE_PORT]) {
      const res = await get(port, host, path);
      if (res.status !== 200) throw new Error(`${port} ${path}: ${res.status}`);
      if (port === ROUTED_PORT) shard = res.shard;
      times[port].push(res.ms);
    }
  }
  const one = percentile(times[SINGLE_PORT], 50);
  const routed = percentile(times[ROUTED_PORT], 50);
  const added = routed - one;
  const row = (label, values) =>
    `| ${label} | ${percentile(values, 50).toFixed(2)} ms | ${percentile(values, 95).toFixed(2)} ms | ${values.length} |`;
  const section = `<!-- router:start -->
## The router in front of shards

The same community API (${PATHS.map((p) => `\`${p}\``).join(', ')}, in turn) served by one Worker and by the router
forwarding over a service binding to the shard that holds the community (${shard}), on two wrangler dev sessions
side by side, requests alternating between them (${ROUNDS} each, after 30 to warm up).

| served by | p50 | p95 | requests |
|---|---|---|---|
${row('one Worker', times[SINGLE_PORT])}
${row('router → shard', times[ROUTED_PORT])}

Added by the router at p50: **${added.toFixed(2)} ms** (target ≤ 1 ms: ${added <= 1 ? 'met' : 'not met'}). The router reads
the control plane only when a community is not in its per-isolate map (60 s), so a warm request costs one service
binding call.
<!-- router:end -->`;
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  writeFileSync(
    'docs/benchmarks.md',
    doc.includes('<!-- router:start -->')
      ? doc.replace(/<!-- router:start -->[\s\S]*<!-- router:end -->/, section)
      : `${doc.trimEnd()}\n\n${section}\n`,
  );
  console.log(`one Worker p50 ${one.toFixed(2)} ms; router → shard p50 ${routed.toFixed(2)} ms; added ${added.toFixed(2)} ms`);
} finally {
  for (const server of servers) server.stop();
  rmSync(dir, { recursive: true, force: true });
}
