import { and, count, desc, eq, lt } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { AppError } from '../../errors';
import { activities } from '../activities/schema';
import { issues } from '../issues/schema';
import { ledgerTransactions } from '../ledger/schema';
import { meetings } from '../meetings/schema';
import { members } from '../members/schema';
import { communitySettings } from '../profile/service';
import { archivedTables } from './catalogue';
import { type ArchiveMeta, ArchiveError, readArchive, sha256Hex } from './format';
import { type ImportReport, importArchive } from './import';
import { type ArchiveCursor, archiveChunk, assembleArchive } from './pipeline';
import { archiveExports } from './schema';

/** How long a download link works, and the file is kept. */
export const EXPORT_LINK_HOURS = 24;
/** Chunks written within the administrator's request before the rest goes to the queue. */
export const INLINE_CHUNKS = 120;
/** Chunks one queue message writes. */
export const QUEUED_CHUNKS = 40;

export interface ArchiveSite {
  id: string;
  slug: string;
  nameZh: string;
}

export type ExportRow = typeof archiveExports.$inferSelect;

/** The cursor while one run packs the archive. */
const PACKING = 'packing';

const partsPrefix = (site: ArchiveSite, id: number) => `${site.id}/archive-parts/${id}`;
const fileKey = (site: ArchiveSite, id: number) => `${site.id}/archives/${site.slug}-export-${id}.zip`;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');
}

async function archiveMeta(db: TenantDb, site: ArchiveSite, at: Date): Promise<ArchiveMeta> {
  const { timeZone } = await communitySettings(db);
  return { slug: site.slug, name: site.nameZh, timeZone, exportedAt: at.toISOString(), kind: 'export' };
}

/** Deletes exports whose link has expired, with their files. */
async function sweepExpired(env: Bindings, db: TenantDb, now: Date) {
  const expired = await db.select().from(archiveExports).where(lt(archiveExports.expiresAt, now.toISOString()));
  for (const row of expired) {
    if (row.objectKey) await env.MEDIA.delete(row.objectKey);
    await db.delete(archiveExports).where(eq(archiveExports.id, row.id));
  }
}

/** Starts an export: records it, writes as much as fits in this request, and queues the rest. Returns its download token. */
export async function startExport(
  env: Bindings,
  db: TenantDb,
  d1: D1Database,
  site: ArchiveSite,
  memberId: number,
  inline = INLINE_CHUNKS,
  now = new Date(),
) {
  await sweepExpired(env, db, now);
  const running = await db.select({ n: count() }).from(archiveExports).where(eq(archiveExports.status, 'running'));
  if ((running[0]?.n ?? 0) > 0) throw new AppError('conflict', 'An export is already being written; wait for it to finish');
  const token = randomToken();
  const cursor: ArchiveCursor = { table: 0, offset: 0 };
  const [row] = await db
    .insert(archiveExports)
    .values({
      requestedBy: memberId,
      cursor: JSON.stringify(cursor),
      tablesTotal: archivedTables().length,
      tokenHash: await sha256Hex(token),
      expiresAt: new Date(now.getTime() + EXPORT_LINK_HOURS * 3_600_000).toISOString(),
    })
    .returning();
  const job = row as ExportRow;
  const done = await advanceExport(env, db, d1, site, job.id, inline);
  if (!done) await env.ARCHIVE_QUEUE.send({ type: 'export', communityId: site.id, exportId: job.id });
  return { id: job.id, token };
}

/**
 * Writes up to `budget` chunks of an export and, once every table is written, packs the archive. Returns true when
 * the export is finished (ready or failed). Safe to run twice for the same step: a chunk is rewritten in place.
 */
export async function advanceExport(env: Bindings, db: TenantDb, d1: D1Database, site: ArchiveSite, id: number, budget: number) {
  const job = await db.query.archiveExports.findFirst({ where: eq(archiveExports.id, id) });
  if (job?.status !== 'running' || job.cursor === PACKING || job.cursor === null) return true;
  try {
    let cursor: ArchiveCursor | null = JSON.parse(job.cursor) as ArchiveCursor;
    let rows = job.rows;
    let tablesDone = job.tablesDone;
    for (let step = 0; cursor && step < budget; step++) {
      const result = await archiveChunk(d1, env.MEDIA, partsPrefix(site, id), cursor);
      rows += result.rows;
      tablesDone = result.tablesDone;
      cursor = result.next;
    }
    // Moves on only from where this run started: if a redelivered message ran the same steps meanwhile, one of
    // the two stops here (the chunks it wrote are the same files), and only one packs the archive.
    const moved = await db
      .update(archiveExports)
      .set({ cursor: cursor ? JSON.stringify(cursor) : PACKING, rows, tablesDone })
      .where(and(eq(archiveExports.id, id), eq(archiveExports.cursor, job.cursor)))
      .returning({ id: archiveExports.id });
    if (moved.length === 0) return true;
    if (cursor) return false;
    const meta = await archiveMeta(db, site, new Date());
    const key = fileKey(site, id);
    const file = await assembleArchive(env.MEDIA, env.MEDIA, partsPrefix(site, id), key, meta);
    await db
      .update(archiveExports)
      .set({ status: 'ready', cursor: null, objectKey: key, size: file.size, sha256: file.sha256, finishedAt: new Date().toISOString() })
      .where(eq(archiveExports.id, id));
    return true;
  } catch (error) {
    console.error('export failed', error);
    await db
      .update(archiveExports)
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 300) : 'failed',
        finishedAt: new Date().toISOString(),
      })
      .where(eq(archiveExports.id, id));
    return true;
  }
}

