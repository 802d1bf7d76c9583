import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/** A database of the pool, as the script reports it. */
interface PoolDatabase {
  binding: string;
  name: string;
  id: string | null;
  action?: 'create' | 'reuse';
}

interface GrowSummary {
  script: string;
  dryRun: boolean;
  bindingsBefore: number;
  bindingsAfter: number;
  plannedBindingsAfter: number;
  tenantBindingsBefore: number;
  tenantBindingsAfter: number;
  created: PoolDatabase[];
  reused: PoolDatabase[];
  plan: PoolDatabase[];
}

// The script is plain JavaScript without type declarations; describe what the tests use of it.
interface PoolGrowModule {
  API_BASE: string;
  MAX_BINDINGS: number;
  CloudflareApiError: new (...args: never[]) => Error;
  PoolGrowError: new (...args: never[]) => Error;
  growPool(options: Record<string, unknown>): Promise<GrowSummary>;
  parseArgs(argv: string[]): { count: number; script: string; prefix: string; dryRun: boolean };
  main(argv: string[], env: Record<string, string | undefined>, io: Record<string, unknown>): Promise<number>;
}
const SCRIPT_URL = new URL('../../scripts/pool-grow.mjs', import.meta.url);
const { API_BASE, CloudflareApiError, growPool, main, MAX_BINDINGS, parseArgs, PoolGrowError } = (await import(
  SCRIPT_URL.href
)) as PoolGrowModule;

// ---------------------------------------------------------------------------
// Recorded Cloudflare API v4 responses and a fake fetch that replays them.
// ---------------------------------------------------------------------------

/** A recorded answer of the Cloudflare API, as it was sent. */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/cloudflare/${name}`, import.meta.url), 'utf8'));

// The parts of the recorded answers the fake and the tests read; everything else passes through as recorded.
const binding = z.looseObject({ name: z.string(), type: z.string(), id: z.string().optional() });
const database = z.looseObject({ uuid: z.string(), name: z.string() });
const settingsAnswer = z.looseObject({ result: z.looseObject({ bindings: z.array(binding) }) });
const listAnswer = z.looseObject({ result: z.array(database) });
const databaseAnswer = z.looseObject({ result: database });
const createRequest = z.object({ name: z.string() });

type Settings = z.infer<typeof settingsAnswer>;
type ListPage = z.infer<typeof listAnswer>;
type Database = z.infer<typeof database>;

const settingsFixture = (name = 'worker-settings.json') => settingsAnswer.parse(fixture(name));
const listFixture = (name: string) => listAnswer.parse(fixture(name));
const createdName = (req: Recorded) => createRequest.parse(JSON.parse(String(req.body))).name;

const ACCOUNT = '9a7806061c88ada191ed06f989cc3dac';
const TOKEN = 'test-token-not-real';
const ACCOUNT_PATH = `/client/v4/accounts/${ACCOUNT}`;
const SETTINGS_PATH = `${ACCOUNT_PATH}/workers/scripts/huzhu/settings`;
const D1_PATH = `${ACCOUNT_PATH}/d1/database`;

interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface AccountState {
  /** GET settings response body. */
  settings?: Settings;
  /** GET /d1/database pages, by page number (1-based). */
  listPages?: ListPage[];
  /** num_tables reported by GET /d1/database/{id}, by database name (default 0). */
  tables?: Record<string, number>;
  /** Override any request; return undefined to fall through to the default behaviour. */
  override?: (req: Recorded, nth: number) => Reply | undefined;
}

function uuidFor(name: string): string {
  const h = createHash('sha256').update(`created:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function fakeCloudflare(state: AccountState = {}) {
  const settings = state.settings ?? settingsFixture();
  const listPages = state.listPages ?? [listFixture('d1-list-page-1.json'), listFixture('d1-list-page-2.json')];
  const created: Database[] = [];
  const requests: Recorded[] = [];

  const route = (req: Recorded): Reply => {
    const { method, url } = req;
    if (method === 'GET' && url.pathname === SETTINGS_PATH) return { body: settings };
    if (method === 'PATCH' && url.pathname === SETTINGS_PATH) {
      const echo = fixture('worker-settings-patched.json');
      return { body: echo }; // bindings are filled in by the caller below when needed
    }
    if (method === 'GET' && url.pathname === D1_PATH) {
      const name = url.searchParams.get('name');
      if (name !== null) {
        const all = [...listPages.flatMap((p) => p.result), ...created];
        const hits = all.filter((d) => d.name.includes(name));
        return {
          body: {
            result: hits,
            result_info: { page: 1, per_page: 100, count: hits.length, total_count: hits.length },
            success: true,
            errors: [],
            messages: [],
          },
        };
      }
      const page = Number(url.searchParams.get('page') ?? '1');
      const recorded = listPages[page - 1];
      if (!recorded) throw new Error(`no recorded page ${page}`);
      return { body: recorded };
    }
    if (method === 'GET' && url.pathname.startsWith(`${D1_PATH}/`)) {
      const uuid = decodeURIComponent(url.pathname.slice(D1_PATH.length + 1));
      const known = [...listPages.flatMap((p) => p.result), ...created].find((d) => d.uuid === uuid);
      if (!known) {
        return {
          status: 404,
          body: {
            result: null,
            success: false,
            errors: [{ code: 7404, message: `The database ${uuid} could not be found` }],
            messages: [],
          },
        };
      }
      const body = databaseAnswer.parse(fixture('d1-database.json'));
      Object.assign(body.result, known, { num_tables: state.tables?.[known.name] ?? 0 });
      return { body };
    }
    if (method === 'POST' && url.pathname === D1_PATH) {
      const name = createdName(req);
      const body = databaseAnswer.parse(fixture('d1-create.json'));
      body.result.name = name;
      body.result.uuid = uuidFor(name);
      created.push({ ...body.result });
      return { body };
    }
    throw new Error(`fake Cloudflare: no recorded response for ${method} ${url.href}`);
  };

  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const req: Recorded = { method, url, headers, body: init.body };
    requests.push(req);
    const nth = requests.filter((r) => r.method === method && r.url.pathname === url.pathname).length;
    const reply = state.override?.(req, nth) ?? route(req);
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };

  return { fetch, requests, created, settings };
}

