import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { buildArchive } from '../../community/archive/build';
import { diffArchives } from '../../community/archive/diff';
import { type Archive, readArchive } from '../../community/archive/format';
import { importArchive } from '../../community/archive/import';
import { type PlatformDb, platformDb, tenantDb } from '../../db/client';
import { now as sqlNow } from '../../db/columns';
import { auditLog, communities, databasePool } from '../../db/platform-schema';
import { communityProfile } from '../../db/tenant-schema';
import type { Bindings } from '../../env';
import { AppError } from '../../errors';
import { forgetCommunity } from '../../tenancy/directory';
import { migrateTenantDatabase } from '../../tenancy/migrator';
import { holdFreeDatabase, registerPoolBindings, shardName, tenantDatabase } from '../../tenancy/pool';
import type { AuditAction } from '../audit';
import { checkSlug } from '../slug';
import { backupRestores, communityBackups } from './schema';

type CommunityRow = typeof communities.$inferSelect;
type BackupRow = typeof communityBackups.$inferSelect;

/** A backup that can be restored (finished, its archive still kept) and the community it was taken of. */
export async function restorableBackup(env: Bindings, backupId: string): Promise<{ backup: BackupRow; community: CommunityRow }> {
  const db = platformDb(env.PLATFORM_DB);
  const backup = await db.query.communityBackups.findFirst({
    where: and(eq(communityBackups.id, backupId), eq(communityBackups.status, 'done'), isNull(communityBackups.prunedAt)),
  });
  const community = backup && (await db.query.communities.findFirst({ where: eq(communities.id, backup.communityId) }));
  if (!backup?.r2Key || !community) throw new AppError('not_found', 'No such backup');
  return { backup, community };
}

/** Reads and checks a backup's archive from the bucket. */
async function readBackup(env: Bindings, backup: BackupRow): Promise<Archive> {
  const object = await env.BACKUPS.get(backup.r2Key!);
  if (!object) throw new AppError('not_found', 'The archive of this backup is missing from the bucket');
  return readArchive(new Uint8Array(await object.arrayBuffer()));
}

/**
 * The dry run: what restoring this backup would change in the community as it is now, table by table. It reads the
 * archive and the live database and writes nothing.
 */
export async function dryRunRestore(env: Bindings, backupId: string) {
  const { backup, community } = await restorableBackup(env, backupId);
  if (!community.databaseBinding) throw new AppError('conflict', 'This community has no database');
  const archive = await readBackup(env, backup);
  // Without media: the dry run compares rows, and reading every photo of the live community is not needed for that.
  const current = await buildArchive(tenantDatabase(env, community.databaseBinding), {
    slug: community.slug,
    name: community.nameZh,
    timeZone: archive.manifest.meta.timeZone,
    exportedAt: new Date().toISOString(),
    kind: 'export',
  });
  return { backup, community, tables: diffArchives(current, archive) };
}

export type RestoreTarget = { target: 'own' } | { target: 'new'; slug: string; nameZh: string };

/**
 * Restores a backup onto a fresh database from the pool; the live database is never edited. The database is held
 * for this restore, migrated and filled with the archive (ids kept); then, in one platform batch, either the
 * community's address moves to it and the old database is retired (`own`), or a new active community is created on
 * it (`new`). If anything fails before that batch, the half-filled database is retired, never handed out again.
 */
