import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import {
  activities,
  clubMembers,
  clubs,
  communityProfile,
  members,
  programs,
  programTextRevisions,
  programTexts,
  signups,
  volunteerHours,
} from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { findTemplate } from '../../templates/registry';
import type { Locale } from '../../templates/placeholders';
import { announcedStates, happenedStates } from '../activities/rules';
import { seesResidentNames } from '../members/rules';
import { type ProgramFigureSource, figureSources, toolFigureReads } from './figures';
import {
  commonProgramFigures,
  lastMonths,
  monthsWindow,
  type ProgramSection,
  programSections,
  programTool,
  templateSectionMarkdown,
} from './rules';

/** Months of figures a program's page shows. */
export const FIGURE_MONTHS = 12;

/** The program an activity counts for: its own, or (for rows from before activities named one) its club's. */
export const creditedProgram = sql<string | null>`COALESCE(${activities.programKey}, ${clubs.programKey})`;

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
function templateSections(templateKey: string, templateVersion: number, programKey: string, locale: Locale) {
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

/**
 * Everything a program's page shows, in two round trips (plus one per tool that adds figures): its sections in the
 * community's words or the template's, its clubs, upcoming announced activities, volunteers of the last twelve
 * months (names only for members) and its figures month by month on the community's calendar.
 */
export async function programPage(
  db: TenantDb,
  key: string,
  locale: Locale,
  viewer: MemberContext | null,
  now: Date,
  sources: readonly ProgramFigureSource[] = figureSources,
) {
  const nowIso = now.toISOString();
  const [programRows, profileRows, textRows, clubRows, upcoming] = await db.batch([
    db.select().from(programs).where(eq(programs.key, key)),
    db
      .select({ key: communityProfile.templateKey, version: communityProfile.templateVersion, timeZone: communityProfile.timeZone })
      .from(communityProfile)
      .limit(1),
    db
      .select()
      .from(programTexts)
      .where(and(eq(programTexts.programKey, key), eq(programTexts.locale, locale))),
    db
      .select({
        id: clubs.id,
        name: clubs.name,
        purpose: clubs.purpose,
        status: clubs.status,
        meetingPattern: clubs.meetingPattern,
        memberCount: sql<number>`(SELECT COUNT(*) FROM ${clubMembers} WHERE ${clubMembers.clubId} = ${clubs.id})`,
      })
      .from(clubs)
      .where(and(eq(clubs.programKey, key), inArray(clubs.status, ['active', 'dormant'])))
      .orderBy(asc(clubs.status), asc(clubs.name)),
    // Only announced activities: anyone who may see the community sees them (activityVisibility).
    db
      .select({
        id: activities.id,
        title: activities.title,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        place: activities.place,
        state: activities.state,
        capacity: activities.capacity,
        feeFen: activities.feeFen,
        clubId: activities.clubId,
        clubName: clubs.name,
        confirmed: sql<number>`(SELECT COUNT(*) FROM ${signups} WHERE ${signups.activityId} = ${activities.id} AND ${signups.status} = 'confirmed')`,
      })
      .from(activities)
      .leftJoin(clubs, eq(clubs.id, activities.clubId))
      .where(and(eq(creditedProgram, key), inArray(activities.state, [...announcedStates]), gte(activities.endsAt, nowIso)))
      .orderBy(asc(activities.startsAt))
      .limit(20),
  ]);
  const program = programRows[0];
  const profile = profileRows[0];
  if (!program) throw new AppError('not_found', 'No such program');
  if (!profile) throw new AppError('not_ready', 'This community is not set up yet');
  const timeZone = profile.timeZone;
  const months = lastMonths(now, timeZone, FIGURE_MONTHS);
  const window = monthsWindow(months);

  // The tools' figures ride in the same batch as the figures every program has.
  const tools = toolFigureReads(db, key, months, timeZone, sources);
  const [held, hours, ...toolRows] = await db.batch([
    db
      .select({
        startsAt: activities.startsAt,
        clubId: activities.clubId,
        participants: sql<number>`(SELECT COUNT(*) FROM ${signups} WHERE ${signups.activityId} = ${activities.id}
            AND (${signups.status} = 'confirmed' OR ${signups.checkedInAt} IS NOT NULL))`,
      })
      .from(activities)
      .leftJoin(clubs, eq(clubs.id, activities.clubId))
      .where(
        and(
          eq(creditedProgram, key),
          inArray(activities.state, [...happenedStates]),
          gte(activities.startsAt, window.from),
          lt(activities.startsAt, window.to),
        ),
      ),
    db
      .select({
        memberId: volunteerHours.memberId,
        displayName: members.displayName,
        servedOn: volunteerHours.servedOn,
        minutes: volunteerHours.minutes,
      })
      .from(volunteerHours)
      .innerJoin(members, eq(members.id, volunteerHours.memberId))
      .where(
        and(
          isNotNull(volunteerHours.confirmedAt),
          gte(volunteerHours.servedOn, months[0]!),
          or(
            eq(volunteerHours.programKey, key),
            inArray(
              volunteerHours.activityId,
              db
                .select({ id: activities.id })
                .from(activities)
                .leftJoin(clubs, eq(clubs.id, activities.clubId))
                .where(eq(creditedProgram, key)),
            ),
          ),
        ),
      ),
    ...tools.statements,
  ]);
  const extra = tools.figures(toolRows);

  const inMonths = hours.filter((h) => h.servedOn.slice(0, 7) <= months[months.length - 1]!);
  const byVolunteer = new Map<number, { id: number; displayName: string; minutes: number }>();
  for (const h of inMonths) {
    const v = byVolunteer.get(h.memberId) ?? { id: h.memberId, displayName: h.displayName, minutes: 0 };
    v.minutes += h.minutes;
    byVolunteer.set(h.memberId, v);
  }
  const volunteerList = [...byVolunteer.values()].sort((a, b) => b.minutes - a.minutes);

  const template = templateSections(profile.key, profile.version, key, locale);
  const sections = programSections.map((section) => {
    const row = textRows.find((r) => r.section === section);
    return {
      key: section,
      body: row?.body ?? template[section],
      edited: row !== undefined && row.body !== template[section],
      revision: row?.revision ?? 1,
      updatedAt: row?.updatedAt ?? null,
    };
  });

  return {
    key: program.key,
    name: { zh: program.nameZh, en: program.nameEn },
    description: { zh: program.descriptionZh, en: program.descriptionEn },
    enabled: program.enabled,
    sections,
    tool: programTool(program.key),
    clubs: clubRows.map((c) => ({ ...c, memberCount: Number(c.memberCount) })),
    activities: upcoming.map((a) => ({ ...a, confirmed: Number(a.confirmed) })),
    volunteers: {
      count: volunteerList.length,
      // Residents' names are for members (seesResidentNames); visitors get the count only.
      people: seesResidentNames(viewer)
        ? volunteerList.map((v) => ({ id: v.id, displayName: v.displayName, hours: Math.round(v.minutes / 6) / 10 }))
        : null,
    },
    figures: {
      timeZone,
      months,
      series: [
        ...commonProgramFigures(
          held.map((a) => ({ ...a, participants: Number(a.participants) })),
          inMonths,
          months,
          timeZone,
        ),
        ...extra,
      ],
    },
  };
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

/** Whether a program exists and is switched on: what an activity may be credited to. */
export async function creditableProgram(db: TenantDb, key: string): Promise<boolean> {
  const [row] = await db
    .select({ key: programs.key })
    .from(programs)
    .where(and(eq(programs.key, key), eq(programs.enabled, true)));
  return row !== undefined;
}
