import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { signDevToken } from '../../worker/auth/dev-identity';
import { communityRoles } from '../../worker/auth/roles';
import { type Bindings, ConfigError, readConfig } from '../../worker/env';
import { checkSlug } from '../../worker/platform/slug';
import { classifyHost } from '../../worker/tenancy/host';
import { parseJson } from '../client-response';
import {
  bodyOf,
  client,
  createCommunity,
  errorOf,
  expectStatus,
  PLATFORM,
  type PublishedAccess,
  publishedAccess,
  rawCall,
  read,
  setupBody,
  signIn,
  uniqueSlug,
} from './helpers';

/** A user id no other test uses. */
const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function makeOperator(prefix = 'operator'): Promise<{ userId: string; token: string }> {
  const userId = uid(prefix);
  await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(userId).run();
  return { userId, token: await signIn(userId) };
}

async function join(host: string, userId: string, displayName: string) {
  const token = await signIn(userId, host, displayName);
  const res = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName } }));
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return { token, member: res.json };
}

/** Calls the app object directly with a modified env, as a deployment with other settings would. */
async function callWithEnv(overrides: Partial<Bindings>, url: string, init: RequestInit = {}) {
  const response = await app.fetch(new Request(url, init), { ...env, ...overrides }, createExecutionContext());
  const text = await response.text();
  return { status: response.status, json: parseJson(text), text };
}

// ---------------------------------------------------------------------------------------------
// Tenancy between two communities
// ---------------------------------------------------------------------------------------------

