import type { Bindings } from '../env';
import { ensureTenantMigrated } from '../tenancy/migrator';
import { tenantDatabase } from '../tenancy/pool';
import { collectMonthFacts } from './collect';
import { type Figures, figuresForSeries, monthsUpTo } from './definitions';

/** The daily cron in wrangler.toml (scripts/pool-config.mjs); the other one, every 5 minutes, resumes stalled sign-ups. */
export const DAILY_METRICS_CRON = '17 3 * * *';
/** Twelve complete months and the current one, so trends and "month to date" both have figures. */
export const SNAPSHOT_MONTHS = 13;
/** Communities per queue message; with max_batch_size 2 an invocation handles at most 20 (≈40 D1 calls). */
export const COMMUNITIES_PER_MESSAGE = 10;
/** A change recomputes after this pause, so a burst of changes costs one computation. */
export const CHANGE_DELAY_SECONDS = 30;

export type MetricsMessage = { kind: 'run'; runId: string; communityIds: string[] } | { kind: 'changed'; communityId: string; at: string };

interface CommunityRow {
  id: string;
  databaseBinding: string;
}

/** Computes one community's figures from its own database and stores them, one row per month, in one batch. */
export async function snapshotCommunity(env: Bindings, community: CommunityRow, now: Date, runId: string | null): Promise<Figures[]> {
  const d1 = tenantDatabase(env, community.databaseBinding);
  await ensureTenantMigrated(community.databaseBinding, d1);
  const months = monthsUpTo(now, SNAPSHOT_MONTHS);
  const figures = figuresForSeries(await collectMonthFacts(d1, months, now));
  const computedAt = now.toISOString();
  const upsert = env.PLATFORM_DB.prepare(
    `INSERT INTO metric_snapshots (community_id, month, figures, computed_at, run_id) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (community_id, month) DO UPDATE SET figures = excluded.figures, computed_at = excluded.computed_at, run_id = excluded.run_id`,
  );
  await env.PLATFORM_DB.batch(months.map((month, i) => upsert.bind(community.id, month, JSON.stringify(figures[i]), computedAt, runId)));
  return figures;
}

async function activeCommunities(env: Bindings, ids?: readonly string[]): Promise<CommunityRow[]> {
  const { results } = await env.PLATFORM_DB.prepare(
    "SELECT id, database_binding AS databaseBinding FROM communities WHERE status = 'active' AND database_binding IS NOT NULL ORDER BY id",
  ).all<CommunityRow>();
  if (!ids) return results;
  const wanted = new Set(ids);
  return results.filter((r) => wanted.has(r.id));
}

/**
 * Starts a pass over every active community: records the run, then queues the communities in messages of a
 * few each. The consumer does the work, so no single invocation grows with the number of communities.
 */
export async function startSnapshotRun(env: Bindings, trigger: 'schedule' | 'operator'): Promise<{ runId: string; total: number }> {
  const targets = await activeCommunities(env);
  const runId = crypto.randomUUID();
  await env.PLATFORM_DB.prepare('INSERT INTO snapshot_runs (id, trigger, total, finished_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(runId, trigger, targets.length, targets.length === 0 ? new Date().toISOString() : null)
    .run();
  const messages: { body: MetricsMessage }[] = [];
  for (let i = 0; i < targets.length; i += COMMUNITIES_PER_MESSAGE) {
    messages.push({ body: { kind: 'run', runId, communityIds: targets.slice(i, i + COMMUNITIES_PER_MESSAGE).map((t) => t.id) } });
  }
  // sendBatch takes at most 100 messages per call.
  for (let i = 0; i < messages.length; i += 100) await env.METRICS_QUEUE.sendBatch(messages.slice(i, i + 100));
  return { runId, total: targets.length };
}

/**
 * Asks for a community's figures to be recomputed after a material change (a settlement, a decision, a
 * meeting closed…). Best effort: the daily run catches anything a failed send misses.
 */
export async function snapshotSoon(env: Bindings, communityId: string): Promise<void> {
  try {
    await env.METRICS_QUEUE.send({ kind: 'changed', communityId, at: new Date().toISOString() } satisfies MetricsMessage, {
      delaySeconds: CHANGE_DELAY_SECONDS,
    });
  } catch (error) {
    console.warn('metrics: could not queue a recomputation', communityId, error);
  }
}

async function recordProgress(env: Bindings, runId: string, done: number, failed: number) {
  await env.PLATFORM_DB.prepare(
    `UPDATE snapshot_runs SET done = done + ?2, failed = failed + ?3,
       finished_at = CASE WHEN done + ?2 + failed + ?3 >= total THEN strftime('%Y-%m-%dT%H:%M:%fZ','now') ELSE finished_at END
     WHERE id = ?1`,
  )
    .bind(runId, done, failed)
    .run();
}

/** Handles one message: a slice of a run, or one community that changed. Returns what it did. */
export async function handleMetricsMessage(
  env: Bindings,
  message: MetricsMessage,
  now = new Date(),
): Promise<{ done: number; failed: number; skipped: number }> {
  if (message.kind === 'changed') {
    const [community] = await activeCommunities(env, [message.communityId]);
    if (!community) return { done: 0, failed: 0, skipped: 1 };
    // Another message for the same community may already have recomputed after this change.
    const latest = await env.PLATFORM_DB.prepare('SELECT MAX(computed_at) AS at FROM metric_snapshots WHERE community_id = ?1')
      .bind(community.id)
      .first<{ at: string | null }>();
    if (latest?.at && latest.at >= message.at) return { done: 0, failed: 0, skipped: 1 };
    await snapshotCommunity(env, community, now, null);
    return { done: 1, failed: 0, skipped: 0 };
  }
  const targets = await activeCommunities(env, message.communityIds);
  let done = 0;
  let failed = 0;
  for (const community of targets) {
    try {
      await snapshotCommunity(env, community, now, message.runId);
      done++;
    } catch (error) {
      // One community's failure must not hold up the others; it keeps its previous snapshot.
      console.error('metrics: snapshot failed', community.id, error);
      failed++;
    }
  }
  // Communities that stopped being active since the run began count as done: there is nothing to compute.
  const skipped = message.communityIds.length - targets.length;
  await recordProgress(env, message.runId, done + skipped, failed);
  return { done, failed, skipped };
}

/** The Queue consumer: each message is acknowledged once handled, retried if handling threw. */
export async function consumeMetricsBatch(batch: MessageBatch<MetricsMessage>, env: Bindings): Promise<void> {
  for (const message of batch.messages) {
    try {
      await handleMetricsMessage(env, message.body);
      message.ack();
    } catch (error) {
      console.error('metrics: message failed, will retry', error);
      message.retry();
    }
  }
}

export interface RunProgress {
  id: string;
  trigger: string;
  total: number;
  done: number;
  failed: number;
  startedAt: string;
  finishedAt: string | null;
}

export async function latestRun(env: Bindings): Promise<RunProgress | null> {
  return env.PLATFORM_DB.prepare(
    'SELECT id, trigger, total, done, failed, started_at AS startedAt, finished_at AS finishedAt FROM snapshot_runs ORDER BY started_at DESC, rowid DESC LIMIT 1',
  ).first<RunProgress>();
}

/** Recomputes these communities at once (the demo seed, tests); the queue does it in production. */
export async function snapshotNow(env: Bindings, ids?: readonly string[], now = new Date()): Promise<number> {
  const targets = await activeCommunities(env, ids);
  for (const community of targets) await snapshotCommunity(env, community, now, null);
  return targets.length;
}
