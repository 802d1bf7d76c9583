import { happenedStates, SETTLE_WITHIN_DAYS } from '../community/activities/rules';
import {
  and,
  count,
  countDistinct,
  eq,
  exists,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  min,
  ne,
  notInArray,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { tenantDb } from '../db/client';
import {
  activities,
  activitySettlements,
  bodyParties,
  buildings,
  clubs,
  committeeMembers,
  committees,
  communityProfile,
  issueEvents,
  issues,
  meetings,
  memberRoles,
  members,
  programs,
  signups,
  volunteerHours,
} from '../db/tenant-schema';
import { emptyMonth, type MonthFacts } from './definitions';

/** Activities in these states took place. */
const HELD = happenedStates;

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString();
};

/** The YYYY-MM of a stored ISO date or instant. */
const monthOf = (value: SQLWrapper) => sql<string>`substr(${value}, 1, 7)`;

/** From `start` (included) to `end` (excluded). */
const within = (value: SQLWrapper, start: string, end: string): SQL => and(gte(value, start), lt(value, end))!;

/** Counts first-seen dates up to each month's end: how many had happened by then. */
function cumulative(dates: readonly string[], months: readonly string[]): number[] {
  return months.map((month) => {
    const end = monthEnd(month);
    return dates.filter((d) => d < end).length;
  });
}

function byMonth<R extends { m: string }, T>(rows: readonly R[], pick: (row: R) => T): Map<string, T> {
  return new Map(rows.map((r) => [r.m, pick(r)]));
}

/**
 * Reads the facts of each month from one community's own database in a single round trip (one D1 batch of
 * aggregate queries), oldest month first. Nothing personal leaves this function: only counts and durations.
 * Every result column has its own name: a D1 batch answers rows as objects, which would merge two of the same.
 */
