/**
 * Retention: how long personal details are kept, and the days from which the daily pass erases them.
 *
 * The rules (the admin's 数据保留 page says the same in plain words):
 * - Children (under 18, recorded by a guardian): the emergency contact and the notes on allergies or needs given
 *   with a consent are kept until 30 days after the activity or course ends (its last session), then erased. From
 *   the same day the child's name leaves the activity or course: a child's place keeps counting (places, check-ins,
 *   figures) but its name becomes a placeholder, and organisers' and teachers' lists no longer name the child. The guardian's own page
 *   keeps the child and the fact of the consent (who, when, for what): that record is the guardian's.
 * - Elder care: a recipient whose care ended is kept for `careMonths` months (default 12, a community setting),
 *   then the personal content is erased: name, household, phone, needs, preferred times, emergency contact, and
 *   what the visits' notes said (done, observations, follow-up). Visits keep their day, minutes and concern flag
 *   for the figures; pairings hold no personal content; the time bank is append-only and is never touched.
 * - Library: a returned loan forgets its borrower `libraryMonths` months after the return (default 6, the
 *   library's setting), and a closed reservation its reader; each month's count of borrowers is kept first.
 * - Assisted members (代为登记): their phone, which a contact keeps for them, is erased when they have had no
 *   activity (joined, a sign-up, a check-in, a care visit) for `careMonths` months. A resident who claimed the
 *   record holds it themself: the claim already clears the phone the contact kept, and nothing is erased after.
 *
 * All days are the community's: a row is due on the day after its keeping time ends on the community's calendar.
 */
import { DETAILS_KEPT_DAYS, addDays } from '../children/rules';
import { wallClock } from '../profile/rules';

export { DETAILS_KEPT_DAYS };

export const DEFAULT_CARE_MONTHS = 12;
export const DEFAULT_LIBRARY_MONTHS = 6;
/** The bounds an admin may set, in months. */
export const MIN_MONTHS = 1;
export const MAX_MONTHS = 36;
/** Runs shown to the admin, and kept; older run records are dropped by the pass itself. */
export const RUNS_KEPT = 30;

/** What one pass erased, counted; the keys name the run record's columns. */
export const erasureKinds = ['childDetails', 'childNames', 'careRecipients', 'careVisits', 'libraryLoans', 'assistedPhones'] as const;
export type ErasureKind = (typeof erasureKinds)[number];
export type ErasureCounts = Record<ErasureKind, number>;

export const noErasures = (): ErasureCounts => ({
  childDetails: 0,
  childNames: 0,
  careRecipients: 0,
  careVisits: 0,
  libraryLoans: 0,
  assistedPhones: 0,
});

/** The calendar date `months` after `date` (negative: before); the day is clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant (ISO, UTC) at which `date` begins in `timeZone`. */
export function startOfDay(date: string, timeZone: string): string {
  const target = Date.parse(`${date}T00:00:00Z`);
  let t = target;
  // Two corrections settle any offset, including on the day it changes.
  for (let i = 0; i < 2; i++) {
    const clock = wallClock(t, timeZone);
    t -= Date.parse(`${clock.date}T00:00:00Z`) + clock.minutes * 60_000 - target;
  }
  return new Date(t).toISOString();
}

export interface RetentionPeriods {
  careMonths: number;
  libraryMonths: number;
}

/**
 * The cut-offs of one pass on `today` (the community's date). A row ended on a day before `…Before`'s day is past its
 * keeping time: instants compare with the start of that day in the community's zone, dates with the date itself.
 */
export function cutoffs(today: string, timeZone: string, periods: RetentionPeriods) {
  return {
    /** Consents whose `detailsUntil` is before today. */
    consentDetailsBefore: today,
    /** Activities that ended before this instant no longer name their children. */
    childActivitiesEndedBefore: startOfDay(addDays(today, -DETAILS_KEPT_DAYS), timeZone),
    /** Care that ended before this instant is erased. */
    careEndedBefore: startOfDay(addMonths(today, -periods.careMonths), timeZone),
    /** Loans returned and reservations closed before this instant forget their member. */
    libraryClosedBefore: startOfDay(addMonths(today, -periods.libraryMonths), timeZone),
    /** Assisted members with nothing since this instant (or, for a visit's day, this date) lose the phone kept for them. */
    assistedIdleSince: startOfDay(addMonths(today, -periods.careMonths), timeZone),
    assistedIdleSinceDay: addMonths(today, -periods.careMonths),
  };
}

/** The placeholder a child's place takes when its name is erased: unique per place, so the sign-up's key holds. */
export const erasedParticipant = (signupId: number) => `#${signupId}`;
export const isErasedParticipant = (participant: string) => /^#\d+$/.test(participant);