async function settingsPart(req: Recorded) {
  expect(req.body).toBeInstanceOf(FormData);
  const form = await new Response(req.body as FormData).formData();
  const part: unknown = form.get('settings');
  if (!(part instanceof Blob)) throw new Error(`the settings part should be a JSON file part, got ${typeof part}`);
  expect(part.type).toBe('application/json');
  return z.looseObject({ bindings: z.array(binding) }).parse(JSON.parse(await part.text()));
}

const noSleep = async () => {};
const quiet = () => {};

function run(fake: ReturnType<typeof fakeCloudflare>, opts: Record<string, unknown> = {}) {
  return growPool({
    accountId: ACCOUNT,
    apiToken: TOKEN,
    count: 3,
    fetch: fake.fetch,
    log: quiet,
    sleep: noSleep,
    ...opts,
  });
}

function first(fake: ReturnType<typeof fakeCloudflare>, method: string): Recorded {
  const req = fake.requests.find((r) => r.method === method);
  if (!req) throw new Error(`no ${method} request was made`);
  return req;
}

const mutating = (fake: ReturnType<typeof fakeCloudflare>) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.pathname}`);

// ---------------------------------------------------------------------------

describe('growPool: happy path', () => {
  it('reads settings, lists every D1 page, creates the next databases and patches all bindings at once', async () => {
    const fake = fakeCloudflare();
    const existing = settingsFixture().result.bindings;

    const summary = await run(fake, { count: 3 });

    // Every request goes to the v4 API of the right account with the bearer token.
    expect(API_BASE).toBe('https://api.cloudflare.com/client/v4');
    for (const r of fake.requests) {
      expect(r.url.origin + r.url.pathname.slice(0, ACCOUNT_PATH.length)).toBe(`https://api.cloudflare.com${ACCOUNT_PATH}`);
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }

    expect(fake.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      `GET ${SETTINGS_PATH}`,
      `GET ${D1_PATH}?per_page=100&page=1`,
      `GET ${D1_PATH}?per_page=100&page=2`,
      `POST ${D1_PATH}`,
      `POST ${D1_PATH}`,
      `POST ${D1_PATH}`,
      `PATCH ${SETTINGS_PATH}`,
    ]);

    // Database names continue the numbering after TENANT_DB_004.
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => JSON.parse(String(r.body)))).toEqual([
      { name: 'huzhu-tenant-005' },
      { name: 'huzhu-tenant-006' },
      { name: 'huzhu-tenant-007' },
    ]);
    for (const p of posts) expect(p.headers['content-type']).toBe('application/json');

    // One PATCH whose `settings` part keeps every old binding unchanged and appends the new ones.
    const patch = first(fake, 'PATCH');
    const sent = await settingsPart(patch);
    expect(Object.keys(sent)).toEqual(['bindings']);
    expect(sent.bindings).toHaveLength(existing.length + 3);
    expect(sent.bindings.slice(0, existing.length)).toEqual(existing);
    expect(sent.bindings.slice(existing.length)).toEqual([
      { type: 'd1', name: 'TENANT_DB_005', id: uuidFor('huzhu-tenant-005') },
      { type: 'd1', name: 'TENANT_DB_006', id: uuidFor('huzhu-tenant-006') },
      { type: 'd1', name: 'TENANT_DB_007', id: uuidFor('huzhu-tenant-007') },
    ]);
    // Non-D1 bindings (assets, vars, the secret without its value) pass through untouched.
    expect(sent.bindings).toContainEqual({ name: 'CLERK_SECRET_KEY', type: 'secret_text' });
    expect(sent.bindings).toContainEqual({ name: 'ASSETS', type: 'assets' });

    expect(summary).toMatchObject({
      script: 'huzhu',
      dryRun: false,
      bindingsBefore: 9,
      bindingsAfter: 12,
      tenantBindingsBefore: 4,
      tenantBindingsAfter: 7,
      reused: [],
    });
    expect(summary.created.map((c) => c.name)).toEqual(['huzhu-tenant-005', 'huzhu-tenant-006', 'huzhu-tenant-007']);
  });

  it('continues after the highest TENANT_DB_ number, not after the count, and pads to four digits past 999', async () => {
    const settings = settingsFixture();
    settings.result.bindings = settings.result.bindings.filter((b) => b.name !== 'TENANT_DB_002');
    settings.result.bindings.push({ name: 'TENANT_DB_998', type: 'd1', id: 'f5d1c1a0-0000-4000-8000-000000000998' });
    const fake = fakeCloudflare({ settings });

    await run(fake, { count: 3 });

    const names = fake.requests.filter((r) => r.method === 'POST').map(createdName);
    expect(names).toEqual(['huzhu-tenant-999', 'huzhu-tenant-1000', 'huzhu-tenant-1001']);
    const sent = await settingsPart(first(fake, 'PATCH'));
    expect(sent.bindings.slice(-3).map((b) => b.name)).toEqual(['TENANT_DB_999', 'TENANT_DB_1000', 'TENANT_DB_1001']);
  });

  it('honours --script and --prefix', async () => {
    const settings = settingsFixture();
    const fake = fakeCloudflare({
      settings,
      override: (req) =>
        req.url.pathname === `${ACCOUNT_PATH}/workers/scripts/huzhu-eu/settings`
          ? { body: req.method === 'GET' ? settings : fixture('worker-settings-patched.json') }
          : undefined,
    });

    await run(fake, { count: 1, script: 'huzhu-eu', prefix: 'huzhu-eu-tenant' });

    expect(fake.requests[0]?.url.pathname).toBe(`${ACCOUNT_PATH}/workers/scripts/huzhu-eu/settings`);
    expect(JSON.parse(String(first(fake, 'POST').body))).toEqual({ name: 'huzhu-eu-tenant-005' });
    expect(fake.requests.at(-1)?.method).toBe('PATCH');
  });
});

