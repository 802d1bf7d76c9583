import { app } from './app';
import type { Bindings } from './env';
import { consumeMetricsBatch, type MetricsMessage, startSnapshotRun } from './metrics/snapshots';
import { resumeStalledProvisioning } from './platform/provisioning';

export type { AppType } from './app';

/** The daily cron in wrangler.toml; the other one (every 5 minutes) resumes stalled sign-ups. */
export const DAILY_METRICS_CRON = '17 3 * * *';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    if (controller.cron === DAILY_METRICS_CRON) {
      ctx.waitUntil(startSnapshotRun(env, 'schedule'));
      return;
    }
    // Finishes sign-ups whose request died part-way through provisioning.
    ctx.waitUntil(resumeStalledProvisioning(env));
  },
  async queue(batch, env, _ctx) {
    await consumeMetricsBatch(batch as MessageBatch<MetricsMessage>, env);
  },
} satisfies ExportedHandler<Bindings, MetricsMessage>;
