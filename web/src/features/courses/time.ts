import { instantAt } from '../../../../worker/community/courses/rules';

/** "3月4日周四 10:00" on the community's wall clock, whatever the device's zone. */
export function whenIn(iso: string, locale: string, timeZone: string): string {
  return new Date(iso).toLocaleString(locale, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  });
}

export function timeIn(iso: string, locale: string, timeZone: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
}

/** A session's start and end on the community's wall clock. */
export const rangeIn = (start: string, end: string, locale: string, timeZone: string) =>
  `${whenIn(start, locale, timeZone)} – ${timeIn(end, locale, timeZone)}`;

/** A `datetime-local` value read on the community's wall clock, as an instant (ISO, UTC). */
export function wallInputToIso(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? instantAt(m[1]!, m[2]!, timeZone) : null;
}

export const yuanOf = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2);
