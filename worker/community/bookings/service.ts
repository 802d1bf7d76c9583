import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, bookings, clubs, members, spaces } from '../../db/tenant-schema';
import { AppError } from '../../errors';

export type Space = typeof spaces.$inferSelect;
export type Booking = typeof bookings.$inferSelect;

const WEEK = 7 * 86400_000;
const MAX_LENGTH = 12 * 3600_000;

/** The occurrences of a booking, once or weekly, as normalised UTC instants. */
export function occurrences(startsAt: string, endsAt: string, weeks: number) {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  return Array.from({ length: weeks }, (_, i) => ({
    startsAt: new Date(start + i * WEEK).toISOString(),
    endsAt: new Date(end + i * WEEK).toISOString(),
  }));
}

/** A booking ends after it starts, within 12 hours. */
export function checkBookingLength(startsAt: string, endsAt: string) {
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (length <= 0 || length > MAX_LENGTH)
    throw new AppError('validation_failed', 'A booking ends after it starts, within 12 hours', {
      endsAt: ['End after start, at most 12 hours'],
    });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The offset in minutes written in an ISO 8601 time ("+08:00" → 480, "Z" → 0). */
function offsetMinutes(iso: string) {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Whether [startsAt, endsAt) lies inside one opening period of the space. Opening hours are wall-clock
 * HH:MM; the wall clock is the one the time was written in (its offset), i.e. the organiser's. A space
 * that closes at or before it opens is open overnight; equal times mean it never closes.
 */
export function withinOpeningHours(space: Pick<Space, 'opensAt' | 'closesAt'>, startsAt: string, endsAt: string) {
  const opens = minutesOf(space.opensAt);
  const window = (minutesOf(space.closesAt) - opens + 1440) % 1440;
  if (window === 0) return true;
  const wallStart = Math.floor((Date.parse(startsAt) / 60_000 + offsetMinutes(startsAt)) % 1440);
  const length = (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
  const sinceOpening = (((wallStart - opens) % 1440) + 1440) % 1440;
  return sinceOpening + length <= window;
}

/** The error D1 reports when the `bookings_no_overlap` trigger (migration 0006) refuses a booking. */
export function isOverlap(error: unknown) {
  return String(error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : error).includes('overlaps');
}

export interface Clash {
  bookingId: number;
  startsAt: string;
  endsAt: string;
  purpose: string;
  /** The club that holds it, or the resident who booked it. */
  who: string;
  activityId: number | null;
}

/** The active bookings of a space that overlap any of the wanted periods. */
export async function clashesWith(db: TenantDb, spaceId: number, wanted: { startsAt: string; endsAt: string }[]): Promise<Clash[]> {
  const found = new Map<number, Clash>();
  for (const o of wanted) {
    const rows = await db
      .select({
        bookingId: bookings.id,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        purpose: bookings.purpose,
        clubName: clubs.name,
        bookedBy: members.displayName,
        activityId: bookings.activityId,
      })
      .from(bookings)
      .innerJoin(members, eq(members.id, bookings.bookedBy))
      .leftJoin(clubs, eq(clubs.id, bookings.clubId))
      .where(
        and(eq(bookings.spaceId, spaceId), eq(bookings.status, 'active'), lt(bookings.startsAt, o.endsAt), gt(bookings.endsAt, o.startsAt)),
      );
    for (const r of rows)
      found.set(r.bookingId, {
        bookingId: r.bookingId,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        purpose: r.purpose,
        who: r.clubName ?? r.bookedBy,
        activityId: r.activityId,
      });
  }
  return [...found.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The active bookings of a space in a period, with who holds them and the activity each is for. */
export function bookingsOfSpace(db: TenantDb, spaceId: number, from: string, to: string) {
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
      seriesId: bookings.seriesId,
      activityId: bookings.activityId,
      activityTitle: activities.title,
    })
    .from(bookings)
    .innerJoin(members, eq(members.id, bookings.bookedBy))
    .leftJoin(clubs, eq(clubs.id, bookings.clubId))
    .leftJoin(activities, eq(activities.id, bookings.activityId))
    .where(and(eq(bookings.spaceId, spaceId), eq(bookings.status, 'active'), lt(bookings.startsAt, to), gt(bookings.endsAt, from)))
    .orderBy(asc(bookings.startsAt));
}

export async function getSpace(db: TenantDb, id: number): Promise<Space | undefined> {
  const [space] = await db.select().from(spaces).where(eq(spaces.id, id));
  return space;
}

/**
 * Books a space once or weekly, all occurrences or none: one batch, and the no-overlap trigger refuses
 * any occurrence that clashes, so nothing is written. A clash is answered 409 with the clashing bookings.
 */
export async function bookSpace(
  db: TenantDb,
  input: { spaceId: number; clubId: number | null; bookedBy: number; startsAt: string; endsAt: string; purpose: string; weeks: number },
) {
  const seriesId = input.weeks > 1 ? crypto.randomUUID() : null;
  const wanted = occurrences(input.startsAt, input.endsAt, input.weeks);
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
    const clashes = await clashesWith(db, input.spaceId, wanted);
    throw new AppError('conflict', 'The space is already booked then; for a regular slot two groups want, ask the federation', {
      clashes: clashes.map((r) => `${r.startsAt} – ${r.endsAt}: ${r.purpose}`),
    });
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
