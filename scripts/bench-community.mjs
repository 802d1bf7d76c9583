#!/usr/bin/env node
// Part of `npm run bench`: page API latency (p50, p95) and D1 round trips on a realistic community —
// 3,000 households, 90 clubs, 1,500 activities, 30,000 sign-ups, 20,000 ledger postings — on local workerd.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCommunitySql } from './generate-community.mjs';
import { localRequest, run, startLocalServer } from './local-server.mjs';

const PORT = 8790;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const SLUG = 'bench-big';
const HOST = `${SLUG}.localhost`;

function get(path, token) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        agent,
        headers: { host: `${HOST}:${PORT}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            trips: Number(res.headers['x-d1-round-trips'] ?? -1),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const persistTo = mkdtempSync(join(tmpdir(), 'huzhu-bench-community-'));
let server = await startLocalServer({ port: PORT, persistTo, build: false, seed: false, quiet: true });
let rows = [];
try {
  const founder = JSON.parse(
    (await localRequest(PORT, 'localhost', '/api/dev/sign-in', { method: 'POST', body: { userId: 'bench-founder', name: '管理员' } })).body,
  ).token;
  const created = await localRequest(PORT, 'localhost', '/api/communities', {
    method: 'POST',
    headers: { authorization: `Bearer ${founder}` },
    body: { nameZh: '压测大社区', slug: SLUG, city: '南京', households: 3000, buildings: 12 },
  });
  if (created.status !== 201) throw new Error(`sign-up failed: ${created.body}`);
  const binding = 'TENANT_DB_001';
  server.stop();
  await new Promise((r) => setTimeout(r, 1500));

  console.log('generating the community …');
  const file = join(persistTo, 'community.sql');
  writeFileSync(file, generateCommunitySql());
  run(
    process.execPath,
    ['node_modules/wrangler/bin/wrangler.js', 'd1', 'execute', binding, '--local', '--persist-to', persistTo, '--file', file, '--yes'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: 'true' } },
  );

  server = await startLocalServer({ port: PORT, persistTo, build: false, seed: false, quiet: true });
  const admin = JSON.parse(
    (await localRequest(PORT, HOST, '/api/dev/sign-in', { method: 'POST', body: { userId: 'bench-founder', name: '管理员' } })).body,
  ).token;
  const resident = JSON.parse(
    (await localRequest(PORT, HOST, '/api/dev/sign-in', { method: 'POST', body: { userId: 'bench-user-17', name: '居民' } })).body,
  ).token;

  const pages = [
    ['Community home', 'GET /api/community', '/api/community', undefined],
    ['This week (visitor)', 'GET /api/activities', '/api/activities', undefined],
    ['This week (resident)', 'GET /api/me/overview', '/api/me/overview', resident],
    ['Clubs', 'GET /api/clubs', '/api/clubs', undefined],
    ['Club page', 'GET /api/clubs/7', '/api/clubs/7', undefined],
    ['Activity page (organiser)', 'GET /api/activities/42', '/api/activities/42', admin],
    ['Accounts', 'GET /api/ledger/funds', '/api/ledger/funds', resident],
    ['Club statement (year)', 'GET /api/ledger/funds/club:7/statement', '/api/ledger/funds/club:7/statement', resident],
    ['Operating handbook', 'GET /api/handbooks/operating', '/api/handbooks/operating', undefined],
  ];
  for (const [, , path, token] of pages) for (let i = 0; i < 20; i++) await get(path, token);
  const samples = new Map(pages.map((p) => [p[2], { ms: [], trips: new Set(), status: new Set() }]));
  for (let round = 0; round < 10; round++) {
    for (const [, , path, token] of pages) {
      for (let i = 0; i < 20; i++) {
        const res = await get(path, token);
        const s = samples.get(path);
        s.ms.push(res.ms);
        s.trips.add(res.trips);
        s.status.add(res.status);
      }
    }
  }
  rows = pages.map(([page, call, path]) => {
    const s = samples.get(path);
    if ([...s.status].some((st) => st !== 200)) throw new Error(`${call} answered ${[...s.status].join(',')}`);
    const p50 = pct(s.ms, 50);
    const trips = Math.max(...s.trips);
    return `| ${page} | \`${call}\` | ${p50.toFixed(1)} ms | ${pct(s.ms, 95).toFixed(1)} ms | ${trips} | ${p50 < 50 && trips <= 3 ? 'yes' : 'no'} |`;
  });
} finally {
  server.stop();
  agent.destroy();
  rmSync(persistTo, { recursive: true, force: true });
}

const table = [
  '| page | API call | p50 | p95 | D1 round trips | target met (< 50 ms p50, ≤ 3 trips) |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const section = `<!-- community:start -->
## A realistic community

Measured by \`npm run bench\` (scripts/bench-community.mjs) on ${new Date().toISOString().slice(0, 10)}, on ${machine}.
One community generated by \`scripts/generate-community.mjs\`: 3,000 households, 90 clubs, 1,500 activities,
30,000 sign-ups, 20,000 ledger postings. Each page's API call: 200 sequential requests after a warm-up, on local
wrangler dev (workerd, local D1); round trips to the community's database are counted by the worker in dev mode
(\`x-d1-round-trips\`).

${table}
<!-- community:end -->`;
const doc = readFileSync('docs/benchmarks.md', 'utf8');
const next = doc.includes('<!-- community:start -->')
  ? doc.replace(/<!-- community:start -->[\s\S]*<!-- community:end -->/, section)
  : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync('docs/benchmarks.md', next);
console.log('updated docs/benchmarks.md');
