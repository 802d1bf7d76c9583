import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { clubs } from '../clubs/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/**
 * What a ledger account is: a fund (the hub's, a club's) holds cash; `external` is the outside world money comes
 * from and goes to; an advance to a club is a pair — the hub's `receivable` (`advance:club:{id}`, positive while
 * the club owes) and the club's `payable` (`advance-owed:club:{id}`, its mirror) — so an advance moves cash between
 * funds without being anyone's income or spending, and the ledger knows what is outstanding until it is repaid.
 */
export const ledgerAccountKinds = ['fund', 'external', 'receivable', 'payable'] as const;

/**
 * Every category an entry can carry; the web labels each (`ledgerCategory.*`). Seed money, donations, grants,
 * subsidies, activity fees and the charity shop's daily takings are income; activity costs are spending; opening balances, advances and their
 * repayments move money without earning or spending it (see `MOVEMENT_CATEGORIES` in rules.ts).
 */
export const ledgerCategories = [
  'activity-fees',
  'activity-costs',
  'seed-fund',
  'donation',
  'grant',
  'subsidy',
  'opening-balance',
  'advance',
  'advance-repayment',
  'correction',
  /** A day's takings of the charity shop (彩虹屋), the cash counted at closing. */
  'shop-takings',
  /** A designated donation to or from a partner community (社区帮扶社区): spending for the giver, income for the receiver. */
  'partnership-donation',
] as const;
export type LedgerCategory = (typeof ledgerCategories)[number];

/** Funds (the hub, each club), advances to clubs, and the outside world that money comes from and goes to. */
export const ledgerAccounts = sqliteTable('ledger_accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  kind: text('kind', { enum: ledgerAccountKinds }).notNull(),
  clubId: integer('club_id').references(() => clubs.id),
  name: text('name').notNull(),
});

/** Append-only (triggers refuse updates and deletes); a correction is a new transaction that reverses one. */
export const ledgerTransactions = sqliteTable(
  'ledger_transactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Unique per transaction: ties its postings to it within one batch, and makes a retried write a no-op. */
    ref: text('ref').notNull().unique(),
    occurredOn: text('occurred_on').notNull(),
    category: text('category').notNull(),
    memo: text('memo').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    reversesId: integer('reverses_id').unique(),
    activityId: integer('activity_id').references(() => activities.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('ledger_transactions_date').on(t.occurredOn)],
);

export const ledgerPostings = sqliteTable(
  'ledger_postings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    /** Signed fen: positive into the account, negative out of it. Each transaction's postings sum to zero. */
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('ledger_postings_account').on(t.accountId), index('ledger_postings_transaction').on(t.transactionId)],
);
