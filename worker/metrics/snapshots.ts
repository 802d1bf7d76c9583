import { and, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { platformDb } from '../db/client';
import { now as sqlNow } from '../db/columns';
import { communities, databasePool, metricSnapshots, snapshotRuns } from '../db/platform-schema';
import type { Bindings } from '../env';
import { ensureTenantMigrated } from '../tenancy/migrator';
import { onThisShard, shardName, tenantDatabase } from '../tenancy/pool';
import type { SharedRun } from '../tenancy/shared-run';
import { runCoursesDayIn } from '../community/courses/decision';
import { runCareDayIn } from '../community/care/daily';
import { runLibraryDayIn } from '../community/library/daily';
import { runRetentionIn } from '../community/retention/service';
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

/** The value an upsert's conflicting insert proposed for this column. */
const excluded = (column: SQLiteColumn) => sql`excluded.${sql.identifier(column.name)}`;

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
  const db = platformDb(env.PLATFORM_DB);
  const [first, ...rest] = months.map((month, i) =>
    db
      .insert(metricSnapshots)
      .values({ communityId: community.id, month, figures: figures[i], computedAt, runId })
      .onConflictDoUpdate({
        target: [metricSnapshots.communityId, metricSnapshots.month],
        set: {
          figures: excluded(metricSnapshots.figures),
          computedAt: excluded(metricSnapshots.computedAt),
          runId: excluded(metricSnapshots.runId),
        },
      }),
  );
  await db.batch([first!, ...rest]);
  return figures;
}

/** Active communities with their database, all of them or those of `ids` (a queue message's few). */
async function activeCommunities(env: Bindings, ids?: readonly string[]): Promise<CommunityRow[]> {
  const rows = await platformDb(env.PLATFORM_DB)
    .select({ id: communities.id, databaseBinding: communities.databaseBinding })
    .from(communities)
    .where(
      and(
        eq(communities.status, 'active'),
        isNotNull(communities.databaseBinding),
        // A run lists this shard's communities; a message names its own (sent from this shard's queue).
        ids ? undefined : onThisShard(env, communities.databaseBinding),
        ids ? inArray(communities.id, [...ids]) : undefined,
      ),
    )
    .orderBy(communities.id);
  return rows.flatMap(({ id, databaseBinding }) => (databaseBinding === null ? [] : [{ id, databaseBinding }]));
}

/**
 * Starts a pass over every active community: records the run, then queues the communities in messages of a
 * few each. The consumer does the work, so no single invocation grows with the number of communities.
 *
 * A run shared by every shard (`shared`, named by the router): its lead records it with the active communities of
 * every shard as its total, from the same read as its own part, and each shard queues only its own communities; a
 * shard joining a run that is already recorded adds no second row, and one whose run is unknown queues nothing.
 */
export async function startSnapshotRun(
  env: Bindings,
  trigger: 'schedule' | 'operator',
  shared?: SharedRun,
): Promise<{ runId: string; total: number }> {
  const runId = shared?.id ?? crypto.randomUUID();
  const db = platformDb(env.PLATFORM_DB);
  let targets: CommunityRow[];
  let total: number;
  if (shared) {
    const everywhere = await activeCommunitiesWithShard(env);
    targets = everywhere.filter((c) => c.shard === shardName(env));
    total = everywhere.length;
    if (shared.part === 'lead') {
      await db
        .insert(snapshotRuns)
        .values({ id: runId, trigger, total, finishedAt: total === 0 ? new Date().toISOString() : null })
        .onConflictDoNothing();
    }
    const [run] = await db.select({ total: snapshotRuns.total }).from(snapshotRuns).where(eq(snapshotRuns.id, runId));
    if (!run) return { runId, total: 0 };
    total = run.total;
  } else {
    targets = await activeCommunities(env);
    total = targets.length;
    await db.insert(snapshotRuns).values({ id: runId, trigger, total, finishedAt: total === 0 ? new Date().toISOString() : null });
  }
  const messages: { body: MetricsMessage }[] = [];
  for (let i = 0; i < targets.length; i += COMMUNITIES_PER_MESSAGE) {
    messages.push({ body: { kind: 'run', runId, communityIds: targets.slice(i, i + COMMUNITIES_PER_MESSAGE).map((t) => t.id) } });
  }
  // sendBatch takes at most 100 messages per call.
  for (let i = 0; i < messages.length; i += 100) await env.METRICS_QUEUE.sendBatch(messages.slice(i, i + 100));
  return { runId, total };
}

