import { wallClock } from '../profile/rules';

/** The check digit of an ISBN-13 from its first twelve digits (weights 1, 3, 1, 3…; modulo 10). */
export function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** The check character of an ISBN-10 from its first nine digits (weights 10…2; modulo 11, 10 written X). */
export function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * An ISBN as typed or scanned (hyphens and spaces allowed), checked and given as its 13 digits; an ISBN-10 becomes
 * the 978 ISBN-13 it stands for. Null when it is not an ISBN or a check digit is wrong.
 */
export function normaliseIsbn(input: string): string | null {
  const raw = input.replace(/[\s-]/g, '').toUpperCase();
  if (/^97[89]\d{10}$/.test(raw)) return isbn13CheckDigit(raw.slice(0, 12)) === raw[12] ? raw : null;
  if (/^\d{9}[\dX]$/.test(raw)) {
    if (isbn10CheckDigit(raw.slice(0, 9)) !== raw[9]) return null;
    const first12 = `978${raw.slice(0, 9)}`;
    return first12 + isbn13CheckDigit(first12);
  }
  return null;
}

const DAY = 86400_000;

/** The calendar date `days` after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Reminders about a loan: two days before it is due, the day after, and two weeks late. Each is sent once. */
export const reminderStages = [
  { stage: 1, key: 'due-soon', daysAfterDue: -2 },
  { stage: 2, key: 'overdue', daysAfterDue: 1 },
  { stage: 3, key: 'long-overdue', daysAfterDue: 15 },
] as const;

/** The reminder stage an open loan due on `dueOn` has reached on `today` (0 before any). */
export function reminderStage(dueOn: string, today: string): 0 | 1 | 2 | 3 {
  const late = daysBetween(dueOn, today);
  let reached: 0 | 1 | 2 | 3 = 0;
  for (const s of reminderStages) if (late >= s.daysAfterDue) reached = s.stage;
  return reached;
}

/** A loan may be renewed once, while it is out, and not when someone waits for the title. */
export function renewalProblem(loan: { renewals: number; returned: boolean; reservedByOthers: boolean }): string | null {
  if (loan.returned) return 'This book has been returned';
  if (loan.renewals >= 1) return 'A loan is renewed only once';
  if (loan.reservedByOthers) return 'Someone is waiting for this book, so it cannot be renewed';
  return null;
}

/** Until when a copy returned at `heldAt` is kept for the next reservation. */
export function holdUntil(heldAt: number, holdDays: number): string {
  return new Date(heldAt + holdDays * DAY).toISOString();
}

/** Whether a hold has run out, so the copy passes to the next in the queue (or back to the shelf). */
export function holdLapsed(heldUntil: string, now: number): boolean {
  return Date.parse(heldUntil) <= now;
}

/** Who a returned copy is held for: the longest-waiting reservation, or nobody. */
export function nextInQueue<R extends { id: number; status: string; createdAt: string }>(reservations: readonly R[]): R | null {
  const waiting = reservations.filter((r) => r.status === 'waiting');
  waiting.sort((a, b) => (a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1));
  return waiting[0] ?? null;
}

/** Who looks at a borrower's loans and reservations. */
export interface LoanViewer {
  memberId: number;
  librarian: boolean;
}

/** A borrower's history is theirs and the librarians' to see, nobody else's. */
export function loanHistoryVisible(viewer: LoanViewer | null, borrowerId: number | null): boolean {
  if (!viewer || borrowerId === null) return false;
  return viewer.librarian || viewer.memberId === borrowerId;
}

/** When a returned loan forgets its borrower: the instant `months` calendar months before `now`. */
export function erasureCutoff(now: number, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** The prefix of the text a library card's QR code carries, so a scanned card is never read as a book. */
export const CARD_PREFIX = 'HZLIB:';

/** A card number from what the desk scanned or typed: `HZLIB:` and ten digits, or the ten digits alone. */
export function cardNumberOf(scanned: string): string | null {
  const text = scanned.trim().toUpperCase();
  const digits = text.startsWith(CARD_PREFIX) ? text.slice(CARD_PREFIX.length) : text.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** The UTC instant of a wall-clock time (HH:MM) on a date in `timeZone`. */
export function instantAt(date: string, hhmm: string, timeZone: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const naive = Date.parse(`${date}T00:00:00Z`) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  // Correct twice so that an instant near a change of summer time lands on the wall-clock time asked for.
  let guess = naive;
  for (let i = 0; i < 2; i++) {
    const clock = wallClock(guess, timeZone);
    const shown = Date.parse(`${clock.date}T00:00:00Z`) + clock.minutes * 60_000;
    guess += naive - shown;
  }
  return new Date(guess).toISOString();
}

/** A weekly duty: weekday (0 Sunday … 6 Saturday) and its hours on the community's clock. */
export interface DutyPattern {
  weekday: number;
  startsAt: string;
  endsAt: string;
}

/** The duty slots of `month` (YYYY-MM) that follow the weekly pattern, as UTC instants. */
export function monthSlots(month: string, pattern: readonly DutyPattern[], timeZone: string): { startsAt: string; endsAt: string }[] {
  const first = `${month}-01`;
  const slots: { startsAt: string; endsAt: string }[] = [];
  for (let date = first; date.startsWith(month); date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    for (const p of pattern) {
      if (p.weekday !== weekday) continue;
      slots.push({ startsAt: instantAt(date, p.startsAt, timeZone), endsAt: instantAt(date, p.endsAt, timeZone) });
    }
  }
  return slots.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 1)).toISOString().slice(0, 7);
}

/** The roster is published for this month and the next one: nothing further ahead, nothing past. */
export function rosterMonthProblem(month: string, today: string): string | null {
  const current = today.slice(0, 7);
  if (month !== current && month !== nextMonth(current)) return 'Publish duty slots for this month or the next';
  return null;
}

/** The `count` months up to and including the one `today` is in, oldest first (YYYY-MM). */
export function lastMonths(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y ?? 1970, (m ?? 1) - count + i, 1)).toISOString().slice(0, 7));
}

/** The month (YYYY-MM) an instant falls in on the community's calendar. */
export function monthOf(instant: string | number, timeZone: string): string {
  return wallClock(instant, timeZone).date.slice(0, 7);
}

/** Share of loans returned by their due day, in whole percent; null with no returns. */
export function onTimeRate(returned: number, onTime: number): number | null {
  return returned === 0 ? null : Math.round((onTime / returned) * 100);
}