describe('growPool: one shard of a sharded deployment', () => {
  it("numbers a shard's new databases inside its own range, and refuses to pass the end of it", async () => {
    const shardTwo = `${ACCOUNT_PATH}/workers/scripts/huzhu-shard-2/settings`;
    const settings = settingsFixture();
    settings.result.bindings = settings.result.bindings.filter((b) => !b.name.startsWith('TENANT_DB_'));
    const shardTwoCloudflare = () =>
      fakeCloudflare({
        settings,
        override: (req) =>
          req.url.pathname === shardTwo ? { body: req.method === 'GET' ? settings : fixture('worker-settings-patched.json') } : undefined,
      });
    const fake = shardTwoCloudflare();
    const { script, range } = parseArgs(['--count', '2', '--shard', '2']) as unknown as { script: string; range: unknown };
    expect(script).toBe('huzhu-shard-2');
    await run(fake, { count: 2, script, range });
    expect(fake.requests.filter((r) => r.method === 'POST').map(createdName)).toEqual(['huzhu-tenant-5001', 'huzhu-tenant-5002']);
    const sent = await settingsPart(first(fake, 'PATCH'));
    expect(sent.bindings.slice(-2).map((b) => b.name)).toEqual(['TENANT_DB_5001', 'TENANT_DB_5002']);

    const full = shardTwoCloudflare();
    await expect(run(full, { count: 5001, script, range })).rejects.toThrow(/end of its range/);
    expect(full.requests.some((r) => r.method === 'POST' || r.method === 'PATCH')).toBe(false);
  });
});

