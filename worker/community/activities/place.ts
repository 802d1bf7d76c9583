import type { BatchItem } from 'drizzle-orm/batch';
import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, bookings, spaces } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { announcedStates } from './rules';
import { type Booking, checkBookingLength, clashesWith, getSpace, isOverlap, type Space, withinOpeningHours } from '../bookings/service';

/** Where an activity takes place: typed text, a shared space booked for it, or a booking of its club it borrows. */
export type PlacePlan =
  | { kind: 'text'; place: string }
  | { kind: 'space'; space: Space; place: string }
  | { kind: 'attach'; booking: Booking; space: Space; place: string };

export interface PlaceInput {
  clubId: number | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  place?: string;
  spaceId?: number | null;
  bookingId?: number | null;
}

/** The booking that currently holds the room for an activity, if any. */
export type HeldBooking = Pick<Booking, 'id' | 'spaceId' | 'startsAt' | 'endsAt' | 'seriesId'>;

/**
 * A booking made for the activity (one-off) belongs to it: it moves and is cancelled with it. An occurrence of
 * a weekly series is only borrowed: the activity lets go of it and the series stays whole.
 */
export const ownsBooking = (held: Pick<Booking, 'seriesId'>) => held.seriesId === null;

const iso = (time: string) => new Date(time).toISOString();

function spaceFits(space: Space, input: PlaceInput) {
  if (input.capacity > space.capacity) {
    throw new AppError('validation_failed', `${space.name} holds at most ${space.capacity} people`, {
      capacity: [`At most ${space.capacity}, the capacity of ${space.name}`],
    });
  }
  if (!withinOpeningHours(space, input.startsAt, input.endsAt)) {
    const hours = `${space.opensAt}–${space.closesAt}`;
    throw new AppError('validation_failed', `${space.name} is open ${hours}; the activity falls outside`, {
      startsAt: [`Within the opening hours ${hours}`],
      endsAt: [`Within the opening hours ${hours}`],
    });
  }
}

/** Checks the organiser's choice of place against the space (capacity, opening hours) or the club's booking. */
export async function planPlace(db: TenantDb, input: PlaceInput, activityId: number | null): Promise<PlacePlan> {
  if (input.spaceId && input.bookingId)
    throw new AppError('validation_failed', 'Choose a space to book or a booking to use, not both', {
      bookingId: ['Give spaceId or bookingId'],
    });
  if (input.spaceId) {
    const space = await getSpace(db, input.spaceId);
    if (!space) throw new AppError('validation_failed', 'No such space', { spaceId: ['No such space'] });
    checkBookingLength(input.startsAt, input.endsAt);
    spaceFits(space, input);
    return { kind: 'space', space, place: space.name };
  }
  if (input.bookingId) {
    const [booking] = await db.select().from(bookings).where(eq(bookings.id, input.bookingId));
    if (booking?.status !== 'active') throw new AppError('validation_failed', 'No such booking', { bookingId: ['No such booking'] });
    if (input.clubId === null || booking.clubId !== input.clubId)
      throw new AppError('forbidden', "Only a booking of the activity's own club can be used");
    if (Date.parse(booking.startsAt) > Date.parse(input.startsAt) || Date.parse(booking.endsAt) < Date.parse(input.endsAt)) {
      throw new AppError('validation_failed', `The booking (${booking.startsAt} – ${booking.endsAt}) does not cover the activity's time`, {
        bookingId: ['Must cover the whole activity'],
      });
    }
    if (booking.activityId !== null && booking.activityId !== activityId) {
      const [other] = await db.select({ state: activities.state }).from(activities).where(eq(activities.id, booking.activityId));
      if (other && other.state !== 'cancelled')
        throw new AppError('conflict', 'This booking already holds another activity', { bookingId: ['Held by another activity'] });
    }
    const space = await getSpace(db, booking.spaceId);
    if (!space) throw new AppError('validation_failed', 'No such space', { bookingId: ['No such booking'] });
    spaceFits(space, input);
    return { kind: 'attach', booking, space, place: space.name };
  }
  const place = input.place?.trim() ?? '';
  if (place === '') throw new AppError('validation_failed', 'Give a place or choose a shared space', { place: ['Required'] });
  return { kind: 'text', place };
}

export async function heldBooking(db: TenantDb, activityId: number): Promise<HeldBooking | null> {
  const [row] = await db
    .select({
      id: bookings.id,
      spaceId: bookings.spaceId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      seriesId: bookings.seriesId,
    })
    .from(bookings)
    .where(and(eq(bookings.activityId, activityId), eq(bookings.status, 'active')));
  return row ?? null;
}

/** Lets go of the booking an activity held: its own is cancelled, a borrowed occurrence is detached. */
export function releaseStatement(db: TenantDb, held: HeldBooking) {
  return ownsBooking(held)
    ? db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, held.id))
    : db.update(bookings).set({ activityId: null }).where(eq(bookings.id, held.id));
}

interface ForActivity {
  /** The activity's id, or an expression that finds it inside the same batch. */
  id: number | SQL;
  clubId: number | null;
  title: string;
  /** Its places: the people the booking is for. */
  capacity: number;
  organiser: number;
  startsAt: string;
  endsAt: string;
}

/**
 * The writes that make the activity's booking match the plan, to run in the same batch as the activity's
 * own write. A new booking is inserted after the old one is released, so moving within one space never
 * clashes with itself; the no-overlap trigger refuses a clash with anyone else and the whole batch with it.
 */
