/** The catalogue: titles and their copies, searching it, and a title's page with its holds and queue. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { normaliseIsbn } from './rules';
import { type BookCategory, libraryCopies, libraryReservations, libraryTitles } from './schema';

/** A copy is on the shelf for anyone: not lent out, and not kept for a reservation whose hold still runs. */
export const copyFree = (
  copyId: unknown,
  nowIso: string,
) => sql`NOT EXISTS (SELECT 1 FROM library_loans l WHERE l.copy_id = ${copyId} AND l.returned_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM library_reservations r WHERE r.held_copy_id = ${copyId} AND r.status = 'held' AND r.held_until > ${nowIso})`;

const titleColumns = {
  id: libraryTitles.id,
  title: libraryTitles.title,
  author: libraryTitles.author,
  isbn: libraryTitles.isbn,
  publisher: libraryTitles.publisher,
  year: libraryTitles.year,
  category: libraryTitles.category,
  donorName: libraryTitles.donorName,
  donorThanked: libraryTitles.donorThanked,
};

/** A title as the catalogue shows it: how many copies, how many on the shelf, how many people wait. */
export interface TitleView {
  id: number;
  title: string;
  author: string;
  isbn: string | null;
  publisher: string;
  year: number | null;
  category: BookCategory;
  /** The donor's name, only when they agreed to be thanked in public. */
  thankedDonor: string | null;
  copies: number;
  available: number;
  waiting: number;
  /** The earliest day a lent copy is due back, when none is on the shelf. */
  nextDue: string | null;
}

