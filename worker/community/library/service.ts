import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { buildings } from '../buildings/schema';
import { members } from '../members/schema';
import { wallClock } from '../profile/rules';
import { addDays, holdUntil, renewalProblem } from './rules';
import { libraryCards, libraryCopies, libraryLoans, libraryReservations, librarySettings, libraryTitles } from './schema';
import { notifyFrom } from './statements';
import { copyFree, isUniqueViolation } from './catalogue';

export {
  addCopy,
  addTitle,
  copyByMark,
  searchCatalogue,
  type TitleView,
  titleDetail,
} from './catalogue';

export interface LibrarySettings {
  loanDays: number;
  maxLoans: number;
  holdDays: number;
  eraseAfterMonths: number;
}

export const defaultLibrarySettings: LibrarySettings = { loanDays: 30, maxLoans: 3, holdDays: 3, eraseAfterMonths: 6 };

/** The library's rules: the stored row, or the defaults until someone changes them. */
export async function libraryRules(db: TenantDb): Promise<LibrarySettings> {
  const [row] = await db.select().from(librarySettings).where(eq(librarySettings.id, 1));
  if (!row) return { ...defaultLibrarySettings };
  return { loanDays: row.loanDays, maxLoans: row.maxLoans, holdDays: row.holdDays, eraseAfterMonths: row.eraseAfterMonths };
}

export async function updateLibraryRules(db: TenantDb, rules: LibrarySettings): Promise<LibrarySettings> {
  await db
    .insert(librarySettings)
    .values({ id: 1, ...rules })
    .onConflictDoUpdate({ target: librarySettings.id, set: rules });
  return libraryRules(db);
}

