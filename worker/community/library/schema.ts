import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { members } from '../members/schema';

/** The shelves of 明志书屋, as the operating handbook sorts a new library (children, literature, society, life, plus science). */
export const bookCategories = ['children', 'literature', 'society', 'life', 'science', 'other'] as const;
export type BookCategory = (typeof bookCategories)[number];

/** A copy's state of wear, noted when it is catalogued or returned. */
export const copyConditions = ['good', 'worn', 'damaged'] as const;

/** waiting: in the queue; held: a returned copy is kept for them until `heldUntil`; then fulfilled (lent), cancelled or expired. */
export const reservationStatuses = ['waiting', 'held', 'fulfilled', 'cancelled', 'expired'] as const;

/** held: claimed by a volunteer; offered: the holder offers it for a swap and still holds it until someone takes it; confirmed: served, hours recorded. */
export const dutyClaimStatuses = ['held', 'offered', 'confirmed'] as const;

/** The library's own rules, one row; missing until someone changes a default. */
export const librarySettings = sqliteTable(
  'library_settings',
  {
    id: integer('id').primaryKey(),
    loanDays: integer('loan_days').notNull().default(30),
    maxLoans: integer('max_loans').notNull().default(3),
    holdDays: integer('hold_days').notNull().default(3),
    /** Months after a return when the loan forgets who borrowed it. */
    eraseAfterMonths: integer('erase_after_months').notNull().default(6),
  },
  (t) => [check('library_settings_single_row', sql`${t.id} = 1`)],
);

/** A title in the catalogue; its copies are the books on the shelf. */
export const libraryTitles = sqliteTable(
  'library_titles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    author: text('author').notNull().default(''),
    /** ISBN-13 digits (an ISBN-10 is converted), or null for a book without one. */
    isbn: text('isbn'),
    publisher: text('publisher').notNull().default(''),
    year: integer('year'),
    category: text('category', { enum: bookCategories }).notNull().default('other'),
    /** Who gave it, if known; thanked in public only when `donorThanked` (they agreed). */
    donorName: text('donor_name'),
    donorThanked: integer('donor_thanked', { mode: 'boolean' }).notNull().default(false),
    addedBy: integer('added_by').references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('library_titles_isbn').on(t.isbn), index('library_titles_title').on(t.title)],
);

export const libraryCopies = sqliteTable(
  'library_copies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    titleId: integer('title_id')
      .notNull()
      .references(() => libraryTitles.id),
    /** The label on the spine, e.g. W-0042; unique, so a scanned or typed mark names one copy. */
    shelfMark: text('shelf_mark').notNull(),
    condition: text('condition', { enum: copyConditions }).notNull().default('good'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('library_copies_shelf_mark').on(t.shelfMark), index('library_copies_title').on(t.titleId)],
);

/**
 * A loan of one copy. At most one open loan per copy (a unique partial index), so two desks lending the same copy
 * at once make one loan. `memberId` is cleared some months after the return: the loan stays in the counts.
 */
export const libraryLoans = sqliteTable(
  'library_loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    copyId: integer('copy_id')
      .notNull()
      .references(() => libraryCopies.id),
    memberId: integer('member_id').references(() => members.id),
    lentAt: text('lent_at').notNull(),
    /** The day it was lent and the day it is due, on the community's calendar. */
    lentOn: text('lent_on').notNull(),
    dueOn: text('due_on').notNull(),
    renewals: integer('renewals').notNull().default(0),
    lentBy: integer('lent_by').references(() => members.id),
    returnedAt: text('returned_at'),
    returnedOn: text('returned_on'),
    /** The highest reminder stage already sent (0: none; see `reminderStage`). */
    reminderStage: integer('reminder_stage').notNull().default(0),
  },
  (t) => [
    uniqueIndex('library_loans_one_open_per_copy').on(t.copyId).where(sql`${t.returnedAt} IS NULL`),
    index('library_loans_member').on(t.memberId, t.returnedAt),
    // The figures count loans per month and their distinct borrowers, and returns per month against the due day,
    // from these indexes alone.
    index('library_loans_lent_on').on(t.lentOn, t.memberId),
    index('library_loans_returned_on').on(t.returnedOn, t.dueOn),
  ],
);

/** Borrowers per month, kept when the loans of that month forget their borrowers. */
export const libraryBorrowerMonths = sqliteTable('library_borrower_months', {
  month: text('month').primaryKey(),
  borrowers: integer('borrowers').notNull(),
});

export const libraryReservations = sqliteTable(
  'library_reservations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    titleId: integer('title_id')
      .notNull()
      .references(() => libraryTitles.id),
    /** Cleared with the loans' borrowers, months after the reservation closed. */
    memberId: integer('member_id').references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
    status: text('status', { enum: reservationStatuses }).notNull().default('waiting'),
    heldCopyId: integer('held_copy_id').references(() => libraryCopies.id),
    heldAt: text('held_at'),
    heldUntil: text('held_until'),
    closedAt: text('closed_at'),
  },
  (t) => [
    // One open reservation per person and title; one hold per copy.
    uniqueIndex('library_reservations_one_open').on(t.titleId, t.memberId).where(sql`${t.status} IN ('waiting', 'held')`),
    uniqueIndex('library_reservations_one_hold_per_copy').on(t.heldCopyId).where(sql`${t.status} = 'held'`),
    index('library_reservations_queue').on(t.titleId, t.status, t.createdAt),
  ],
);

/** A member's library card: the number a librarian types, and what the QR code on /library/card carries. */
export const libraryCards = sqliteTable('library_cards', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  cardNumber: text('card_number').notNull().unique(),
  issuedAt: text('issued_at').notNull().default(now),
});

/** A duty shift at the library, published for next month; `places` volunteers serve it (two, the handbook says). */
export const libraryDutySlots = sqliteTable(
  'library_duty_slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    places: integer('places').notNull().default(2),
    createdBy: integer('created_by').references(() => members.id),
  },
  (t) => [uniqueIndex('library_duty_slots_start').on(t.startsAt)],
);

export const libraryDutyClaims = sqliteTable(
  'library_duty_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slotId: integer('slot_id')
      .notNull()
      .references(() => libraryDutySlots.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: dutyClaimStatuses }).notNull().default('held'),
    claimedAt: text('claimed_at').notNull().default(now),
    confirmedBy: integer('confirmed_by').references(() => members.id),
    confirmedAt: text('confirmed_at'),
  },
  (t) => [uniqueIndex('library_duty_claims_once').on(t.slotId, t.memberId), index('library_duty_claims_slot').on(t.slotId)],
);