export async function restoreBackup(env: Bindings, backupId: string, target: RestoreTarget, actorUserId: string) {
  const { backup, community } = await restorableBackup(env, backupId);
  const db = platformDb(env.PLATFORM_DB);
  if (target.target === 'own' && (community.status === 'provisioning' || !community.databaseBinding)) {
    throw new AppError('conflict', 'This community is still being set up');
  }
  if (target.target === 'new') {
    const problem = checkSlug(target.slug);
    if (problem) throw new AppError('validation_failed', 'This address cannot be used', { slug: [problem] });
    const taken = await db.query.communities.findFirst({ columns: { id: true }, where: eq(communities.slug, target.slug) });
    if (taken) throw new AppError('slug_taken', 'This address is already taken', { slug: ['This address is already taken'] });
  }
  const restoreId = crypto.randomUUID();
  await db.insert(backupRestores).values({
    id: restoreId,
    backupId: backup.id,
    communityId: community.id,
    target: target.target,
    actorUserId,
  });
  await registerPoolBindings(env);
  const binding = await holdFreeDatabase(env.PLATFORM_DB, restoreId, shardName(env));
  if (!binding) {
    await db
      .update(backupRestores)
      .set({ status: 'failed', error: 'No free database', finishedAt: sqlNow })
      .where(eq(backupRestores.id, restoreId));
    throw new AppError('pool_exhausted', 'No database is free for the restore; grow the pool first');
  }
  try {
    const archive = await readBackup(env, backup);
    const d1 = tenantDatabase(env, binding);
    await migrateTenantDatabase(d1);
    const tenant = tenantDb(d1);
    const newId = target.target === 'new' ? crypto.randomUUID() : community.id;
    // `replace` empties whatever the migrations put in the fresh database, so the archive's rows land with their ids;
    // the media files the archive carries are written back (under the new community's prefix for a copy).
    const report = await importArchive(d1, archive, {
      ids: 'keep',
      replace: true,
      media: { bucket: env.MEDIA, fromPrefix: community.id, toPrefix: newId },
    });
    if (target.target === 'own') {
      await swapIntoOwn(env, { restoreId, community, binding, report, actorUserId, backup });
      forgetCommunity(community.slug);
    } else {
      // The community's own facts name it; the copy answers to its new address and name.
      await tenant.update(communityProfile).set({ communityId: newId, slug: target.slug, nameZh: target.nameZh, nameEn: null });
      await createFromBackup(env, { restoreId, newId, target, community, binding, report, actorUserId, backup });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.batch([
      db
        .update(databasePool)
        .set({ heldFor: null, retiredAt: sqlNow, retiredFrom: community.id })
        .where(and(eq(databasePool.binding, binding), eq(databasePool.heldFor, restoreId))),
      db
        .update(backupRestores)
        .set({ status: 'failed', error: message.slice(0, 500), databaseBinding: binding, finishedAt: sqlNow })
        .where(eq(backupRestores.id, restoreId)),
    ]);
    throw error;
  }
  return restoreView(env, restoreId);
}

interface Swap {
  restoreId: string;
  community: CommunityRow;
  binding: string;
  report: unknown;
  actorUserId: string;
  backup: BackupRow;
}

/**
 * One batch: the old database is retired (kept, marked as the community's former one), the restored one becomes the
 * community's, and the community points at it. Each write checks the community still points at the old database,
 * so a concurrent change of binding makes the whole swap a no-op, which is then reported.
 */
async function swapIntoOwn(env: Bindings, s: Swap) {
  const db = platformDb(env.PLATFORM_DB);
  const old = s.community.databaseBinding!;
  const stillOld = sql`EXISTS (SELECT 1 FROM communities WHERE id = ${s.community.id} AND database_binding = ${old})`;
  const nowOn = sql`EXISTS (SELECT 1 FROM communities WHERE id = ${s.community.id} AND database_binding = ${s.binding})`;
  const [, , swapped] = await db.batch([
    db
      .update(databasePool)
      .set({ communityId: null, retiredAt: sqlNow, retiredFrom: s.community.id })
      .where(and(eq(databasePool.binding, old), eq(databasePool.communityId, s.community.id), stillOld)),
    db
      .update(databasePool)
      .set({ communityId: s.community.id, heldFor: null, claimedAt: sqlNow })
      .where(and(eq(databasePool.binding, s.binding), eq(databasePool.heldFor, s.restoreId), stillOld)),
    db
      .update(communities)
      .set({ databaseBinding: s.binding })
      .where(and(eq(communities.id, s.community.id), eq(communities.databaseBinding, old)))
      .returning({ id: communities.id }),
    db
      .update(backupRestores)
      .set({ status: 'done', databaseBinding: s.binding, retiredBinding: old, report: s.report, finishedAt: sqlNow })
      .where(and(eq(backupRestores.id, s.restoreId), nowOn)),
    auditIf(db, nowOn, {
      actorUserId: s.actorUserId,
      communityId: s.community.id,
      action: 'backup.restored',
      detail: { backupId: s.backup.id, day: s.backup.day, database: s.binding, retired: old },
    }),
  ]);
  if (swapped.length === 0) throw new AppError('conflict', "The community's database changed during the restore; nothing was swapped");
}

/** One batch: the new community, active on the restored database, and the database given to it. */
async function createFromBackup(env: Bindings, s: Swap & { newId: string; target: { slug: string; nameZh: string } }) {
  const db = platformDb(env.PLATFORM_DB);
  const exists = sql`EXISTS (SELECT 1 FROM communities WHERE id = ${s.newId})`;
  const [created] = await db.batch([
    db
      .insert(communities)
      .values({
        id: s.newId,
        slug: s.target.slug,
        nameZh: s.target.nameZh,
        nameEn: null,
        status: 'active',
        provisionStep: 'active',
        setup: s.community.setup,
        databaseBinding: s.binding,
        templateKey: s.community.templateKey,
        templateVersion: s.community.templateVersion,
        founderUserId: s.actorUserId,
        activatedAt: sqlNow,
      })
      .onConflictDoNothing({ target: communities.slug })
      .returning({ id: communities.id }),
    db
      .update(databasePool)
      .set({ communityId: s.newId, heldFor: null, claimedAt: sqlNow })
      .where(and(eq(databasePool.binding, s.binding), eq(databasePool.heldFor, s.restoreId), exists)),
    db
      .update(backupRestores)
      .set({ status: 'done', newCommunityId: s.newId, databaseBinding: s.binding, report: s.report, finishedAt: sqlNow })
      .where(and(eq(backupRestores.id, s.restoreId), exists)),
    auditIf(db, exists, {
      actorUserId: s.actorUserId,
      communityId: s.newId,
      action: 'backup.restored-as-new',
      detail: { backupId: s.backup.id, day: s.backup.day, from: s.community.id, database: s.binding },
    }),
  ]);
  if (created.length === 0) throw new AppError('slug_taken', 'This address is already taken', { slug: ['This address is already taken'] });
}

/** An audit entry written only if `condition` holds when its statement runs (within a batch). */
function auditIf(
  db: PlatformDb,
  condition: SQL,
  entry: { actorUserId: string; communityId: string; action: AuditAction; detail: unknown },
) {
  // Positional over audit_log's columns: id, at, actor_user_id, community_id, action, detail.
  return db
    .insert(auditLog)
    .select(
      sql`SELECT NULL, ${sqlNow}, ${entry.actorUserId}, ${entry.communityId}, ${entry.action}, ${JSON.stringify(entry.detail)} WHERE ${condition}`,
    );
}

/** A restore as the operator page shows it. */
export async function restoreView(env: Bindings, restoreId: string) {
  const db = platformDb(env.PLATFORM_DB);
  const row = await db.query.backupRestores.findFirst({ where: eq(backupRestores.id, restoreId) });
  if (!row) throw new AppError('not_found', 'No such restore');
  const created = row.newCommunityId
    ? await db.query.communities.findFirst({ columns: { slug: true }, where: eq(communities.id, row.newCommunityId) })
    : undefined;
  return {
    id: row.id,
    backupId: row.backupId,
    target: row.target,
    status: row.status,
    newSlug: created?.slug ?? null,
    databaseBinding: row.databaseBinding,
    retiredBinding: row.retiredBinding,
    error: row.error,
    actorUserId: row.actorUserId,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
