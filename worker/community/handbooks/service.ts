import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { handbookChapters, handbookRevisions } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { handbookSeedBatches } from '../../templates/instantiate';
import type { TemplatePackage } from '../../templates/package-schema';
import type { Locale } from '../../templates/placeholders';
import { findTemplate } from '../../templates/registry';

export interface ChapterRef {
  handbook: string;
  key: string;
  locale: Locale;
}

export interface Author {
  userId: string;
  name: string;
}

const lang = (locale: Locale) => (locale === 'en' ? 'en' : 'zh');

/** The template a community's handbooks come from, at the version it is on. */
export function communityTemplate(templateKey: string, templateVersion: number): TemplatePackage {
  const template = findTemplate(`${templateKey}@${templateVersion}`);
  if (!template) throw new Error(`template ${templateKey}@${templateVersion} is not bundled`);
  return template;
}

/** The read of how many handbook chapters the community has (none before its first use of handbooks). */
export function handbookChapterCount(db: TenantDb) {
  return db.select({ n: count() }).from(handbookChapters);
}

/**
 * Communities created before handbooks existed get them from their template on first use (`chapters`, from
 * `handbookChapterCount`, is 0); the inserts are idempotent, so two first readers at once do no harm. Says whether
 * it put them in place.
 */
export async function ensureHandbooks(d1: D1Database, template: TemplatePackage, chapters: number): Promise<boolean> {
  if (chapters > 0) return false;
  for (const batch of handbookSeedBatches(d1, template)) await d1.batch(batch);
  return true;
}

/** The read of every handbook's chapter titles in a language, for `listHandbooks`. */
export function handbookListRead(db: TenantDb, locale: Locale) {
  return db
    .select({
      handbook: handbookChapters.handbook,
      key: handbookChapters.key,
      position: handbookChapters.position,
      title: handbookChapters.title,
      edited: handbookChapters.edited,
      hasDraft: sql<number>`${handbookChapters.draftBody} IS NOT NULL`,
      revision: handbookChapters.revision,
    })
    .from(handbookChapters)
    .where(eq(handbookChapters.locale, locale))
    .orderBy(asc(handbookChapters.position));
}

/** The handbooks with their chapters (the rows of `handbookListRead`); drafts are flagged only for administrators. */
export function listHandbooks(
  template: TemplatePackage,
  locale: Locale,
  isAdmin: boolean,
  rows: Awaited<ReturnType<typeof handbookListRead>>,
) {
  return template.handbooks.map((hb) => ({
    key: hb.key,
    title: hb.title[lang(locale)],
    chapters: rows
      .filter((r) => r.handbook === hb.key)
      .map((r) => ({
        key: r.key,
        position: r.position,
        title: r.title,
        edited: r.edited,
        hasDraft: isAdmin && Boolean(r.hasDraft),
        revision: r.revision,
      })),
  }));
}

/** The read of a handbook's chapters in a language, for `readHandbook`. */
export function handbookChaptersRead(db: TenantDb, handbook: string, locale: Locale) {
  return db
    .select()
    .from(handbookChapters)
    .where(and(eq(handbookChapters.handbook, handbook), eq(handbookChapters.locale, locale)))
    .orderBy(asc(handbookChapters.position));
}

/** A handbook from its chapters (the rows of `handbookChaptersRead`); drafts only for administrators. */
export function readHandbook(
  template: TemplatePackage,
  handbook: string,
  locale: Locale,
  isAdmin: boolean,
  rows: Awaited<ReturnType<typeof handbookChaptersRead>>,
) {
  const meta = template.handbooks.find((hb) => hb.key === handbook);
  if (!meta && rows.length === 0) throw new AppError('not_found', 'No such handbook');
  return {
    key: handbook,
    title: meta?.title[lang(locale)] ?? handbook,
    chapters: rows.map((r) => ({
      key: r.key,
      position: r.position,
      title: r.title,
      body: r.body,
      edited: r.edited,
      revision: r.revision,
      updatedAt: r.updatedAt,
      // Drafts are private to administrators.
      draft: isAdmin && r.draftBody !== null ? { title: r.draftTitle ?? r.title, body: r.draftBody } : null,
    })),
  };
}

