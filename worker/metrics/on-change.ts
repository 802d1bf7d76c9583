import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/context';
import { snapshotSoon } from './snapshots';

/** Writes under these paths change what the metrics count; others (handbooks, canvas, media) do not. */
const MATERIAL =
  /^\/api\/(activities|clubs|issues|meetings|buildings|contact-applications|volunteers|volunteer-hours|committees|members|programs|parties|community|actions|ledger)(\/|$)/;

/**
 * After a successful write on a community host that changes what the metrics count, asks for the community's
 * snapshot to be recomputed shortly. The queue consumer collapses a burst of writes into one computation.
 */
export const recomputeAfterChange = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
  const host = c.get('host');
  if (host?.kind !== 'community' || !MATERIAL.test(c.req.path)) return;
  const queued = snapshotSoon(c.env, host.community.id);
  try {
    c.executionCtx.waitUntil(queued);
  } catch {
    await queued; // no execution context (a direct app.request): finish before answering
  }
});
