import { and, asc, count, countDistinct, eq, gt, gte, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { collectMonthFacts } from '../../metrics/collect';
import { type Figures, figuresForSeries, monthsUpTo } from '../../metrics/definitions';
import { SNAPSHOT_MONTHS } from '../../metrics/snapshots';
import { SETTLE_WITHIN_DAYS } from '../activities/rules';
import { activities } from '../activities/schema';
import { bodyParties } from '../bodies/schema';
import { buildings } from '../buildings/schema';
import { clubs } from '../clubs/schema';
import { committeeMembers } from '../committees/schema';
import { isOverdue, type IssueState } from '../issues/rules';
import { issues } from '../issues/schema';
import { waitLimits } from '../issues/service';
import { ledgerAccounts, ledgerPostings } from '../ledger/schema';
import { HUB_FUND } from '../ledger/service';
import { meetings } from '../meetings/schema';
import { memberRoles } from '../members/schema';
import { spaces } from '../spaces/schema';
import { monthsWithoutJointMeeting, nextSteps, type StandingFacts } from './rules';

const monthStart = (month: string) => `${month}-01T00:00:00.000Z`;
const nextMonthStart = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString();
};

/** What the association has in place today, in one D1 batch of counts (names of buildings only, nothing personal). */
export async function standingFacts(db: TenantDb, now: Date): Promise<StandingFacts> {
  const month = now.toISOString().slice(0, 7);
  const settleBy = new Date(now.getTime() - SETTLE_WITHIN_DAYS * 86_400_000).toISOString();
  const [
    partyRows,
    buildingRows,
    committeeRows,
    spaceRows,
    incomeRows,
    clubRows,
    unsettledRows,
    closedRows,
    thisMonthRows,
    activityRows,
    issueRows,
  ] = await db.batch([
    db
      .select({ partyKey: bodyParties.partyKey, reps: count(memberRoles.memberId).as('reps') })
      .from(bodyParties)
      .leftJoin(memberRoles, and(eq(memberRoles.role, 'party-representative'), eq(memberRoles.partyKey, bodyParties.partyKey)))
      .where(eq(bodyParties.bodyKey, 'joint-meeting'))
      .groupBy(bodyParties.partyKey),
    db
      .select({
        name: buildings.name,
        contactsRequired: buildings.contactsRequired,
        contacts: sql<number>`(SELECT COUNT(*) FROM ${memberRoles} WHERE ${memberRoles.role} = 'building-contact' AND ${memberRoles.buildingId} = ${buildings.id})`,
      })
      .from(buildings)
      .orderBy(asc(buildings.position)),
    db.select({ n: countDistinct(committeeMembers.committeeId).as('n') }).from(committeeMembers),
    db.select({ n: count().as('n') }).from(spaces),
    db
      .select({ n: count().as('n') })
      .from(ledgerPostings)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
      .where(and(eq(ledgerAccounts.key, HUB_FUND), gt(ledgerPostings.amountFen, 0))),
    db
      .select({ n: count().as('n') })
      .from(clubs)
      .where(eq(clubs.status, 'active')),
    // Activities that took place (or were closed for sign-ups) and ended longer ago than the settlement window.
    db
      .select({ n: countDistinct(activities.clubId).as('n') })
      .from(activities)
      .where(and(inArray(activities.state, ['closed', 'held']), lt(activities.endsAt, settleBy))),
    db
      .select({ n: count().as('n') })
      .from(meetings)
      .where(and(eq(meetings.bodyKey, 'joint-meeting'), eq(meetings.status, 'closed'))),
    db
      .select({ n: count().as('n') })
      .from(meetings)
      .where(
        and(
          eq(meetings.bodyKey, 'joint-meeting'),
          gte(meetings.scheduledFor, monthStart(month)),
          lt(meetings.scheduledFor, nextMonthStart(month)),
        ),
      ),
    db
      .select({ n: count().as('n') })
      .from(activities)
      .where(
        and(ne(activities.state, 'cancelled'), gte(activities.startsAt, monthStart(month)), lt(activities.startsAt, nextMonthStart(month))),
      ),
    db
      .select({ state: issues.state, since: issues.stateSince })
      .from(issues)
      .where(notInArray(issues.state, ['relayed', 'merged'])),
  ]);
  const limits = await waitLimits(db);
  return {
    parties: { total: partyRows.length, represented: partyRows.filter((p) => p.reps > 0).length },
    buildings: buildingRows.map((b) => ({ name: b.name, contacts: Number(b.contacts), contactsRequired: b.contactsRequired })),
    committeesStaffed: committeeRows[0]?.n ?? 0,
    spaces: spaceRows[0]?.n ?? 0,
    hubIncomeEntries: incomeRows[0]?.n ?? 0,
    activeClubs: clubRows[0]?.n ?? 0,
    clubsWithUnpublishedStatements: unsettledRows[0]?.n ?? 0,
    jointMeetingsClosed: closedRows[0]?.n ?? 0,
    jointMeetingsThisMonth: thisMonthRows[0]?.n ?? 0,
    activitiesThisMonth: activityRows[0]?.n ?? 0,
    issuesOverdue: issueRows.filter((i) => isOverdue(i.state as IssueState, i.since, now, limits)).length,
  };
}

export interface AssociationScores {
  /** The month in progress: its figures are month-to-date. */
  currentMonth: string;
  computedAt: string;
  months: { month: string; figures: Figures }[];
  /** Months (of those shown, since the community began) in which no joint meeting was held. */
  monthsWithoutJointMeeting: string[];
  contacts: { buildings: number; withTwo: number; short: { name: string; contacts: number; contactsRequired: number }[] };
  nextSteps: ReturnType<typeof nextSteps>;
}

/**
 * The association's own figures, the same definitions consultants see, computed live from its own database for
 * the last thirteen months (one batch of aggregate queries), with what it has in place and the next useful steps.
 */
export async function associationScores(db: TenantDb, d1: D1Database, now: Date): Promise<AssociationScores> {
  const months = monthsUpTo(now, SNAPSHOT_MONTHS);
  const [facts, standing] = await Promise.all([collectMonthFacts(d1, months, now), standingFacts(db, now)]);
  const figures = figuresForSeries(facts);
  const required = (b: { contactsRequired: number }) => Math.max(2, b.contactsRequired);
  return {
    currentMonth: months[months.length - 1]!,
    computedAt: now.toISOString(),
    months: facts.filter((f) => f.existed).map((f) => ({ month: f.month, figures: figures[facts.indexOf(f)]! })),
    // The month in progress may still have its meeting: the next steps speak of it instead.
    monthsWithoutJointMeeting: monthsWithoutJointMeeting(facts.slice(0, -1)),
    contacts: {
      buildings: standing.buildings.length,
      withTwo: standing.buildings.filter((b) => b.contacts >= 2).length,
      short: standing.buildings.filter((b) => b.contacts < required(b)),
    },
    nextSteps: nextSteps(standing),
  };
}
