import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import type { Bindings } from '../../worker/env';
import { errorCodes } from '../../worker/errors';
import { brokenObject, deepNesting, hostileNumber, hostileString, type JsonSchema, valid, wrongValue } from './fuzz-arbitraries';
import { rawCall, createCommunity, PLATFORM, signIn } from './helpers';

/**
 * Property-based fuzzing of every operation in the OpenAPI document: valid and invalid params, queries and
 * bodies generated from each operation's own schema, sent as a visitor, a member and an association admin.
 * Whatever comes in, the Worker never answers 5xx, every error has the one shape, and a refused request
 * changes nothing in the community's database or the control plane.
 * FUZZ_RUNS (default 20; the seed changes every run, so the cases differ from run to run) sets the cases per operation, FUZZ_SEED replays a run.
 */

const RUNS = Number(env.FUZZ_RUNS) > 0 ? Number(env.FUZZ_RUNS) : 20;
const SEED = Number.isInteger(Number.parseInt(env.FUZZ_SEED, 10)) ? Number.parseInt(env.FUZZ_SEED, 10) : Date.now() % 2 ** 31;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Sign-up provisions a database from the pool; only requests that must be refused are sent to it. */
const REFUSED_ONLY = new Set(['POST /api/communities']);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  key: string;
  method: string;
  path: string;
  host: 'platform' | 'community' | 'any';
  parameters: Parameter[];
  bodyRequired: boolean;
  jsonBody?: JsonSchema;
  fileTypes: string[];
}

/** What the fuzzer reads of an operation in the published document. */
interface PublishedOperation {
  requestBody?: { required?: boolean; content?: Record<string, { schema: JsonSchema }> };
  parameters?: Operation['parameters'];
  'x-access': { host: Operation['host'] };
}
const openapi = (await rawCall(PLATFORM, '/api/openapi.json')).json as { paths: Record<string, Record<string, PublishedOperation>> };
const resolve = (ref: string): JsonSchema =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], openapi) as JsonSchema;

const operations: Operation[] = Object.entries(openapi.paths)
  .filter(([path]) => !path.startsWith('/api/dev/'))
  .flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const op = item[method]!;
      const content: Record<string, { schema: JsonSchema }> = op.requestBody?.content ?? {};
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        host: op['x-access'].host,
        parameters: op.parameters ?? [],
        bodyRequired: Boolean(op.requestBody?.required),
        jsonBody: content['application/json']?.schema,
        fileTypes: Object.keys(content).filter((type) => type !== 'application/json'),
      };
    }),
  );

// ------------------------------------------------------------------------------------------------
// What one case is: path and query values, and a body with the content type it is sent as
// ------------------------------------------------------------------------------------------------

/** Each case is sent as one of these, drawn with the rest of the case. */
type Role = 'visitor' | 'member' | 'admin';
const ROLES: Role[] = ['visitor', 'member', 'admin'];

interface Body {
  kind: string;
  contentType?: string;
  payload: string | Uint8Array<ArrayBuffer>;
}

interface Case {
  role: Role;
  params: Record<string, string>;
  query: [string, string][];
  body?: Body;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null'));
const paramText = (value: string) => (value.length > 4000 ? value.slice(0, 4000) : value);

function paramArbitrary(parameter: Parameter): fc.Arbitrary<string> {
  const wrong = fc.oneof(hostileString.map(paramText), hostileNumber.map(String), fc.string({ unit: 'grapheme', minLength: 1 }));
  return fc.oneof({ weight: 4, arbitrary: valid(parameter.schema, resolve).map(asText) }, { weight: 1, arbitrary: wrong });
}

function queryArbitrary(parameters: Parameter[]): fc.Arbitrary<[string, string][]> {
  const query = parameters.filter((p) => p.in === 'query');
  if (query.length === 0) return fc.constant([]);
  return fc
    .tuple(...query.map((p) => (p.required ? paramArbitrary(p).map((v) => [v]) : fc.option(paramArbitrary(p), { nil: undefined }))))
    .map((values) =>
      query.flatMap((p, i) => [values[i]].flat().flatMap((v) => (v === undefined ? [] : [[p.name, v] as [string, string]]))),
    );
}

function jsonBodyArbitrary(schema: JsonSchema): fc.Arbitrary<Body> {
  const json = (kind: string) => (value: unknown) => ({ kind, contentType: 'application/json', payload: JSON.stringify(value) ?? 'null' });
  return fc.oneof(
    { weight: 4, arbitrary: valid(schema, resolve).map(json('valid')) },
    { weight: 4, arbitrary: brokenObject(schema, resolve).map(json('broken field')) },
    { weight: 1, arbitrary: wrongValue.map(json('wrong root')) },
    { weight: 1, arbitrary: fc.constant(json('deep nesting')(deepNesting(5000))) },
    { weight: 1, arbitrary: fc.string().map((s) => ({ kind: 'malformed json', contentType: 'application/json', payload: `{"${s}` })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid(schema, resolve), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', undefined))
        .map(([value, contentType]) => ({ kind: 'not json', contentType, payload: JSON.stringify(value) ?? '' })),
    },
  );
}

function fileBodyArbitrary(types: string[]): fc.Arbitrary<Body> {
  return fc
    .tuple(
      fc.oneof(fc.constantFrom(...types), fc.constantFrom('text/html', 'image/svg+xml', 'application/json'), fc.constant(undefined)),
      fc.oneof(fc.uint8Array({ minLength: 0, maxLength: 64 }), fc.constant(new Uint8Array(6 * 1024 * 1024))),
    )
    .map(([contentType, payload]) => ({ kind: 'file', contentType, payload }));
}

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const path = op.parameters.filter((p) => p.in === 'path');
  const body: fc.Arbitrary<Body | undefined> = op.jsonBody
    ? jsonBodyArbitrary(op.jsonBody)
    : op.fileTypes.length > 0
      ? fileBodyArbitrary(op.fileTypes)
      : fc.constant(undefined);
  return fc.record({
    role: fc.constantFrom(...ROLES),
    params: fc.tuple(...path.map(paramArbitrary)).map((values) => Object.fromEntries(path.map((p, i) => [p.name, values[i]!]))),
    query: queryArbitrary(op.parameters),
    body: REFUSED_ONLY.has(op.key) ? body.filter((b) => b?.kind !== 'valid') : body,
  });
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as U+FFFD. */
const encode = (value: string) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));

