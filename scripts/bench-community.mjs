#!/usr/bin/env node
// Part of `npm run bench`: page API latency (p50, p95) and D1 round trips on a realistic community —
// 3,000 households, 90 clubs, 1,500 activities, 30,000 sign-ups, 20,000 ledger postings, a library of 3,000 titles
// with 20,000 loans, 2,000 charity-shop items, 1,000 needs, 200 courses with 2,000 enrolments, 150 elders in care with
// 10,000 visits, four partnerships — on local workerd.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCommunitySql } from './generate-community.mjs';
import { BENCH_CARE_COORDINATOR, BENCH_CARE_VOLUNTEER } from './generate-care.mjs';
import { BENCH_LIBRARIAN } from './generate-tools.mjs';
import { localRequest, run, startLocalServer } from './local-server.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8790);
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const SLUG = 'bench-big';
/** Rounds of 20 requests per page (10 by default; fewer for a quick look while working on a page). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
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
const failures = [];
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

  const librarian = JSON.parse(
    (
      await localRequest(PORT, HOST, '/api/dev/sign-in', {
        method: 'POST',
        body: { userId: `bench-user-${BENCH_LIBRARIAN}`, name: '馆员' },
      })
    ).body,
  ).token;
  const signIn = async (id, name) =>
    JSON.parse((await localRequest(PORT, HOST, '/api/dev/sign-in', { method: 'POST', body: { userId: `bench-user-${id}`, name } })).body)
      .token;
  const coordinator = await signIn(BENCH_CARE_COORDINATOR, '协调员');
  const careVolunteer = await signIn(BENCH_CARE_VOLUNTEER, '志愿者');
  // The term running now (the one before the term still enrolling) and a course of it.
  const { terms } = JSON.parse((await localRequest(PORT, HOST, '/api/course-terms')).body);
  const term = terms.at(-2).id;
  const course = JSON.parse((await localRequest(PORT, HOST, `/api/course-terms/${term}`)).body).courses[5].id;
  // The desk scans the spine of a copy of the book page's title.
  const mark = JSON.parse((await localRequest(PORT, HOST, '/api/library/titles/42')).body).copyList[0].shelfMark;
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

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
    ['Library catalogue', 'GET /api/library/catalogue', '/api/library/catalogue', undefined],
    ['Library search', 'GET /api/library/catalogue?q=边城', `/api/library/catalogue?q=${encodeURIComponent('边城')}`, undefined],
    ['Book page (resident)', 'GET /api/library/titles/42', '/api/library/titles/42', resident],
    [
      'Library desk: borrower lookup',
      'GET /api/library/borrowers?q=居民17',
      `/api/library/borrowers?q=${encodeURIComponent('居民17')}`,
      librarian,
    ],
    ['Library desk: a copy by shelf mark', `GET /api/library/copies?mark=${mark}`, `/api/library/copies?mark=${mark}`, librarian],
    ['My loans (resident)', 'GET /api/library/me', '/api/library/me', resident],
    ["A borrower's record (librarian)", 'GET /api/library/borrowers/17/loans', '/api/library/borrowers/17/loans', librarian],
    ['Duty roster (month)', `GET /api/library/roster?month=${month}`, `/api/library/roster?month=${month}`, resident],
    ['Library figures', 'GET /api/library/figures', '/api/library/figures', resident],
    ['Shop statement', 'GET /api/shop/statement', '/api/shop/statement', undefined],
    ['Shop statement (two years)', 'GET /api/shop/statement?months=24', '/api/shop/statement?months=24', undefined],
    ['Shop (resident)', 'GET /api/shop/items', '/api/shop/items', resident],
    ['Shop desk (volunteer)', 'GET /api/shop/desk/items', '/api/shop/desk/items', librarian],
    ['Shop settings', 'GET /api/shop/settings', '/api/shop/settings', undefined],
    ['Needs register (visitor)', 'GET /api/needs', '/api/needs', undefined],
    ['Needs register (resident)', 'GET /api/needs', '/api/needs', resident],
    ['A need (resident)', 'GET /api/needs/42', '/api/needs/42', resident],
    ['University terms', 'GET /api/course-terms', '/api/course-terms', undefined],
    ["A term's courses", `GET /api/course-terms/${term}`, `/api/course-terms/${term}`, undefined],
    ['Course page (resident)', `GET /api/courses/${course}`, `/api/courses/${course}`, resident],
    ['My timetable (resident)', 'GET /api/course-timetable', '/api/course-timetable', resident],
    ["Care coordinators' list", 'GET /api/care/overview', '/api/care/overview', coordinator],
    ["A care recipient's record (coordinator)", 'GET /api/care-recipients/1', '/api/care-recipients/1', coordinator],
    ["A volunteer's time bank", 'GET /api/care/time-bank', '/api/care/time-bank', careVolunteer],
    ['Partnerships', 'GET /api/partnerships', '/api/partnerships', resident],
    ['Library program page', 'GET /api/programs/library', '/api/programs/library', resident],
    ['Charity shop program page', 'GET /api/programs/charity-shop', '/api/programs/charity-shop', resident],
    ['Community helps community', 'GET /api/programs/community-helps-community', '/api/programs/community-helps-community', resident],
    ['Community university program page', 'GET /api/programs/university', '/api/programs/university', resident],
    ['Elder care program page', 'GET /api/programs/elder-care', '/api/programs/elder-care', resident],
  ];
  for (const [, , path, token] of pages) for (let i = 0; i < 20; i++) await get(path, token);
  const samples = pages.map(() => ({ ms: [], trips: new Set(), status: new Set() }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, [, , path, token]] of pages.entries()) {
      for (let i = 0; i < 20; i++) {
        const res = await get(path, token);
        const s = samples[index];
        s.ms.push(res.ms);
        s.trips.add(res.trips);
        s.status.add(res.status);
      }
    }
  }
  rows = pages.map(([page, call], index) => {
    const s = samples[index];
    if ([...s.status].some((st) => st !== 200)) failures.push(`${call} answered ${[...s.status].join(',')}`);
    const p50 = pct(s.ms, 50);
    const trips = Math.max(...s.trips);
    return `| ${page} | \`${call}\` | ${p50.toFixed(1)} ms | ${pct(s.ms, 95).toFixed(1)} ms | ${trips} | ${p50 < 50 && trips <= 2 ? 'yes' : 'no'} |`;
  });
} finally {
  server.stop();
  agent.destroy();
  rmSync(persistTo, { recursive: true, force: true });
}

const table = [
  '| page | API call | p50 | p95 | D1 round trips | target met (< 50 ms p50, ≤ 2 trips) |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);
if (failures.length > 0) throw new Error(failures.join('\n'));
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const section = `<!-- community:start -->
## A realistic community

Measured by \`npm run bench\` (scripts/bench-community.mjs) on ${new Date().toISOString().slice(0, 10)}, on ${machine}.
One community generated by \`scripts/generate-community.mjs\`: 3,000 households, 90 clubs, 1,500 activities,
30,000 sign-ups, 20,000 ledger postings; 明志书屋 with 3,000 titles (about 4,500 copies), 20,000 loans over two years
(most returned, some out or overdue, those returned over six months ago without their borrower), reservations and a
year's duty roster; 彩虹屋 with 2,000 items (in stock, sold, passed on, recycled) and a year of sales and daily
closings; a needs register of 1,000 needs; 社区大学 with 200 courses over five terms, about 2,000 enrolments (fees paid
and refunded in the ledger), their sessions and attendance; 居家养老 with 150 elders, their pairings, about 10,000 visits
and the volunteers' time bank; four partnerships with their visits and donations (\`scripts/generate-tools.mjs\`,
\`scripts/generate-shop-needs.mjs\`, \`scripts/generate-courses.mjs\`,
\`scripts/generate-care.mjs\`, \`scripts/generate-partnerships.mjs\`).
A resident, a member who is both librarian and shop volunteer, a care coordinator and a care volunteer call the pages
a role of theirs calls.
Each page's API call: 200 sequential requests after a warm-up, on local wrangler dev (workerd, local D1); round
trips to the community's database are counted by the worker in dev mode (\`x-d1-round-trips\`), the member's own
lookup included.

${table}
<!-- community:end -->`;
const doc = readFileSync('docs/benchmarks.md', 'utf8');
const next = doc.includes('<!-- community:start -->')
  ? doc.replace(/<!-- community:start -->[\s\S]*<!-- community:end -->/, section)
  : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync('docs/benchmarks.md', next);
console.log('updated docs/benchmarks.md');