describe('growPool: resuming after an interrupted run', () => {
  it('reuses databases that already exist under the expected name instead of creating them again', async () => {
    const fake = fakeCloudflare({ listPages: [listFixture('d1-list-after-interrupted-run.json')] });
    const listed = listFixture('d1-list-after-interrupted-run.json').result;
    const id = (name: string) => listed.find((d) => d.name === name)!.uuid;

    const summary = await run(fake, { count: 4 });

    // Only one listing page was needed (total_count reached); each reused database was checked to be empty.
    expect(fake.requests.filter((r) => r.method === 'GET' && r.url.pathname === D1_PATH)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'GET' && r.url.pathname.startsWith(`${D1_PATH}/`)).map((r) => r.url.pathname)).toEqual([
      `${D1_PATH}/${id('huzhu-tenant-005')}`,
      `${D1_PATH}/${id('huzhu-tenant-006')}`,
    ]);
    const posts = fake.requests.filter((r) => r.method === 'POST').map(createdName);
    expect(posts).toEqual(['huzhu-tenant-007', 'huzhu-tenant-008']);

    const sent = await settingsPart(first(fake, 'PATCH'));
    expect(sent.bindings.slice(-4)).toEqual([
      { type: 'd1', name: 'TENANT_DB_005', id: id('huzhu-tenant-005') },
      { type: 'd1', name: 'TENANT_DB_006', id: id('huzhu-tenant-006') },
      { type: 'd1', name: 'TENANT_DB_007', id: uuidFor('huzhu-tenant-007') },
      { type: 'd1', name: 'TENANT_DB_008', id: uuidFor('huzhu-tenant-008') },
    ]);
    expect(summary.reused.map((r) => r.name)).toEqual(['huzhu-tenant-005', 'huzhu-tenant-006']);
    expect(summary.created.map((r) => r.name)).toEqual(['huzhu-tenant-007', 'huzhu-tenant-008']);
  });

  it('does not mistake a database of another prefix for one of ours', async () => {
    // The recorded listing holds huzhu-staging-tenant-005 … but no huzhu-tenant-005.
    const fake = fakeCloudflare();
    await run(fake, { count: 1 });
    expect(JSON.parse(String(first(fake, 'POST').body))).toEqual({ name: 'huzhu-tenant-005' });
  });

  it('refuses to bind a database that is already bound under another name', async () => {
    const settings = settingsFixture();
    const listed = listFixture('d1-list-after-interrupted-run.json');
    const dbFive = listed.result.find((d) => d.name === 'huzhu-tenant-005')!;
    settings.result.bindings.push({ name: 'TENANT_DB_LEGACY', type: 'd1', id: dbFive.uuid });
    const fake = fakeCloudflare({ settings, listPages: [listed] });

    await expect(run(fake, { count: 2 })).rejects.toThrow(/already bound to "huzhu" as TENANT_DB_LEGACY/);
    expect(mutating(fake)).toEqual([]);
  });

  it('refuses to reuse a database of the expected name that already has tables', async () => {
    const fake = fakeCloudflare({ listPages: [listFixture('d1-list-after-interrupted-run.json')], tables: { 'huzhu-tenant-006': 9 } });

    await expect(run(fake, { count: 3 })).rejects.toThrow(/huzhu-tenant-006 .* has 9 table\(s\).*own --prefix/);
    expect(mutating(fake)).toEqual([]);
  });

  it('uses a database that a failed create call did in fact create', async () => {
    const fakeState: Database[] = [];
    const fake = fakeCloudflare({
      override: (req) => {
        if (req.method === 'POST') {
          const name = createdName(req);
          // The create went through but the answer was lost: the database now exists.
          const ok = databaseAnswer.parse(fixture('d1-create.json'));
          ok.result.name = name;
          ok.result.uuid = uuidFor(name);
          fakeState.push(ok.result);
          return { status: 500, body: { success: false, errors: [{ code: 7500, message: 'Internal error' }], messages: [], result: null } };
        }
        if (req.method === 'GET' && req.url.searchParams.has('name')) {
          const hits = fakeState.filter((d) => d.name === req.url.searchParams.get('name'));
          return {
            body: {
              result: hits,
              result_info: { page: 1, per_page: 100, count: hits.length, total_count: hits.length },
              success: true,
              errors: [],
              messages: [],
            },
          };
        }
        return undefined;
      },
    });

    const summary = await run(fake, { count: 1, retries: 0 });
    expect(summary.created).toEqual([{ binding: 'TENANT_DB_005', name: 'huzhu-tenant-005', id: uuidFor('huzhu-tenant-005') }]);
    expect(mutating(fake)).toEqual([`POST ${D1_PATH}`, `PATCH ${SETTINGS_PATH}`]);
  });
});

