import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type ArchiveCursor, assembleArchive, archiveChunk } from '../../community/archive/pipeline';
import { platformDb, tenantDb } from '../../db/client';
import { now as sqlNow } from '../../db/columns';
import { communities } from '../../db/platform-schema';
import { communityProfile } from '../../db/tenant-schema';
import type { Bindings } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { onThisShard, shardName, tenantDatabase } from '../../tenancy/pool';
import type { SharedRun } from '../../tenancy/shared-run';
import { backupKey, backupPrefix, backupsToDelete, chunkPrefix, dayOfKey, utcDay } from './rules';
import { backupRuns, communityBackups } from './schema';

/** A step of one community's backup: write the chunk at `cursor`, or build the zip once every table is written. */
export type BackupMessage = { kind: 'chunk'; backupId: string; cursor: ArchiveCursor } | { kind: 'assemble'; backupId: string };

/** Deliveries of one message before its backup is marked failed (wrangler.toml's max_retries + 1). */
export const BACKUP_MAX_ATTEMPTS = 4;
/** A backup that has not moved for this long is sent on again by the five-minute cron (a lost message, a failed send). */
export const STALLED_AFTER_MINUTES = 15;

const unfinished = ['queued', 'running', 'assembling'] as const;

/**
 * Starts a backup run: records it and one backup per active community (or only those of `slugs`) in one batch, then
 * queues the first chunk of each, at most 100 messages per send. Each message then advances its own backup.
 *
 * A run shared by every shard (`shared`, named by the router): its lead records the run and the backups of every
 * shard's communities in that one batch, so the run cannot finish before every shard's part has; each shard (the lead
 * too) then queues the backups whose database it holds. A second lead for the same run adds nothing; a shard joining
 * a run that is not recorded queues nothing.
 */
export async function startBackupRun(
  env: Bindings,
  trigger: 'schedule' | 'operator',
  options: { slugs?: readonly string[]; actorUserId?: string; now?: Date; shared?: SharedRun } = {},
): Promise<{ runId: string; total: number }> {
  const d1 = env.PLATFORM_DB;
  const { shared } = options;
  const runId = shared?.id ?? crypto.randomUUID();
  const day = utcDay(options.now ?? new Date());
  const slugs = options.slugs ?? [];
  const only = options.slugs === undefined ? '' : ` AND slug IN (${slugs.map(() => '?').join(', ') || "''"})`;
  // Alone, a Worker backs up the communities whose database it holds; a shared run's lead, every shard's.
  const mine = shared ? '' : ' AND database_binding IN (SELECT binding FROM database_pool WHERE shard = ?)';
  const count = '(SELECT COUNT(*) FROM community_backups WHERE run_id = ?1)';
  // Plain D1 statements: the INSERT…SELECT names its columns, which Drizzle's insert…select would not.
  const recording =
    shared?.part === 'join'
      ? []
      : [
          d1
            .prepare('INSERT INTO backup_runs (id, trigger, day, total, started_by) VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT (id) DO NOTHING')
            .bind(runId, trigger, day, options.actorUserId ?? null),
          // A run already recorded (its total counted, or finished with none) gets no second set of backups.
          d1
            .prepare(
              `INSERT INTO community_backups (id, run_id, community_id, database_binding, day)
               SELECT lower(hex(randomblob(16))), ?, id, database_binding, ? FROM communities
                WHERE status = 'active' AND database_binding IS NOT NULL${mine}${only}
                  AND NOT EXISTS (SELECT 1 FROM backup_runs WHERE id = ? AND (total > 0 OR finished_at IS NOT NULL))`,
            )
            .bind(runId, day, ...(shared ? [] : [shardName(env)]), ...slugs, runId),
          d1
            .prepare(
              `UPDATE backup_runs SET total = ${count},
                  finished_at = CASE WHEN ${count} = 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ','now') ELSE NULL END
                WHERE id = ?1 AND total = 0 AND finished_at IS NULL`,
            )
            .bind(runId),
        ];
  const results = await d1.batch([
    ...recording,
    d1
      .prepare(
        `SELECT b.id AS id, b.status AS status, p.shard AS shard FROM community_backups b
           LEFT JOIN database_pool p ON p.binding = b.database_binding
          WHERE b.run_id = ?1`,
      )
      .bind(runId),
  ]);
  const backups = (results.at(-1)?.results ?? []) as { id: string; status: string; shard: string | null }[];
  // A shard queues only the backups whose database it holds: its queue's consumer can open no other.
  const queued = backups.filter((b) => b.status === 'queued' && (!shared || b.shard === shardName(env)));
  const messages = queued.map(({ id }) => ({ body: { kind: 'chunk', backupId: id, cursor: { table: 0, offset: 0 } } as BackupMessage }));
  for (let i = 0; i < messages.length; i += 100) await env.BACKUP_QUEUE.sendBatch(messages.slice(i, i + 100));
  return { runId, total: backups.length };
}

type BackupRow = typeof communityBackups.$inferSelect;