/** Every shard's active communities, with the shard holding each one's database. */
async function activeCommunitiesWithShard(env: Bindings): Promise<(CommunityRow & { shard: string })[]> {
  const rows = await platformDb(env.PLATFORM_DB)
    .select({ id: communities.id, databaseBinding: databasePool.binding, shard: databasePool.shard })
    .from(communities)
    .innerJoin(databasePool, eq(databasePool.binding, communities.databaseBinding))
    .where(eq(communities.status, 'active'))
    .orderBy(communities.id);
  return rows;
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

/** Adds a slice's outcome to its run, and marks the run finished when the slices add up to its total. */
async function recordProgress(env: Bindings, runId: string, done: number, failed: number) {
  await platformDb(env.PLATFORM_DB)
    .update(snapshotRuns)
    .set({
      done: sql`${snapshotRuns.done} + ${done}`,
      failed: sql`${snapshotRuns.failed} + ${failed}`,
      finishedAt: sql`CASE WHEN ${snapshotRuns.done} + ${done} + ${snapshotRuns.failed} + ${failed} >= ${snapshotRuns.total}
        THEN ${sqlNow} ELSE ${snapshotRuns.finishedAt} END`,
    })
    .where(eq(snapshotRuns.id, runId));
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
    const [latest] = await platformDb(env.PLATFORM_DB)
      .select({ at: max(metricSnapshots.computedAt) })
      .from(metricSnapshots)
      .where(eq(metricSnapshots.communityId, community.id));
    if (latest?.at && latest.at >= message.at) return { done: 0, failed: 0, skipped: 1 };
    await snapshotCommunity(env, community, now, null);
    return { done: 1, failed: 0, skipped: 0 };
  }
  const targets = await activeCommunities(env, message.communityIds);
  let done = 0;
  let failed = 0;
  for (const community of targets) {
    try {
      // The daily pass of each community's own chores rides on the same run: the library's holds, reminders, erasure.
      await runLibraryDayIn(env, community.databaseBinding, now);
    } catch (error) {
      console.error('library: daily pass failed', community.id, error);
    }
    try {
      // Courses whose enrolment deadline has passed open, or are cancelled and refunded.
      await runCoursesDayIn(env, community.databaseBinding, now);
    } catch (error) {
      console.error('courses: daily pass failed', community.id, error);
    }
    try {
      // Retention: children's details, ended care, old loans and idle assisted members' phones are erased when due.
      await runRetentionIn(env, community.databaseBinding, now);
    } catch (error) {
      console.error('retention: daily pass failed', community.id, error);
    }
    try {
      // Elder care: coordinators hear of recipients who reach the no-visit limit today.
      await runCareDayIn(env, community.databaseBinding, now);
    } catch (error) {
      console.error('care: daily pass failed', community.id, error);
    }
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

/** Deliveries of one message before its slice is counted as failed (wrangler.toml's max_retries + 1). */
export const METRICS_MAX_ATTEMPTS = 4;

/**
 * The Queue consumer: each message is acknowledged once handled, retried if handling threw. On its last delivery a
 * run's slice that still fails is counted as failed rather than dropped, so the run finishes and says how many failed
 * instead of waiting for ever.
 */
export async function consumeMetricsBatch(batch: MessageBatch<MetricsMessage>, env: Bindings): Promise<void> {
  for (const message of batch.messages) {
    try {
      await handleMetricsMessage(env, message.body);
      message.ack();
    } catch (error) {
      const body = message.body;
      if (message.attempts >= METRICS_MAX_ATTEMPTS) {
        console.error('metrics: message failed on its last delivery', error);
        if (body.kind === 'run') await recordProgress(env, body.runId, 0, body.communityIds.length).catch(() => undefined);
        message.ack();
      } else {
        console.error('metrics: message failed, will retry', error);
        message.retry();
      }
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
  const [run] = await platformDb(env.PLATFORM_DB)
    .select({
      id: snapshotRuns.id,
      trigger: snapshotRuns.trigger,
      total: snapshotRuns.total,
      done: snapshotRuns.done,
      failed: snapshotRuns.failed,
      startedAt: snapshotRuns.startedAt,
      finishedAt: snapshotRuns.finishedAt,
    })
    .from(snapshotRuns)
    // Runs started in the same millisecond keep the order they were recorded in.
    .orderBy(desc(snapshotRuns.startedAt), sql`rowid DESC`)
    .limit(1);
  return run ?? null;
}

/** Recomputes these communities at once (the demo seed, tests); the queue does it in production. */
export async function snapshotNow(env: Bindings, ids?: readonly string[], now = new Date()): Promise<number> {
  const targets = await activeCommunities(env, ids);
  for (const community of targets) await snapshotCommunity(env, community, now, null);
  return targets.length;
}
