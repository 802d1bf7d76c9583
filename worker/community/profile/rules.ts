/** How people become members: at once, or once a building contact or an administrator approves them. */
export const joinPolicies = ['open', 'approval'] as const;
export type JoinPolicy = (typeof joinPolicies)[number];

/** The community's time zone until it sets its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const clocks = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock of `timeZone` at an instant: the date (YYYY-MM-DD) and the minutes since its midnight. An ISO
 * time with any offset names one instant, so the answer does not depend on the offset the caller wrote.
 */
export function wallClock(instant: string | number | Date, timeZone: string): { date: string; minutes: number } {
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
  const parts = Object.fromEntries(clock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
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