describe('tenant isolation between two communities', () => {
  const B_SECRETS = ['乙方小区', 'Beta Secret Garden', '乙方创始人', '乙方居民一', '乙方居民二', '乙方居民三'];
  let A: Awaited<ReturnType<typeof createCommunity>>;
  let B: Awaited<ReturnType<typeof createCommunity>>;
  let bFounder: string;
  let aResident: string;
  let aResidentTokenOnA: string;
  let aResidentMemberId: number;
  let bMemberIds: number[];

  beforeAll(async () => {
    A = await createCommunity(uid('founder-a'), { nameZh: '甲方小区', nameEn: 'Alpha Garden', founderName: '甲方创始人' });
    bFounder = uid('founder-b');
    B = await createCommunity(bFounder, { nameZh: '乙方小区', nameEn: 'Beta Secret Garden', founderName: '乙方创始人' });
    aResident = uid('resident-a');
    const joinedA = await join(A.host, aResident, '甲方居民');
    aResidentTokenOnA = joinedA.token;
    aResidentMemberId = joinedA.member.id;
    // B gets more members than A, so some of B's member ids do not exist in A at all.
    bMemberIds = [1];
    for (const name of ['乙方居民一', '乙方居民二', '乙方居民三']) {
      bMemberIds.push((await join(B.host, uid('resident-b'), name)).member.id);
    }
  });

  const expectNoBData = (text: string) => {
    for (const secret of [...B_SECRETS, B.slug]) expect(text).not.toContain(secret);
  };

  /** A request to one route, sent to `host` with `token`. */
  interface RouteCall {
    route: string;
    send: (host: string, token: string) => Promise<{ status: number; text: string; json: unknown }>;
  }
  const memberAndAdminRoutes = (memberId: number): RouteCall[] => [
    { route: 'GET /api/members/me', send: (host, token) => read(client(host, token).api.members.me.$get()) },
    { route: 'GET /api/members', send: (host, token) => read(client(host, token).api.members.$get({ query: {} })) },
    {
      route: `PUT /api/members/${memberId}/roles`,
      send: (host, token) =>
        read(
          client(host, token).api.members[':memberId'].roles.$put({
            param: { memberId: String(memberId) },
            json: { roles: [{ role: 'committee-member' }] },
          }),
        ),
    },
    { route: 'GET /api/admin/checklist', send: (host, token) => read(client(host, token).api.admin.checklist.$get()) },
  ];
  const members = async (host: string, token: string) =>
    bodyOf(await read(client(host, token).api.members.$get({ query: {} })), 200).members;

  it("rejects a member of A presenting their A-host token on B's host with 401 invalid_token, revealing nothing of B", async () => {
    expect(aResidentMemberId).toBeGreaterThan(1);
    const me: RouteCall = { route: 'GET /api/me', send: (host, token) => read(client(host, token).api.me.$get()) };
    for (const { route, send } of [...memberAndAdminRoutes(2), me]) {
      const res = await send(B.host, aResidentTokenOnA);
      expect(res.status, route).toBe(401);
      expect(errorOf(res.json).code).toBe('invalid_token');
      expectNoBData(res.text);
    }
    // Nor can the A token be used to join B.
    const joinB = await read(
      client(B.host, aResidentTokenOnA).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '冒充者' } }),
    );
    expect(joinB.status).toBe(401);
    expect((await members(B.host, B.founderToken)).map((m) => m.displayName)).not.toContain('冒充者');
  });

  it("answers 403 to a member of A signed in on B's host (not a member of B) on member and admin routes, revealing nothing of B", async () => {
    const tokenOnB = await signIn(aResident, B.host, '甲方居民');
    for (const { route, send } of memberAndAdminRoutes(bMemberIds[1]!)) {
      const res = await send(B.host, tokenOnB);
      expect(res.status, route).toBe(403);
      expect(errorOf(res.json).code).toBe('not_a_member');
      expectNoBData(res.text);
    }
    // /api/me works (the token is valid here) but shows no membership of B.
    const me = await read(client(B.host, tokenOnB).api.me.$get());
    expectStatus(me, 200);
    expect(me.json.member).toBeNull();
    expectNoBData(me.text);
  });

  it("answers 403 to an association admin of A on B's admin routes", async () => {
    const aFounderTokenOnA = A.founderToken;
    const adminOfA = bodyOf(await read(client(A.host, aFounderTokenOnA).api.members.me.$get()), 200);
    expect(adminOfA.roles).toEqual([{ role: 'association-admin', partyKey: null, buildingId: null }]);

    const aFounderId = bodyOf(await read(client(A.host, aFounderTokenOnA).api.me.$get()), 200).userId;
    const tokenOnB = await signIn(aFounderId, B.host);
    for (const { route, send } of memberAndAdminRoutes(bMemberIds[1]!)) {
      const res = await send(B.host, tokenOnB);
      expect(res.status, route).toBe(403);
      expectNoBData(res.text);
    }
    // And B's member kept no roles.
    const target = (await members(B.host, B.founderToken)).find((m) => m.id === bMemberIds[1]);
    expect(target?.roles).toEqual([]);
  });

  it("never lets B's member ids on A's host reach B's data (404 for ids only B has, A's own member otherwise)", async () => {
    const listB = () => read(client(B.host, B.founderToken).api.members.$get({ query: {} }));
    const before = await listB();
    expect(before.status).toBe(200);
    const onlyInB = Math.max(...bMemberIds);
    expect((await members(A.host, A.founderToken)).map((m) => m.id)).not.toContain(onlyInB);

    const setRolesOnA = (memberId: number, role: 'committee-member' | 'club-leader') =>
      read(
        client(A.host, A.founderToken).api.members[':memberId'].roles.$put({
          param: { memberId: String(memberId) },
          json: { roles: [{ role }] },
        }),
      );
    const missing = await setRolesOnA(onlyInB, 'committee-member');
    expect(missing.status).toBe(404);
    expectNoBData(missing.text);

    // An id both have: the change lands on A's member, never on B's.
    const shared = aResidentMemberId;
    expect(bMemberIds).toContain(shared);
    const onA = await setRolesOnA(shared, 'club-leader');
    expectStatus(onA, 200);
    expect(onA.json.displayName).toBe('甲方居民');
    expect(onA.json.roles).toEqual([{ role: 'club-leader', partyKey: null, buildingId: null }]);
    expectNoBData(onA.text);

    const after = await listB();
    expect(after.json).toEqual(before.json);
  });
});

// ---------------------------------------------------------------------------------------------
// Every route in the OpenAPI document has an access rule, and the rule holds
// ---------------------------------------------------------------------------------------------

/** The parts of a JSON schema that `sampleFor` reads. */
interface JsonSchema {
  $ref?: string;
  example?: unknown;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  minLength?: number;
}

const jsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    $ref: z.string().optional(),
    example: z.unknown().optional(),
    default: z.unknown().optional(),
    const: z.unknown().optional(),
    enum: z.array(z.unknown()).optional(),
    anyOf: z.array(jsonSchema).optional(),
    oneOf: z.array(jsonSchema).optional(),
    allOf: z.array(jsonSchema).optional(),
    type: z.union([z.string(), z.array(z.string())]).optional(),
    required: z.array(z.string()).optional(),
    properties: z.record(z.string(), jsonSchema).optional(),
    items: jsonSchema.optional(),
    minItems: z.number().optional(),
    minimum: z.number().optional(),
    minLength: z.number().optional(),
  }),
);

/** An operation as the document describes it: its access rule and its JSON request body. */
const documentedOperation = z.looseObject({
  'x-access': publishedAccess.optional(),
  requestBody: z
    .looseObject({
      required: z.boolean().optional(),
      content: z.record(z.string(), z.looseObject({ schema: jsonSchema.optional() })).optional(),
    })
    .optional(),
});

