import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, bookings, clubs, memberRoles, members, spaces } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { wallClock } from '../profile/rules';
import { communitySettings } from '../profile/service';
import { type BookingViewer, bookingView, occurrences, plainMember, withinOpeningHours } from './rules';

/** A shared space, with the community's time zone that its opening hours are read in. */
export type Space = typeof spaces.$inferSelect & { timeZone: string };
export type Booking = typeof bookings.$inferSelect;

// activities/place.ts checks an activity's space with the same rule as a direct booking.
export { withinOpeningHours };

const MAX_LENGTH = 12 * 3600_000;

/** A booking ends after it starts, within 12 hours. */
export function checkBookingLength(startsAt: string, endsAt: string) {
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (length <= 0 || length > MAX_LENGTH)
    throw new AppError('validation_failed', 'A booking ends after it starts, within 12 hours', {
      endsAt: ['End after start, at most 12 hours'],
    });
}

/** The error D1 reports when the `bookings_no_overlap` trigger (migration 0006) refuses a booking. */
export function isOverlap(error: unknown) {
  return String(error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : error).includes('overlaps');
}

export interface Clash {
  bookingId: number;
  startsAt: string;
  endsAt: string;
  /** What it is for; '' when that would name an activity the caller may not see. */
  purpose: string;
  /** The club that holds it, or the resident who booked it (only members ever book, so only members are told). */
  who: string;
  activityId: number | null;
}

/** A space's active bookings with the club, the resident and the activity they name, as `bookingView` reads them. */
function bookingRows(db: TenantDb, spaceId: number, from: string, to: string) {
  return db
    .select({
      id: bookings.id,
      spaceId: bookings.spaceId,
      clubId: bookings.clubId,
      clubName: clubs.name,
      bookedBy: members.displayName,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      purpose: bookings.purpose,
      people: bookings.people,
      seriesId: bookings.seriesId,
      activityId: bookings.activityId,
      activityTitle: activities.title,
      activityState: activities.state,
      activityClubId: activities.clubId,
      activityResponsible: activities.responsibleMemberId,
    })
    .from(bookings)
    .innerJoin(members, eq(members.id, bookings.bookedBy))
    .leftJoin(clubs, eq(clubs.id, bookings.clubId))
    .leftJoin(activities, eq(activities.id, bookings.activityId))
    .where(and(eq(bookings.spaceId, spaceId), eq(bookings.status, 'active'), lt(bookings.startsAt, to), gt(bookings.endsAt, from)))
    .orderBy(asc(bookings.startsAt));
}

type BookingRow = Awaited<ReturnType<typeof bookingRows>>[number];

function viewOf(row: BookingRow, viewer: BookingViewer) {
  const activity =
    row.activityId !== null && row.activityTitle !== null && row.activityState !== null && row.activityResponsible !== null
      ? {
          id: row.activityId,
          title: row.activityTitle,
          state: row.activityState,
          clubId: row.activityClubId,
          responsibleMemberId: row.activityResponsible,
        }
      : null;
  return bookingView({ clubName: row.clubName, bookedBy: row.bookedBy, purpose: row.purpose, activity }, viewer);
}

/**
 * The active bookings of a space that overlap any of the wanted periods, as `viewer` may see them (by default a
 * member with no say over the activities they hold).
 */