function urlFor(op: Operation, c: Case): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(c.params[name] ?? ''));
  const query = c.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}

// ------------------------------------------------------------------------------------------------
// The community, its people, and a fingerprint of everything stored
// ------------------------------------------------------------------------------------------------

const KNOWN_CODES = new Set(Object.keys(errorCodes));
/** Written later by the metrics queue, whatever the request did. */
const ASYNC_TABLES = new Set(['metric_snapshots', 'snapshot_runs']);
/** Operations whose refusals are recorded on purpose: a wrong claim code is audited, and those records brake guessing. */
const RECORDS_REFUSALS = new Set(['POST /api/assisted-members/claims']);

let host: string;
let tenant: D1Database;
let adminMemberId: number;
const tokens: Record<'community' | 'platform', Record<Role, string | undefined>> = {
  community: { visitor: undefined, member: undefined, admin: undefined },
  platform: { visitor: undefined, member: undefined, admin: undefined },
};
let fingerprintQueries: { db: D1Database; sql: string }[] = [];

/** One query per database: each table's row count and the total length and sum of every column. */
async function fingerprintQuery(db: D1Database): Promise<string> {
  const { results } = await db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    )
    .all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of results) {
    if (ASYNC_TABLES.has(name)) continue;
    const columns = (await db.prepare(`SELECT name FROM pragma_table_info(?)`).bind(name).all<{ name: string }>()).results;
    const sums = columns.map((column) => `total(octet_length("${column.name}")) + total("${column.name}")`).join(' + ');
    parts.push(`(SELECT count(*) || ':' || (${sums || '0'}) FROM "${name}") AS "${name}"`);
  }
  return `SELECT ${parts.join(', ')}`;
}

async function fingerprint(): Promise<string> {
  const rows = await Promise.all(fingerprintQueries.map(({ db, sql }) => db.prepare(sql).first()));
  return JSON.stringify(rows);
}

/** Puts back what earlier cases may legitimately have changed about the people the fuzzing acts as. */
async function restoreRoles() {
  await tenant
    .prepare("INSERT OR IGNORE INTO member_roles (member_id, role, party_key, granted_by) VALUES (?, 'association-admin', '', 'fuzz')")
    .bind(adminMemberId)
    .run();
}

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/**
 * The Worker's own bindings, except that the metric recomputations that successful writes ask for are not run:
 * thousands of them would only slow the fuzzing down (tests/worker/metrics*.test.ts cover them).
 */
const fuzzEnv: Bindings = { ...env, METRICS_QUEUE: { send: async () => undefined, sendBatch: async () => undefined } as unknown as Queue };

let requests = 0;
const startedAt = Date.now();