interface Operation {
  method: string;
  path: string;
  access: PublishedAccess | undefined;
  bodyRequired: boolean;
  bodySchema: JsonSchema | undefined;
}

const openapi = await rawCall(PLATFORM, '/api/openapi.json');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const jsonObject = z.record(z.string(), z.unknown());
const documentPaths = z.object({ paths: z.record(z.string(), jsonObject) }).safeParse(openapi.json).data?.paths ?? {};
const operations: Operation[] = Object.entries(documentPaths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => HTTP_METHODS.includes(method))
    .map(([method, value]) => {
      const op = documentedOperation.parse(value);
      return {
        method: method.toUpperCase(),
        path,
        access: op['x-access'],
        bodyRequired: Boolean(op.requestBody?.required),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
      };
    }),
);

/** The schema a `$ref` points to in the served document. */
function resolveRef(ref: string): JsonSchema | undefined {
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => jsonObject.safeParse(node).data?.[key], openapi.json);
  return jsonSchema.optional().parse(target);
}

/** A plausible value for a JSON schema, so that calls test access and not validation. */
function sampleFor(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 10) return null;
  if (schema.$ref) return sampleFor(resolveRef(schema.$ref), depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) return sampleFor(alternatives[0], depth + 1);
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((s) => sampleFor(s, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleFor(schema.properties?.[key], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFor(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      return 'x'.repeat(Math.max(schema.minLength ?? 3, 1));
  }
}

/** Known bodies are written out; any other route gets one generated from its schema. */
function bodyFor(op: Operation): unknown {
  const known: Record<string, unknown> = {
    'POST /api/communities': setupBody(uniqueSlug('sweep')),
    'POST /api/members/me': { privacyNoticeVersion: 1, displayName: '路过的人' },
    'PUT /api/members/{memberId}/roles': { roles: [{ role: 'committee-member' }] },
    'POST /api/operator/communities/{slug}/status': { status: 'active' },
    'POST /api/dev/sign-in': { userId: 'sweep-user', name: 'Sweep' },
  };
  const key = `${op.method} ${op.path}`;
  if (key in known) return known[key];
  return op.bodySchema ? sampleFor(op.bodySchema) : op.bodyRequired ? {} : undefined;
}

describe('access rules of every route in the OpenAPI document', () => {
  let community: { slug: string; host: string };
  let residentToken: string;
  let nonMemberToken: string;
  let platformToken: string;
  let operatorToken: string;
  let consultantToken: string;
  let consultantPlatformToken: string;

  beforeAll(async () => {
    const created = await createCommunity(uid('sweep-founder'));
    community = { slug: created.slug, host: created.host };
    residentToken = (await join(created.host, uid('sweep-resident'), '普通居民')).token;
    nonMemberToken = await signIn(uid('sweep-stranger'), created.host);
    platformToken = await signIn(uid('sweep-signed-in'));
    operatorToken = (await makeOperator('sweep-operator')).token;
    const consultant = uid('sweep-consultant');
    await env.PLATFORM_DB.batch([
      env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(consultant),
      env.PLATFORM_DB.prepare(
        "INSERT INTO consultant_grants (community_id, consultant_user_id, granted_by) SELECT id, ?, 'test' FROM communities WHERE slug = ?",
      ).bind(consultant, created.slug),
    ]);
    consultantToken = await signIn(consultant, created.host);
    consultantPlatformToken = await signIn(consultant);
  });

  const pathFor = (op: Operation) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'slug' ? community.slug : name === 'memberId' ? '1' : '1'));
  const callOp = (op: Operation, host: string, token?: string) =>
    rawCall(host, pathFor(op), { method: op.method, body: bodyFor(op), token });
  const hostsFor = (access: PublishedAccess) =>
    access.host === 'platform' ? [PLATFORM] : access.host === 'community' ? [community.host] : [PLATFORM, community.host];

  it('publishes the API with every known route in it', () => {
    expect(openapi.status).toBe(200);
    const keys = operations.map((op) => `${op.method} ${op.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/me',
        'POST /api/communities',
        'POST /api/communities/{slug}/resume',
        'GET /api/operator/overview',
        'POST /api/operator/communities/{slug}/status',
        'GET /api/community',
        'POST /api/members/me',
        'GET /api/members/me',
        'GET /api/members',
        'PUT /api/members/{memberId}/roles',
        'GET /api/admin/checklist',
        'POST /api/dev/sign-in',
      ]),
    );
  });

  /** Routes for the community's members: any community role, standing or towards an object. */
  const forMembers = (access: PublishedAccess) =>
    typeof access.allow !== 'string' || !['public', 'signed-in', 'operator', 'consultant'].includes(access.allow);
  const allowsMember = (access: PublishedAccess) =>
    typeof access.allow === 'string' ? access.allow === 'member' : access.allow.includes('member');

  describe.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', (_name, op) => {
    it('declares an x-access rule (deny by default: no route without one)', () => {
      expect(op.access).toBeDefined();
      expect(['platform', 'community', 'any']).toContain(op.access?.host);
      const known = new Set<string>(['public', 'signed-in', 'operator', 'consultant', ...communityRoles]);
      const roles = typeof op.access!.allow === 'string' ? [op.access!.allow] : [...op.access!.allow];
      for (const role of roles) expect(known.has(role), role).toBe(true);
    });

    if (op.access && op.access.allow !== 'public') {
      it(`answers 401 to an anonymous caller (allow: ${op.access.allow})`, async () => {
        for (const host of hostsFor(op.access!)) {
          const res = await callOp(op, host);
          expect(res.status, host).toBe(401);
          expect(errorOf(res.json).code).toBe('unauthenticated');
        }
      });
    }

    if (op.access?.host === 'community') {
      it('does not exist on the platform host (404)', async () => {
        expect((await callOp(op, PLATFORM)).status).toBe(404);
        expect((await callOp(op, PLATFORM, platformToken)).status).toBe(404);
      });
    }

    if (op.access?.host === 'platform') {
      it('does not exist on a community host (404)', async () => {
        expect((await callOp(op, community.host)).status).toBe(404);
        expect((await callOp(op, community.host, residentToken)).status).toBe(404);
      });
    }

    if (op.access && forMembers(op.access)) {
      it('answers 403 to a signed-in person who is not a member', async () => {
        const res = await callOp(op, community.host, nonMemberToken);
        expect(res.status).toBe(403);
        expect(errorOf(res.json).code).toBe('not_a_member');
      });
    }

    if (op.access && forMembers(op.access) && !allowsMember(op.access)) {
      it('answers 403 to a plain resident', async () => {
        const res = await callOp(op, community.host, residentToken);
        expect(res.status).toBe(403);
        expect(errorOf(res.json).code).toBe('forbidden');
      });
    }

    if (op.access && forMembers(op.access)) {
      it('answers 403 to a consultant, even one the community granted access to its figures', async () => {
        const res = await callOp(op, community.host, consultantToken);
        expect(res.status).toBe(403);
        expect(errorOf(res.json).code).toBe('not_a_member');
      });
    }

    if (op.access?.allow === 'consultant') {
      it('answers 403 to a signed-in non-consultant, and to an operator', async () => {
        for (const token of [platformToken, operatorToken]) {
          const res = await callOp(op, PLATFORM, token);
          expect(res.status).toBe(403);
          expect(errorOf(res.json).code).toBe('forbidden');
        }
      });
    }

    if (op.access?.allow === 'operator') {
      it('answers 403 to a signed-in non-operator (a consultant too)', async () => {
        expect((await callOp(op, PLATFORM, consultantPlatformToken)).status).toBe(403);
        const res = await callOp(op, PLATFORM, platformToken);
        expect(res.status).toBe(403);
        expect(errorOf(res.json).code).toBe('forbidden');
      });
    }
  });

  it('lets an operator (a platform_roles row) read GET /api/operator/overview', async () => {
    const operator = await makeOperator();
    const overview = (token: string) => read(client(PLATFORM, token).api.operator.overview.$get());
    const res = await overview(operator.token);
    expectStatus(res, 200);
    expect(res.json.pool.total).toBeGreaterThanOrEqual(32);
    expect(res.json.communities.map((c) => c.slug)).toContain(community.slug);
    // A consultant role is not the operator role.
    const consultant = uid('consultant');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'consultant')").bind(consultant).run();
    expect((await overview(await signIn(consultant))).status).toBe(403);
  });

  it('answers 404 for an API path that is not in the document', async () => {
    const res = await rawCall(PLATFORM, '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(errorOf(res.json).code).toBe('not_found');
  });
});

// ---------------------------------------------------------------------------------------------
// Session tokens
// ---------------------------------------------------------------------------------------------

function toPem(der: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(der)) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

function b64urlDecode(part: string): string {
  const padded = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  return new TextDecoder().decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)));
}

function b64urlEncode(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('session tokens', () => {
  const origin = 'http://localhost';
  const me = (token: string) => read(client(PLATFORM, token).api.me.$get());
  const meWithCookie = (cookie: string) => read(client(PLATFORM).api.me.$get(undefined, { headers: { cookie } }));

  it('accepts a freshly signed token (control case)', async () => {
    const userId = uid('token-ok');
    const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId, name: 'OK', origin });
    const res = await me(token);
    expectStatus(res, 200);
    expect(res.json.userId).toBe(userId);
  });

  it('rejects an expired token with 401 invalid_token', async () => {
    const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId: uid('expired'), name: 'Old', origin, expiresIn: -60 });
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(errorOf(res.json).code).toBe('invalid_token');
  });

  it('rejects a token whose payload was tampered with (401)', async () => {
    const victim = uid('victim');
    const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId: uid('attacker'), name: 'A', origin });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(b64urlDecode(payload));
    claims.sub = victim;
    const forged = `${header}.${b64urlEncode(JSON.stringify(claims))}.${signature}`;
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect(errorOf(res.json).code).toBe('invalid_token');

    // A single changed character in the payload part is refused as well.
    const i = Math.floor(payload.length / 2);
    const flipped = `${header}.${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}.${signature}`;
    const res2 = await me(flipped);
    expect(res2.status).toBe(401);
  });

  it('rejects a token signed by a different RSA key (401)', async () => {
    const pair = (await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const pem = toPem((await crypto.subtle.exportKey('pkcs8', pair.privateKey)) as ArrayBuffer);
    const token = await signDevToken(pem, { userId: uid('foreign-key'), name: 'F', origin });
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(errorOf(res.json).code).toBe('invalid_token');
  });

  it('rejects a token issued for another origin (azp) with 401', async () => {
    for (const other of ['http://other.localhost', 'https://localhost', 'http://localhost:8787', 'http://evil.example.org']) {
      const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId: uid('azp'), name: 'Z', origin: other });
      const res = await me(token);
      expect(res.status, other).toBe(401);
      expect(errorOf(res.json).code).toBe('invalid_token');
    }
  });

  it('rejects a token without azp (401): a token must name the origin it was issued for', async () => {
    const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, {
      userId: uid('no-azp'),
      name: 'N',
      origin: undefined as unknown as string,
    });
    expect(JSON.parse(b64urlDecode(token.split('.')[1]!))).not.toHaveProperty('azp');
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(errorOf(res.json).code).toBe('invalid_token');
  });

  it('rejects an unsigned (alg none) token and garbage (401)', async () => {
    const good = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId: uid('alg-none'), name: 'N', origin });
    const payload = good.split('.')[1]!;
    const none = `${b64urlEncode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    for (const token of [none, 'not-a-jwt', `${good}x`]) {
      const res = await me(token);
      expect(res.status, token.slice(0, 20)).toBe(401);
      expect(errorOf(res.json).code).toBe('invalid_token');
    }
  });

  it('accepts the token in the __session cookie just like the Bearer header, and rejects bad ones there too', async () => {
    const userId = uid('cookie');
    const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId, name: 'Cookie', origin });
    const viaCookie = await meWithCookie(`theme=dark; __session=${token}`);
    expectStatus(viaCookie, 200);
    expect(viaCookie.json.userId).toBe(userId);
    const viaHeader = await me(token);
    expect(viaHeader.json).toEqual(viaCookie.json);

    const expired = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId, name: 'Cookie', origin, expiresIn: -60 });
    const bad = await meWithCookie(`__session=${expired}`);
    expect(bad.status).toBe(401);
    expect(errorOf(bad.json).code).toBe('invalid_token');

    const foreign = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId, name: 'Cookie', origin: 'http://x-y-z.localhost' });
    expect((await meWithCookie(`__session=${foreign}`)).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------------
// The development sign-in exists only in dev mode on localhost
// ---------------------------------------------------------------------------------------------

describe('development sign-in', () => {
  const signInInit = (): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'dev-probe', name: 'Probe' }),
  });

  it('is 404 on a non-local host', async () => {
    const evil = client('evil.example.org').api.dev;
    const res = await read(evil['sign-in'].$post({ json: { userId: 'x-user', name: 'X' } }));
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('token');
    expect((await read(evil.personas.$get())).status).toBe(404);
  });

  it('makes the worker refuse to serve at all (500 misconfigured) when AUTH_MODE=dev but PLATFORM_HOST is not local', async () => {
    for (const url of ['http://localhost/api/dev/sign-in', 'http://huzhu.example.org/api/dev/sign-in']) {
      const res = await callWithEnv({ PLATFORM_HOST: 'huzhu.example.org' }, url, signInInit());
      expect(res.status, url).toBe(500);
      expect(errorOf(res.json).code).toBe('misconfigured');
      expect(res.json).not.toHaveProperty('token');
    }
    const personas = await callWithEnv({ PLATFORM_HOST: 'huzhu.example.org' }, 'http://huzhu.example.org/api/dev/personas');
    expect(personas.status).toBe(500);
    const page = await callWithEnv({ PLATFORM_HOST: 'huzhu.example.org' }, 'http://huzhu.example.org/');
    expect(page.status).toBe(500);
  });

  it('is 404 (sign-in and personas) with AUTH_MODE=clerk, even on localhost', async () => {
    const health = await callWithEnv({ AUTH_MODE: 'clerk' }, 'http://localhost/api/health');
    expect(health.status).toBe(200); // the worker does serve in clerk mode; only the dev routes are gone
    const signInRes = await callWithEnv({ AUTH_MODE: 'clerk' }, 'http://localhost/api/dev/sign-in', signInInit());
    expect(signInRes.status).toBe(404);
    expect(signInRes.json).not.toHaveProperty('token');
    expect((await callWithEnv({ AUTH_MODE: 'clerk' }, 'http://localhost/api/dev/personas')).status).toBe(404);
    expect((await callWithEnv({ AUTH_MODE: 'clerk' }, 'http://localhost/api/dev/seed', { method: 'POST' })).status).toBe(404);
  });

  describe('readConfig', () => {
    const base = { CLERK_JWT_KEY: 'public-key', DEV_JWT_PRIVATE_KEY: 'private-key' };
    const fresh = (vars: Record<string, string | undefined>) => ({ ...base, ...vars }) as unknown as Bindings;

    it('refuses AUTH_MODE=dev with a non-local PLATFORM_HOST', () => {
      expect(() => readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: 'huzhu.example.org' }))).toThrow(ConfigError);
      expect(() => readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: 'localhost.example.org' }))).toThrow(ConfigError);
      expect(() => readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: 'x.localhost' }))).toThrow(ConfigError);
    });

    it('accepts AUTH_MODE=dev on localhost and 127.0.0.1, with the dev key', () => {
      expect(readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: 'localhost' }))).toMatchObject({
        authMode: 'dev',
        platformHost: 'localhost',
        devPrivateKey: 'private-key',
      });
      expect(readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: ' LOCALHOST ' })).platformHost).toBe('localhost');
      expect(readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: '127.0.0.1' })).authMode).toBe('dev');
    });

    it('refuses AUTH_MODE=dev without DEV_JWT_PRIVATE_KEY', () => {
      expect(() => readConfig(fresh({ AUTH_MODE: 'dev', PLATFORM_HOST: 'localhost', DEV_JWT_PRIVATE_KEY: undefined }))).toThrow(
        ConfigError,
      );
    });

    it('never hands the dev key out in clerk mode', () => {
      const config = readConfig(fresh({ AUTH_MODE: 'clerk', PLATFORM_HOST: 'huzhu.example.org' }));
      expect(config).toMatchObject({ authMode: 'clerk', platformHost: 'huzhu.example.org' });
      expect(config.devPrivateKey).toBeUndefined();
    });

    it('refuses an unknown AUTH_MODE, a bad PLATFORM_HOST and a missing CLERK_JWT_KEY', () => {
      expect(() => readConfig(fresh({ AUTH_MODE: 'none', PLATFORM_HOST: 'localhost' }))).toThrow(ConfigError);
      expect(() => readConfig(fresh({ AUTH_MODE: 'clerk', PLATFORM_HOST: '' }))).toThrow(ConfigError);
      expect(() => readConfig(fresh({ AUTH_MODE: 'clerk', PLATFORM_HOST: 'evil.org/path' }))).toThrow(ConfigError);
      expect(() => readConfig(fresh({ AUTH_MODE: 'clerk', PLATFORM_HOST: 'huzhu.example.org', CLERK_JWT_KEY: undefined }))).toThrow(
        ConfigError,
      );
    });

    it('caches per env object: the same object gives the same config', () => {
      const e = fresh({ AUTH_MODE: 'clerk', PLATFORM_HOST: 'huzhu.example.org' });
      expect(readConfig(e)).toBe(readConfig(e));
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

describe('community addresses', () => {
  const malformed = [
    '../x',
    'UPPER',
    '中文名',
    'ab',
    'a'.repeat(33),
    'a'.repeat(40),
    '-abc',
    'abc-',
    'a--b',
    'www',
    'api',
    'admin',
    'platform',
    'static',
    'a.b.c',
    'abc/def',
    ' abc',
    '',
  ];

  it.each(malformed)('rejects slug %j at sign-up with 400 details.slug, creating nothing', async (slug) => {
    const token = await signIn(uid('slug-tester'));
    const res = await read(client(PLATFORM, token).api.communities.$post({ json: setupBody(slug) }));
    expect(res.status).toBe(400);
    expect(errorOf(res.json).code).toBe('validation_failed');
    expect(errorOf(res.json).details).toHaveProperty(['slug']);
    const row = await env.PLATFORM_DB.prepare('SELECT COUNT(*) AS n FROM communities WHERE slug = ?').bind(slug).first<{ n: number }>();
    expect(row?.n).toBe(0);
  });

  it.each([
    ['abc', null],
    ['a-b-c', null],
    ['garden-2024', null],
    ['a'.repeat(32), null],
    ['a'.repeat(33), 'format'],
    ['ab', 'format'],
    ['UPPER', 'format'],
    ['../x', 'format'],
    ['中文名', 'format'],
    ['-abc', 'format'],
    ['abc-', 'format'],
    ['a--b', 'format'],
    ['a_b', 'format'],
    ['www', 'reserved'],
    ['api', 'reserved'],
    ['admin', 'reserved'],
    ['platform', 'reserved'],
    ['static', 'reserved'],
    ['localhost', 'reserved'],
  ] as const)('checkSlug(%j) is %j', (slug, expected) => {
    expect(checkSlug(slug)).toBe(expected);
  });

  it.each([
    ['localhost', { kind: 'platform' }],
    ['LOCALHOST', { kind: 'platform' }],
    ['localhost.', { kind: 'platform' }],
    ['127.0.0.1', { kind: 'platform' }],
    ['www.localhost', { kind: 'platform' }],
    ['garden.localhost', { kind: 'community', slug: 'garden' }],
    ['UPPER.localhost', { kind: 'community', slug: 'upper' }],
    ['x.y.localhost', { kind: 'unknown' }],
    ['a.garden.localhost', { kind: 'unknown' }],
    ['evil.com', { kind: 'unknown' }],
    ['localhost.evil.com', { kind: 'unknown' }],
    ['evillocalhost', { kind: 'unknown' }],
    ['a--b.localhost', { kind: 'unknown' }],
    ['ab.localhost', { kind: 'unknown' }],
    ['api.localhost', { kind: 'unknown' }],
    ['-abc.localhost', { kind: 'unknown' }],
  ] as const)('classifyHost(%j) on platform localhost is %j', (hostname, expected) => {
    expect(classifyHost(hostname, 'localhost')).toEqual(expected);
  });

  it('classifies hosts under a production platform host without treating lookalikes as ours', () => {
    const p = 'huzhu.example.org';
    expect(classifyHost('huzhu.example.org', p)).toEqual({ kind: 'platform' });
    expect(classifyHost('www.huzhu.example.org', p)).toEqual({ kind: 'platform' });
    expect(classifyHost('garden.huzhu.example.org', p)).toEqual({ kind: 'community', slug: 'garden' });
    expect(classifyHost('127.0.0.1', p)).toEqual({ kind: 'unknown' });
    expect(classifyHost('localhost', p)).toEqual({ kind: 'unknown' });
    expect(classifyHost('evilhuzhu.example.org', p)).toEqual({ kind: 'unknown' });
    expect(classifyHost('huzhu.example.org.evil.com', p)).toEqual({ kind: 'unknown' });
    expect(classifyHost('garden.huzhu.example.org.evil.com', p)).toEqual({ kind: 'unknown' });
  });
});

// ---------------------------------------------------------------------------------------------
// Hosts without an active community
// ---------------------------------------------------------------------------------------------

describe('hosts without an active community', () => {
  let spa: string;
  beforeAll(async () => {
    // Whatever dist/web/index.html holds: the platform host serves it.
    const res = await rawCall(PLATFORM, '/');
    expect(res.status).toBe(200);
    spa = res.text;
    expect(spa.length).toBeGreaterThan(0);
  });

  it('answers an unknown community host with a bilingual 404 page linking to the platform, never the SPA', async () => {
    for (const path of ['/', '/join', '/index.html', '/some/deep/link']) {
      const res = await rawCall('nope-nope.localhost', path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('没有这个社区');
      expect(res.text).toContain('No such community');
      expect(res.text).toContain('href="http://localhost/"');
      expect(res.text).not.toBe(spa);
    }
  });

  it('answers the API of an unknown community host with a 404 JSON error', async () => {
    const res = await read(client('nope-nope.localhost').api.community.$get());
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers a foreign host with 404, never the SPA', async () => {
    for (const host of ['evil.example.org', 'x.y.localhost', 'a--b.localhost', 'api.localhost']) {
      const page = await rawCall(host, '/');
      expect(page.status, host).toBe(404);
      expect(page.text).not.toBe(spa);
      const api = await read(client(host).api.health.$get());
      expect(api.status, host).toBe(404);
      expect(errorOf(api.json).code).toBe('not_found');
    }
  });

  it('shows a suspended community as 410 (page and API) and restores it on reactivation', async () => {
    const { slug, host, founderToken } = await createCommunity(uid('suspend-founder'));
    const operator = await makeOperator();
    const profile = () => read(client(host).api.community.$get());
    const ownMembership = () => read(client(host, founderToken).api.members.me.$get());
    const setStatus = (status: 'suspended' | 'active') =>
      read(client(PLATFORM, operator.token).api.operator.communities[':slug'].status.$post({ param: { slug }, json: { status } }));
    expect((await profile()).status).toBe(200);

    const suspend = await setStatus('suspended');
    expectStatus(suspend, 200);
    expect(suspend.json.status).toBe('suspended');

    const page = await rawCall(host, '/');
    expect(page.status).toBe(410);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('这个社区已暂停');
    expect(page.text).not.toBe(spa);
    const api = await profile();
    expect(api.status).toBe(410);
    expect(errorOf(api.json).code).toBe('community_suspended');
    // Members cannot reach data either.
    expect((await ownMembership()).status).toBe(410);

    const reactivate = await setStatus('active');
    expect(reactivate.status).toBe(200);
    expect((await profile()).status).toBe(200);
    expect((await rawCall(host, '/')).status).toBe(200);
    expect((await ownMembership()).status).toBe(200);
  });

  it('does not let the founder (a non-operator) suspend their own community', async () => {
    const founder = uid('self-suspend');
    const { slug } = await createCommunity(founder);
    const res = await read(
      client(PLATFORM, await signIn(founder)).api.operator.communities[':slug'].status.$post({
        param: { slug },
        json: { status: 'suspended' },
      }),
    );
    expect(res.status).toBe(403);
    expect(bodyOf(await read(client(PLATFORM).api.communities[':slug'].$get({ param: { slug } })), 200).status).toBe('active');
  });
});

// ---------------------------------------------------------------------------------------------
// Concurrent sign-ups
// ---------------------------------------------------------------------------------------------

describe('concurrent sign-ups', () => {
  it('never give two communities the same database', async () => {
    const count = 10;
    const signUps = await Promise.all(
      Array.from({ length: count }, async (_, i) => ({
        slug: uniqueSlug(`par${i}`),
        nameZh: `并发小区${i}号`,
        token: await signIn(uid(`parallel-${i}`)),
      })),
    );
    const results = await Promise.all(
      signUps.map((s) => read(client(PLATFORM, s.token).api.communities.$post({ json: setupBody(s.slug, { nameZh: s.nameZh }) }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(count).fill(201));

    const { results: active } = await env.PLATFORM_DB.prepare(
      "SELECT id, slug, database_binding FROM communities WHERE status = 'active'",
    ).all<{ id: string; slug: string; database_binding: string | null }>();
    const bindings = active.map((c) => c.database_binding);
    expect(bindings.every((b) => typeof b === 'string' && b.length > 0)).toBe(true);
    expect(new Set(bindings).size).toBe(bindings.length);

    const { results: pool } = await env.PLATFORM_DB.prepare(
      'SELECT binding, community_id FROM database_pool WHERE community_id IS NOT NULL',
    ).all<{ binding: string; community_id: string }>();
    expect(new Set(pool.map((p) => p.community_id)).size).toBe(pool.length);
    // Each active community's binding is the one the pool recorded for it.
    const poolByCommunity = new Map(pool.map((p) => [p.community_id, p.binding]));
    for (const c of active) expect(poolByCommunity.get(c.id), c.slug).toBe(c.database_binding);

    // And each new site shows its own data.
    for (const s of signUps) {
      const site = await read(client(`${s.slug}.localhost`).api.community.$get());
      expectStatus(site, 200);
      expect(site.json.name.zh).toBe(s.nameZh);
      expect(site.json.memberCount).toBe(1);
    }
  });

  it('give the same address to exactly one of two simultaneous sign-ups (201 and 409)', async () => {
    const slug = uniqueSlug('race');
    const [t1, t2] = await Promise.all([signIn(uid('racer-1')), signIn(uid('racer-2'))]);
    const results = await Promise.all([
      read(client(PLATFORM, t1).api.communities.$post({ json: setupBody(slug, { nameZh: '赛跑一号' }) })),
      read(client(PLATFORM, t2).api.communities.$post({ json: setupBody(slug, { nameZh: '赛跑二号' }) })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(errorOf(loser.json).code).toBe('slug_taken');
    const winner = results.find((r) => r.status === 201)!;
    expectStatus(winner, 201);
    const rows = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE slug = ?').bind(slug).all<{ id: string }>();
    expect(rows.results).toHaveLength(1);
    const site = await read(client(`${slug}.localhost`).api.community.$get());
    expect(bodyOf(site, 200).name.zh).toBe(winner.json.name.zh);
  });
});
