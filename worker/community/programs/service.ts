import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import {
  activities,
  clubMembers,
  clubs,
  communityProfile,
  members,
  programs,
  programTexts,
  signups,
  volunteerHours,
} from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import type { Locale } from '../../templates/placeholders';
import { announcedStates, happenedStates } from '../activities/rules';
import { seesResidentNames } from '../members/rules';
import { type ProgramFigureSource, figureSources, toolFigureReads } from './figures';
import { commonProgramFigures, lastMonths, monthsWindow, programSections, programTool } from './rules';
import { templateSections } from './sections';

/** Months of figures a program's page shows. */
export const FIGURE_MONTHS = 12;

/** The program an activity counts for: its own, or (for rows from before activities named one) its club's. */
export const creditedProgram = sql<string | null>`COALESCE(${activities.programKey}, ${clubs.programKey})`;

/**
 * The reads of a program's figures for the twelve months before `now` on the calendar of `timeZone`: activities held,
 * confirmed volunteer hours and what the program's tools add, with how their rows become figures.
 */
function figureMonthReads(db: TenantDb, key: string, now: Date, timeZone: string, sources: readonly ProgramFigureSource[]) {
  const months = lastMonths(now, timeZone, FIGURE_MONTHS);
  const window = monthsWindow(months);
  const tools = toolFigureReads(db, key, months, timeZone, sources);
  const statements = [
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
  ] as const;
  return { months, statements, tools };
}

/**
 * Everything a program's page shows, in one round trip (two when the community's time zone is not `timeZoneGuess`):
 * its sections in the community's words or the template's, its clubs, upcoming announced activities, volunteers of
 * the last twelve months (names only for members) and its figures month by month on the community's calendar.
 */
export async function programPage(
  db: TenantDb,
  key: string,
  locale: Locale,
  viewer: MemberContext | null,
  now: Date,
  timeZoneGuess: string,
  sources: readonly ProgramFigureSource[] = figureSources,
) {
  const nowIso = now.toISOString();
  const guessed = figureMonthReads(db, key, now, timeZoneGuess, sources);
  const [programRows, profileRows, textRows, clubRows, upcoming, ...guessedRows] = await db.batch([
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
    ...guessed.statements,
  ]);
  const program = programRows[0];
  const profile = profileRows[0];
  if (!program) throw new AppError('not_found', 'No such program');
  if (!profile) throw new AppError('not_ready', 'This community is not set up yet');
  const timeZone = profile.timeZone;
  // The months' rows were read for the guessed zone; a community in another zone has them read again for its own.
  const actual = timeZone === timeZoneGuess ? guessed : figureMonthReads(db, key, now, timeZone, sources);
  const [held, hours, ...toolRows] =
    actual === guessed ? (guessedRows as unknown as BatchResponse<typeof actual.statements>) : await db.batch(actual.statements);
  const { months, tools } = actual;
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

/** Whether a program exists and is switched on: what an activity may be credited to. */
export async function creditableProgram(db: TenantDb, key: string): Promise<boolean> {
  const [row] = await db
    .select({ key: programs.key })
    .from(programs)
    .where(and(eq(programs.key, key), eq(programs.enabled, true)));
  return row !== undefined;
}
