/** Times on printed material, always on the community's wall clock (its time zone), whatever the reader's device says. */

/** "12月5日周六 19:00" / "Sat, Dec 5, 19:00". */
export function whenInZone(iso: string, locale: string, timeZone: string): string {
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

const dayInZone = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleDateString('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });

/** A start and end; the end's date is left out when it falls on the same day of the community's calendar. */
export function rangeInZone(startIso: string, endIso: string, locale: string, timeZone: string): string {
  const end =
    dayInZone(startIso, timeZone) === dayInZone(endIso, timeZone)
      ? new Date(endIso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone })
      : whenInZone(endIso, locale, timeZone);
  return `${whenInZone(startIso, locale, timeZone)} – ${end}`;
}

/** An instant's date on the community's calendar: "2026年12月3日" / "Dec 3, 2026". */
export function dateInZone(iso: string, locale: string, timeZone: string): string {
  return new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone });
}

/** A calendar date (YYYY-MM-DD), which belongs to no time zone. */
export function calendarDate(date: string, locale: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** A month (YYYY-MM): "2026年12月" / "December 2026". */
export function monthName(month: string, locale: string): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** The month an instant falls in on the community's calendar, as YYYY-MM. */
export function monthInZone(instant: Date, timeZone: string): string {
  return dayInZone(instant.toISOString(), timeZone).slice(0, 7);
}