describe('growPool: dry run', () => {
  it('reads but never creates or patches, and reports the plan', async () => {
    const fake = fakeCloudflare({ listPages: [listFixture('d1-list-after-interrupted-run.json')] });
    const lines: string[] = [];

    const summary = await run(fake, { count: 3, dryRun: true, log: (l: string) => lines.push(l) });

    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(mutating(fake)).toEqual([]);
    expect(summary.plan).toEqual([
      expect.objectContaining({ binding: 'TENANT_DB_005', name: 'huzhu-tenant-005', action: 'reuse' }),
      expect.objectContaining({ binding: 'TENANT_DB_006', name: 'huzhu-tenant-006', action: 'reuse' }),
      { binding: 'TENANT_DB_007', name: 'huzhu-tenant-007', id: null, action: 'create' },
    ]);
    expect(summary).toMatchObject({ dryRun: true, bindingsBefore: 9, bindingsAfter: 9, plannedBindingsAfter: 12, created: [] });
    const output = lines.join('\n');
    expect(output).toMatch(/dry run/);
    expect(output).toMatch(/would create huzhu-tenant-007/);
    expect(output).toMatch(/from 9 to 12/);
  });
});

describe('growPool: API errors', () => {
  it('surfaces errors[].message of a success:false answer and patches nothing', async () => {
    const fake = fakeCloudflare({
      override: (req, nth) => (req.method === 'POST' && nth === 2 ? { status: 400, body: fixture('d1-create-error.json') } : undefined),
    });

    const failure = run(fake, { count: 3 });
    await expect(failure).rejects.toBeInstanceOf(CloudflareApiError);
    await expect(failure).rejects.toThrow(/maximum number of D1 databases.*\[code 7406\]/);
    await expect(failure).rejects.toThrow(/POST \/accounts\/.+\/d1\/database failed \(HTTP 400\)/);
    expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(false);
    // The first database was created and stays: a re-run will reuse it.
    expect(fake.created.map((d) => d.name)).toEqual(['huzhu-tenant-005']);
  });

  it('treats success:false as a failure even with HTTP 200', async () => {
    const fake = fakeCloudflare({
      override: (req) =>
        req.method === 'GET' && req.url.pathname === SETTINGS_PATH ? { status: 200, body: fixture('auth-error.json') } : undefined,
    });
    await expect(run(fake)).rejects.toThrow(/Authentication error \[code 10000\]/);
    expect(mutating(fake)).toEqual([]);
  });

  it('reports a failed PATCH clearly', async () => {
    const fake = fakeCloudflare({
      override: (req) => (req.method === 'PATCH' ? { status: 403, body: fixture('auth-error.json') } : undefined),
    });
    await expect(run(fake, { count: 1 })).rejects.toThrow(
      /PATCH .*\/workers\/scripts\/huzhu\/settings failed \(HTTP 403\): Authentication error/,
    );
  });

  it('retries 429 and 5xx a couple of times with a backoff, honouring Retry-After', async () => {
    const delays: number[] = [];
    const fake = fakeCloudflare({
      override: (req, nth) => {
        if (req.method === 'GET' && req.url.pathname === SETTINGS_PATH && nth === 1)
          return { status: 429, body: fixture('rate-limited.json'), headers: { 'retry-after': '2' } };
        if (req.method === 'PATCH' && nth <= 2)
          return { status: 502, body: { success: false, errors: [{ code: 502, message: 'Bad gateway' }], messages: [], result: null } };
        return undefined;
      },
    });

    await run(fake, { count: 1, retryDelayMs: 100, sleep: async (ms: number) => void delays.push(ms) });

    expect(delays).toEqual([2000, 100, 200]);
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(3);
    // Every attempt sends a fresh, complete body.
    for (const p of patches) expect((await settingsPart(p)).bindings).toHaveLength(10);
  });

  it('gives up after the retries and shows the last error', async () => {
    const fake = fakeCloudflare({
      override: (req) =>
        req.method === 'GET' && req.url.pathname === SETTINGS_PATH ? { status: 429, body: fixture('rate-limited.json') } : undefined,
    });
    await expect(run(fake, { retries: 2 })).rejects.toThrow(/HTTP 429\): Please wait and consider throttling/);
    expect(fake.requests).toHaveLength(3);
  });
});