/** Where the backup's next chunk starts, as its row records it. */
function cursorOf(b: BackupRow): ArchiveCursor {
  return b.cursorAfter === null
    ? { table: b.cursorTable, offset: b.cursorOffset }
    : { table: b.cursorTable, offset: b.cursorOffset, after: b.cursorAfter };
}

async function loadBackup(env: Bindings, backupId: string): Promise<BackupRow | undefined> {
  return platformDb(env.PLATFORM_DB).query.communityBackups.findFirst({ where: eq(communityBackups.id, backupId) });
}

/** The backup's tenant database, brought up to date first. */
async function backupDatabase(env: Bindings, binding: string): Promise<D1Database> {
  const d1 = tenantDatabase(env, binding);
  await ensureTenantMigrated(binding, d1);
  return d1;
}

/**
 * Handles one step. A step applies only if the backup is where the message says (its cursor, or waiting to be
 * assembled): the move to the next cursor is a conditional update, so a duplicate delivery finds it already moved
 * and does nothing. Returns what happened.
 */
export async function handleBackupMessage(
  env: Bindings,
  message: BackupMessage,
  now = new Date(),
): Promise<'advanced' | 'done' | 'skipped'> {
  const db = platformDb(env.PLATFORM_DB);
  const backup = await loadBackup(env, message.backupId);
  if (!backup) return 'skipped';
  if (message.kind === 'chunk') {
    const here = backup.cursorTable === message.cursor.table && backup.cursorOffset === message.cursor.offset;
    if (!here || (backup.status !== 'queued' && backup.status !== 'running')) return 'skipped';
    // The row's cursor, not the message's: they name the same chunk, and the row's is the one recorded.
    const cursor = cursorOf(backup);
    const step = await archiveChunk(await backupDatabase(env, backup.databaseBinding), env.BACKUPS, chunkPrefix(backup.id), cursor);
    const moved = await db
      .update(communityBackups)
      .set({
        status: step.next ? 'running' : 'assembling',
        cursorTable: step.next?.table ?? cursor.table,
        cursorOffset: step.next?.offset ?? cursor.offset,
        cursorAfter: step.next ? (step.next.after ?? null) : (cursor.after ?? null),
        tablesDone: step.tablesDone,
        tablesTotal: step.tablesTotal,
        rows: sql`${communityBackups.rows} + ${step.rows}`,
        error: null,
        updatedAt: sqlNow,
      })
      .where(
        and(
          eq(communityBackups.id, backup.id),
          eq(communityBackups.cursorTable, cursor.table),
          eq(communityBackups.cursorOffset, cursor.offset),
          inArray(communityBackups.status, ['queued', 'running']),
        ),
      )
      .returning({ id: communityBackups.id });
    if (moved.length === 0) return 'skipped';
    await env.BACKUP_QUEUE.send(
      step.next ? { kind: 'chunk', backupId: backup.id, cursor: step.next } : { kind: 'assemble', backupId: backup.id },
    );
    return 'advanced';
  }
  if (backup.status !== 'assembling') return 'skipped';
  await assemble(env, backup, now);
  return 'done';
}

/** Builds the zip from the chunks, records it, replaces an earlier backup of the same day, then applies retention. */
async function assemble(env: Bindings, backup: BackupRow, now: Date) {
  const db = platformDb(env.PLATFORM_DB);
  const community = await db.query.communities.findFirst({ where: eq(communities.id, backup.communityId) });
  const tenant = tenantDb(await backupDatabase(env, backup.databaseBinding));
  const [profile] = await tenant.select({ timeZone: communityProfile.timeZone }).from(communityProfile).limit(1);
  const key = backupKey(backup.communityId, backup.day);
  const { size, sha256 } = await assembleArchive(env.BACKUPS, env.MEDIA, chunkPrefix(backup.id), key, {
    slug: community?.slug ?? backup.communityId,
    name: community?.nameZh ?? '',
    timeZone: profile?.timeZone ?? 'Asia/Shanghai',
    exportedAt: now.toISOString(),
    kind: 'backup',
  });
  const [finished] = await db.batch([
    db
      .update(communityBackups)
      .set({ status: 'done', size, sha256, r2Key: key, error: null, updatedAt: sqlNow, finishedAt: sqlNow })
      .where(and(eq(communityBackups.id, backup.id), eq(communityBackups.status, 'assembling')))
      .returning({ id: communityBackups.id }),
    // The same day's archive was just overwritten: an earlier backup of that day no longer exists on its own.
    db
      .update(communityBackups)
      .set({ prunedAt: sqlNow })
      .where(and(eq(communityBackups.r2Key, key), sql`${communityBackups.id} <> ${backup.id}`, isNull(communityBackups.prunedAt))),
  ]);
  if (finished.length > 0) await applyRetention(env, backup.communityId, utcDay(now));
  await finishRunIfComplete(env, backup.runId);
}

/**
 * Deletes the community's archives that retention no longer keeps (`backupsToDelete`), reading what exists from the
 * bucket itself, and marks their backups pruned. Returns the deleted keys.
 */
