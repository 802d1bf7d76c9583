import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ledgerTransactions } from '../ledger/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';
import { itemCategories, itemConditions, itemStatuses } from './rules';

/** The shop's settings, one row: its price bands and the fund its takings go to. */
export const shopSettings = sqliteTable('shop_settings', {
  id: integer('id').primaryKey(),
  /** Price bands in fen, ascending, as JSON (e.g. [200,500,1000,2000]). */
  bandsFen: text('bands_fen').notNull().default('[200,500,1000,2000]'),
  /** The ledger fund that receives the takings: the association's own (`hub`) unless the community chose a club's. */
  fundKey: text('fund_key').notNull().default('hub'),
  updatedBy: integer('updated_by').references(() => members.id),
  updatedAt: text('updated_at').notNull().default(now),
});

/**
 * A donated item. Its short code is derived from its id (CH-0042). It leaves stock once: sold, passed on (free, to
 * someone in need) or recycled; every change of status is a conditional write from `in-stock`.
 */
export const shopItems = sqliteTable(
  'shop_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    category: text('category', { enum: itemCategories }).notNull(),
    condition: text('condition', { enum: itemConditions }).notNull(),
    priceFen: integer('price_fen').notNull(),
    /** A donor who is a member (they may follow what became of it), or a name written down, or neither (anonymous). */
    donorMemberId: integer('donor_member_id').references(() => members.id),
    donorName: text('donor_name'),
    donorFollows: integer('donor_follows', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: itemStatuses }).notNull().default('in-stock'),
    receivedAt: text('received_at').notNull().default(now),
    receivedBy: integer('received_by')
      .notNull()
      .references(() => members.id),
    /** When and by whom it left stock; for a pass-on, to whom (a note only shop volunteers read). */
    leftAt: text('left_at'),
    leftBy: integer('left_by').references(() => members.id),
    leftNote: text('left_note'),
  },
  (t) => [
    index('shop_items_status').on(t.status, t.receivedAt),
    index('shop_items_donor').on(t.donorMemberId),
    check('shop_items_price_positive', sql`${t.priceFen} > 0`),
  ],
);

/** A sale: one per item (the unique item id), in the shop's day (the community's local date). */
export const shopSales = sqliteTable(
  'shop_sales',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .unique()
      .references(() => shopItems.id),
    /** Ties the sale to the request that wrote it, so the writer knows it was theirs. */
    ref: text('ref').notNull().unique(),
    priceFen: integer('price_fen').notNull(),
    day: text('day').notNull(),
    soldAt: text('sold_at').notNull().default(now),
    soldBy: integer('sold_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [index('shop_sales_day').on(t.day)],
);

/**
 * A day's closing: the sales' total as recorded, the cash counted, and the difference kept with its note. A day
 * closes once (the unique day); the counted cash goes to the ledger as one transaction.
 */
export const shopClosings = sqliteTable('shop_closings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  day: text('day').notNull().unique(),
  /** Ties the closing to the request that wrote it. */
  ref: text('ref').notNull().unique(),
  salesCount: integer('sales_count').notNull(),
  systemTotalFen: integer('system_total_fen').notNull(),
  countedFen: integer('counted_fen').notNull(),
  /** Counted less recorded: negative when cash is missing. */
  differenceFen: integer('difference_fen').notNull(),
  note: text('note').notNull().default(''),
  fundKey: text('fund_key').notNull(),
  ledgerRef: text('ledger_ref'),
  closedBy: integer('closed_by')
    .notNull()
    .references(() => members.id),
  closedAt: text('closed_at').notNull().default(now),
});

/** A spending entry of the shop's fund that the shop's proceeds paid for, with what it was for in plain words. */
export const shopProceedsUses = sqliteTable('shop_proceeds_uses', {
  transactionId: integer('transaction_id')
    .primaryKey()
    .references(() => ledgerTransactions.id),
  purpose: text('purpose').notNull(),
  markedBy: integer('marked_by')
    .notNull()
    .references(() => members.id),
  markedAt: text('marked_at').notNull().default(now),
});
