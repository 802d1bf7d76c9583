import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import {
  activities,
  activityCostLines,
  activityReviews,
  activitySettlements,
  clubs,
  communityProfile,
  members,
  programs,
  signups,
} from '../../db/tenant-schema';
import type { MemberContext } from '../../http/context';
import { isAdmin } from '../../auth/roles';
import { approvalProblem, computeBudget } from './budget';
import { type ActivityState, activityVisibility, announcedStates } from './rules';
import { spaceFrom, spaceOfActivityRead } from './place';
import { getActivity } from './service';
import { AppError } from '../../errors';
import { seesOrganiserNames } from '../members/rules';
import { openWindowsReads, settleOpenWindows } from '../consent/service';

/**
 * The activity, if the viewer may see it (see `activityVisibility`); otherwise the same 404 as for an id that does
 * not exist, so that guessing ids reveals nothing.
 */
export async function visibleActivity(db: TenantDb, id: number, viewer: MemberContext | null) {
  const activity = await getActivity(db, id);
  if (announcedStates.includes(activity.state)) return { activity, visibility: 'full' as const };
  if (!viewer) throw new AppError('not_found', 'No such activity');
  const [club, mine] = await db.batch([
    db
      .select({ responsible: clubs.responsibleMemberId })
      .from(clubs)
      .where(eq(clubs.id, activity.clubId ?? -1)),
    db
      .select({ id: signups.id })
      .from(signups)
      .where(and(eq(signups.activityId, id), eq(signups.memberId, viewer.id)))
      .limit(1),
  ]);
  const visibility = activityVisibility(activity.state, {
    admin: isAdmin(viewer),
    organiser: activity.responsibleMemberId === viewer.id,
    clubResponsible: club[0]?.responsible === viewer.id,
    signedUp: mine.length > 0,
  });
  if (visibility === 'hidden') throw new AppError('not_found', 'No such activity');
  return { activity, visibility };
}

/**
 * Everything the activity page shows, with the AA breakdown and planned vs actual, in one round trip. Visitors see
 * the organiser's name only where the community has chosen to show it. A budget whose consent window ran out is
 * approved first (read in the same batch, so only the view that approves it reads twice).
 */