export async function clashesWith(
  db: TenantDb,
  spaceId: number,
  wanted: { startsAt: string; endsAt: string }[],
  viewer: BookingViewer = plainMember,
): Promise<Clash[]> {
  const found = new Map<number, Clash>();
  for (const o of wanted) {
    for (const r of await bookingRows(db, spaceId, o.startsAt, o.endsAt)) {
      const view = viewOf(r, viewer);
      found.set(r.id, {
        bookingId: r.id,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        purpose: view.purpose ?? '',
        who: r.clubName ?? r.bookedBy,
        activityId: view.activityId,
      });
    }
  }
  return [...found.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The active bookings of a space in a period, with who holds them and the activity each is for, as `viewer` may see them. */
export async function bookingsOfSpace(db: TenantDb, spaceId: number, from: string, to: string, viewer: BookingViewer) {
  const rows = await bookingRows(db, spaceId, from, to);
  return rows.map((r) => ({
    id: r.id,
    spaceId: r.spaceId,
    clubId: r.clubId,
    clubName: r.clubName,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    people: r.people,
    seriesId: r.seriesId,
    ...viewOf(r, viewer),
  }));
}

/** Who is asking, as far as seeing bookings goes: an active member (with their say over activities) or a visitor. */
export async function bookingViewer(db: TenantDb, userId: string | null): Promise<BookingViewer> {
  if (userId === null) return { kind: 'visitor' };
  const [me] = await db.select({ id: members.id, status: members.status }).from(members).where(eq(members.userId, userId));
  // A member still waiting for approval sees what a visitor sees.
  if (me?.status !== 'active') return { kind: 'visitor' };
  return memberViewer(db, me.id);
}

async function memberViewer(db: TenantDb, memberId: number): Promise<BookingViewer> {
  const [admin, led] = await db.batch([
    db
      .select({ memberId: memberRoles.memberId })
      .from(memberRoles)
      .where(and(eq(memberRoles.memberId, memberId), eq(memberRoles.role, 'association-admin'))),
    db.select({ id: clubs.id }).from(clubs).where(eq(clubs.responsibleMemberId, memberId)),
  ]);
  return { kind: 'member', memberId, admin: admin.length > 0, responsibleFor: led.map((c) => c.id) };
}

export async function getSpace(db: TenantDb, id: number): Promise<Space | undefined> {
  const [space] = await db.select().from(spaces).where(eq(spaces.id, id));
  if (!space) return undefined;
  return { ...space, timeZone: (await communitySettings(db)).timeZone };
}

/** "2026-12-05 23:00": an instant on the community's wall clock, for messages. */
function wallText(instant: string, timeZone: string) {
  const { date, minutes } = wallClock(instant, timeZone);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface BookingInput {
  spaceId: number;
  clubId: number | null;
  bookedBy: number;
  startsAt: string;
  endsAt: string;
  purpose: string;
  /** How many people will use the space; at most its capacity. */
  people: number;
  weeks: number;
}

/**
 * Books a space once or weekly, all occurrences or none. Every occurrence must fit the space's capacity and lie in
 * its opening hours on the community's wall clock (400 naming the field); then one batch, and the no-overlap
 * trigger refuses any occurrence that clashes, so nothing is written. A clash is answered 409 naming who holds it.
 */
export async function bookSpace(db: TenantDb, input: BookingInput) {
  const space = await getSpace(db, input.spaceId);
  if (!space) throw new AppError('not_found', 'No such space');
  checkBookingLength(input.startsAt, input.endsAt);
  if (input.people > space.capacity)
    throw new AppError('validation_failed', `${space.name} holds at most ${space.capacity} people`, {
      people: [`At most ${space.capacity}, the capacity of ${space.name}`],
    });
  const wanted = occurrences(input.startsAt, input.endsAt, input.weeks, space.timeZone);
  const outside = wanted.find((o) => !withinOpeningHours(space, o.startsAt, o.endsAt));
  if (outside) {
    const hours = `${space.opensAt}–${space.closesAt}`;
    const when = `${wallText(outside.startsAt, space.timeZone)} – ${wallText(outside.endsAt, space.timeZone)}`;
    throw new AppError('validation_failed', `${space.name} is open ${hours} (${space.timeZone}); ${when} falls outside`, {
      startsAt: [`Within the opening hours ${hours}`],
      endsAt: [`Within the opening hours ${hours}`],
    });
  }
  const seriesId = input.weeks > 1 ? crypto.randomUUID() : null;
  const inserts = wanted.map((o) =>
    db
      .insert(bookings)
      .values({
        spaceId: input.spaceId,
        clubId: input.clubId,
        bookedBy: input.bookedBy,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        purpose: input.purpose,
        people: input.people,
        seriesId,
        status: 'active',
      })
      .returning({ id: bookings.id }),
  );
  try {
    const results = await db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
    return { ids: results.map((r) => r[0]!.id), seriesId };
  } catch (error) {
    if (!isOverlap(error)) throw error;
    const clashes = await clashesWith(db, input.spaceId, wanted, await memberViewer(db, input.bookedBy));
    const named = clashes.map(
      (c) =>
        `${c.who} (${wallText(c.startsAt, space.timeZone)} – ${wallText(c.endsAt, space.timeZone)}${c.purpose ? `, ${c.purpose}` : ''})`,
    );
    throw new AppError(
      'conflict',
      `${space.name} is already booked then by ${named.join('; ') || 'someone else'}; for a regular slot two groups want, ask the federation`,
      { clashes: named },
    );
  }
}

/** Whether a booking that holds an activity may be cancelled on its own: not while the activity still counts on it. */
export async function activityHolding(db: TenantDb, booking: Booking) {
  if (booking.activityId === null) return null;
  const [activity] = await db
    .select({ id: activities.id, title: activities.title, state: activities.state })
    .from(activities)
    .where(eq(activities.id, booking.activityId));
  return activity && activity.state !== 'cancelled' ? activity : null;
}
