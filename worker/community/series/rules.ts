/**
 * Recurring activities as pure rules: a series repeats its first activity every N weeks or every N months, at the same
 * wall-clock time in the community's time zone, so "Saturday 9:00" stays 9:00 when the clocks change.
 */
import { wallClock } from '../profile/rules';

export const recurrenceUnits = ['week', 'month'] as const;
export type RecurrenceUnit = (typeof recurrenceUnits)[number];

/** How a monthly series picks its day: the same date (the 31st, or the month's last day when shorter), or the same weekday (the 2nd Saturday, the last Sunday). */
export const monthlyBy = ['day-of-month', 'weekday-of-month'] as const;
export type MonthlyBy = (typeof monthlyBy)[number];

export const seriesStatuses = ['active', 'ended'] as const;
export type SeriesStatus = (typeof seriesStatuses)[number];

export interface Recurrence {
  every: number;
  unit: RecurrenceUnit;
  /** Monthly series only; ignored for weekly ones. */
  by?: MonthlyBy;
}

/** The last occurrence allowed: at most `count` occurrences in all, and none starting after `until` (a local date). */
export interface SeriesEnd {
  count?: number | null;
  until?: string | null;
}

const DAY = 86400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The instant at which `timeZone`'s wall clock shows `date` at `minutes` past midnight. A time that does not exist (the
 * hour skipped when summer time starts) is read as the same time on the clock after the jump, 2:30 → 3:30; a time
 * that occurs twice (when summer time ends) is its first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const naive = dayNumber(date) * DAY + minutes * 60_000;
  const offsetAt = (instant: number) => {
    const w = wallClock(instant, timeZone);
    return dayNumber(w.date) * DAY + w.minutes * 60_000 - Math.floor(instant / 60_000) * 60_000;
  };
  // Offsets either side of the moment: try the earlier offset first, so an ambiguous time gives its first occurrence.
  const candidates = [offsetAt(naive - DAY), offsetAt(naive + DAY)].sort((a, b) => b - a);
  for (const offset of candidates) {
    const instant = naive - offset;
    if (offsetAt(instant) === offset) return instant;
  }
  // In a skipped hour neither offset fits: the clock jumped by their difference, so the time is read after the jump.
  return naive - Math.min(...candidates);
}

/** The date of the n-th `weekday` (0 Sunday … 6 Saturday) of a month, or its last one when `n` is 'last'. */
function nthWeekday(year: number, month: number, weekday: number, n: number | 'last'): string {
  if (n === 'last') {
    const lastDay = Date.UTC(year, month - 1, daysInMonth(year, month)) / DAY;
    const back = (new Date(lastDay * DAY).getUTCDay() - weekday + 7) % 7;
    return dateOf(lastDay - back);
  }
  const first = Date.UTC(year, month - 1, 1) / DAY;
  const ahead = (weekday - new Date(first * DAY).getUTCDay() + 7) % 7;
  return dateOf(first + ahead + (n - 1) * 7);
}

/**
 * Which weekday of its month a date is: the 1st to 4th, or 'last' for a fifth one (a month has at most five, and
 * not every month has a fifth, so the fifth Saturday repeats as the last Saturday).
 */
export function weekdayOfMonth(date: string): { weekday: number; n: number | 'last' } {
  const day = Number(date.slice(8, 10));
  const n = Math.ceil(day / 7);
  return { weekday: new Date(dayNumber(date) * DAY).getUTCDay(), n: n >= 5 ? 'last' : n };
}

/** The local date of occurrence `position` (0 is the first) of a series whose first occurrence falls on `first`. */
export function occurrenceDate(first: string, rule: Recurrence, position: number): string {
  if (rule.unit === 'week') return dateOf(dayNumber(first) + position * rule.every * 7);
  const months = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + position * rule.every;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  if (rule.by === 'weekday-of-month') {
    const { weekday, n } = weekdayOfMonth(first);
    return nthWeekday(year, month, weekday, n);
  }
  const day = Math.min(Number(first.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Occurrence {
  position: number;
  startsAt: string;
  endsAt: string;
}

/**
 * Occurrence `position` of a series whose first activity runs from `startsAt` to `endsAt`: the same wall-clock start
 * and end in `timeZone` (an end past midnight stays past midnight), on the date the rule gives.
 */
export function occurrenceAt(startsAt: string, endsAt: string, rule: Recurrence, timeZone: string, position: number): Occurrence {
  const start = wallClock(startsAt, timeZone);
  const end = wallClock(endsAt, timeZone);
  const spanDays = dayNumber(end.date) - dayNumber(start.date);
  const date = occurrenceDate(start.date, rule, position);
  return {
    position,
    startsAt: new Date(zonedInstant(date, start.minutes, timeZone)).toISOString(),
    endsAt: new Date(zonedInstant(dateOf(dayNumber(date) + spanDays), end.minutes, timeZone)).toISOString(),
  };
}

/** Whether occurrence `position` (starting on local `date`) is still within the series' end. */
export function withinEnd(position: number, date: string, end: SeriesEnd): boolean {
  if (end.count != null && position >= end.count) return false;
  if (end.until != null && date > end.until) return false;
  return true;
}

/**
 * The next `how many` occurrences after position `after` (the last one created), stopping at the series' end.
 * @example nextOccurrences({ startsAt, endsAt, rule: { every: 2, unit: 'month', by: 'weekday-of-month' }, timeZone: 'Asia/Shanghai', end: {} }, 0, 3)
 */
export function nextOccurrences(
  series: { startsAt: string; endsAt: string; rule: Recurrence; timeZone: string; end: SeriesEnd },
  after: number,
  howMany: number,
): Occurrence[] {
  const out: Occurrence[] = [];
  for (let position = after + 1; out.length < howMany; position++) {
    const next = occurrenceAt(series.startsAt, series.endsAt, series.rule, series.timeZone, position);
    if (!withinEnd(position, wallClock(next.startsAt, series.timeZone).date, series.end)) break;
    out.push(next);
  }
  return out;
}

/** Who may add occurrences to or end a series: an administrator, or the responsible person of the series' club. */
export function managesSeries(
  viewer: { id: number; admin: boolean; responsibleFor: readonly number[] } | null,
  series: { clubId: number | null },
): boolean {
  if (!viewer) return false;
  return viewer.admin || (series.clubId !== null && viewer.responsibleFor.includes(series.clubId));
}
