import { app } from './app';
import { type ArchiveMessage, consumeArchiveBatch } from './community/archive/queue';
import {
  consumeDeliveryBatch,
  type DeliveryMessage,
  HOURLY_DELIVERY_CRON,
  startDeliveryTick,
} from './community/notifications/delivery-queue';
import type { Bindings } from './env';
import { consumeMetricsBatch, DAILY_METRICS_CRON, type MetricsMessage, startSnapshotRun } from './metrics/snapshots';
import { type BackupMessage, consumeBackupBatch, resumeStalledBackups, startBackupRun } from './platform/backups/runs';
import { resumeStalledProvisioning } from './platform/provisioning';
import { topUpWarmPool } from './tenancy/warm-pool';

export type { AppType } from './app';

// Only handlers may be exported from the main module: workerd treats every named export as an entrypoint.
export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    // The daily run queues every community; each is snapshotted and has its daily chores done (library reminders…).
    // The same daily run backs every community up to R2 (worker/platform/backups/).
    if (controller.cron === DAILY_METRICS_CRON) {
      ctx.waitUntil(startSnapshotRun(env, 'schedule'));
      if (env.BACKUP_TRIGGER !== 'manual') ctx.waitUntil(startBackupRun(env, 'schedule'));
      return;
    }
    if (controller.cron === HOURLY_DELIVERY_CRON) {
      ctx.waitUntil(startDeliveryTick(env));
      return;
    }
    // Finishes sign-ups whose request died part-way through provisioning, sends on backups that stopped moving, and
    // keeps databases prepared so that a sign-up writes only its own rows.
    ctx.waitUntil(resumeStalledProvisioning(env));
    ctx.waitUntil(topUpWarmPool(env));
    if (env.BACKUP_TRIGGER !== 'manual') ctx.waitUntil(resumeStalledBackups(env));
  },
  async queue(batch, env, _ctx) {
    if (batch.queue.startsWith('huzhu-deliveries')) await consumeDeliveryBatch(batch as MessageBatch<DeliveryMessage>, env);
    else if (batch.queue.startsWith('huzhu-backups')) await consumeBackupBatch(batch as MessageBatch<BackupMessage>, env);
    else if (batch.queue.startsWith('huzhu-archives')) await consumeArchiveBatch(batch as MessageBatch<ArchiveMessage>, env);
    else await consumeMetricsBatch(batch as MessageBatch<MetricsMessage>, env);
  },
} satisfies ExportedHandler<Bindings, MetricsMessage | DeliveryMessage | ArchiveMessage | BackupMessage>;
