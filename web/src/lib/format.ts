import { createSignal } from 'solid-js';
import { DEFAULT_TIME_ZONE, isTimeZone, wallClock } from '../../../worker/community/profile/rules';
import { zonedInstant } from '../../../worker/community/series/rules';
import { formatYuan } from './budget';

/** Integer fen as yuan with two decimals: 4329 → "¥43.29", −500 → "−¥5.00". */
export function yuan(fen: number): string {
  return `${fen < 0 ? '−' : ''}¥${formatYuan(Math.abs(Math.round(fen)))}`;
}

/** Yuan as typed ("43.29", "43", "43.5") to integer fen; null when it is not a non-negative amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const value = text.trim().replace(/^¥/, '').replace(/,/g, '');
  if (!/^\d{1,7}(\.\d{0,2})?$/.test(value)) return null;
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Fen as the plain number a yuan input shows ("43.29"). */
export function yuanInput(fen: number): string {
  return formatYuan(fen);
}

/*
 * Time is the community's: every instant is shown, and every date or time typed is read, on the wall clock of the
 * community's time zone (from GET /api/site), whatever zone the reader's device is set to. The platform host has no
 * community; its times are shown in Asia/Shanghai, the zone every community starts in.
 */
const [zoneSet, setZone] = createSignal(DEFAULT_TIME_ZONE);
const knownZones = new Map<string, boolean>();

/**
 * The community's time zone (IANA name), or Asia/Shanghai where this browser does not know it; reactive, so times
 * already on the page follow when the site info arrives. Checked when first read, not when set: the first use of
 * Intl costs a slow phone a couple of hundred milliseconds, better spent after the page's code is on its way.
 */
function zone(): string {
  const timeZone = zoneSet();
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    known = isTimeZone(timeZone);
    knownZones.set(timeZone, known);
  }
  return known ? timeZone : DEFAULT_TIME_ZONE;
}

export const communityTimeZone = zone;

/** Sets the zone every formatter uses by default; an unknown zone falls back to Asia/Shanghai. */
export function setCommunityTimeZone(timeZone: string | null | undefined): void {
  setZone(timeZone || DEFAULT_TIME_ZONE);
}

/** The zone this device is set to. */
export function deviceTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clockText = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in minutes (+480 for Shanghai). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Math.round((Date.parse(`${w.date}T00:00:00Z`) + w.minutes * 60_000 - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * Whether this device's clock reads differently from the community's: now, or half a year away (so a zone that
 * shares the offset today but changes its clocks at another time of year counts as different).
 */
export function deviceClockDiffers(timeZone = zone(), device = deviceTimeZone(), now = Date.now()): boolean {
  return [now, now + 182 * DAY_MS].some((t) => offsetMinutes(t, timeZone) !== offsetMinutes(t, device));
}

/**
 * A `datetime-local` value (wall time in the community's zone) as ISO 8601 with that zone's offset at that instant,
 * e.g. 2025-06-01T19:00:00+08:00. A time the clocks skip (New York, 2026-03-08 02:30) is read as the same time after
 * the jump (03:30, −04:00); a time they pass twice (2026-11-01 01:30) is its first occurrence (−04:00).
 */
export function localInputToIso(value: string, timeZone = zone()): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59 || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) return null;
  const instant = zonedInstant(m[1]!, Number(m[2]) * 60 + Number(m[3]), timeZone);
  const wall = wallClock(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const abs = Math.abs(offset);
  return `${wall.date}T${clockText(wall.minutes)}:00${offset >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO time as a `datetime-local` value on the community's wall clock. */
export function isoToLocalInput(iso: string, timeZone = zone()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallClock(ms, timeZone);
  return `${w.date}T${clockText(w.minutes)}`;
}

/** Today's date on the community's calendar, as YYYY-MM-DD. */
export function today(timeZone = zone(), now = Date.now()): string {
  return wallClock(now, timeZone).date;
}

/** The date (YYYY-MM-DD) an instant falls on in the community's calendar. */
export function dayOf(iso: string, timeZone = zone()): string {
  return wallClock(iso, timeZone).date;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const formats = new Map<string, Intl.DateTimeFormat>();
const styles = {
  when: { month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function format(style: keyof typeof styles, iso: string | number | Date, locale: string, timeZone: string): string {
  const key = `${style}|${locale}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone });
    formats.set(key, f);
  }
  return f.format(new Date(iso));
}

/** "6月1日周日 19:00" / "Sun, Jun 1, 19:00". */
export function formatWhen(iso: string, locale: string, timeZone = zone()): string {
  return format('when', iso, locale, timeZone);
}

/** A start and end, with the end's date left out when it is the same day on the community's calendar. */
export function formatRange(startIso: string, endIso: string, locale: string, timeZone = zone()): string {
  const sameDay = dayOf(startIso, timeZone) === dayOf(endIso, timeZone);
  const endText = sameDay ? formatTime(endIso, locale, timeZone) : formatWhen(endIso, locale, timeZone);
  return `${formatWhen(startIso, locale, timeZone)} – ${endText}`;
}

/** "14:06". */
export function formatTime(iso: string, locale: string, timeZone = zone()): string {
  return format('time', iso, locale, timeZone);
}

/** "2025年6月1日" / "Jun 1, 2025": an instant's day on the community's calendar; a calendar date (YYYY-MM-DD) as it is. */
export function formatDate(iso: string, locale: string, timeZone = zone()): string {
  // A date alone belongs to no zone: read it as midnight UTC and show it in UTC, so it is the same day everywhere.
  if (CALENDAR_DATE.test(iso)) return format('date', `${iso}T00:00:00Z`, locale, 'UTC');
  return format('date', iso, locale, timeZone);
}

/** "2025年6月1日 19:00" / "Jun 1, 2025, 19:00": year, month, day, hour and minute. */
export function formatDateTime(iso: string, locale: string, timeZone = zone()): string {
  return format('dateTime', iso, locale, timeZone);
}