export async function listExports(db: TenantDb) {
  return db.select().from(archiveExports).orderBy(desc(archiveExports.id)).limit(10);
}

/** A new download link for a ready export (the token is kept only as a hash, so a link is made anew on demand). */
export async function renewLink(db: TenantDb, id: number) {
  const job = await db.query.archiveExports.findFirst({ where: eq(archiveExports.id, id) });
  if (job?.status !== 'ready') throw new AppError('not_found', 'No finished export with this id');
  const token = randomToken();
  await db
    .update(archiveExports)
    .set({ tokenHash: await sha256Hex(token) })
    .where(eq(archiveExports.id, id));
  return { id, token, expiresAt: job.expiresAt };
}

/** The export's file, if the token is this export's and the link has not expired. Anything else is "not found". */
export async function openDownload(env: Bindings, db: TenantDb, id: number, token: string, now = new Date()) {
  const job = await db.query.archiveExports.findFirst({
    where: and(eq(archiveExports.id, id), eq(archiveExports.status, 'ready')),
  });
  const valid = job?.objectKey && job.expiresAt > now.toISOString() && job.tokenHash === (await sha256Hex(token));
  if (!valid) throw new AppError('not_found', 'This download link is not valid or has expired');
  const object = await env.MEDIA.get(job.objectKey as string);
  if (!object) throw new AppError('not_found', 'The export file is gone; start a new export');
  return { job, object };
}

/**
 * Whether a community may take an import: it must be fresh — nothing happened in it yet beyond its onboarding —
 * because an import replaces its content. Returns the reasons it is not.
 */
export async function freshnessProblems(db: TenantDb): Promise<string[]> {
  const [[tx], [acts], [iss], [meet], [people]] = await Promise.all([
    db.select({ n: count() }).from(ledgerTransactions),
    db.select({ n: count() }).from(activities),
    db.select({ n: count() }).from(issues),
    db.select({ n: count() }).from(meetings),
    db.select({ n: count() }).from(members),
  ]);
  const problems: string[] = [];
  if ((tx?.n ?? 0) > 0) problems.push('ledger');
  if ((acts?.n ?? 0) > 0) problems.push('activities');
  if ((iss?.n ?? 0) > 0) problems.push('issues');
  if ((meet?.n ?? 0) > 0) problems.push('meetings');
  if ((people?.n ?? 0) > 1) problems.push('members');
  return problems;
}

/**
 * Imports an archive into a fresh community, replacing its onboarding content, in one batch; media files are copied
 * under this community's prefix. The importing administrator stays an administrator even if the archive does not
 * know them.
 */
export async function importIntoCommunity(
  env: Bindings,
  db: TenantDb,
  d1: D1Database,
  site: ArchiveSite,
  bytes: Uint8Array,
  importer: { userId: string; displayName: string },
): Promise<ImportReport> {
  const problems = await freshnessProblems(db);
  if (problems.length > 0) {
    throw new AppError('conflict', 'Only a fresh community can take an import: this one already has its own records', { problems });
  }
  let report: ImportReport;
  try {
    const archive = await readArchive(bytes);
    const sourcePrefix = archive.manifest.media[0]?.objectKey.split('/')[0] ?? site.id;
    report = await importArchive(d1, archive, {
      ids: 'remap',
      replace: true,
      media: { bucket: env.MEDIA, fromPrefix: sourcePrefix, toPrefix: site.id },
    });
  } catch (error) {
    if (error instanceof ArchiveError) throw new AppError('validation_failed', error.message, { body: [error.message] });
    throw error;
  }
  await d1.batch([
    d1
      .prepare("INSERT INTO members (user_id, display_name, status) VALUES (?1, ?2, 'active') ON CONFLICT (user_id) DO NOTHING")
      .bind(importer.userId, importer.displayName),
    d1
      .prepare(
        "INSERT INTO member_roles (member_id, role, party_key, granted_by) SELECT id, 'association-admin', '', 'import' FROM members WHERE user_id = ?1 ON CONFLICT DO NOTHING",
      )
      .bind(importer.userId),
  ]);
  return report;
}
