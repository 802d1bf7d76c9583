#!/usr/bin/env node
// Part of `npm run bench`: how fast the pages a resident opens first are on a cheap phone. Debian's Chromium at 360 px,
// the CPU slowed four times and a slow 4G line (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), a cold cache and
// no service worker, against the demo communities on local wrangler dev. For each page: largest contentful paint (LCP)
// and total blocking time (TBT: the part over 50 ms of each long task from the first contentful paint until the page
// has been quiet for QUIET_MS after load), the median of RUNS visits; and the JavaScript it loaded.
// Also the JavaScript each page needs on a first visit, gzipped, from dist/web (what the budget test checks).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { firstLoad } from './first-load.mjs';
import { buildWeb, localRequest, startLocalServer } from './local-server.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 8795);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QUIET_MS = 2000;
const COMMUNITY = `cuizhuyuan.localhost:${PORT}`;
const PLATFORM = `localhost:${PORT}`;
/** Slow 4G, as Lighthouse's mobile profile: bytes per second. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const TARGETS = { lcp: 2000, tbt: 200 };

// In the page from its first byte: LCP candidates, long tasks and the first contentful paint.
const OBSERVE = () => {
  const seen = { lcp: 0, longTasks: [], fcp: 0 };
  globalThis.__bench = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') seen.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A token from the development provider on `host`, stored as the web app stores a signed-in session. */
async function devToken(host, userId, name) {
  const res = await localRequest(PORT, host.split(':')[0], '/api/dev/sign-in', { method: 'POST', body: { userId, name } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
  return JSON.parse(res.body).token;
}

async function visit(browser, { url, signIn }) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (signIn) {
      // Signing in loads the app once; the measured visit below starts from an empty cache again.
      await page.goto(
        `${signIn.origin}/sign-in?as=${signIn.userId}&name=${encodeURIComponent(signIn.name)}&next=${encodeURIComponent(signIn.next)}`,
      );
      await page.waitForURL(`${signIn.origin}${signIn.next}`);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(OBSERVE);
    const scripts = [];
    page.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script') scripts.push((await request.sizes()).responseBodySize);
    });
    await page.goto(url, { waitUntil: 'load' });
    // Quiet: no request in flight for QUIET_MS (the page's data and words arrive after load).
    let last = Date.now();
    page.on('request', () => (last = Date.now()));
    page.on('requestfinished', () => (last = Date.now()));
    while (Date.now() - last < QUIET_MS) await page.waitForTimeout(200);
    const seen = await page.evaluate(() => globalThis.__bench);
    const tbt = seen.longTasks.filter((task) => task.start >= seen.fcp).reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
    return { lcp: seen.lcp, tbt, scripts: scripts.length, scriptBytes: scripts.reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

if (!process.env.BENCH_WEB_NO_BUILD || !existsSync('dist/web/index.html')) buildWeb();
const persistTo = mkdtempSync(join(tmpdir(), 'huzhu-bench-web-'));
const server = await startLocalServer({ port: PORT, persistTo, build: false, seed: true, quiet: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
});
const failures = [];
try {
  const resident = await devToken(COMMUNITY, 'bench-web-resident', '居民');
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 60 * 86400_000).toISOString();
  const list = await localRequest(PORT, 'cuizhuyuan.localhost', `/api/activities?from=${from}&to=${to}`, {
    headers: { authorization: `Bearer ${resident}` },
  });
  const activity = JSON.parse(list.body).activities?.[0];
  if (!activity) throw new Error(`no activity in the demo community: ${list.status} ${list.body.slice(0, 200)}`);

  const pages = [
    { name: 'Community home', path: '/', module: 'src/features/home/community-home.tsx', url: `http://${COMMUNITY}/` },
    { name: 'This week', path: '/this-week', module: 'src/features/home/this-week/index.tsx', url: `http://${COMMUNITY}/this-week` },
    {
      name: 'An activity',
      path: '/activities/:id',
      module: 'src/features/activities/activity-detail/index.tsx',
      url: `http://${COMMUNITY}/activities/${activity.id}`,
    },
    {
      name: 'A handbook chapter',
      path: '/handbooks/:handbook',
      module: 'src/features/handbooks/handbook-reader.tsx',
      url: `http://${COMMUNITY}/handbooks/operating`,
    },
    {
      name: "Consultants' list (signed in)",
      path: '/consultant',
      module: 'src/features/consultants/consultant-communities.tsx',
      url: `http://${PLATFORM}/consultant`,
      signIn: { origin: `http://${PLATFORM}`, userId: 'demo-consultant', name: '顾问林', next: '/consultant' },
    },
  ];

  const rows = [];
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, page));
    const row = {
      ...page,
      lcp: median(runs.map((r) => r.lcp)),
      tbt: median(runs.map((r) => r.tbt)),
      scripts: median(runs.map((r) => r.scripts)),
      scriptBytes: median(runs.map((r) => r.scriptBytes)),
      firstLoad: firstLoad('dist/web', page.module, 'zh-CN'),
    };
    rows.push(row);
    if (row.lcp > TARGETS.lcp) failures.push(`${page.name}: LCP ${Math.round(row.lcp)} ms > ${TARGETS.lcp} ms`);
    if (row.tbt > TARGETS.tbt) failures.push(`${page.name}: TBT ${Math.round(row.tbt)} ms > ${TARGETS.tbt} ms`);
    console.log(`${page.name}: LCP ${Math.round(row.lcp)} ms, TBT ${Math.round(row.tbt)} ms, ${row.scripts} scripts`);
  }

  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const met = (row) => (row.lcp <= TARGETS.lcp && row.tbt <= TARGETS.tbt ? 'yes' : 'no');
  const table = [
    '| page | route | LCP | TBT | JS files | first-load JS, gzip | met |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | \`${row.path}\` | ${Math.round(row.lcp)} ms | ${Math.round(row.tbt)} ms | ${row.scripts} | ${kb(row.firstLoad.total)} KB | ${met(row)} |`,
    ),
  ].join('\n');
  const section = `<!-- web:start -->
## Pages on a cheap phone

Debian's Chromium at 360 px with the CPU slowed 4× and a slow 4G line (150 ms round trip, 1.6 Mbit/s down,
750 kbit/s up), a cold cache and no service worker, against the demo communities on local wrangler dev (the
consultant signed in with the development sign-in); median of ${RUNS} visits. Targets: LCP < ${TARGETS.lcp} ms, TBT <
${TARGETS.tbt} ms. TBT counts the part over 50 ms of each long task from the first contentful paint until the page has
been quiet for ${QUIET_MS / 1000} s after load. The first-load JS is the entry, the page's chunk and the words it loads
with it in Chinese, each gzipped at level 9 (scripts/first-load.mjs; tests/scripts/bundle-budget.test.ts holds / and
/this-week to 45 KB). Load average during the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores — a busy machine
slows the throttled CPU further, so compare runs made under similar load.

${table}
<!-- web:end -->`;
  console.log(`\n${section}`);
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  writeFileSync(
    'docs/benchmarks.md',
    doc.includes('<!-- web:start -->')
      ? doc.replace(/<!-- web:start -->[\s\S]*<!-- web:end -->/, section)
      : `${doc.trimEnd()}\n\n${section}\n`,
  );
  if (failures.length) console.log(`\nMissed: ${failures.join('; ')}`);
} finally {
  await browser.close();
  server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
