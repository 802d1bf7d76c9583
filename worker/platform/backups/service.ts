import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { platformDb } from '../../db/client';
import { communities, databasePool } from '../../db/platform-schema';
import type { Bindings } from '../../env';
import { AppError } from '../../errors';
import { restoreView } from './restore';
import { backupRestores, backupRuns, communityBackups } from './schema';

/** The latest backup run with its progress, counted from its backups. */
export async function latestBackupRun(env: Bindings) {
  const db = platformDb(env.PLATFORM_DB);
  const [run] = await db.select().from(backupRuns).orderBy(desc(backupRuns.startedAt), sql`rowid DESC`).limit(1);
  if (!run) return null;
  const counts = await db
    .select({ status: communityBackups.status, n: sql<number>`COUNT(*)`, size: sql<number>`COALESCE(SUM(${communityBackups.size}), 0)` })
    .from(communityBackups)
    .where(eq(communityBackups.runId, run.id))
    .groupBy(communityBackups.status);
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return {
    id: run.id,
    trigger: run.trigger,
    day: run.day,
    total: run.total,
    done: count('done'),
    failed: count('failed'),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    size: counts.reduce((sum, c) => sum + Number(c.size), 0),
  };
}

/** Every community with its most recent backup (in progress or finished) and how many archives it keeps. */
export async function communitiesWithBackups(env: Bindings) {
  const db = platformDb(env.PLATFORM_DB);
  const [rows, latest, kept] = await db.batch([
    db
      .select({ id: communities.id, slug: communities.slug, nameZh: communities.nameZh, status: communities.status })
      .from(communities)
      .where(inArray(communities.status, ['active', 'suspended']))
      .orderBy(communities.slug),
    db.select().from(communityBackups).where(sql`rowid IN (SELECT MAX(rowid) FROM community_backups GROUP BY community_id)`),
    db
      .select({ communityId: communityBackups.communityId, n: sql<number>`COUNT(*)` })
      .from(communityBackups)
      .where(and(eq(communityBackups.status, 'done'), isNull(communityBackups.prunedAt)))
      .groupBy(communityBackups.communityId),
  ]);
  const latestOf = new Map(latest.map((b) => [b.communityId, b]));
  const keptOf = new Map(kept.map((k) => [k.communityId, Number(k.n)]));
  return rows.map((c) => {
    const b = latestOf.get(c.id);
    return {
      slug: c.slug,
      nameZh: c.nameZh,
      status: c.status as 'active' | 'suspended',
      kept: keptOf.get(c.id) ?? 0,
      latest: b ? backupView(b) : null,
    };
  });
}

type BackupRow = typeof communityBackups.$inferSelect;

export function backupView(b: BackupRow) {
  return {
    id: b.id,
    day: b.day,
    status: b.status,
    tablesDone: b.tablesDone,
    tablesTotal: b.tablesTotal,
    rows: b.rows,
    size: b.size,
    sha256: b.sha256,
    error: b.error,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
  };
}

/** Databases retired by restores, waiting for an operator to check and wipe them. */
export async function retiredDatabases(env: Bindings) {
  const db = platformDb(env.PLATFORM_DB);
  const rows = await db
    .select({ binding: databasePool.binding, retiredAt: databasePool.retiredAt, slug: communities.slug })
    .from(databasePool)
    .leftJoin(communities, eq(communities.id, databasePool.retiredFrom))
    .where(isNotNull(databasePool.retiredAt))
    .orderBy(desc(databasePool.retiredAt));
  return rows.map((r) => ({ binding: r.binding, retiredAt: r.retiredAt!, fromSlug: r.slug }));
}

/** One community's kept backups, newest first, and its restores. */
export async function communityBackupList(env: Bindings, slug: string) {
  const db = platformDb(env.PLATFORM_DB);
  const community = await db.query.communities.findFirst({ where: eq(communities.slug, slug) });
  if (!community) throw new AppError('not_found', 'No such community');
  const [backups, restores] = await db.batch([
    db
      .select()
      .from(communityBackups)
      .where(and(eq(communityBackups.communityId, community.id), isNull(communityBackups.prunedAt)))
      .orderBy(desc(communityBackups.day), sql`rowid DESC`)
      .limit(100),
    db
      .select({ id: backupRestores.id })
      .from(backupRestores)
      .where(eq(backupRestores.communityId, community.id))
      .orderBy(desc(backupRestores.startedAt))
      .limit(10),
  ]);
  return {
    community: { slug: community.slug, nameZh: community.nameZh, status: community.status, databaseBinding: community.databaseBinding },
    backups: backups.map(backupView),
    restores: await Promise.all(restores.map((r) => restoreView(env, r.id))),
  };
}
