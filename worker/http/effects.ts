import { createMiddleware } from 'hono/factory';
import { snapshotSoon } from '../metrics/snapshots';
import type { AppEnv } from './context';

/** What a successful write on a route changes beyond its own records, declared beside the route. */
export type Effect = 'metrics';

/**
 * After a successful write that changes what the metrics count, asks for the community's snapshot to be recomputed
 * shortly; the queue consumer collapses a burst of writes into one computation.
 */
export function afterSuccess(effects: readonly Effect[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.res.status >= 400 || !effects.includes('metrics')) return;
    const host = c.get('host');
    if (host?.kind !== 'community') return;
    const queued = snapshotSoon(c.env, host.community.id);
    try {
      c.executionCtx.waitUntil(queued);
    } catch {
      await queued; // no execution context (a direct app.request): finish before answering
    }
  });
}
