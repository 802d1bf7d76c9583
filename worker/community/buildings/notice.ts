import { and, asc, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, clubs, issueEvents, issues } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { communitySettings } from '../profile/service';
import { wallClock } from '../profile/rules';
import { zonedInstant } from '../series/rules';
import { buildings } from './schema';

/** States in which an activity coming up next month is shown on a notice: announced, and not yet held. */
const upcomingStates = ['open', 'closed'] as const;

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The instants a month of the community's wall clock starts and ends at (end exclusive). */
export function monthBounds(month: string, timeZone: string): { from: number; to: number } {
  return { from: zonedInstant(`${month}-01`, 0, timeZone), to: zonedInstant(`${nextMonth(month)}-01`, 0, timeZone) };
}

// Times are stored as written (any offset), so a query takes a day either side and the exact month is kept in code.
const DAY = 86400_000;
const widened = (b: { from: number; to: number }) => ({
  from: new Date(b.from - DAY).toISOString(),
  to: new Date(b.to + DAY).toISOString(),
});
const within = (iso: string, b: { from: number; to: number }) => {
  const t = Date.parse(iso);
  return t >= b.from && t < b.to;
};

/**
 * A building's monthly notice: the issues relayed back to it that month (its own, and those of the whole community,
 * which are relayed to every building) with their decisions, and the announced activities of the month after.
 * Names no resident: not who raised an issue, not who signed up.
 */
export async function buildingNotice(db: TenantDb, buildingId: number, asked: string | undefined, now = new Date()) {
  const { timeZone } = await communitySettings(db);
  const month = asked ?? wallClock(now, timeZone).date.slice(0, 7);
  const thisMonth = monthBounds(month, timeZone);
  const following = monthBounds(nextMonth(month), timeZone);
  const [building, relayed, upcoming] = await db.batch([
    db.select({ id: buildings.id, name: buildings.name }).from(buildings).where(eq(buildings.id, buildingId)),
    db
      .select({
        issueId: issues.id,
        title: issues.title,
        outcome: issues.outcome,
        decisionText: issues.decisionText,
        implementationOwner: issues.implementationOwner,
        dueOn: issues.dueOn,
        relayedAt: issueEvents.at,
      })
      .from(issueEvents)
      .innerJoin(issues, eq(issues.id, issueEvents.issueId))
      .where(
        and(
          eq(issueEvents.toState, 'relayed'),
          gte(issueEvents.at, widened(thisMonth).from),
          lt(issueEvents.at, widened(thisMonth).to),
          or(eq(issues.buildingId, buildingId), isNull(issues.buildingId)),
        ),
      )
      .orderBy(asc(issueEvents.at)),
    db
      .select({
        id: activities.id,
        title: activities.title,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        place: activities.place,
        clubName: clubs.name,
        feeFen: activities.feeFen,
      })
      .from(activities)
      .leftJoin(clubs, eq(clubs.id, activities.clubId))
      .where(
        and(
          inArray(activities.state, [...upcomingStates]),
          gte(activities.startsAt, widened(following).from),
          lt(activities.startsAt, widened(following).to),
        ),
      )
      .orderBy(asc(activities.startsAt)),
  ]);
  if (!building[0]) throw new AppError('not_found', 'No such building');
  return {
    building: building[0],
    month,
    nextMonth: nextMonth(month),
    timeZone,
    decisions: relayed.filter((d) => within(d.relayedAt, thisMonth)),
    activities: upcoming.filter((a) => within(a.startsAt, following)).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)),
  };
}
