import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** What started a backup run: the daily cron, or an operator (all communities, or one). */
export const backupTriggers = ['schedule', 'operator'] as const;
/** A community's backup: waiting in the queue, writing its tables chunk by chunk, building the zip, and how it ended. */
export const backupStatuses = ['queued', 'running', 'assembling', 'done', 'failed'] as const;
/** Where a restore puts a backup: the community's own address (on a fresh database), or a new community. */
export const restoreTargets = ['own', 'new'] as const;
export const restoreStatuses = ['running', 'done', 'failed'] as const;

export type BackupStatus = (typeof backupStatuses)[number];

/** One pass that backs up every active community (or the one an operator chose). */
export const backupRuns = sqliteTable('backup_runs', {
  id: text('id').primaryKey(),
  trigger: text('trigger', { enum: backupTriggers }).notNull(),
  /** The UTC day the run belongs to (YYYY-MM-DD): its archives are named after it. */
  day: text('day').notNull(),
  total: integer('total').notNull(),
  startedBy: text('started_by'),
  startedAt: text('started_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  finishedAt: text('finished_at'),
});

/**
 * One community's backup within a run. The queue advances it one chunk at a time; the cursor columns say where the
 * next chunk starts, and each step moves them with a conditional update, so a message delivered twice does nothing.
 */
export const communityBackups = sqliteTable(
  'community_backups',
  {
    id: text('id').primaryKey(),
    runId: text('run_id').notNull(),
    communityId: text('community_id').notNull(),
    /** The database backed up, fixed when the run starts: a restore swapping it meanwhile does not mix two databases. */
    databaseBinding: text('database_binding').notNull(),
    day: text('day').notNull(),
    status: text('status', { enum: backupStatuses }).notNull().default('queued'),
    cursorTable: integer('cursor_table').notNull().default(0),
    cursorOffset: integer('cursor_offset').notNull().default(0),
    /** Within a table read by its integer id: the last id written. */
    cursorAfter: integer('cursor_after'),
    tablesDone: integer('tables_done').notNull().default(0),
    tablesTotal: integer('tables_total').notNull().default(0),
    rows: integer('rows').notNull().default(0),
    size: integer('size'),
    sha256: text('sha256'),
    /** `backups/<communityId>/<day>.zip` in the BACKUPS bucket, once written. */
    r2Key: text('r2_key'),
    error: text('error'),
    startedAt: text('started_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    finishedAt: text('finished_at'),
    /** When retention deleted its archive, or a later backup of the same day replaced it. */
    prunedAt: text('pruned_at'),
  },
  (t) => [index('community_backups_run_idx').on(t.runId), index('community_backups_community_idx').on(t.communityId, t.day)],
);

/** A restore of a backup, with its outcome; the database it filled and, for `own`, the one it retired. */
export const backupRestores = sqliteTable(
  'backup_restores',
  {
    id: text('id').primaryKey(),
    backupId: text('backup_id').notNull(),
    /** The community the backup was taken of. */
    communityId: text('community_id').notNull(),
    target: text('target', { enum: restoreTargets }).notNull(),
    /** For `new`: the community created from the backup. */
    newCommunityId: text('new_community_id'),
    databaseBinding: text('database_binding'),
    retiredBinding: text('retired_binding'),
    status: text('status', { enum: restoreStatuses }).notNull().default('running'),
    report: text('report', { mode: 'json' }),
    error: text('error'),
    actorUserId: text('actor_user_id').notNull(),
    startedAt: text('started_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    finishedAt: text('finished_at'),
  },
  (t) => [index('backup_restores_community_idx').on(t.communityId, t.startedAt)],
);