/** Someone the desk lends to: an active member, with how many books they have out. */
export async function findBorrowers(db: TenantDb, query: { q?: string; card?: string }) {
  const where = query.card
    ? sql`${members.id} = (SELECT member_id FROM library_cards WHERE card_number = ${query.card})`
    : sql`${members.displayName} LIKE ${`%${(query.q ?? '').replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} ESCAPE '\\'`;
  const rows = await db
    .select({
      id: members.id,
      displayName: members.displayName,
      buildingName: buildings.name,
      household: members.household,
      onLoan: sql<number>`(SELECT COUNT(*) FROM library_loans l WHERE l.member_id = members.id AND l.returned_at IS NULL)`,
    })
    .from(members)
    .leftJoin(buildings, eq(buildings.id, members.buildingId))
    .where(and(eq(members.status, 'active'), where))
    .orderBy(asc(members.displayName))
    .limit(20);
  return rows.map((r) => ({ ...r, onLoan: Number(r.onLoan) }));
}

/** The wall-clock date of `now` in the community. */
export const todayIn = (now: number, timeZone: string) => wallClock(now, timeZone).date;

/** Why a lend did not happen, read after the conditional insert refused it. */
async function lendRefusal(db: TenantDb, copyId: number, memberId: number, rules: LibrarySettings, nowIso: string) {
  const [open] = await db
    .select({ id: libraryLoans.id })
    .from(libraryLoans)
    .where(and(eq(libraryLoans.copyId, copyId), isNull(libraryLoans.returnedAt)));
  if (open) return new AppError('conflict', 'This copy is already on loan', { copy: ['On loan'] });
  const [count] = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(libraryLoans)
    .where(and(eq(libraryLoans.memberId, memberId), isNull(libraryLoans.returnedAt)));
  if (Number(count?.n ?? 0) >= rules.maxLoans)
    return new AppError('conflict', `A reader may have at most ${rules.maxLoans} books out`, { borrower: ['Limit reached'] });
  const [hold] = await db
    .select({ id: libraryReservations.id })
    .from(libraryReservations)
    .where(
      and(
        eq(libraryReservations.heldCopyId, copyId),
        eq(libraryReservations.status, 'held'),
        sql`${libraryReservations.heldUntil} > ${nowIso}`,
      ),
    );
  if (hold) return new AppError('conflict', 'This copy is kept for another reader who reserved it', { copy: ['Held for a reservation'] });
  return new AppError('conflict', 'The book could not be lent; try again');
}

/**
 * Lends a copy to a member. One conditional insert checks that the copy is free (or kept for this borrower), that the
 * borrower is under the limit, and the unique open-loan index settles two desks lending the same copy at once. The
 * borrower's reservation of the title is fulfilled in the same batch.
 */
export async function lend(
  db: TenantDb,
  actorId: number,
  input: { copyId: number; memberId: number },
  rules: LibrarySettings,
  now: number,
  timeZone: string,
) {
  const [copy] = await db
    .select({ id: libraryCopies.id, titleId: libraryCopies.titleId })
    .from(libraryCopies)
    .where(eq(libraryCopies.id, input.copyId));
  if (!copy) throw new AppError('not_found', 'No such copy');
  const [borrower] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, input.memberId), eq(members.status, 'active')));
  if (!borrower) throw new AppError('not_found', 'No such member');
  const nowIso = new Date(now).toISOString();
  const today = todayIn(now, timeZone);
  const dueOn = addDays(today, rules.loanDays);
  const [inserted] = await db.batch([
    // Columns in the table's order: id, copy, borrower, lent at/on, due, renewals, lent by, returned at/on, reminder stage.
    db
      .insert(libraryLoans)
      .select(
        sql`SELECT NULL, ${copy.id}, ${borrower.id}, ${nowIso}, ${today}, ${dueOn}, 0, ${actorId}, NULL, NULL, 0
       WHERE NOT EXISTS (SELECT 1 FROM library_loans l WHERE l.copy_id = ${copy.id} AND l.returned_at IS NULL)
         AND (SELECT COUNT(*) FROM library_loans l WHERE l.member_id = ${borrower.id} AND l.returned_at IS NULL) < ${rules.maxLoans}
         AND NOT EXISTS (SELECT 1 FROM library_reservations r WHERE r.held_copy_id = ${copy.id} AND r.status = 'held'
                         AND r.held_until > ${nowIso} AND r.member_id IS NOT ${borrower.id})`,
      )
      .onConflictDoNothing()
      .returning({ id: libraryLoans.id }),
    db
      .update(libraryReservations)
      .set({ status: 'fulfilled', closedAt: nowIso })
      .where(
        sql`${libraryReservations.titleId} = ${copy.titleId} AND ${libraryReservations.memberId} = ${borrower.id}
          AND ${libraryReservations.status} IN ('waiting', 'held')
          AND EXISTS (SELECT 1 FROM library_loans l WHERE l.copy_id = ${copy.id} AND l.member_id = ${borrower.id}
                      AND l.lent_at = ${nowIso} AND l.returned_at IS NULL)`,
      ),
  ]);
  if (inserted.length === 0) throw await lendRefusal(db, copy.id, borrower.id, rules, nowIso);
  const [loan] = await db
    .select({ id: libraryLoans.id, dueOn: libraryLoans.dueOn })
    .from(libraryLoans)
    .where(and(eq(libraryLoans.copyId, copy.id), isNull(libraryLoans.returnedAt)));
  if (!loan) throw new AppError('conflict', 'The book could not be lent; try again');
  return loan;
}

/**
 * The statements that keep a returned (or released) copy for the longest-waiting reservation of its title for
 * `holdDays`, and tell that person, in whatever batch frees the copy. Nothing happens when nobody waits or the
 * copy is already kept for someone.
 */
export function holdStatements(
  db: TenantDb,
  copy: { id: number; titleId: number; title: string },
  rules: LibrarySettings,
  now: number,
  timeZone: string,
  guard = sql`1`,
): BatchItem<'sqlite'>[] {
  const heldAt = new Date(now).toISOString();
  const until = holdUntil(now, rules.holdDays);
  const untilDay = wallClock(until, timeZone).date;
  return [
    db
      .update(libraryReservations)
      .set({ status: 'held', heldCopyId: copy.id, heldAt, heldUntil: until })
      .where(
        sql`${libraryReservations.id} = (SELECT id FROM library_reservations WHERE title_id = ${copy.titleId} AND status = 'waiting'
              ORDER BY created_at, id LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM library_reservations r WHERE r.held_copy_id = ${copy.id} AND r.status = 'held')
          AND NOT EXISTS (SELECT 1 FROM library_loans l WHERE l.copy_id = ${copy.id} AND l.returned_at IS NULL)
          AND ${guard}`,
      ),
    notifyFrom(
      db,
      'library.hold-ready',
      sql`SELECT r.member_id AS member_id,
             ${`你预约的《${copy.title}》已到馆，为你保留到 ${untilDay}，请在此之前到明志书屋借阅。`} AS text_zh,
             ${`The book you reserved, "${copy.title}", is back and kept for you until ${untilDay}; borrow it at the library before then.`} AS text_en
        FROM library_reservations r
       WHERE r.held_copy_id = ${copy.id} AND r.status = 'held' AND r.held_at = ${heldAt} AND r.member_id IS NOT NULL`,
    ),
  ];
}

/** Takes a copy back; if someone waits for the title, the copy is kept for them in the same batch and they are told. */
export async function returnLoan(db: TenantDb, loanId: number, rules: LibrarySettings, now: number, timeZone: string) {
  const [loan] = await db
    .select({ id: libraryLoans.id, copyId: libraryLoans.copyId, titleId: libraryCopies.titleId, title: libraryTitles.title })
    .from(libraryLoans)
    .innerJoin(libraryCopies, eq(libraryCopies.id, libraryLoans.copyId))
    .innerJoin(libraryTitles, eq(libraryTitles.id, libraryCopies.titleId))
    .where(eq(libraryLoans.id, loanId));
  if (!loan) throw new AppError('not_found', 'No such loan');
  const nowIso = new Date(now).toISOString();
  const [returned] = await db.batch([
    db
      .update(libraryLoans)
      .set({ returnedAt: nowIso, returnedOn: todayIn(now, timeZone) })
      .where(and(eq(libraryLoans.id, loan.id), isNull(libraryLoans.returnedAt)))
      .returning({ id: libraryLoans.id }),
    ...holdStatements(
      db,
      { id: loan.copyId, titleId: loan.titleId, title: loan.title },
      rules,
      now,
      timeZone,
      sql`EXISTS (SELECT 1 FROM library_loans l WHERE l.id = ${loan.id} AND l.returned_at = ${nowIso})`,
    ),
  ]);
  if (returned.length === 0) throw new AppError('conflict', 'This book has already been returned');
  const [hold] = await db
    .select({ reservationId: libraryReservations.id, name: members.displayName, heldUntil: libraryReservations.heldUntil })
    .from(libraryReservations)
    .innerJoin(members, eq(members.id, libraryReservations.memberId))
    .where(and(eq(libraryReservations.heldCopyId, loan.copyId), eq(libraryReservations.status, 'held')));
  return { heldFor: hold ?? null };
}

/** Renews a loan for another loan period from today: once, and not while someone waits for the title. */
export async function renewLoan(db: TenantDb, loanId: number, rules: LibrarySettings, now: number, timeZone: string) {
  const today = todayIn(now, timeZone);
  const reserved = sql`EXISTS (SELECT 1 FROM library_reservations r WHERE r.status IN ('waiting', 'held')
    AND r.title_id = (SELECT c.title_id FROM library_copies c WHERE c.id = library_loans.copy_id))`;
  const [row] = await db
    .update(libraryLoans)
    .set({ dueOn: addDays(today, rules.loanDays), renewals: sql`${libraryLoans.renewals} + 1`, reminderStage: 0 })
    .where(sql`${libraryLoans.id} = ${loanId} AND ${libraryLoans.returnedAt} IS NULL AND ${libraryLoans.renewals} < 1 AND NOT ${reserved}`)
    .returning({ id: libraryLoans.id, dueOn: libraryLoans.dueOn });
  if (row) return row;
  const [facts] = await db
    .select({ renewals: libraryLoans.renewals, returnedAt: libraryLoans.returnedAt, reserved: sql<number>`${reserved}` })
    .from(libraryLoans)
    .where(eq(libraryLoans.id, loanId));
  if (!facts) throw new AppError('not_found', 'No such loan');
  const problem = renewalProblem({
    renewals: facts.renewals,
    returned: facts.returnedAt !== null,
    reservedByOthers: Boolean(facts.reserved),
  });
  throw new AppError('conflict', problem ?? 'The loan could not be renewed');
}

/** A borrower's loans (open ones first, then the returns they still remember) and open reservations. */
export async function borrowerRecord(db: TenantDb, memberId: number, now: number) {
  const nowIso = new Date(now).toISOString();
  // One batch: D1 hands batched rows back as objects, so the titles' ids go by a name of their own.
  const titleId = sql<number>`${libraryTitles.id}`.as('title_id');
  const [loans, reservations] = await db.batch([
    db
      .select({
        id: libraryLoans.id,
        titleId,
        title: libraryTitles.title,
        author: libraryTitles.author,
        shelfMark: libraryCopies.shelfMark,
        lentOn: libraryLoans.lentOn,
        dueOn: libraryLoans.dueOn,
        renewals: libraryLoans.renewals,
        returnedOn: libraryLoans.returnedOn,
        reserved: sql<number>`EXISTS (SELECT 1 FROM library_reservations r WHERE r.title_id = library_titles.id AND r.status IN ('waiting', 'held'))`,
      })
      .from(libraryLoans)
      .innerJoin(libraryCopies, eq(libraryCopies.id, libraryLoans.copyId))
      .innerJoin(libraryTitles, eq(libraryTitles.id, libraryCopies.titleId))
      .where(eq(libraryLoans.memberId, memberId))
      .orderBy(sql`${libraryLoans.returnedAt} IS NOT NULL`, desc(libraryLoans.lentAt))
      .limit(100),
    db
      .select({
        id: libraryReservations.id,
        titleId,
        title: libraryTitles.title,
        status: libraryReservations.status,
        createdAt: libraryReservations.createdAt,
        heldUntil: libraryReservations.heldUntil,
        shelfMark: libraryCopies.shelfMark,
        position: sql<number>`(SELECT COUNT(*) FROM library_reservations q WHERE q.title_id = library_reservations.title_id
          AND q.status = 'waiting' AND (q.created_at < library_reservations.created_at
          OR (q.created_at = library_reservations.created_at AND q.id <= library_reservations.id)))`,
      })
      .from(libraryReservations)
      .innerJoin(libraryTitles, eq(libraryTitles.id, libraryReservations.titleId))
      .leftJoin(libraryCopies, eq(libraryCopies.id, libraryReservations.heldCopyId))
      .where(and(eq(libraryReservations.memberId, memberId), inArray(libraryReservations.status, ['waiting', 'held'])))
      .orderBy(asc(libraryReservations.createdAt)),
  ]);
  return {
    loans: loans.map((l) => ({ ...l, reserved: Boolean(l.reserved) })),
    reservations: reservations
      // A hold that ran out is on its way to the next reader; the daily pass records it.
      .filter((r) => r.status !== 'held' || (r.heldUntil ?? '') > nowIso)
      .map((r) => ({ ...r, position: r.status === 'waiting' ? Number(r.position) : 0 })),
  };
}

/** Reserves a title that has no copy on the shelf; one open reservation per person and title. */
export async function reserve(db: TenantDb, memberId: number, titleId: number, now: number) {
  const nowIso = new Date(now).toISOString();
  const [title] = await db.select({ id: libraryTitles.id }).from(libraryTitles).where(eq(libraryTitles.id, titleId));
  if (!title) throw new AppError('not_found', 'No such book');
  const result = await db.run(sql`INSERT INTO library_reservations (title_id, member_id, created_at)
    SELECT ${titleId}, ${memberId}, ${nowIso}
     WHERE NOT EXISTS (SELECT 1 FROM library_copies c WHERE c.title_id = ${titleId} AND ${copyFree(sql`c.id`, nowIso)})
       AND NOT EXISTS (SELECT 1 FROM library_loans l JOIN library_copies c ON c.id = l.copy_id
                       WHERE c.title_id = ${titleId} AND l.member_id = ${memberId} AND l.returned_at IS NULL)
    ON CONFLICT DO NOTHING`);
  const [row] = await db
    .select({ id: libraryReservations.id })
    .from(libraryReservations)
    .where(
      and(
        eq(libraryReservations.titleId, titleId),
        eq(libraryReservations.memberId, memberId),
        inArray(libraryReservations.status, ['waiting', 'held']),
      ),
    );
  if (result.meta.changes === 0) {
    if (row) throw new AppError('conflict', 'You have already reserved this book');
    const [held] = await db
      .select({ id: libraryLoans.id })
      .from(libraryLoans)
      .innerJoin(libraryCopies, eq(libraryCopies.id, libraryLoans.copyId))
      .where(and(eq(libraryCopies.titleId, titleId), eq(libraryLoans.memberId, memberId), isNull(libraryLoans.returnedAt)));
    if (held) throw new AppError('conflict', 'You have this book out already');
    throw new AppError('conflict', 'A copy is on the shelf: borrow it at the library');
  }
  if (!row) throw new AppError('conflict', 'The reservation was not made; try again');
  return row;
}

/** Cancels one's reservation; a copy that was kept for it passes to the next in the queue. */
export async function cancelReservation(db: TenantDb, id: number, rules: LibrarySettings, now: number, timeZone: string) {
  const [r] = await db
    .select({ heldCopyId: libraryReservations.heldCopyId, titleId: libraryReservations.titleId, title: libraryTitles.title })
    .from(libraryReservations)
    .innerJoin(libraryTitles, eq(libraryTitles.id, libraryReservations.titleId))
    .where(eq(libraryReservations.id, id));
  if (!r) throw new AppError('not_found', 'No such reservation');
  const nowIso = new Date(now).toISOString();
  const [cancelled] = await db.batch([
    db
      .update(libraryReservations)
      .set({ status: 'cancelled', closedAt: nowIso })
      .where(and(eq(libraryReservations.id, id), inArray(libraryReservations.status, ['waiting', 'held'])))
      .returning({ id: libraryReservations.id }),
    ...(r.heldCopyId === null
      ? []
      : holdStatements(
          db,
          { id: r.heldCopyId, titleId: r.titleId, title: r.title },
          rules,
          now,
          timeZone,
          sql`EXISTS (SELECT 1 FROM library_reservations x WHERE x.id = ${id} AND x.closed_at = ${nowIso})`,
        )),
  ]);
  if (cancelled.length === 0) throw new AppError('conflict', 'This reservation is already closed');
}

const randomCardNumber = () => {
  const bytes = crypto.getRandomValues(new Uint32Array(2));
  return String(((bytes[0] ?? 0) % 90000) + 10000) + String((bytes[1] ?? 0) % 100000).padStart(5, '0');
};

/** The member's library card, issued on first use. */
export async function cardOf(db: TenantDb, memberId: number) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db.select().from(libraryCards).where(eq(libraryCards.memberId, memberId));
    if (row) return row;
    await db.insert(libraryCards).values({ memberId, cardNumber: randomCardNumber() }).onConflictDoNothing();
  }
  throw new AppError('conflict', 'The card could not be issued; try again');
}

/** A new card number for a lost card; the old one stops working. */
export async function replaceCard(db: TenantDb, memberId: number) {
  await cardOf(db, memberId);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const [row] = await db
        .update(libraryCards)
        .set({ cardNumber: randomCardNumber(), issuedAt: new Date().toISOString() })
        .where(eq(libraryCards.memberId, memberId))
        .returning();
      if (row) return row;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError('conflict', 'The card could not be replaced; try again');
}
