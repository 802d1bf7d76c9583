import { and, eq, inArray, isNotNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type TenantDb, tenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import { notifications } from '../notifications/schema';
import { communitySettings } from '../profile/service';
import { addDays, erasureCutoff, reminderStages } from './rules';
import { libraryBorrowerMonths, libraryLoans, libraryReservations, libraryTitles } from './schema';
import { notifyFrom } from './statements';
import { holdStatements, type LibrarySettings, libraryRules, todayIn } from './service';

/** Each reminder's words around the book's title, in Chinese and English. */
const reminderText = {
  'due-soon': {
    zh: ['《', '》快到期了，请在到期日前归还，或到书屋续借一次。'],
    en: ['"', '" is due soon; return it, or renew it once at the library, before the due date.'],
  },
  overdue: {
    zh: ['《', '》已过还书日，请尽快还到明志书屋，也许有邻居在等。'],
    en: ['"', '" is past its due date; please bring it back to the library, neighbours may be waiting.'],
  },
  'long-overdue': {
    zh: ['《', '》已逾期两周，请尽快归还；找不到了也请告诉值班馆员。'],
    en: ['"', '" is two weeks overdue; please return it, or tell a librarian if it is lost.'],
  },
} as const;

/**
 * Reminds borrowers about loans due soon or late, once per loan and stage: each stage's notifications and the
 * loans' mark of it are written in one batch, highest stage first, so a loan found already late gets only that one.
 */
export async function sendReminders(db: TenantDb, today: string) {
  const title = sql`(SELECT t.title FROM library_copies c JOIN library_titles t ON t.id = c.title_id WHERE c.id = l.copy_id)`;
  const statements = [...reminderStages].reverse().flatMap((s) => {
    // Due on or before this day, the loan has reached the stage.
    const dueBy = addDays(today, -s.daysAfterDue);
    const reached = (l: SQL) =>
      sql`${l}.returned_at IS NULL AND ${l}.member_id IS NOT NULL AND ${l}.due_on <= ${dueBy} AND ${l}.reminder_stage < ${s.stage}`;
    const { zh, en } = reminderText[s.key];
    return [
      notifyFrom(
        db,
        'library.reminder',
        sql`SELECT l.member_id AS member_id, ${zh[0]} || ${title} || ${zh[1]} AS text_zh, ${en[0]} || ${title} || ${en[1]} AS text_en
          FROM library_loans l WHERE ${reached(sql`l`)}`,
      ).returning({ id: notifications.id }),
      db.update(libraryLoans).set({ reminderStage: s.stage }).where(reached(sql`library_loans`)),
    ];
  });
  const [first, ...rest] = statements;
  if (!first) return 0;
  const results = await db.batch([first, ...rest]);
  return results.filter((_, i) => i % 2 === 0).reduce((n, r) => n + (Array.isArray(r) ? r.length : 0), 0);
}

/** Holds that ran out pass their copy to the next in the queue (who is told), or back to the shelf. */
export async function passOnLapsedHolds(db: TenantDb, rules: LibrarySettings, now: number, timeZone: string) {
  const nowIso = new Date(now).toISOString();
  const lapsed = await db
    .select({
      id: libraryReservations.id,
      copyId: libraryReservations.heldCopyId,
      titleId: libraryReservations.titleId,
      title: libraryTitles.title,
    })
    .from(libraryReservations)
    .innerJoin(libraryTitles, eq(libraryTitles.id, libraryReservations.titleId))
    .where(
      and(eq(libraryReservations.status, 'held'), lte(libraryReservations.heldUntil, nowIso), isNotNull(libraryReservations.heldCopyId)),
    );
  let passed = 0;
  for (const hold of lapsed) {
    if (hold.copyId === null) continue;
    const [expired] = await db.batch([
      db
        .update(libraryReservations)
        .set({ status: 'expired', closedAt: nowIso })
        .where(and(eq(libraryReservations.id, hold.id), eq(libraryReservations.status, 'held'), lte(libraryReservations.heldUntil, nowIso)))
        .returning({ id: libraryReservations.id }),
      ...holdStatements(
        db,
        { id: hold.copyId, titleId: hold.titleId, title: hold.title },
        rules,
        now,
        timeZone,
        sql`EXISTS (SELECT 1 FROM library_reservations x WHERE x.id = ${hold.id} AND x.closed_at = ${nowIso})`,
      ),
    ]);
    passed += expired.length;
  }
  return passed;
}

/**
 * The statements that make loans returned before `cutoff` (an instant) forget their borrower, and closed reservations
 * their reader; each month's count of borrowers is kept first, while the loans still know them. The second
 * statement returns the loans erased. The retention pass runs them (see retention/service.ts).
 */
export function oldLoanStatements(db: TenantDb, cutoff: string) {
  return [
    db
      .insert(libraryBorrowerMonths)
      .select(
        sql`SELECT substr(l.lent_on, 1, 7),
                   (SELECT COUNT(DISTINCT x.member_id) FROM library_loans x WHERE substr(x.lent_on, 1, 7) = substr(l.lent_on, 1, 7))
              FROM library_loans l WHERE l.returned_at IS NOT NULL AND l.returned_at < ${cutoff} AND l.member_id IS NOT NULL
             GROUP BY substr(l.lent_on, 1, 7)`,
      )
      .onConflictDoNothing(),
    db
      .update(libraryLoans)
      .set({ memberId: null })
      .where(and(isNotNull(libraryLoans.returnedAt), lt(libraryLoans.returnedAt, cutoff), isNotNull(libraryLoans.memberId)))
      .returning({ id: libraryLoans.id }),
    db
      .update(libraryReservations)
      .set({ memberId: null })
      .where(
        and(
          inArray(libraryReservations.status, ['fulfilled', 'cancelled', 'expired']),
          lt(libraryReservations.closedAt, cutoff),
          isNotNull(libraryReservations.memberId),
        ),
      ),
  ] as const;
}

/** Erases at once the loans returned more than `months` ago (the demo's seed); the daily retention pass does it otherwise. */
export async function eraseOldLoans(db: TenantDb, months: number, now: number) {
  const [, erased] = await db.batch(oldLoanStatements(db, erasureCutoff(now, months)));
  return erased.length;
}

/** The library's daily pass over one community: lapsed holds move on, reminders go out (old loans: the retention pass). */
export async function runLibraryDay(db: TenantDb, now = Date.now()) {
  const { timeZone } = await communitySettings(db);
  const rules = await libraryRules(db);
  const passedOn = await passOnLapsedHolds(db, rules, now, timeZone);
  const reminded = await sendReminders(db, todayIn(now, timeZone));
  return { passedOn, reminded };
}

/** The daily pass for the community whose database is bound as `binding` (the daily run calls it for each one). */
export async function runLibraryDayIn(env: Bindings, binding: string, now: Date) {
  const d1 = tenantDatabase(env, binding);
  await ensureTenantMigrated(binding, d1);
  return runLibraryDay(tenantDb(d1), now.getTime());
}