/** Searches the catalogue by title, author or ISBN (a scanned or typed ISBN matches exactly), newest first without a query. */
export async function searchCatalogue(db: TenantDb, query: { q?: string; limit: number; offset: number }, now: number) {
  const nowIso = new Date(now).toISOString();
  const q = query.q?.trim() ?? '';
  const isbn = q ? normaliseIsbn(q) : null;
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const where = isbn
    ? eq(libraryTitles.isbn, isbn)
    : q
      ? sql`(${libraryTitles.title} LIKE ${like} ESCAPE '\\' OR ${libraryTitles.author} LIKE ${like} ESCAPE '\\' OR ${libraryTitles.isbn} LIKE ${like} ESCAPE '\\')`
      : undefined;
  const rows = await db
    .select({
      ...titleColumns,
      copies: sql<number>`(SELECT COUNT(*) FROM library_copies c WHERE c.title_id = library_titles.id)`,
      available: sql<number>`(SELECT COUNT(*) FROM library_copies c WHERE c.title_id = library_titles.id AND ${copyFree(sql`c.id`, nowIso)})`,
      waiting: sql<number>`(SELECT COUNT(*) FROM library_reservations r WHERE r.title_id = library_titles.id AND r.status = 'waiting')`,
      nextDue: sql<string | null>`(SELECT MIN(l.due_on) FROM library_loans l JOIN library_copies c ON c.id = l.copy_id
        WHERE c.title_id = library_titles.id AND l.returned_at IS NULL)`,
    })
    .from(libraryTitles)
    .where(where)
    .orderBy(q ? asc(libraryTitles.title) : desc(libraryTitles.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db.select({ n: sql<number>`COUNT(*)` }).from(libraryTitles).where(where);
  return { total: Number(total?.n ?? 0), titles: rows.map(titleView) };
}

function titleView(r: {
  id: number;
  title: string;
  author: string;
  isbn: string | null;
  publisher: string;
  year: number | null;
  category: BookCategory;
  donorName: string | null;
  donorThanked: boolean;
  copies: number;
  available: number;
  waiting: number;
  nextDue: string | null;
}): TitleView {
  const { donorName, donorThanked, ...rest } = r;
  const available = Number(r.available);
  return {
    ...rest,
    thankedDonor: donorThanked ? donorName : null,
    copies: Number(r.copies),
    available,
    waiting: Number(r.waiting),
    nextDue: available > 0 ? null : r.nextDue,
  };
}

export type CopyState = 'available' | 'on-loan' | 'held';

/** One title with each copy's state; whether a copy is kept for the viewer, and the viewer's own reservation. */
export async function titleDetail(db: TenantDb, id: number, viewerId: number | null, now: number) {
  const nowIso = new Date(now).toISOString();
  // One round trip: the title with its counts, its copies, and the viewer's reservation (none for a visitor).
  const [titles, copies, mine] = await db.batch([
    titleRead(db, id, nowIso),
    db
      .select({
        id: libraryCopies.id,
        shelfMark: libraryCopies.shelfMark,
        condition: libraryCopies.condition,
        dueOn: sql<string | null>`(SELECT l.due_on FROM library_loans l WHERE l.copy_id = library_copies.id AND l.returned_at IS NULL)`,
        heldFor: sql<number | null>`(SELECT r.member_id FROM library_reservations r WHERE r.held_copy_id = library_copies.id
          AND r.status = 'held' AND r.held_until > ${nowIso})`,
      })
      .from(libraryCopies)
      .where(eq(libraryCopies.titleId, id))
      .orderBy(asc(libraryCopies.shelfMark)),
    db
      .select({ id: libraryReservations.id, status: libraryReservations.status, heldUntil: libraryReservations.heldUntil })
      .from(libraryReservations)
      .where(
        and(
          eq(libraryReservations.titleId, id),
          eq(libraryReservations.memberId, viewerId ?? 0),
          inArray(libraryReservations.status, ['waiting', 'held']),
        ),
      ),
  ]);
  const title = titles.map(titleView)[0];
  if (!title) throw new AppError('not_found', 'No such book');
  return {
    ...title,
    copyList: copies.map((c) => ({
      id: c.id,
      shelfMark: c.shelfMark,
      condition: c.condition,
      state: (c.dueOn ? 'on-loan' : c.heldFor !== null ? 'held' : 'available') as CopyState,
      dueOn: c.dueOn,
      heldForMe: viewerId !== null && c.heldFor === viewerId,
    })),
    myReservation: viewerId === null ? null : (mine[0] ?? null),
  };
}

function titleRead(db: TenantDb, id: number, nowIso: string) {
  return db
    .select({
      ...titleColumns,
      copies: sql<number>`(SELECT COUNT(*) FROM library_copies c WHERE c.title_id = library_titles.id)`,
      available: sql<number>`(SELECT COUNT(*) FROM library_copies c WHERE c.title_id = library_titles.id AND ${copyFree(sql`c.id`, nowIso)})`,
      waiting: sql<number>`(SELECT COUNT(*) FROM library_reservations r WHERE r.title_id = library_titles.id AND r.status = 'waiting')`,
      nextDue: sql<string | null>`(SELECT MIN(l.due_on) FROM library_loans l JOIN library_copies c ON c.id = l.copy_id
        WHERE c.title_id = library_titles.id AND l.returned_at IS NULL)`,
    })
    .from(libraryTitles)
    .where(eq(libraryTitles.id, id));
}

const shelfPrefix: Record<BookCategory, string> = {
  children: 'C',
  literature: 'L',
  society: 'S',
  life: 'H',
  science: 'K',
  other: 'Z',
};

export interface NewCopy {
  shelfMark?: string;
  condition: 'good' | 'worn' | 'damaged';
}

/** Inserts a copy of the title `titleId` names (a number, or SQL naming the title just added in the same batch). */
function copyInsert(db: TenantDb, titleId: number | ReturnType<typeof sql>, category: BookCategory, copy: NewCopy) {
  // The next number after the highest copy id, read inside the batch, so marks stay unique and readable (L-0042).
  const mark = copy.shelfMark
    ? sql`${copy.shelfMark}`
    : sql`${shelfPrefix[category]} || '-' || printf('%04d', COALESCE((SELECT MAX(id) FROM library_copies), 0) + 1)`;
  return db.insert(libraryCopies).values({ titleId: sql`${titleId}`, shelfMark: mark, condition: copy.condition });
}

export interface NewTitle {
  title: string;
  author: string;
  isbn?: string;
  publisher: string;
  year?: number;
  category: BookCategory;
  donorName?: string;
  donorThanked: boolean;
  copies: NewCopy[];
}

export const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed/i.test(String((error as { cause?: unknown })?.cause ?? error));

/** Catalogues a book and its copies in one batch; an ISBN already in the catalogue is a conflict naming that title. */
export async function addTitle(db: TenantDb, actorId: number, input: NewTitle): Promise<{ id: number; copyIds: number[] }> {
  const isbn = input.isbn ? normaliseIsbn(input.isbn) : null;
  if (input.isbn && !isbn) throw new AppError('validation_failed', 'This is not a valid ISBN', { isbn: ['Check the digits'] });
  if (isbn) {
    const [existing] = await db.select({ id: libraryTitles.id }).from(libraryTitles).where(eq(libraryTitles.isbn, isbn));
    if (existing)
      throw new AppError('conflict', 'This book is already in the catalogue', { isbn: ['Already catalogued'], titleId: existing.id });
  }
  const newest = sql`(SELECT MAX(id) FROM library_titles)`;
  const insertTitle = db.insert(libraryTitles).values({
    title: input.title,
    author: input.author,
    isbn,
    publisher: input.publisher,
    year: input.year ?? null,
    category: input.category,
    donorName: input.donorName || null,
    donorThanked: Boolean(input.donorName) && input.donorThanked,
    addedBy: actorId,
  });
  try {
    const [, ...rest] = await db.batch([
      insertTitle,
      ...input.copies.map((copy) => copyInsert(db, newest, input.category, copy)),
      db.select({ id: libraryTitles.id }).from(libraryTitles).where(sql`${libraryTitles.id} = ${newest}`),
      db.select({ id: libraryCopies.id }).from(libraryCopies).where(sql`${libraryCopies.titleId} = ${newest}`),
    ]);
    const ids = rest.slice(-2) as [{ id: number }[], { id: number }[]];
    return { id: ids[0][0]?.id ?? 0, copyIds: ids[1].map((r) => r.id) };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'An ISBN or shelf mark is already in the catalogue', { shelfMark: ['Already used'], isbn: ['Check'] });
    throw error;
  }
}

/** Adds a copy of a catalogued title (another donated copy of the same book). */
export async function addCopy(db: TenantDb, titleId: number, copy: NewCopy): Promise<{ id: number; shelfMark: string }> {
  const [title] = await db.select({ category: libraryTitles.category }).from(libraryTitles).where(eq(libraryTitles.id, titleId));
  if (!title) throw new AppError('not_found', 'No such book');
  try {
    const [, rows] = await db.batch([
      copyInsert(db, titleId, title.category, copy),
      db
        .select({ id: libraryCopies.id, shelfMark: libraryCopies.shelfMark })
        .from(libraryCopies)
        .where(sql`${libraryCopies.id} = (SELECT MAX(id) FROM library_copies)`),
    ]);
    const row = rows[0];
    if (!row) throw new AppError('conflict', 'The copy was not added');
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'This shelf mark is already used', { shelfMark: ['Already used'] });
    throw error;
  }
}

