import type { AgeBand } from '../volunteers/schema';
import { wallClock } from '../profile/rules';
import { type CareNeedKind, careNeedKinds, type CareRegisteredAs } from './schema';

const DAY = 86400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The day it is at `now` on the community's calendar. */
export const todayIn = (now: number, timeZone: string) => wallClock(now, timeZone).date;

/**
 * Whether a recipient has gone too long without a visit: `staleDays` or more days since the last visit, counted
 * on the community's calendar; one never visited counts from the day they were registered.
 */
export function visitOverdue(lastVisitOn: string | null, registeredAt: string, today: string, staleDays: number, timeZone: string) {
  const since = lastVisitOn ?? wallClock(registeredAt, timeZone).date;
  return daysBetween(since, today) >= staleDays;
}

/** Days since the last visit (or since registration), on the community's calendar. */
export function daysWithoutVisit(lastVisitOn: string | null, registeredAt: string, today: string, timeZone: string) {
  return daysBetween(lastVisitOn ?? wallClock(registeredAt, timeZone).date, today);
}

/** Whether the age band is under fifty: the young and middle-aged the program sets out to draw in. */
export const underFifty = (band: AgeBand | null) => band === 'under-30' || band === '30-49';

/** The share (percent, one decimal) of volunteers under fifty among those who declared a band; null when none did. */
export function underFiftyShare(bands: readonly (AgeBand | null)[]): number | null {
  const declared = bands.filter((b) => b !== null);
  if (declared.length === 0) return null;
  return Math.round((declared.filter(underFifty).length / declared.length) * 1000) / 10;
}

/** A time-bank balance in minutes: the sum of the member's entries. Never money. */
export function balanceOf(entries: readonly { minutes: number }[]): number {
  return entries.reduce((sum, e) => sum + e.minutes, 0);
}

/**
 * Why `minutes` may not leave a balance (a gift or a use), or null. Whole quarter hours, at least one, and never
 * more than the balance: a balance never goes below zero. (The write checks the balance again in the same
 * statement, so two at once cannot both pass.)
 */
export function withdrawalProblem(balance: number, minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes <= 0) return 'Give or use a positive number of minutes';
  if (minutes % 15 !== 0) return 'Hours move in quarter hours';
  if (minutes > balance) return 'Not enough banked hours';
  return null;
}

/** Why a gift of hours may not go to this person, or null: to another member of the community. */
export function giftProblem(fromId: number, toId: number): string | null {
  return fromId === toId ? 'Give hours to someone else: a family member' : null;
}

/** Minutes as hours with at most two decimals (90 → 1.5). */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The needs stored as text, read back in the list's order (unknown words are dropped). */
export function needsOf(text: string): CareNeedKind[] {
  const set = new Set(text.split(',').map((s) => s.trim()));
  return careNeedKinds.filter((k) => set.has(k));
}

/** Who may see a recipient's record. */
export interface CareViewer {
  memberId: number;
  coordinator: boolean;
  /** Recipients with an open pairing to this member. */
  pairedWith: readonly number[];
}

/** Only coordinators, the volunteers paired with the recipient, and whoever registered them. */
export function recipientVisible(viewer: CareViewer, recipient: { id: number; registeredBy: number }): boolean {
  return viewer.coordinator || viewer.pairedWith.includes(recipient.id) || recipient.registeredBy === viewer.memberId;
}

/** Why a registration is not consistent, or null: someone registering themself gives consent themself, and only then. */
export function registrationProblem(r: { registeredAs: CareRegisteredAs; consentHow: string }): { field: string; message: string } | null {
  if (r.registeredAs === 'self' && r.consentHow !== 'self')
    return { field: 'consentHow', message: 'Registering yourself is your own consent' };
  if (r.registeredAs !== 'self' && r.consentHow === 'self')
    return { field: 'consentHow', message: 'Say how the elder agreed: in person, by phone or in writing' };
  return null;
}

/** Whether a visit day may be logged: not in the future, and within the last 60 days. */
export function visitDayProblem(visitedOn: string, today: string): string | null {
  if (visitedOn > today) return 'Log a visit once it has happened';
  if (daysBetween(visitedOn, today) > 60) return 'Log visits within 60 days';
  return null;
}