export async function applyRetention(env: Bindings, communityId: string, today: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.BACKUPS.list({ prefix: backupPrefix(communityId), cursor });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  const byDay = new Map(
    keys.flatMap((key) => {
      const day = dayOfKey(key);
      return day ? [[day, key] as const] : [];
    }),
  );
  const doomed = backupsToDelete([...byDay.keys()], today).map((day) => byDay.get(day)!);
  if (doomed.length === 0) return [];
  for (let i = 0; i < doomed.length; i += 1000) await env.BACKUPS.delete(doomed.slice(i, i + 1000));
  const db = platformDb(env.PLATFORM_DB);
  for (let i = 0; i < doomed.length; i += 90) {
    await db
      .update(communityBackups)
      .set({ prunedAt: sqlNow })
      .where(and(inArray(communityBackups.r2Key, doomed.slice(i, i + 90)), isNull(communityBackups.prunedAt)));
  }
  return doomed;
}

/** Marks the run finished once none of its backups is still under way. */
async function finishRunIfComplete(env: Bindings, runId: string) {
  await platformDb(env.PLATFORM_DB)
    .update(backupRuns)
    .set({ finishedAt: sqlNow })
    .where(
      and(
        eq(backupRuns.id, runId),
        isNull(backupRuns.finishedAt),
        sql`NOT EXISTS (SELECT 1 FROM community_backups b WHERE b.run_id = ${runId} AND b.status IN ('queued', 'running', 'assembling'))`,
      ),
    );
}

/** Marks a backup failed with the reason (its chunks stay until the bucket's lifecycle or a later run removes them). */
async function markFailed(env: Bindings, backupId: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const db = platformDb(env.PLATFORM_DB);
  const [row] = await db
    .update(communityBackups)
    .set({ status: 'failed', error: message.slice(0, 500), updatedAt: sqlNow, finishedAt: sqlNow })
    .where(and(eq(communityBackups.id, backupId), inArray(communityBackups.status, [...unfinished])))
    .returning({ runId: communityBackups.runId });
  if (row) await finishRunIfComplete(env, row.runId);
}

/**
 * The Queue consumer. A step that throws is retried; on its last attempt the backup is marked failed, so one
 * community's trouble never holds its run open, and the message is acknowledged.
 */
export async function consumeBackupBatch(batch: MessageBatch<BackupMessage>, env: Bindings): Promise<void> {
  for (const message of batch.messages) {
    try {
      await handleBackupMessage(env, message.body);
      message.ack();
    } catch (error) {
      console.error('backups: step failed', message.body.backupId, error);
      if (message.attempts >= BACKUP_MAX_ATTEMPTS) {
        await markFailed(env, message.body.backupId, error).catch(() => undefined);
        message.ack();
      } else {
        await platformDb(env.PLATFORM_DB)
          .update(communityBackups)
          .set({ error: String(error instanceof Error ? error.message : error).slice(0, 500) })
          .where(eq(communityBackups.id, message.body.backupId))
          .catch(() => undefined);
        message.retry();
      }
    }
  }
}

/**
 * Sends on backups that stopped moving (a message lost, or a send that failed after its step was recorded) from
 * where their row says they are; the step's conditional update makes a second copy harmless. The five-minute cron.
 */
export async function resumeStalledBackups(env: Bindings, olderThanMinutes = STALLED_AFTER_MINUTES): Promise<number> {
  const stalled = await platformDb(env.PLATFORM_DB)
    .select()
    .from(communityBackups)
    .where(
      and(
        inArray(communityBackups.status, [...unfinished]),
        onThisShard(env, communityBackups.databaseBinding),
        lt(communityBackups.updatedAt, sql`strftime('%Y-%m-%dT%H:%M:%fZ','now', ${`-${olderThanMinutes} minutes`})`),
      ),
    )
    .limit(100);
  const messages = stalled.map((b) => ({
    body: (b.status === 'assembling'
      ? { kind: 'assemble', backupId: b.id }
      : { kind: 'chunk', backupId: b.id, cursor: cursorOf(b) }) as BackupMessage,
  }));
  if (messages.length > 0) await env.BACKUP_QUEUE.sendBatch(messages);
  return messages.length;
}

/**
 * Runs a backup to the end in this invocation, its steps handled one after the other instead of through the queue
 * (the demo seed; a handful of small communities). Returns the run's id.
 */
export async function backUpNow(env: Bindings, slugs: readonly string[], now = new Date()): Promise<string> {
  const pending: BackupMessage[] = [];
  const inline = {
    send: async (body: BackupMessage) => {
      pending.push(body);
    },
    sendBatch: async (messages: Iterable<{ body: BackupMessage }>) => {
      for (const m of messages) pending.push(m.body);
    },
  } as unknown as Bindings['BACKUP_QUEUE'];
  const local: Bindings = { ...env, BACKUP_QUEUE: inline };
  const { runId } = await startBackupRun(local, 'operator', { slugs, now });
  for (let message = pending.shift(); message; message = pending.shift()) await handleBackupMessage(local, message, now);
  return runId;
}