beforeAll(async () => {
  const founder = uid('fuzz-admin');
  const created = await createCommunity(founder);
  host = created.host;
  tokens.community.admin = created.founderToken;
  tokens.platform.admin = await signIn(founder);
  const memberUser = uid('fuzz-member');
  tokens.community.member = await signIn(memberUser, host, '邻居');
  tokens.platform.member = await signIn(memberUser);
  const joined = await rawCall(host, '/api/members/me', {
    body: { privacyNoticeVersion: 1, displayName: '邻居' },
    token: tokens.community.member,
  });
  expect(joined.status).toBe(201);
  adminMemberId = ((await rawCall(host, '/api/members/me', { token: created.founderToken })).json as { id: number }).id;

  // A few things for generated ids (mostly 1 to 4) to find.
  const start = new Date(Date.now() + 86_400_000).toISOString();
  const fixtures: [string, unknown, string][] = [
    ['/api/clubs', { name: '读书会', purpose: '一起读书，交换好书' }, tokens.community.member!],
    [
      '/api/activities',
      {
        title: '读书会',
        startsAt: start,
        endsAt: new Date(Date.parse(start) + 7_200_000).toISOString(),
        place: '书屋',
        capacity: 10,
        audience: 'residents',
        expectedParticipants: 5,
        costLines: [],
      },
      tokens.community.member!,
    ],
    ['/api/issues', { title: '路灯坏了', description: '三栋门口的路灯不亮', category: 'safety' }, tokens.community.member!],
    [
      '/api/ledger/transactions',
      {
        occurredOn: start.slice(0, 10),
        category: 'donation',
        memo: '邻居捐赠',
        postings: [
          { fund: 'hub', amountFen: 20_000 },
          { fund: 'external', amountFen: -20_000 },
        ],
      },
      created.founderToken,
    ],
  ];
  for (const [path, body, token] of fixtures) expect((await rawCall(host, path, { body, token })).status, path).toBe(201);

  const binding = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?')
    .bind(created.slug)
    .first<{ database_binding: string }>();
  tenant = (env as unknown as Record<string, D1Database>)[binding!.database_binding]!;
  fingerprintQueries = [
    { db: tenant, sql: await fingerprintQuery(tenant) },
    { db: env.PLATFORM_DB, sql: await fingerprintQuery(env.PLATFORM_DB) },
  ];
});

afterAll(() => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(
    `fuzz: ${requests} requests, ${operations.length} operations × ${RUNS} cases (as ${ROLES.join(', ')}), seed ${SEED}, ${seconds} s`,
  );
});

// ------------------------------------------------------------------------------------------------
// The property
// ------------------------------------------------------------------------------------------------

function errorShapeProblem(status: number, text: string): string | null {
  let json: { error?: { code?: string; message?: unknown; details?: unknown } } | null;
  try {
    json = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const error = json?.error;
  if (!json || typeof json !== 'object' || Object.keys(json).join() !== 'error') return 'the body is not { error }';
  if (typeof error !== 'object' || error === null) return 'error is not an object';
  if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code)) return `unknown code ${error.code}`;
  if (errorCodes[error.code as keyof typeof errorCodes] !== status) return `code ${error.code} with status ${status}`;
  if (typeof error.message !== 'string') return 'message is not a string';
  if (Object.keys(error).some((k) => !['code', 'message', 'details'].includes(k))) return 'error has other keys';
  return null;
}

const describeBody = (body?: Body) =>
  body
    ? `${body.kind} (${body.contentType ?? 'no type'}): ${typeof body.payload === 'string' ? body.payload.slice(0, 160) : `${body.payload.length} bytes`}`
    : '';

/** Sends one request as `role` through the app, with the fuzzing's bindings. */
async function send(op: Pick<Operation, 'method' | 'host'>, url: string, role: Role, body?: Body) {
  const token = tokens[op.host === 'platform' ? 'platform' : 'community'][role];
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body?.contentType) headers['content-type'] = body.contentType;
  const siteHost = op.host === 'platform' ? PLATFORM : host;
  const request = new Request(`http://${siteHost}${url}`, { method: op.method, headers, body: body?.payload });
  const response = await app.fetch(request, fuzzEnv, createExecutionContext());
  requests++;
  return { status: response.status, text: await response.text() };
}

describe.each(operations.map((op) => [op.key, op] as const))('%s', (_key, op) => {
  it('never answers 5xx, answers every error in the one shape, and writes nothing when it refuses', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    let before = await fingerprint();
    for (const c of fc.sample(caseArbitrary(op), { numRuns: RUNS, seed: SEED })) {
      const url = urlFor(op, c);
      const { status, text } = await send(op, url, c.role, c.body);
      const what = `${op.method} ${url.slice(0, 200)} as ${c.role} ${describeBody(c.body)} → ${status} ${text.slice(0, 300)}`;
      if (status >= 500) problems.push(`5xx: ${what}`);
      if (status < 400) {
        before = await fingerprint();
        continue;
      }
      const shape = errorShapeProblem(status, text);
      if (shape) problems.push(`error shape (${shape}): ${what}`);
      const after = await fingerprint();
      if (after !== before && !RECORDS_REFUSALS.has(op.key)) problems.push(`refused but wrote: ${what}`);
      before = after;
    }
    await restoreRoles();
    expect(problems, `FUZZ_SEED=${SEED}`).toEqual([]);
  });
});

describe('cases the fuzzing found, kept as plain tests', () => {
  const json = (value: unknown): Body => ({ kind: 'regression', contentType: 'application/json', payload: JSON.stringify(value) });

  it('PATCH /api/programs/{key} with nothing to change is a 400, not a 500', async () => {
    const res = await send({ method: 'PATCH', host: 'community' }, '/api/programs/library', 'admin', json({}));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.code).toBe('validation_failed');
  });
});
