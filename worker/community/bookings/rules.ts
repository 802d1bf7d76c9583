import { type ActivityState, activityVisibility } from '../activities/rules';
import { wallClock } from '../profile/rules';

const WEEK = 7 * 86400_000;
const MINUTE = 60_000;

/** A space's opening hours: wall-clock HH:MM in the community's time zone. */
export interface OpeningHours {
  opensAt: string;
  closesAt: string;
  /** The IANA zone the hours are read in: the community's, never the one a caller wrote a time in. */
  timeZone: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Days since 1970-01-01 of a YYYY-MM-DD date; by numbers, so a year before 1000 or after 9999 still counts. */
function dayOf(date: string) {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(0).setUTCFullYear(year, month - 1, day) / 86400_000;
}

/**
 * Whether [startsAt, endsAt) lies inside one opening period of the space, on the community's wall clock: the offset
 * a time is written with only names the instant. A space that closes at or before it opens is open overnight, so a
 * booking may cross midnight inside it; equal times mean it never closes.
 *
 * @example withinOpeningHours({ opensAt: '08:00', closesAt: '22:00', timeZone: 'Asia/Shanghai' }, '2026-12-05T01:00:00Z', '2026-12-05T03:00:00Z') // true: 09:00–11:00 in Shanghai
 */
export function withinOpeningHours(hours: OpeningHours, startsAt: string, endsAt: string): boolean {
  const opens = minutesOf(hours.opensAt);
  const window = (minutesOf(hours.closesAt) - opens + 1440) % 1440;
  if (window === 0) return true;
  const start = wallClock(startsAt, hours.timeZone);
  // The wall clock counts whole minutes: an end a few seconds past the minute counts as the next one.
  const end = wallClock(Math.ceil(Date.parse(endsAt) / MINUTE) * MINUTE, hours.timeZone);
  // Measured on the wall clock, so a booking across a change of summer time is judged by the hours it shows.
  const length = (dayOf(end.date) - dayOf(start.date)) * 1440 + end.minutes - start.minutes;
  const sinceOpening = (((start.minutes - opens) % 1440) + 1440) % 1440;
  return sinceOpening + length <= window;
}

/** How far `timeZone`'s wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string) {
  const { date, minutes } = wallClock(instant, timeZone);
  return dayOf(date) * 86400_000 + minutes * MINUTE - Math.floor(instant / MINUTE) * MINUTE;
}

/** The instant `weeks` weeks later at the same wall-clock time in `timeZone`, across a change of summer time. */
function weeksLater(instant: number, weeks: number, timeZone: string) {
  const naive = instant + weeks * WEEK;
  return naive + offsetAt(instant, timeZone) - offsetAt(naive, timeZone);
}

/**
 * The occurrences of a booking, once or weekly, as normalised UTC instants. A weekly booking keeps its wall-clock
 * time in the community's time zone, so "Mondays 19:00" stays 19:00 when the clocks change.
 */
export function occurrences(startsAt: string, endsAt: string, weeks: number, timeZone: string) {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  return Array.from({ length: weeks }, (_, i) => ({
    startsAt: new Date(weeksLater(start, i, timeZone)).toISOString(),
    endsAt: new Date(weeksLater(end, i, timeZone)).toISOString(),
  }));
}

/** Who is looking at a space's bookings: a visitor (not signed in, or not an active member), or a member. */
export type BookingViewer =
  | { kind: 'visitor' }
  | {
      kind: 'member';
      memberId: number;
      /** An association administrator. */
      admin: boolean;
      /** The clubs whose responsible person the member is. */
      responsibleFor: readonly number[];
    };

/** A member with no say over any activity: what a booking shows when we do not know more about the viewer. */
export const plainMember: BookingViewer = { kind: 'member', memberId: 0, admin: false, responsibleFor: [] };

/** A booking as stored, with who made it and the activity it holds. */
export interface BookingFacts {
  clubName: string | null;
  /** The display name of the resident who made it. */
  bookedBy: string;
  purpose: string;
  activity: { id: number; title: string; state: ActivityState; clubId: number | null; responsibleMemberId: number } | null;
}

/** What a viewer may read of a booking. The slot itself (space, time, club) is always shown: the space is taken. */
export interface BookingView {
  /** The resident's name for members; for visitors the club's name for a club booking, or null for a resident's own. */
  bookedBy: string | null;
  /** Null when it would name an activity the viewer may not see (an activity's booking carries its title). */
  purpose: string | null;
  activityId: number | null;
  activityTitle: string | null;
}

/**
 * What a viewer may see of a booking. A resident's name is for the community's members only: a visitor sees the
 * club that holds a slot, or nothing personal. A booking for an activity that is not announced (or is cancelled)
 * shows as booked without the activity or its title, unless the viewer may see that activity (its organiser, its
 * club's responsible person, an administrator: `activityVisibility`).
 */
export function bookingView(booking: BookingFacts, viewer: BookingViewer): BookingView {
  const member = viewer.kind === 'member' ? viewer : null;
  const bookedBy = member ? booking.bookedBy : booking.clubName;
  const activity = booking.activity;
  if (!activity) return { bookedBy, purpose: booking.purpose, activityId: null, activityTitle: null };
  const seen = activityVisibility(activity.state, {
    admin: member?.admin ?? false,
    organiser: member !== null && activity.responsibleMemberId === member.memberId,
    clubResponsible: member !== null && activity.clubId !== null && member.responsibleFor.includes(activity.clubId),
    // A cancellation notice is for the activity's page; a calendar slot either names the activity or does not.
    signedUp: false,
  });
  if (seen !== 'full') return { bookedBy, purpose: null, activityId: null, activityTitle: null };
  return { bookedBy, purpose: booking.purpose, activityId: activity.id, activityTitle: activity.title };
}
