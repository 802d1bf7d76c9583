import { deliverSoon } from '../community/notifications/delivery-queue';
import { createMiddleware } from 'hono/factory';
import { tenantDb } from '../db/client';
import { ConfigError, readConfig } from '../env';
import { type ErrorCode, errorJson } from '../errors';
import type { AppContext, AppEnv } from '../http/context';
import { lookupCommunity } from './directory';
import { classifyHost } from './host';
import { ensureTenantMigrated } from './migrator';
import { statusPage } from './pages';
import { holdsDatabase, isRoutedShard, shardName, tenantDatabase } from './pool';
import { SHARD_HEADER } from './shard-header';
import { countRoundTrips, type RoundTrips } from './round-trip-counter';

function platformUrl(c: AppContext, platformHost: string): string {
  const url = new URL(c.req.url);
  return `${url.protocol}//${platformHost}${url.port ? `:${url.port}` : ''}/`;
}

const pages = {
  not_found: {
    status: 404,
    titleZh: '没有这个社区',
    titleEn: 'No such community',
    bodyZh: '这个地址上还没有社区。请检查网址，或者在互助平台上创建一个新社区。',
    bodyEn: 'There is no community at this address. Check the address, or start a new community on the Huzhu platform.',
  },
  community_suspended: {
    status: 410,
    titleZh: '这个社区已暂停',
    titleEn: 'This community is suspended',
    bodyZh: '这个社区的网站目前已暂停使用，数据仍然完整保存。如有疑问，请联系社区互助会或平台运营。',
    bodyEn: "This community's site is suspended for now; its data is kept safe. Please contact the association or the platform operators.",
  },
  not_ready: {
    status: 503,
    titleZh: '社区正在创建中',
    titleEn: 'This community is being set up',
    bodyZh: '社区网站正在创建，通常只需几秒钟。请稍后刷新本页。',
    bodyEn: 'The community site is being set up; this usually takes a few seconds. Please reload shortly.',
  },
} as const;

function refuse(c: AppContext, code: keyof typeof pages, platformHost: string) {
  const page = pages[code];
  if (c.req.path.startsWith('/api/')) return errorJson(c, code as ErrorCode, page.bodyEn);
  return c.html(statusPage({ ...page, platformUrl: platformUrl(c, platformHost) }), page.status);
}

/**
 * Resolves the host once per request: the platform, or an active community with its own database
 * (migrated before its first request in this isolate). Handlers read `c.var.host` and nothing else.
 */
export const resolveTenancy = createMiddleware<AppEnv>(async (c, next) => {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(c.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error('refusing to serve:', error.message);
      return errorJson(c, 'misconfigured', 'The service is misconfigured');
    }
    throw error;
  }
  c.set('config', config);
  c.set('member', null);
  c.set('accessChecked', false);
  // A shard serves only what the router sends it, named for it (worker/router/): anything else was misrouted.
  if (isRoutedShard(c.env) && c.req.header(SHARD_HEADER) !== shardName(c.env)) {
    return errorJson(c, 'wrong_shard', `This is ${shardName(c.env)}; the request was meant for another shard`);
  }
  const host = classifyHost(new URL(c.req.url).hostname, config.platformHost);
  if (host.kind === 'unknown') return refuse(c, 'not_found', config.platformHost);
  if (host.kind === 'platform') {
    c.set('host', { kind: 'platform' });
    await next();
    if (isRoutedShard(c.env)) c.header('x-huzhu-served-by', shardName(c.env));
    return;
  }
  const entry = await lookupCommunity(c.env.PLATFORM_DB, host.slug, (refresh) => c.executionCtx.waitUntil(refresh));
  if (!entry) return refuse(c, 'not_found', config.platformHost);
  if (entry.status === 'suspended') return refuse(c, 'community_suspended', config.platformHost);
  if (entry.status !== 'active' || !entry.databaseBinding) return refuse(c, 'not_ready', config.platformHost);
  // The community's database lives on another shard: refuse rather than guess (never another community's data).
  if (!holdsDatabase(c.env, entry.databaseBinding)) {
    return errorJson(c, 'wrong_shard', `This community is not served by ${shardName(c.env)}`);
  }
  const bound = tenantDatabase(c.env, entry.databaseBinding);
  await ensureTenantMigrated(entry.databaseBinding, bound);
  // Locally, report the community database's round trips per request (read by `npm run bench`).
  const trips: RoundTrips = { count: 0 };
  const d1 = config.authMode === 'dev' ? countRoundTrips(bound, trips) : bound;
  c.set('host', {
    kind: 'community',
    community: {
      id: entry.id,
      slug: entry.slug,
      nameZh: entry.nameZh,
      nameEn: entry.nameEn,
      databaseBinding: entry.databaseBinding,
    },
    db: tenantDb(d1),
    d1,
  });
  await next();
  if (config.authMode === 'dev') c.header('x-d1-round-trips', String(trips.count));
  if (isRoutedShard(c.env)) c.header('x-huzhu-served-by', shardName(c.env));
  // A change may have notified someone: their email and push go out now, not at the next tick.
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400)
    c.executionCtx.waitUntil(deliverSoon(c.env, bound, entry.id, new URL(c.req.url).origin));
});