export async function collectMonthFacts(d1: D1Database, months: readonly string[], now: Date): Promise<MonthFacts[]> {
  const db = tenantDb(d1);
  const start = `${months[0]}-01T00:00:00.000Z`;
  const end = monthEnd(months[months.length - 1]!);
  const nowIso = now.toISOString();

  const heldMonth = monthOf(activities.startsAt);
  const endedMonth = monthOf(activities.endsAt);
  const servedMonth = monthOf(volunteerHours.servedOn);
  const meetingMonth = monthOf(meetings.scheduledFor);
  const raisedMonth = monthOf(issues.createdAt);
  // Members attending held activities by month, and the month each first attended.
  const attendance = db.$with('att').as(
    db
      .selectDistinct({ memberId: signups.memberId, m: heldMonth.as('m') })
      .from(signups)
      .innerJoin(activities, eq(activities.id, signups.activityId))
      .where(and(eq(signups.status, 'confirmed'), inArray(activities.state, HELD), lt(activities.startsAt, end))),
  );
  const firstAttended = db.$with('firsts').as(
    db
      .select({ memberId: attendance.memberId, first: sql<string>`MIN(${attendance.m})`.as('first') })
      .from(attendance)
      .groupBy(attendance.memberId),
  );
  // When each issue first reached a state.
  const firstReached = (state: 'decided' | 'done') =>
    db
      .select({ issueId: issueEvents.issueId, reachedAt: min(issueEvents.at).as('reached_at') })
      .from(issueEvents)
      .where(eq(issueEvents.toState, state))
      .groupBy(issueEvents.issueId)
      .as(`first_${state}`);
  const decided = firstReached('decided');
  const done = firstReached('done');

  const [
    profileRows,
    memberRows,
    activityClubs,
    held,
    households,
    attendanceRows,
    volunteerRows,
    buildingRows,
    contactRows,
    meetingRows,
    raisedRows,
    decidedRows,
    doneRows,
    settledRows,
    endedRows,
    programRows,
    partyRows,
    committeeRows,
  ] = await db.batch([
    db
      .select({ households: communityProfile.households, residents: communityProfile.residents, foundedOn: communityProfile.foundedOn })
      .from(communityProfile)
      .where(eq(communityProfile.id, 1)),
    // Active members only, counted from the day they became members (approved, where the community approves them).
    db
      .select({ at: sql<string>`COALESCE(${members.approvedAt}, ${members.joinedAt})`.as('at') })
      .from(members)
      .where(eq(members.status, 'active'))
      .orderBy(sql`at`),
    db
      // The program an activity counts for: its own, or its club's for rows from before activities named one.
      .selectDistinct({
        m: heldMonth.as('m'),
        clubId: activities.clubId,
        programKey: sql<string | null>`COALESCE(${activities.programKey}, ${clubs.programKey})`.as('program_key'),
      })
      .from(activities)
      .leftJoin(clubs, eq(clubs.id, activities.clubId))
      .where(and(inArray(activities.state, HELD), within(activities.startsAt, start, end))),
    db
      .select({ m: heldMonth.as('m'), n: count().as('n') })
      .from(activities)
      .where(and(inArray(activities.state, HELD), within(activities.startsAt, start, end)))
      .groupBy(heldMonth),
    db
      .select({
        m: heldMonth.as('m'),
        // Members giving the same flat (in the same building) are one household; a member without a flat is their own.
        n: sql<number>`COUNT(DISTINCT CASE WHEN ${members.household} IS NOT NULL AND ${members.household} <> ''
          THEN COALESCE(${members.buildingId}, '') || ':' || ${members.household} ELSE 'member:' || ${members.id} END)`.as('n'),
      })
      .from(signups)
      .innerJoin(activities, eq(activities.id, signups.activityId))
      .innerJoin(members, eq(members.id, signups.memberId))
      .where(and(eq(signups.status, 'confirmed'), ne(activities.state, 'cancelled'), within(activities.startsAt, start, end)))
      .groupBy(heldMonth),
    db
      .with(attendance, firstAttended)
      .select({
        m: attendance.m,
        attendees: count().as('attendees'),
        returnees: sql<number | null>`SUM(${attendance.m} > ${firstAttended.first})`.as('returnees'),
      })
      .from(attendance)
      .innerJoin(firstAttended, eq(firstAttended.memberId, attendance.memberId))
      .where(gte(attendance.m, start.slice(0, 7)))
      .groupBy(sql`${attendance.m}`),
    db
      .select({
        m: servedMonth.as('m'),
        volunteers: countDistinct(volunteerHours.memberId).as('volunteers'),
        minutes: sql<number | null>`SUM(${volunteerHours.minutes})`.as('minutes'),
      })
      .from(volunteerHours)
      .where(and(isNotNull(volunteerHours.confirmedAt), within(volunteerHours.servedOn, start.slice(0, 10), end.slice(0, 10))))
      .groupBy(servedMonth),
    db.select({ n: count().as('n') }).from(buildings),
    db
      .select({ buildingId: memberRoles.buildingId, at: memberRoles.grantedAt })
      .from(memberRoles)
      .where(and(eq(memberRoles.role, 'building-contact'), isNotNull(memberRoles.buildingId))),
    db
      .select({ m: meetingMonth.as('m'), n: count().as('n') })
      .from(meetings)
      .where(and(eq(meetings.bodyKey, 'joint-meeting'), eq(meetings.status, 'closed'), within(meetings.scheduledFor, start, end)))
      .groupBy(meetingMonth),
    db
      .select({ m: raisedMonth.as('m'), n: count().as('n') })
      .from(issues)
      .where(within(issues.createdAt, start, end))
      .groupBy(raisedMonth),
    db
      .select({
        m: monthOf(decided.reachedAt).as('m'),
        days: sql<number | null>`julianday(${decided.reachedAt}) - julianday(${issues.createdAt})`.as('days'),
      })
      .from(decided)
      .innerJoin(issues, eq(issues.id, decided.issueId))
      .where(within(decided.reachedAt, start, end)),
    db
      .select({ m: monthOf(done.reachedAt).as('m'), n: count().as('n') })
      .from(done)
      .where(within(done.reachedAt, start, end))
      .groupBy(monthOf(done.reachedAt)),
    db
      .select({
        m: endedMonth.as('m'),
        settled: count().as('settled'),
        surplus: sql<number | null>`SUM(${activitySettlements.incomeFen} > ${activitySettlements.costFen})`.as('surplus'),
        onTime: sql<
          number | null
        >`SUM(julianday(${activitySettlements.recordedAt}) - julianday(${activities.endsAt}) <= ${SETTLE_WITHIN_DAYS})`.as('on_time'),
      })
      .from(activitySettlements)
      .innerJoin(activities, eq(activities.id, activitySettlements.activityId))
      .where(within(activities.endsAt, start, end))
      .groupBy(endedMonth),
    db
      .select({
        m: endedMonth.as('m'),
        ended: count().as('ended'),
        completed: sql<number | null>`SUM(${inArray(activities.state, ['settled', 'reviewed'])})`.as('completed'),
      })
      .from(activities)
      .where(
        and(
          notInArray(activities.state, ['cancelled', 'draft', 'budget-submitted']),
          within(activities.endsAt, start, end),
          lte(activities.endsAt, nowIso),
        ),
      )
      .groupBy(endedMonth),
    db.select({ key: programs.key }).from(programs).where(eq(programs.enabled, true)),
    // Each party of the joint meeting, with when it first had a named representative.
    db
      .select({ partyKey: bodyParties.partyKey, firstAt: min(memberRoles.grantedAt).as('first_at') })
      .from(bodyParties)
      .leftJoin(memberRoles, and(eq(memberRoles.role, 'party-representative'), eq(memberRoles.partyKey, bodyParties.partyKey)))
      .where(eq(bodyParties.bodyKey, 'joint-meeting'))
      .groupBy(bodyParties.partyKey),
    db
      .select({ at: committees.createdAt })
      .from(committees)
      .where(
        exists(
          db
            .select({ one: sql`1`.as('one') })
            .from(committeeMembers)
            .where(eq(committeeMembers.committeeId, committees.id)),
        ),
      ),
  ]);

  const profile = profileRows[0];
  const joined = memberRows.map((r) => r.at);
  const memberCounts = cumulative(joined, months);
  const foundedMonth = [profile?.foundedOn?.slice(0, 7) ?? null, joined[0]?.slice(0, 7) ?? null]
    .filter((x): x is string => x !== null)
    .sort()[0];

  const heldBy = byMonth(held, (r) => r.n);
  const householdsBy = byMonth(households, (r) => r.n);
  const attendanceBy = byMonth(attendanceRows, (r) => ({ attendees: r.attendees, returning: r.returnees ?? 0 }));
  const volunteersBy = byMonth(volunteerRows, (r) => ({ volunteers: r.volunteers, minutes: r.minutes ?? 0 }));
  const meetingsBy = byMonth(meetingRows, (r) => r.n);
  const raisedBy = byMonth(raisedRows, (r) => r.n);
  const doneBy = byMonth(doneRows, (r) => r.n);
  const settledBy = byMonth(settledRows, (r) => ({ settled: r.settled, surplus: r.surplus ?? 0, onTime: r.onTime ?? 0 }));
  const endedBy = byMonth(endedRows, (r) => ({ ended: r.ended, completed: r.completed ?? 0 }));
  const programsEnabled = programRows.map((r) => r.key);
  const buildingCount = buildingRows[0]?.n ?? 0;

  return months.map((month, i) => {
    const endOfMonth = monthEnd(month);
    const contactsByBuilding = new Map<number, number>();
    for (const { buildingId, at } of contactRows) {
      if (buildingId !== null && at < endOfMonth) contactsByBuilding.set(buildingId, (contactsByBuilding.get(buildingId) ?? 0) + 1);
    }
    const inMonth = activityClubs.filter((r) => r.m === month);
    return emptyMonth(month, {
      households: profile?.households ?? 0,
      residents: profile?.residents ?? null,
      members: memberCounts[i]!,
      clubsWithActivity: [...new Set(inMonth.flatMap((r) => (r.clubId === null ? [] : [r.clubId])))],
      programsWithActivity: [...new Set(inMonth.flatMap((r) => (r.programKey === null ? [] : [r.programKey])))],
      programsEnabled,
      activitiesHeld: heldBy.get(month) ?? 0,
      householdsParticipating: householdsBy.get(month) ?? 0,
      attendees: attendanceBy.get(month)?.attendees ?? 0,
      returningAttendees: attendanceBy.get(month)?.returning ?? 0,
      volunteersActive: volunteersBy.get(month)?.volunteers ?? 0,
      volunteerMinutes: volunteersBy.get(month)?.minutes ?? 0,
      buildings: buildingCount,
      buildingsWithTwoContacts: [...contactsByBuilding.values()].filter((n) => n >= 2).length,
      jointMeetingsHeld: meetingsBy.get(month) ?? 0,
      issuesRaised: raisedBy.get(month) ?? 0,
      issuesDecided: decidedRows.filter((r) => r.m === month).length,
      issuesDone: doneBy.get(month) ?? 0,
      daysToDecision: decidedRows.filter((r) => r.m === month).map((r) => Math.round((r.days ?? 0) * 10) / 10),
      settled: settledBy.get(month)?.settled ?? 0,
      settledWithSurplus: settledBy.get(month)?.surplus ?? 0,
      settledOnTime: settledBy.get(month)?.onTime ?? 0,
      activitiesEnded: endedBy.get(month)?.ended ?? 0,
      activitiesCompleted: endedBy.get(month)?.completed ?? 0,
      parties: partyRows.length,
      partiesRepresented: partyRows.filter((r) => r.firstAt !== null && r.firstAt < endOfMonth).length,
      committeesStaffed: committeeRows.filter((r) => r.at < endOfMonth).length,
      existed: foundedMonth === undefined ? true : month >= foundedMonth,
    });
  });
}
