import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { z } from '@hono/zod-openapi';
import type { AppType } from '../../worker/app';
import worker from '../../worker/index';
import { tenantDb as drizzleTenantDb } from '../../worker/db/client';
import { errorSchema } from '../../worker/http/route';
import type { communitySetupSchema } from '../../worker/platform/community-setup';
import { tenantDatabase } from '../../worker/tenancy/pool';
import { parseJson, read } from '../client-response';

export { bodyOf, expectStatus, type Read, read } from '../client-response';

export const PLATFORM = 'localhost';

/**
 * Hands a request to the Worker's fetch handler, as the platform would, and waits for the work it left running
 * (`waitUntil`) before answering, so a test sees every effect of the request. The handler is called directly rather
 * than through the pool's `exports.default.fetch`, whose cost grows with every request a test file makes
 * (cloudflare/workers-sdk#15446): a file of 1,500 requests went from 6 ms to 400 ms per request.
 */
export async function dispatch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(input, init) as Parameters<NonNullable<typeof worker.fetch>>[0];
  const response = await worker.fetch!(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/**
 * The typed API client for `host`, as a browser there would call it (optionally signed in with `token`).
 * Requests go through the Worker's public fetch handler.
 *
 * @example
 * const res = await read(client(host, token).api.spaces.$post({ json: { name: '多功能厅', capacity: 60 } }));
 * expectStatus(res, 201);
 * res.json.id; // typed from the route's 201 response
 */
export function client(host: string, token?: string) {
  return hc<AppType>(`http://${host}`, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => dispatch(input, init),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** The client's `/api` tree, for naming request types: `InferRequestType<Api['activities']['$post']>['json']`. */
export type Api = ReturnType<typeof client>['api'];

export interface RawOptions {
  method?: string;
  /** Sent as is when a string (malformed JSON on purpose), else as JSON. */
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/**
 * An untyped call, for requests the typed client cannot or should not express: invalid bodies,
 * malformed JSON, paths that do not exist. The body is `unknown`; narrow it before use.
 */
export async function rawCall(host: string, path: string, options: RawOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await dispatch(
    new Request(`http://${host}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  const json: unknown = parseJson(text);
  return { status: response.status, json, text, headers: response.headers };
}

/**
 * The `{ code, message, details? }` of an error body, for responses the typed client does not describe
 * (`rawCall`, or a status the route does not declare). Throws when the body is not the error shape.
 */
export function errorOf(json: unknown) {
  return errorSchema.parse(json).error;
}

/**
 * A route's access rule as the OpenAPI document publishes it (`x-access`), for the sweeps that walk the document.
 * Role names stay plain strings: the sweeps check that each is a known role.
 */
export const publishedAccess = z.object({
  host: z.enum(['platform', 'community', 'any']),
  allow: z.union([z.string(), z.array(z.string())]),
  body: z
    .union([
      z.object({ field: z.string(), is: z.record(z.string(), z.array(z.string())) }),
      z.object({ field: z.string(), allow: z.array(z.string()), otherwise: z.array(z.string()).optional() }),
    ])
    .optional(),
});
export type PublishedAccess = z.infer<typeof publishedAccess>;

/** A session token from the development provider, valid only on `host`. */
export async function signIn(userId: string, host = PLATFORM, name = userId): Promise<string> {
  const res = await read(client(host).api.dev['sign-in'].$post({ json: { userId, name } }));
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return res.json.token;
}

let counter = 0;
export function uniqueSlug(prefix = 'c'): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter}`.slice(0, 32);
}

type CommunitySetup = z.input<typeof communitySetupSchema>;

/** The sign-up wizard's answers for a test community, with `overrides` on top. */
export function setupBody(slug: string, overrides: Partial<CommunitySetup> = {}): CommunitySetup {
  return {
    nameZh: '测试花园',
    nameEn: 'Test Garden',
    slug,
    city: '南京',
    district: '雨花台区',
    households: 1200,
    buildings: 6,
    parties: { residentsCommittee: '测试社区居委会', ownersCommittee: '测试业委会', propertyCompany: '测试物业' },
    template: 'cuizhuyuan@1',
    ...overrides,
  };
}

/** Signs up a community as `founder` and returns its slug and the founder's token for its host. */
export async function createCommunity(founder: string, overrides: Partial<CommunitySetup> = {}) {
  const slug = overrides.slug ?? uniqueSlug();
  const token = await signIn(founder);
  const res = await read(client(PLATFORM, token).api.communities.$post({ json: setupBody(slug, overrides) }));
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  const host = `${slug}.${PLATFORM}`;
  return { slug, host, founderToken: await signIn(founder, host) };
}

/** A community's own D1 database, found the way the Worker finds it: by the binding the control plane records. */
export async function tenantD1(slug: string): Promise<D1Database> {
  const row = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?')
    .bind(slug)
    .first<{ database_binding: string | null }>();
  if (!row?.database_binding) throw new Error(`no database for community ${slug}`);
  return tenantDatabase(env, row.database_binding);
}

/** A community's own database through the Worker's Drizzle client and tenant schema. */
export async function tenantDb(slug: string) {
  return drizzleTenantDb(await tenantD1(slug));
}
