import { asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { listActivities } from '../activities/read';
import { mySignups } from '../activities/signups';
import { clubMembers, clubs } from '../clubs/schema';
import { calendarTokens } from './schema';

/** A resident's week in one round trip: what is on (from three hours ago), their sign-ups and their clubs. */
export async function weekOf(db: TenantDb, memberId: number, now: Date) {
  const from = new Date(now.getTime() - 3 * 3600_000).toISOString();
  const to = new Date(now.getTime() + 7 * 86400_000).toISOString();
  const [week, mine, myClubs] = await db.batch([
    listActivities(db, { from, to, states: ['open', 'closed'] }),
    mySignups(db, memberId),
    db
      .select({ id: clubs.id, name: clubs.name, role: clubMembers.role, status: clubs.status })
      .from(clubMembers)
      .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
      .where(eq(clubMembers.memberId, memberId))
      .orderBy(asc(clubs.name)),
  ]);
  return { thisWeek: week.map((a) => ({ ...a, confirmed: Number(a.confirmed) })), signups: mine, clubs: myClubs };
}

/** A new private calendar feed path; the old one stops working at once. */
export async function renewCalendarToken(db: TenantDb, memberId: number): Promise<string> {
  const token = crypto.randomUUID().replace(/-/g, '');
  await db
    .insert(calendarTokens)
    .values({ memberId, token })
    .onConflictDoUpdate({ target: calendarTokens.memberId, set: { token, createdAt: new Date().toISOString() } });
  return `/api/calendar/${token}.ics`;
}