async function findChapter(db: TenantDb, ref: ChapterRef) {
  const [row] = await db
    .select()
    .from(handbookChapters)
    .where(and(eq(handbookChapters.handbook, ref.handbook), eq(handbookChapters.key, ref.key), eq(handbookChapters.locale, ref.locale)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No such chapter');
  return row;
}

export interface SaveInput {
  title: string;
  body: string;
  summary: string;
  publish: boolean;
  /** The revision the editor started from; a save on top of someone else's newer one is refused. */
  baseRevision: number;
  kind?: 'edit' | 'restore';
}

/**
 * Saves a chapter as a new revision, published or as a private draft. The chapter update and the
 * revision insert run in one batch; if another save got there first, the revision number is taken
 * and the whole batch rolls back (409).
 */
export async function saveChapter(db: TenantDb, ref: ChapterRef, input: SaveInput, author: Author) {
  const chapter = await findChapter(db, ref);
  if (chapter.revision !== input.baseRevision) {
    throw new AppError('conflict', 'This chapter was changed since you opened it; reload to see the latest text', {
      baseRevision: [`The latest revision is ${chapter.revision}`],
    });
  }
  const next = input.baseRevision + 1;
  const update = input.publish
    ? db
        .update(handbookChapters)
        .set({
          title: input.title,
          body: input.body,
          draftTitle: null,
          draftBody: null,
          edited: sql`CASE WHEN ${input.title} = ${handbookChapters.baseTitle} AND ${input.body} = ${handbookChapters.baseBody} THEN 0 ELSE 1 END`,
          revision: next,
          updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
          updatedBy: author.userId,
        })
        .where(and(eq(handbookChapters.id, chapter.id), eq(handbookChapters.revision, input.baseRevision)))
    : db
        .update(handbookChapters)
        .set({ draftTitle: input.title, draftBody: input.body, revision: next, updatedBy: author.userId })
        .where(and(eq(handbookChapters.id, chapter.id), eq(handbookChapters.revision, input.baseRevision)));
  const insert = db.insert(handbookRevisions).values({
    chapterId: chapter.id,
    number: next,
    title: input.title,
    body: input.body,
    summary: input.summary,
    kind: input.publish ? (input.kind ?? 'edit') : 'draft',
    published: input.publish,
    authorUserId: author.userId,
    authorName: author.name,
  });
  try {
    await db.batch([update, insert]);
  } catch (error) {
    const latest = await findChapter(db, ref);
    if (latest.revision !== input.baseRevision) {
      throw new AppError('conflict', 'This chapter was changed since you opened it; reload to see the latest text');
    }
    throw error;
  }
  return findChapter(db, ref);
}

export async function listRevisions(db: TenantDb, ref: ChapterRef) {
  const chapter = await findChapter(db, ref);
  const rows = await db
    .select({
      number: handbookRevisions.number,
      title: handbookRevisions.title,
      summary: handbookRevisions.summary,
      kind: handbookRevisions.kind,
      published: handbookRevisions.published,
      templateVersion: handbookRevisions.templateVersion,
      authorName: handbookRevisions.authorName,
      createdAt: handbookRevisions.createdAt,
    })
    .from(handbookRevisions)
    .where(eq(handbookRevisions.chapterId, chapter.id))
    .orderBy(desc(handbookRevisions.number));
  return { chapter: { key: chapter.key, title: chapter.title, revision: chapter.revision }, revisions: rows };
}

export async function getRevision(db: TenantDb, ref: ChapterRef, number: number) {
  const chapter = await findChapter(db, ref);
  const [row] = await db
    .select()
    .from(handbookRevisions)
    .where(and(eq(handbookRevisions.chapterId, chapter.id), eq(handbookRevisions.number, number)))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No such revision');
  return {
    number: row.number,
    title: row.title,
    body: row.body,
    summary: row.summary,
    kind: row.kind,
    published: row.published,
    authorName: row.authorName,
    createdAt: row.createdAt,
  };
}

/** Restoring makes the old text the newest published revision; history is never rewritten. */
export async function restoreRevision(
  db: TenantDb,
  ref: ChapterRef,
  number: number,
  baseRevision: number,
  author: Author,
  summary: string,
) {
  const revision = await getRevision(db, ref, number);
  return saveChapter(
    db,
    ref,
    { title: revision.title, body: revision.body, summary, publish: true, baseRevision, kind: 'restore' },
    author,
  );
}
