#!/usr/bin/env node
// Part of `npm run bench`: consultants' comparisons at 200 communities, on local workerd with 210 bound databases.
// 1. The snapshot run over every community: fanned out over the queue, with its progress polled as it goes.
// 2. The comparison pages, which read snapshots only: 200 granted communities vs 2, side by side with /api/health.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { renderWranglerToml, unlimited } from './pool-config.mjs';
import { localRequest, startLocalServer } from './local-server.mjs';

const PORT = 8791;
const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES ?? 200);
const CONFIG = 'wrangler.bench.toml';
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const PLANS = ['mature', 'growing', 'young'];

function get(path, token) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        agent,
        headers: { host: `localhost:${PORT}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes }));
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

async function token(userId, host = 'localhost') {
  const res = await localRequest(PORT, host, '/api/dev/sign-in', { method: 'POST', body: { userId, name: userId } });
  return JSON.parse(res.body).token;
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool(items, limit, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i], i);
      }
    }),
  );
}

// Hundreds of sign-ups from one address in minutes: the rate limits are lifted for the run.
writeFileSync(CONFIG, renderWranglerToml(COMMUNITIES + 10, new Map(), { rateLimits: unlimited() }));
const persistTo = mkdtempSync(join(tmpdir(), 'huzhu-bench-metrics-'));
const server = await startLocalServer({ port: PORT, persistTo, build: false, seed: true, quiet: true, config: CONFIG });
let report;
try {
  const founderToken = await token('bench-founder');
  // One founder for every pilot: an operator raises that account's community limit, as they would for a real network.
  const operator = await token('demo-operator');
  const raised = await localRequest(PORT, 'localhost', '/api/operator/accounts/bench-founder/community-limit', {
    method: 'PUT',
    headers: { authorization: `Bearer ${operator}` },
    body: { maxCommunities: COMMUNITIES },
  });
  if (raised.status !== 200) throw new Error(`raising the community limit failed: ${raised.status} ${raised.body}`);
  const slugs = Array.from({ length: COMMUNITIES }, (_, i) => `pilot-${String(i + 1).padStart(3, '0')}`);
  console.log(`signing up ${COMMUNITIES} communities and generating a year of history in each …`);
  const started = Date.now();
  await pool(slugs, 4, async (slug, i) => {
    const created = await localRequest(PORT, 'localhost', '/api/communities', {
      method: 'POST',
      headers: { authorization: `Bearer ${founderToken}` },
      // Sizes to suit each plan of history (its contacts name buildings by number).
      body: {
        nameZh: `试点${i + 1}`,
        slug,
        city: '南京',
        ...[
          { households: 3000, buildings: 24 },
          { households: 860, buildings: 8 },
          { households: 420, buildings: 6 },
        ][i % 3],
      },
    });
    if (created.status !== 201) throw new Error(`sign-up of ${slug} failed: ${created.status} ${created.body}`);
    const history = await localRequest(PORT, 'localhost', `/api/dev/communities/${slug}/history`, {
      method: 'POST',
      body: { plan: PLANS[i % PLANS.length], seed: i + 1 },
    });
    if (history.status !== 200) throw new Error(`history of ${slug} failed: ${history.status} ${history.body}`);
    const admin = await token('bench-founder', `${slug}.localhost`);
    const granted = await localRequest(PORT, `${slug}.localhost`, '/api/consultant-access/demo-consultant', {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}` },
    });
    if (granted.status !== 200) throw new Error(`grant on ${slug} failed: ${granted.status} ${granted.body}`);
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1} communities ready (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  });

  // The snapshot run, as the daily cron starts it, over every active community (the demo ones too).
  const runStart = Date.now();
  const run = JSON.parse(
    (
      await localRequest(PORT, 'localhost', '/api/operator/metrics/runs', {
        method: 'POST',
        headers: { authorization: `Bearer ${operator}` },
      })
    ).body,
  );
  let progress;
  let lastPrinted = -1;
  for (;;) {
    progress = JSON.parse(
      (await localRequest(PORT, 'localhost', '/api/operator/metrics/runs/latest', { headers: { authorization: `Bearer ${operator}` } }))
        .body,
    ).run;
    const handled = progress.done + progress.failed;
    if (handled !== lastPrinted) {
      console.log(`  snapshot run: ${handled}/${progress.total} (${((Date.now() - runStart) / 1000).toFixed(1)} s)`);
      lastPrinted = handled;
    }
    if (progress.finishedAt) break;
    if (Date.now() - runStart > 10 * 60_000) throw new Error('the snapshot run did not finish in 10 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  const runSeconds = (Date.parse(progress.finishedAt) - Date.parse(progress.startedAt)) / 1000;
  if (progress.id !== run.runId) throw new Error('another run finished first');

  // A consultant with two grants, to compare against the one with every community.
  const small = 'bench-consultant-small';
  await localRequest(PORT, 'localhost', `/api/operator/consultants/${small}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${operator}` },
    body: { displayName: '小顾问', organisation: '' },
  });
  for (const slug of slugs.slice(0, 2)) {
    const admin = await token('bench-founder', `${slug}.localhost`);
    await localRequest(PORT, `${slug}.localhost`, `/api/consultant-access/${small}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}` },
    });
  }
  const consultant = await token('demo-consultant');
  const smallToken = await token(small);
  const compare12 = `/api/consultant/compare?slugs=${slugs.slice(0, 12).join(',')}`;
  const calls = [
    ['Health check (no D1, baseline)', '/api/health', undefined],
    ['Granted list, 2 communities', '/api/consultant/communities', smallToken],
    [`Granted list, ${COMMUNITIES + 3} communities`, '/api/consultant/communities', consultant],
    ['Compare 2 communities, 13 months', `/api/consultant/compare?slugs=${slugs.slice(0, 2).join(',')}`, consultant],
    ['Compare 12 communities, 13 months', compare12, consultant],
    ['One community’s trajectory', `/api/consultant/communities/${slugs[5]}`, consultant],
  ];
  const samples = calls.map(() => ({ ms: [], status: new Set(), bytes: 0 }));
  for (const [, path, t] of calls) for (let i = 0; i < 10; i++) await get(path, t);
  // Interleaved rounds, so that noise on this shared machine hits every call alike.
  for (let round = 0; round < 20; round++) {
    for (const [i, [, path, t]] of calls.entries()) {
      for (let k = 0; k < 5; k++) {
        const res = await get(path, t);
        samples[i].ms.push(res.ms);
        samples[i].status.add(res.status);
        samples[i].bytes = res.bytes;
      }
    }
  }
  const base = pct(samples[0].ms, 50);
  const smallList = pct(samples[1].ms, 50);
  const rows = calls.map(([label, path], i) => {
    const s = samples[i];
    if ([...s.status].some((st) => st !== 200)) throw new Error(`${path} answered ${[...s.status].join(',')}`);
    const p50 = pct(s.ms, 50);
    return `| ${label} | ${p50.toFixed(1)} ms | ${pct(s.ms, 95).toFixed(1)} ms | ${(s.bytes / 1024).toFixed(0)} KiB | ${(p50 / base).toFixed(2)}× | ${i === 0 ? '' : p50 < 100 ? 'yes' : 'no'} |`;
  });
  const perInvocation = 20;
  report = {
    table: ['| call | p50 | p95 | response | vs health check | under 100 ms |', '|---|---|---|---|---|---|', ...rows].join('\n'),
    run: `The snapshot run over ${progress.total} active communities finished in ${runSeconds.toFixed(1)} s (${progress.done} done, ${progress.failed} failed), fanned out over the queue in messages of 10 communities, at most 2 messages (${perInvocation} communities, 2 D1 batches each plus one progress update per message) per consumer invocation: about ${((runSeconds / progress.total) * perInvocation).toFixed(1)} s of wall time per invocation on this machine, far below the limits of a queue consumer invocation (15 minutes wall time; subrequests stay under 50).`,
    ratio: `Granted list for ${COMMUNITIES + 3} communities vs 2: ${(pct(samples[2].ms, 50) / smallList).toFixed(2)}×.`,
  };
} finally {
  server.stop();
  agent.destroy();
  rmSync(persistTo, { recursive: true, force: true });
  rmSync(CONFIG, { force: true });
}

console.log(`\n${report.run}\n${report.ratio}\n\n${report.table}\n`);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const section = `<!-- metrics:start -->
## Consultants' comparisons at ${COMMUNITIES} communities

Measured by \`npm run bench\` (scripts/bench-metrics.mjs) on ${new Date().toISOString().slice(0, 10)}, on ${machine}.
Local wrangler dev with ${COMMUNITIES + 10} bound tenant databases; ${COMMUNITIES} communities signed up, each given a generated
year of history (three different plans in turn), each granting the demo consultant access; plus the three demo communities.

${report.run}

The comparison pages read the snapshots in the platform database only; none of them touches a community's own
database. 100 requests per call, interleaved, after a warm-up. ${report.ratio}

${report.table}
<!-- metrics:end -->`;
const doc = readFileSync('docs/benchmarks.md', 'utf8');
const next = doc.includes('<!-- metrics:start -->')
  ? doc.replace(/<!-- metrics:start -->[\s\S]*<!-- metrics:end -->/, section)
  : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync('docs/benchmarks.md', next);
console.log('updated docs/benchmarks.md');