describe('growPool: the 5,000-binding ceiling', () => {
  function settingsWith(total: number) {
    const settings = settingsFixture();
    const bindings = settings.result.bindings;
    for (let n = 5; bindings.length < total; n++) {
      bindings.push({
        name: `TENANT_DB_${String(n).padStart(3, '0')}`,
        type: 'd1',
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      });
    }
    return settings;
  }

  it('refuses to go beyond it before creating anything, pointing to docs/operations.md', async () => {
    const fake = fakeCloudflare({ settings: settingsWith(4990) });
    const failure = run(fake, { count: 11 });
    await expect(failure).rejects.toBeInstanceOf(PoolGrowError);
    await expect(failure).rejects.toThrow(/4990 bindings.*5001.*5000.*At most 10 more.*docs\/operations\.md/s);
    expect(mutating(fake)).toEqual([]);
    expect(MAX_BINDINGS).toBe(5000);
  });

  it('allows reaching it exactly', async () => {
    const fake = fakeCloudflare({ settings: settingsWith(4990) });
    const summary = await run(fake, { count: 10, dryRun: true });
    expect(summary.plannedBindingsAfter).toBe(5000);
  });
});

describe('CLI', () => {
  const env = { CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_API_TOKEN: TOKEN };

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { log: (l: string) => out.push(l), error: (l: string) => err.push(l) } };
  }

  it('parses its arguments', () => {
    expect(parseArgs(['--count', '50'])).toMatchObject({ count: 50, script: 'huzhu', prefix: 'huzhu-tenant', dryRun: false });
    expect(parseArgs(['--count=5', '--script', 'huzhu-eu', '--prefix=eu-tenant', '--dry-run'])).toMatchObject({
      count: 5,
      script: 'huzhu-eu',
      prefix: 'eu-tenant',
      dryRun: true,
    });
    expect(() => parseArgs(['--count', '0'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--count', 'ten'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--count'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--bogus'])).toThrow(/Unknown argument/);
  });

  it('exits 2 with a clear message when the environment variables are missing, before any request', async () => {
    const c = capture();
    let calls = 0;
    const code = await main(['--count', '3'], {}, { ...c.io, fetch: async () => void calls++ as never });
    expect(code).toBe(2);
    expect(c.err.join('\n')).toMatch(/missing environment variables CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN/);
    expect(calls).toBe(0);

    const c2 = capture();
    expect(await main(['--count', '3'], { CLOUDFLARE_ACCOUNT_ID: ACCOUNT }, c2.io)).toBe(2);
    expect(c2.err.join('\n')).toMatch(/missing environment variable CLOUDFLARE_API_TOKEN/);
  });

  it('exits 2 with usage when --count is missing or invalid', async () => {
    const c = capture();
    expect(await main([], env, c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/--count is required[\s\S]*Usage: npm run pool:grow -- --count N/);

    const c2 = capture();
    expect(await main(['--count', '-4'], env, c2.io)).toBe(2);
    expect(c2.err.join('\n')).toMatch(/--count/);
  });

  it('runs the whole flow and exits 0; exits 1 on an API error with a hint that re-running is safe', async () => {
    const ok = capture();
    const fake = fakeCloudflare();
    expect(await main(['--count', '2'], env, { ...ok.io, fetch: fake.fetch, sleep: noSleep })).toBe(0);
    expect(ok.out.join('\n')).toMatch(/created 2, reused 0; bindings 9 → 11/);
    expect(ok.out.join('\n')).toMatch(/npm run pool:config -- 6/);

    const bad = capture();
    const failing = fakeCloudflare({
      override: (req) => (req.method === 'POST' ? { status: 400, body: fixture('d1-create-error.json') } : undefined),
    });
    expect(await main(['--count', '2'], env, { ...bad.io, fetch: failing.fetch, sleep: noSleep })).toBe(1);
    expect(bad.err.join('\n')).toMatch(/maximum number of D1 databases/);
    expect(bad.err.join('\n')).toMatch(/run the same command again/);
  });

  it('exits 2 when the ceiling would be passed', async () => {
    const settings = settingsFixture();
    for (let n = 5; settings.result.bindings.length < MAX_BINDINGS; n++) {
      settings.result.bindings.push({ name: `TENANT_DB_${String(n).padStart(3, '0')}`, type: 'd1', id: `id-${n}` });
    }
    const c = capture();
    const fake = fakeCloudflare({ settings });
    expect(await main(['--count', '1'], env, { ...c.io, fetch: fake.fetch })).toBe(2);
    expect(c.err.join('\n')).toMatch(/docs\/operations\.md/);
  });

  it('runs as a script only when executed directly, and fails cleanly without credentials', () => {
    const script = fileURLToPath(SCRIPT_URL);
    const result = spawnSync(process.execPath, [script, '--count', '3'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing environment variables CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN/);
    expect(result.stdout).toBe('');

    const help = spawnSync(process.execPath, [script, '--help'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--dry-run/);
  });
});
