/** A program's sections (purpose, roles, how to run it, measures): the template's words until the community
 * writes its own, then revisions like handbook chapters. */
import { and, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { communityProfile, programs, programTextRevisions, programTexts } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { findTemplate } from '../../templates/registry';
import type { Locale } from '../../templates/placeholders';
import { type ProgramSection, programSections, templateSectionMarkdown } from './rules';

/** One section of one program in one language. */
export interface SectionRef {
  programKey: string;
  section: ProgramSection;
  locale: Locale;
}

export interface Author {
  userId: string;
  name: string;
}

const lang = (locale: Locale) => (locale === 'en' ? 'en' : 'zh');

/** The template's text of each section in `locale`, from the package (and version) the community is on. */
export function templateSections(templateKey: string, templateVersion: number, programKey: string, locale: Locale) {
  const program = findTemplate(`${templateKey}@${templateVersion}`)?.programs.find((p) => p.key === programKey);
  const l = lang(locale);
  return Object.fromEntries(
    programSections.map((section) => [
      section,
      program
        ? templateSectionMarkdown(
            {
              purpose: program.purpose[l],
              roles: program.roles.map((r) => r[l]),
              howToRun: program.howToRun.map((s) => s[l]),
              measures: program.measures.map((m) => m[l]),
            },
            section,
          )
        : '',
    ]),
  ) as Record<ProgramSection, string>;
}

async function templateOf(db: TenantDb, ref: SectionRef) {
  const [profile] = await db
    .select({ key: communityProfile.templateKey, version: communityProfile.templateVersion })
    .from(communityProfile)
    .limit(1);
  if (!profile) throw new AppError('not_ready', 'This community is not set up yet');
  return templateSections(profile.key, profile.version, ref.programKey, ref.locale)[ref.section];
}

async function findText(db: TenantDb, ref: SectionRef) {
  const [program] = await db.select({ key: programs.key }).from(programs).where(eq(programs.key, ref.programKey));
  if (!program) throw new AppError('not_found', 'No such program');
  const [row] = await db
    .select()
    .from(programTexts)
    .where(and(eq(programTexts.programKey, ref.programKey), eq(programTexts.section, ref.section), eq(programTexts.locale, ref.locale)))
    .limit(1);
  return row ?? null;
}

export interface SaveSectionInput {
  body: string;
  summary: string;
  /** The revision the editor started from (1, the template's text, for a section never edited). */
  baseRevision: number;
  kind?: 'edit' | 'restore';
}

const conflict = () =>
  new AppError('conflict', 'This section was changed since you opened it; reload to see the latest text', {
    baseRevision: ['Not the latest revision'],
  });

/**
 * Saves a section as a new revision. The first edit writes the section with the template's text as revision 1
 * and the edit as revision 2, in one batch; later edits update the section only where its revision is still the
 * one the editor started from, and the revision's unique number refuses the second of two saves at once (409).
 */
export async function saveSection(db: TenantDb, ref: SectionRef, input: SaveSectionInput, author: Author) {
  const row = await findText(db, ref);
  const current = row?.revision ?? 1;
  if (current !== input.baseRevision) throw conflict();
  const next = current + 1;
  const textId = sql`(SELECT id FROM ${programTexts} WHERE ${programTexts.programKey} = ${ref.programKey}
    AND ${programTexts.section} = ${ref.section} AND ${programTexts.locale} = ${ref.locale})`;
  const revision = {
    textId,
    number: next,
    body: input.body,
    summary: input.summary,
    kind: input.kind ?? ('edit' as const),
    authorUserId: author.userId,
    authorName: author.name,
  };
  try {
    if (!row) {
      const templateBody = await templateOf(db, ref);
      await db.batch([
        db.insert(programTexts).values({
          programKey: ref.programKey,
          section: ref.section,
          locale: ref.locale,
          body: input.body,
          revision: next,
          updatedBy: author.userId,
        }),
        db.insert(programTextRevisions).values({
          textId,
          number: 1,
          body: templateBody,
          summary: ref.locale === 'en' ? 'Text of the template' : '模板原文',
          kind: 'template',
        }),
        db.insert(programTextRevisions).values(revision),
      ]);
    } else {
      await db.batch([
        db
          .update(programTexts)
          .set({ body: input.body, revision: next, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`, updatedBy: author.userId })
          .where(and(eq(programTexts.id, row.id), eq(programTexts.revision, current))),
        db.insert(programTextRevisions).values({ ...revision, textId: row.id }),
      ]);
    }
  } catch (error) {
    const latest = await findText(db, ref);
    if ((latest?.revision ?? 1) !== current) throw conflict();
    throw error;
  }
  return { revision: next };
}

/** A section's revisions, newest first; one never edited has only the template's text, as revision 1. */
export async function listSectionRevisions(db: TenantDb, ref: SectionRef) {
  const row = await findText(db, ref);
  if (!row) {
    return {
      section: { key: ref.section, revision: 1 },
      revisions: [
        {
          number: 1,
          summary: ref.locale === 'en' ? 'Text of the template' : '模板原文',
          kind: 'template' as const,
          authorName: null,
          createdAt: null,
        },
      ],
    };
  }
  const rows = await db
    .select({
      number: programTextRevisions.number,
      summary: programTextRevisions.summary,
      kind: programTextRevisions.kind,
      authorName: programTextRevisions.authorName,
      createdAt: programTextRevisions.createdAt,
    })
    .from(programTextRevisions)
    .where(eq(programTextRevisions.textId, row.id))
    .orderBy(sql`${programTextRevisions.number} DESC`);
  return { section: { key: ref.section, revision: row.revision }, revisions: rows };
}

export async function getSectionRevision(db: TenantDb, ref: SectionRef, number: number) {
  const row = await findText(db, ref);
  if (!row) {
    if (number !== 1) throw new AppError('not_found', 'No such revision');
    return {
      number: 1,
      body: await templateOf(db, ref),
      summary: ref.locale === 'en' ? 'Text of the template' : '模板原文',
      kind: 'template' as const,
      authorName: null,
      createdAt: null,
    };
  }
  const [revision] = await db
    .select()
    .from(programTextRevisions)
    .where(and(eq(programTextRevisions.textId, row.id), eq(programTextRevisions.number, number)))
    .limit(1);
  if (!revision) throw new AppError('not_found', 'No such revision');
  return {
    number: revision.number,
    body: revision.body,
    summary: revision.summary,
    kind: revision.kind,
    authorName: revision.authorName,
    createdAt: revision.createdAt,
  };
}

/** Restoring makes the old text the newest revision; history is never rewritten. */
export async function restoreSectionRevision(db: TenantDb, ref: SectionRef, number: number, baseRevision: number, author: Author) {
  const old = await getSectionRevision(db, ref, number);
  const summary = ref.locale === 'en' ? `Restored revision ${number}` : `恢复到第 ${number} 版`;
  return saveSection(db, ref, { body: old.body, summary, baseRevision, kind: 'restore' }, author);
}