export async function activityDetail(db: TenantDb, id: number, viewer: MemberContext | null, now: string) {
  // One batch: the activity's club, responsible person and program are found by sub-selects of the activity's row.
  const ofActivity = (column: 'responsible_member_id' | 'club_id') =>
    sql`(SELECT a.${sql.raw(column)} FROM activities a WHERE a.id = ${id})`;
  const read = () =>
    db.batch([
      ...openWindowsReads(db, { subject: 'activity', subjectId: id }),
      db.select().from(activities).where(eq(activities.id, id)),
      db.select({ organiserNamesPublic: communityProfile.organiserNamesPublic }).from(communityProfile).limit(1),
      db
        .select({ label: activityCostLines.label, amountFen: activityCostLines.amountFen })
        .from(activityCostLines)
        .where(and(eq(activityCostLines.activityId, id), eq(activityCostLines.kind, 'planned')))
        .orderBy(asc(activityCostLines.id)),
      db
        .select({ label: activityCostLines.label, amountFen: activityCostLines.amountFen })
        .from(activityCostLines)
        .where(and(eq(activityCostLines.activityId, id), eq(activityCostLines.kind, 'actual')))
        .orderBy(asc(activityCostLines.id)),
      db
        .select({
          status: signups.status,
          n: count(),
          checkedIn: sql<number>`SUM(CASE WHEN ${signups.checkedInAt} IS NOT NULL THEN 1 ELSE 0 END)`,
        })
        .from(signups)
        .where(eq(signups.activityId, id))
        .groupBy(signups.status),
      db.select().from(activitySettlements).where(eq(activitySettlements.activityId, id)),
      db
        .select({
          kind: activityReviews.kind,
          wentWell: activityReviews.wentWell,
          toChange: activityReviews.toChange,
          rating: activityReviews.rating,
        })
        .from(activityReviews)
        .where(eq(activityReviews.activityId, id)),
      db
        .select({ id: members.id, displayName: members.displayName })
        .from(members)
        .where(eq(members.id, ofActivity('responsible_member_id'))),
      db
        .select({ id: clubs.id, name: clubs.name, responsible: clubs.responsibleMemberId })
        .from(clubs)
        .where(eq(clubs.id, ofActivity('club_id'))),
      db
        .select({
          id: signups.id,
          participant: signups.participant,
          isChild: signups.isChild,
          status: signups.status,
          checkedInAt: signups.checkedInAt,
        })
        .from(signups)
        .where(and(eq(signups.activityId, id), eq(signups.memberId, viewer?.id ?? -1))),
      // The program it counts for; rows from before activities named one count for their club's.
      db
        .select({ key: programs.key, nameZh: programs.nameZh, nameEn: programs.nameEn })
        .from(programs)
        .where(
          eq(
            programs.key,
            sql`(SELECT COALESCE(a.program_key, c.program_key) FROM activities a LEFT JOIN clubs c ON c.id = a.club_id WHERE a.id = ${id})`,
          ),
        ),
      spaceOfActivityRead(db, id),
    ]);
  let rows = await read();
  if (await settleOpenWindows(db, [rows[0], rows[1]], now)) rows = await read();
  const [, , activityRows, settings, planned, actual, counts, settlement, reviews, responsible, club, mine, program, place] = rows;
  const activity = activityRows[0];
  if (!activity) throw new AppError('not_found', 'No such activity');
  // The same 404 as for an id that does not exist, for an activity the viewer may not see (see `activityVisibility`).
  if (!announcedStates.includes(activity.state)) {
    const visibility = viewer
      ? activityVisibility(activity.state, {
          admin: isAdmin(viewer),
          organiser: activity.responsibleMemberId === viewer.id,
          clubResponsible: club[0]?.responsible === viewer.id,
          signedUp: mine.length > 0,
        })
      : 'hidden';
    if (visibility === 'hidden') throw new AppError('not_found', 'No such activity');
  }
  const organiserNamesPublic = settings[0]?.organiserNamesPublic ?? false;
  const budget = computeBudget({
    lines: planned,
    expectedParticipants: activity.expectedParticipants,
    surplusRatePercent: activity.surplusRatePercent,
  });
  const countOf = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const ratings = reviews.filter((r) => r.kind === 'rating' && r.rating !== null).map((r) => r.rating as number);
  const isOrganiser =
    viewer !== null && (viewer.id === activity.responsibleMemberId || isAdmin(viewer) || club[0]?.responsible === viewer.id);
  const { checkinToken, ...publicFields } = activity;
  const { space, booking } = spaceFrom(place);
  return {
    ...publicFields,
    space,
    booking,
    // The check-in code is shown only to organisers, who display it as a QR code at the activity.
    checkinToken: isOrganiser ? checkinToken : null,
    isOrganiser,
    club: club[0] ? { id: club[0].id, name: club[0].name } : null,
    programKey: program[0]?.key ?? null,
    program: program[0] ? { key: program[0].key, name: { zh: program[0].nameZh, en: program[0].nameEn } } : null,
    responsible: seesOrganiserNames(viewer, organiserNamesPublic) ? (responsible[0] ?? null) : null,
    budget: {
      ...budget,
      lines: planned,
      feeFen: activity.feeFen,
      derivedFeeFen: budget.feeFen,
      exceptionReason: activity.exceptionReason,
      problem: approvalProblem(budget, activity.feeFen, activity.expectedParticipants, activity.exceptionReason),
    },
    places: {
      confirmed: countOf('confirmed'),
      waitlisted: countOf('waitlisted'),
      checkedIn: counts.reduce((s, c) => s + Number(c.checkedIn ?? 0), 0),
      free: Math.max(0, activity.capacity - countOf('confirmed')),
    },
    settlement: settlement[0]
      ? {
          incomeFen: settlement[0].incomeFen,
          costFen: settlement[0].costFen,
          surplusFen: settlement[0].incomeFen - settlement[0].costFen,
          actualLines: actual,
          plannedIncomeFen: budget.incomeFen,
          plannedCostFen: budget.costFen,
        }
      : null,
    review: reviews.find((r) => r.kind === 'summary') ?? null,
    rating:
      ratings.length > 0
        ? { average: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10, count: ratings.length }
        : null,
    mySignups: mine,
  };
}

export function listActivities(db: TenantDb, filter: { from: string; to: string; clubId?: number; states?: ActivityState[] }) {
  return db
    .select({
      id: activities.id,
      title: activities.title,
      clubId: activities.clubId,
      clubName: clubs.name,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      place: activities.place,
      state: activities.state,
      capacity: activities.capacity,
      feeFen: activities.feeFen,
      audience: activities.audience,
      waitlist: activities.waitlist,
      confirmed: sql<number>`(SELECT COUNT(*) FROM ${signups} WHERE ${signups.activityId} = ${activities.id} AND ${signups.status} = 'confirmed')`,
    })
    .from(activities)
    .leftJoin(clubs, eq(clubs.id, activities.clubId))
    .where(
      and(
        gte(activities.startsAt, filter.from),
        lt(activities.startsAt, filter.to),
        filter.clubId ? eq(activities.clubId, filter.clubId) : undefined,
        filter.states ? inArray(activities.state, filter.states) : undefined,
      ),
    )
    .orderBy(asc(activities.startsAt))
    .limit(200);
}
