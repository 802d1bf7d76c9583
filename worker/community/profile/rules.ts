/** How people become members: at once, or once a building contact or an administrator approves them. */
export const joinPolicies = ['open', 'approval'] as const;
export type JoinPolicy = (typeof joinPolicies)[number];

/** The community's time zone until it sets its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const clocks = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;

/** The wall clock of `timeZone` at an instant, read through Intl (slow: a figure page reads thousands of rows). */
function readClock(ms: number, timeZone: string): { date: string; minutes: number } {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The zone's offset from UTC in minutes at an instant (whole minutes, as the wall clock shows them). */
function offsetAt(ms: number, timeZone: string): number {
  const { date, minutes } = readClock(ms, timeZone);
  return Math.round((Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** Per zone, per UTC day: the offset that holds all day, or null on a day the offset changes. */
const dayOffsets = new Map<string, Map<number, number | null>>();

function offsetOfDay(day: number, timeZone: string): number | null {
  let days = dayOffsets.get(timeZone);
  if (!days || days.size > 20_000) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const start = offsetAt(day * DAY_MS, timeZone);
    offset = start === offsetAt((day + 1) * DAY_MS - 60_000, timeZone) ? start : null;
    days.set(day, offset);
  }
  return offset;
}

/**
 * The wall clock of `timeZone` at an instant: the date (YYYY-MM-DD) and the minutes since its midnight. An ISO
 * time with any offset names one instant, so the answer does not depend on the offset the caller wrote. The zone's
 * offset is read once per UTC day (and the clock itself on a day the offset changes), so reading many instants
 * stays cheap.
 */
export function wallClock(instant: string | number | Date, timeZone: string): { date: string; minutes: number } {
  const ms = new Date(instant).getTime();
  const offset = Number.isFinite(ms) ? offsetOfDay(Math.floor(ms / DAY_MS), timeZone) : null;
  if (offset === null) return readClock(ms, timeZone);
  const local = new Date(Math.floor(ms / 60_000) * 60_000 + offset * 60_000);
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * An instant as a Date whose local fields (getHours…) read `timeZone`'s wall clock. ical-generator writes a Date's
 * local fields after `TZID=<zone>`, so an event built from this shows the community's time in any calendar app.
 */
export function wallClockDate(instant: string | number | Date, timeZone: string): Date {
  const { date, minutes } = wallClock(instant, timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical IANA name (`asia/shanghai` → `Asia/Shanghai`), for a zone `isTimeZone` accepts. */
export function canonicalTimeZone(timeZone: string) {
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}