export function placeStatements(db: TenantDb, plan: PlacePlan, activity: ForActivity, held: HeldBooking | null): BatchItem<'sqlite'>[] {
  const startsAt = iso(activity.startsAt);
  const endsAt = iso(activity.endsAt);
  if (
    held &&
    plan.kind === 'space' &&
    ownsBooking(held) &&
    held.spaceId === plan.space.id &&
    held.startsAt === startsAt &&
    held.endsAt === endsAt
  ) {
    return [db.update(bookings).set({ purpose: activity.title, people: activity.capacity }).where(eq(bookings.id, held.id))];
  }
  if (held && plan.kind === 'attach' && held.id === plan.booking.id) return [];
  const statements: BatchItem<'sqlite'>[] = held ? [releaseStatement(db, held)] : [];
  if (plan.kind === 'space') {
    statements.push(
      db.insert(bookings).values({
        spaceId: plan.space.id,
        clubId: activity.clubId,
        bookedBy: activity.organiser,
        startsAt,
        endsAt,
        purpose: activity.title,
        people: activity.capacity,
        seriesId: null,
        activityId: activity.id,
        status: 'active',
      }),
    );
  }
  return statements;
}

/**
 * Borrows a club's booking for the activity, as one conditional write: it fails (false) when someone took the
 * booking for another live activity meanwhile, or it stopped being active.
 */
export async function attach(db: TenantDb, bookingId: number, activityId: number) {
  const free = or(
    isNull(bookings.activityId),
    eq(bookings.activityId, activityId),
    inArray(bookings.activityId, db.select({ id: activities.id }).from(activities).where(eq(activities.state, 'cancelled'))),
  );
  const rows = await db
    .update(bookings)
    .set({ activityId })
    .where(and(eq(bookings.id, bookingId), eq(bookings.status, 'active'), free))
    .returning({ id: bookings.id });
  return rows.length === 1;
}

/** Runs a batch that may book a space; a clash with another booking becomes a 409 naming it (who and when). */
export async function withClashCheck<T>(
  db: TenantDb,
  plan: PlacePlan,
  activity: { startsAt: string; endsAt: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (plan.kind !== 'space' || !isOverlap(error)) throw error;
    const clashes = await clashesWith(db, plan.space.id, [{ startsAt: iso(activity.startsAt), endsAt: iso(activity.endsAt) }]);
    const named = clashes.map((c) => `${c.who} (${c.startsAt} – ${c.endsAt}, ${c.purpose})`).join('; ');
    throw new AppError('conflict', `${plan.space.name} is already booked then by ${named || 'someone else'}`, {
      spaceId: [`Booked then by ${named || 'someone else'}`],
      clashes,
    });
  }
}

/** The read behind `spaceOfActivity`, for a page's own batch (columns aliased: D1 names a batched row's columns by name). */
export function spaceOfActivityRead(db: TenantDb, activityId: number) {
  return db
    .select({
      bookingId: sql<number>`${bookings.id}`.as('booking_id'),
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      seriesId: bookings.seriesId,
      spaceId: sql<number>`${spaces.id}`.as('space_id'),
      name: spaces.name,
      capacity: spaces.capacity,
      opensAt: spaces.opensAt,
      closesAt: spaces.closesAt,
      rules: spaces.rules,
    })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .where(and(eq(bookings.activityId, activityId), eq(bookings.status, 'active')));
}

/** The space and booking from `spaceOfActivityRead`'s rows. */
export function spaceFrom(rows: Awaited<ReturnType<typeof spaceOfActivityRead>>) {
  const row = rows[0];
  if (!row) return { space: null, booking: null };
  return {
    space: { id: row.spaceId, name: row.name, capacity: row.capacity, opensAt: row.opensAt, closesAt: row.closesAt, rules: row.rules },
    booking: { id: row.bookingId, startsAt: row.startsAt, endsAt: row.endsAt, seriesId: row.seriesId, borrowed: !ownsBooking(row) },
  };
}

/** What the activity page shows about its space and booking. */
export async function spaceOfActivity(db: TenantDb, activityId: number) {
  return spaceFrom(await spaceOfActivityRead(db, activityId));
}

/** An expression for the id of the activity with this check-in code, to refer to a row inserted earlier in the same batch. */
export const activityWithToken = (token: string) =>
  sql`(SELECT ${activities.id} FROM ${activities} WHERE ${activities.checkinToken} = ${token})`;

/** The shared spaces, and the upcoming active bookings of a club an activity could use. */
export async function activityPlaces(db: TenantDb, clubId: number | undefined) {
  const since = new Date(Date.now() - 86400_000).toISOString();
  const [spaceRows, clubBookings] = await db.batch([
    db.select().from(spaces).orderBy(asc(spaces.name)),
    db
      // Batched rows are matched by column name: the space's name is the only column taken from spaces.
      .select({
        id: bookings.id,
        spaceId: bookings.spaceId,
        spaceName: spaces.name,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        // A booking that holds an activity carries its title; until the activity is announced, that is not for everyone.
        purpose: sql<string>`CASE WHEN ${bookings.activityId} IS NULL OR (SELECT state FROM activities WHERE id = ${bookings.activityId}) IN (${sql.join(
          announcedStates.map((s) => sql`${s}`),
          sql`, `,
        )}) THEN ${bookings.purpose} ELSE '' END`,
        seriesId: bookings.seriesId,
        activityId: bookings.activityId,
      })
      .from(bookings)
      .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
      .where(and(eq(bookings.clubId, clubId ?? -1), eq(bookings.status, 'active'), gt(bookings.endsAt, since)))
      .orderBy(asc(bookings.startsAt))
      .limit(100),
  ]);
  return { spaces: spaceRows, bookings: clubBookings };
}