/** A copy by its shelf mark, with its title and its open loan (for the desk). */
export async function copyByMark(db: TenantDb, shelfMark: string) {
  const [row] = await db
    .select({
      id: libraryCopies.id,
      shelfMark: libraryCopies.shelfMark,
      condition: libraryCopies.condition,
      titleId: libraryTitles.id,
      title: libraryTitles.title,
      author: libraryTitles.author,
      loanId: sql<number | null>`(SELECT l.id FROM library_loans l WHERE l.copy_id = library_copies.id AND l.returned_at IS NULL)`,
      dueOn: sql<string | null>`(SELECT l.due_on FROM library_loans l WHERE l.copy_id = library_copies.id AND l.returned_at IS NULL)`,
      borrower: sql<string | null>`(SELECT m.display_name FROM library_loans l JOIN members m ON m.id = l.member_id
        WHERE l.copy_id = library_copies.id AND l.returned_at IS NULL)`,
      heldFor: sql<string | null>`(SELECT m.display_name FROM library_reservations r JOIN members m ON m.id = r.member_id
        WHERE r.held_copy_id = library_copies.id AND r.status = 'held' AND r.held_until > ${new Date().toISOString()})`,
    })
    .from(libraryCopies)
    .innerJoin(libraryTitles, eq(libraryTitles.id, libraryCopies.titleId))
    .where(sql`UPPER(${libraryCopies.shelfMark}) = UPPER(${shelfMark.trim()})`);
  if (!row) throw new AppError('not_found', 'No copy has this shelf mark');
  return row;
}
