/**
 * The router Worker: owns the platform host and the host → shard map, and forwards every request over a service
 * binding to the shard Worker that serves it (worker/index.ts, the same code, with its own slice of the database
 * pool). It never opens a community database. Configured by scripts/shard-config.mjs; see docs/scaling.md.
 */
import { isLocalHostname } from '../env';
import { classifyHost } from '../tenancy/host';
import { SHARD_HEADER } from '../tenancy/shard-header';
import { backupShard, communityShard, shardsForSignUp } from './map';
import { destinationOf, shardBinding, shardList } from './rules';

export interface RouterBindings {
  PLATFORM_DB: D1Database;
  PLATFORM_HOST: string;
  /** The shards, in order: "shard-1,shard-2". The first serves the platform's own pages. */
  SHARDS: string;
  AUTH_MODE?: string;
  [shardBinding: `SHARD_${string}`]: Fetcher;
}

/** Development only (AUTH_MODE=dev on localhost): send this request to the named shard, right or wrong (tests). */
const DEV_ROUTE_HEADER = 'x-huzhu-route-to';

function refuse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

function forward(env: RouterBindings, shard: string, request: Request, body?: ArrayBuffer): Promise<Response> {
  const target = env[shardBinding(shard) as `SHARD_${string}`];
  if (!target) return Promise.resolve(refuse(500, 'misconfigured', `The router has no binding for ${shard}`));
  const headers = new Headers(request.headers);
  headers.set(SHARD_HEADER, shard);
  headers.delete(DEV_ROUTE_HEADER);
  return target.fetch(new Request(request.url, { method: request.method, headers, body: body ?? request.body, redirect: 'manual' }));
}

/** A sign-up goes to the shard with the most free databases; one that turns out to have none passes it on. */
async function signUp(env: RouterBindings, shards: string[], request: Request): Promise<Response> {
  const body = await request.arrayBuffer();
  let last: Response | null = null;
  for (const shard of await shardsForSignUp(env.PLATFORM_DB, shards)) {
    last = await forward(env, shard, request, body);
    if (last.status !== 503) return last;
    const answer = (await last
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string } } | null;
    if (answer?.error?.code !== 'pool_exhausted') return last;
  }
  return last ?? refuse(500, 'misconfigured', 'The router knows no shards');
}

export default {
  async fetch(request, env) {
    const shards = shardList(env.SHARDS);
    const control = shards[0];
    if (!control) return refuse(500, 'misconfigured', 'SHARDS names no shard');
    const url = new URL(request.url);
    const forced = request.headers.get(DEV_ROUTE_HEADER);
    if (forced && env.AUTH_MODE === 'dev' && env.PLATFORM_HOST === 'localhost' && isLocalHostname(url.hostname)) {
      return forward(env, forced, request);
    }
    const host = classifyHost(url.hostname, env.PLATFORM_HOST);
    // An address that is neither the platform nor a community: the control shard answers with its page.
    if (host.kind === 'unknown') return forward(env, control, request);
    const destination = destinationOf(host, request.method, url.pathname);
    switch (destination.kind) {
      case 'sign-up':
        return signUp(env, shards, request);
      case 'community':
        return forward(env, (await communityShard(env.PLATFORM_DB, destination.slug)) ?? control, request);
      case 'backup':
        return forward(env, (await backupShard(env.PLATFORM_DB, destination.backupId)) ?? control, request);
      default:
        return forward(env, control, request);
    }
  },
} satisfies ExportedHandler<RouterBindings>;
