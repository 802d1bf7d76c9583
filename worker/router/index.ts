/**
 * The router Worker: owns the platform host and the host → shard map, and forwards every request over a service
 * binding to the shard Worker that serves it (worker/index.ts, the same code, with its own slice of the database
 * pool). It never opens a community database. Configured by scripts/shard-config.mjs; see docs/scaling.md.
 *
 * An operator's "run now" for metric snapshots or for every community's backup is one run over every shard: the router
 * names the run, sends the request first to the first shard, which records the run with every shard's communities in
 * it, then to each other shard, which queues its own communities' part, and answers with the first shard's response.
 */
import { isLocalHostname } from '../env';
import { classifyHost } from '../tenancy/host';
import { RUN_ID_HEADER, RUN_PART_HEADER, type RunPart, SHARD_HEADER } from '../tenancy/shard-header';
import { backupShard, communityShard, shardsForSignUp } from './map';
import { backupRunScope, destinationOf, shardBinding, shardList } from './rules';

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

function forward(
  env: RouterBindings,
  shard: string,
  request: Request,
  body?: ArrayBuffer,
  run?: { id: string; part: RunPart },
): Promise<Response> {
  const target = env[shardBinding(shard) as `SHARD_${string}`];
  if (!target) return Promise.resolve(refuse(500, 'misconfigured', `The router has no binding for ${shard}`));
  const headers = new Headers(request.headers);
  headers.set(SHARD_HEADER, shard);
  headers.delete(DEV_ROUTE_HEADER);
  // Only the router names a run that spans the shards: a client's copy of these headers never reaches one.
  headers.delete(RUN_ID_HEADER);
  headers.delete(RUN_PART_HEADER);
  if (run) {
    headers.set(RUN_ID_HEADER, run.id);
    headers.set(RUN_PART_HEADER, run.part);
  }
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

/**
 * One run over every shard. The first shard records it (counting every shard's communities, so it cannot finish
 * before the others' parts are done) and queues its own part; only once it has accepted do the others queue theirs.
 */
async function runOnEveryShard(env: RouterBindings, shards: string[], request: Request, body: ArrayBuffer): Promise<Response> {
  const [control, ...others] = shards as [string, ...string[]];
  const id = crypto.randomUUID();
  const lead = await forward(env, control, request, body, { id, part: 'lead' });
  if (lead.status !== 202) return lead;
  const joined = await Promise.allSettled(others.map((shard) => forward(env, shard, request, body, { id, part: 'join' })));
  joined.forEach((outcome, i) => {
    const status = outcome.status === 'fulfilled' ? outcome.value.status : String(outcome.reason);
    if (status !== 202) console.error('router: a shard did not join run', id, others[i], status);
  });
  return lead;
}

/** A backup run: of one community on its shard alone, of every community on every shard. */
async function backupRun(env: RouterBindings, shards: string[], request: Request): Promise<Response> {
  const body = await request.arrayBuffer();
  const scope = backupRunScope(new TextDecoder().decode(body));
  if (scope.kind === 'every') return runOnEveryShard(env, shards, request, body);
  const shard = scope.kind === 'one' ? await communityShard(env.PLATFORM_DB, scope.slug) : null;
  return forward(env, shard ?? shards[0]!, request, body);
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
      case 'every-shard':
        return destination.run === 'backups'
          ? backupRun(env, shards, request)
          : runOnEveryShard(env, shards, request, await request.arrayBuffer());
      default:
        return forward(env, control, request);
    }
  },
} satisfies ExportedHandler<RouterBindings>;
