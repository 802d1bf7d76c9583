/** Time for the generator: a day and an hour in ms, ISO strings, the window's twelve months before now, and counting items before an instant. */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => iso(ms).slice(0, 10);

/** The window's months as instants: month index 0 is twelve months before the current month; 12 is the current month. */
export interface Calendar {
  monthStart: (m: number) => number;
  /** An instant on a day of month `m`, at an hour and minute in UTC. */
  dayOf: (m: number, day: number, hour?: number, minute?: number) => number;
  /** The start of the current month: nothing generated happens at or after it. */
  cutoff: number;
}

export function calendar(now: Date): Calendar {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const monthStart = (m: number) => Date.UTC(year, month - 12 + m, 1);
  const dayOf = (m: number, day: number, hour = 1, minute = 0) => monthStart(m) + (day - 1) * DAY + hour * HOUR + minute * 60_000;
  return { monthStart, dayOf, cutoff: monthStart(12) };
}

/** How many of `items`, ordered by `at`, come before `t`: they are a prefix, found by binary search. */
export function countBefore<T>(items: readonly T[], at: (item: T) => number, t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
