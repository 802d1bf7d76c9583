#!/usr/bin/env node
// `npm run bench`: measures the product side by side with baselines in one run on local wrangler/workerd,
// prints the ratios and writes docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildWeb, localRequest, startLocalServer } from './local-server.mjs';
import { renderWranglerToml, unlimited } from './pool-config.mjs';

const PORT = 8788;
// The product as configured, but with the sign-up rate limits lifted: 30 sign-ups come from one address in seconds.
const CONFIG = 'wrangler.bench-signup.toml';
const BARE_PORT = 8789;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function get(port, host, path) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { host: `${host}:${port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Requests per second over `durationMs` with `concurrency` clients in flight. */
async function throughput(port, hostFor, durationMs, concurrency) {
  let done = 0;
  let failed = 0;
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      let i = worker;
      while (Date.now() < end) {
        const res = await get(port, hostFor(i), '/api/community');
        if (res.status === 200) done++;
        else failed++;
        i += concurrency;
      }
    }),
  );
  if (failed > 0) throw new Error(`${failed} requests failed`);
  return done / (durationMs / 1000);
}

async function latencies(port, hostFor, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const res = await get(port, hostFor(i), '/api/community');
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    out.push(res.ms);
  }
  return out;
}

async function waitFor(port, host, path) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await localRequest(port, host, path)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`port ${port} did not answer`);
}

const persistTo = mkdtempSync(join(tmpdir(), 'huzhu-bench-'));
if (!existsSync('dist/web/index.html')) buildWeb();
writeFileSync(CONFIG, renderWranglerToml(32, new Map(), { rateLimits: unlimited() }));
console.log('starting wrangler dev (product) …');
const server = await startLocalServer({ port: PORT, persistTo, build: false, seed: false, quiet: true, config: CONFIG });
let bare;
try {
  // Sign-up → active, 20 times, one after another; one founder each, as an account may have only three communities.
  const signups = [];
  const slugs = [];
  for (let i = 0; i < 30; i++) {
    const slug = `bench-${String(i + 1).padStart(2, '0')}`;
    const { body } = await localRequest(PORT, 'localhost', '/api/dev/sign-in', {
      method: 'POST',
      body: { userId: `bench-founder-${i + 1}`, name: '压测' },
    });
    const token = JSON.parse(body).token;
    const started = process.hrtime.bigint();
    const res = await localRequest(PORT, 'localhost', '/api/communities', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: { nameZh: `压测社区${i + 1}`, slug, city: '南京', households: 800, buildings: 12, template: 'cuizhuyuan@1' },
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.status !== 201) throw new Error(`sign-up ${slug}: ${res.status} ${res.body}`);
    if (i < 20) signups.push(ms);
    slugs.push(slug);
  }
  const signupP50 = percentile(signups, 50);

  console.log('starting wrangler dev (bare baseline) …');
  bare = spawn(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'dev',
      '-c',
      'tests/bench/wrangler.bare.toml',
      '--port',
      String(BARE_PORT),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CI: 'true' },
      detached: true,
    },
  );
  await waitFor(BARE_PORT, 'localhost', '/api/community');

  // The product's first community is bench-01 on TENANT_DB_001, the database the baseline reads.
  const one = () => 'bench-01.localhost';
  const roundRobin = (i) => `${slugs[i % slugs.length]}.localhost`;
  await throughput(PORT, one, 1000, 8);
  await throughput(BARE_PORT, () => 'localhost', 1000, 8);
  await latencies(PORT, roundRobin, 60);

  // Interleaved rounds, so drift on a shared machine hits both sides alike.
  const product = [];
  const baseline = [];
  const single = [];
  const multi = [];
  for (let round = 0; round < 5; round++) {
    product.push(await throughput(PORT, one, 2000, 8));
    baseline.push(await throughput(BARE_PORT, () => 'localhost', 2000, 8));
    single.push(...(await latencies(PORT, one, 150)));
    multi.push(...(await latencies(PORT, roundRobin, 150)));
  }
  const productRps = percentile(product, 50);
  const baselineRps = percentile(baseline, 50);
  const singleP50 = percentile(single, 50);
  const multiP50 = percentile(multi, 50);

  const rows = [
    ['Sign-up → active, p50 of 20', `${signupP50.toFixed(1)} ms`, '< 300 ms', signupP50 < 300],
    [
      'GET /api/community vs bare Hono route, req/s ratio',
      `${(productRps / baselineRps).toFixed(2)} (${productRps.toFixed(0)} vs ${baselineRps.toFixed(0)} req/s)`,
      '≥ 0.8',
      productRps / baselineRps >= 0.8,
    ],
    [
      'p50 with 30 communities round-robin vs 1',
      `${(multiP50 / singleP50).toFixed(2)}× (${multiP50.toFixed(2)} vs ${singleP50.toFixed(2)} ms)`,
      '≤ 1.1×',
      multiP50 / singleP50 <= 1.1,
    ],
  ];
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    '| measure | result | target | met |',
    '|---|---|---|---|',
    ...rows.map(([m, r, t, ok]) => `| ${m} | ${r} | ${t} | ${ok ? 'yes' : 'no'} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  // Keep the realistic-community section that scripts/bench-community.mjs maintains.
  const previous = existsSync('docs/benchmarks.md') ? readFileSync('docs/benchmarks.md', 'utf8') : '';
  const community = /<!-- community:start -->[\s\S]*<!-- community:end -->/.exec(previous)?.[0] ?? '';
  writeFileSync(
    'docs/benchmarks.md',
    `# Benchmarks

Measured by \`npm run bench\` on ${date}, on ${machine}.
Everything runs locally on wrangler dev (workerd, local D1), measured side by side in one run with interleaved
rounds; the machine is shared, so read the ratios rather than the absolute figures.

${table}

How each is measured:
- **Sign-up → active**: 20 consecutive \`POST /api/communities\` on a fresh local state (claim a database, migrate
  it, seed the template, activate), timed from the client.
- **Throughput ratio**: \`GET /api/community\` on a community host (host resolution, identity, access check,
  response validation) against a bare Hono Worker that does the same D1 read on the same database, 8 clients in
  flight for 2 s per round, 5 rounds each, median of rounds.
- **Many communities**: sequential \`GET /api/community\` latency, round-robin over 30 communities (30 databases)
  against always the same one, 750 requests each.
${community ? `\n${community}\n` : ''}`,
  );
  console.log('wrote docs/benchmarks.md');
} finally {
  server.stop();
  rmSync(CONFIG, { force: true });
  if (bare?.exitCode === null) {
    try {
      process.kill(-bare.pid, 'SIGTERM');
    } catch {}
  }
  agent.destroy();
  rmSync(persistTo, { recursive: true, force: true });
}
