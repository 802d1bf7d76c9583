import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { clubs, ledgerAccounts, ledgerPostings, ledgerTransactions } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { ledgerAccountKinds } from './schema';
import { checkPostings, type Posting, reversalOf, summariseStatement } from './rules';

export const HUB_FUND = 'hub';
export const EXTERNAL = 'external';
export const clubFundKey = (clubId: number) => `club:${clubId}`;

/** The hub's fund and the outside world exist in every community; club funds are opened on approval. */
export async function ensureAccount(
  db: TenantDb,
  key: string,
  kind: (typeof ledgerAccountKinds)[number],
  name: string,
  clubId: number | null = null,
) {
  await db.insert(ledgerAccounts).values({ key, kind, name, clubId }).onConflictDoNothing({ target: ledgerAccounts.key });
  const [row] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.key, key));
  if (!row) throw new Error(`ledger account ${key} could not be opened`);
  return row;
}

/** The hub fund and the outside world, created by the tenant migration in every community. */
export async function baseAccounts(db: TenantDb) {
  const rows = await db
    .select()
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.key, [HUB_FUND, EXTERNAL]));
  const hub = rows.find((r) => r.key === HUB_FUND);
  const external = rows.find((r) => r.key === EXTERNAL);
  if (!hub || !external) throw new Error('the base ledger accounts are missing; the tenant migrations have not run');
  return { hub, external };
}

export interface NewTransaction {
  /** Idempotency key; a second write with the same ref is refused by the unique index. */
  ref?: string;
  occurredOn: string;
  category: string;
  memo: string;
  recordedBy: number;
  activityId?: number | null;
  reversesId?: number | null;
  postings: Posting[];
}

/**
 * The statements that write one balanced transaction: the transaction row and its postings, to run in
 * the caller's batch. The postings find their transaction by its unique ref, so it all stays one batch.
 */
export function transactionStatements(db: TenantDb, tx: NewTransaction): BatchItem<'sqlite'>[] {
  const problem = checkPostings(tx.postings);
  if (problem) throw new AppError('validation_failed', `The entry does not balance: ${problem}`, { postings: [problem] });
  const ref = tx.ref ?? crypto.randomUUID();
  return [
    db.insert(ledgerTransactions).values({
      ref,
      occurredOn: tx.occurredOn,
      category: tx.category,
      memo: tx.memo,
      recordedBy: tx.recordedBy,
      activityId: tx.activityId ?? null,
      reversesId: tx.reversesId ?? null,
    }),
    ...tx.postings.map((p) =>
      db.insert(ledgerPostings).select(
        db
          .select({
            id: sql<number>`NULL`.as('id'),
            transactionId: ledgerTransactions.id,
            accountId: sql<number>`${p.accountId}`.as('account_id'),
            amountFen: sql<number>`${p.amountFen}`.as('amount_fen'),
          })
          .from(ledgerTransactions)
          .where(eq(ledgerTransactions.ref, ref)),
      ),
    ),
  ];
}

/** Writes one balanced transaction atomically. */
export async function recordTransaction(db: TenantDb, tx: NewTransaction) {
  const [first, ...rest] = transactionStatements(db, tx);
  if (!first) return;
  await db.batch([first, ...rest]);
}

export async function reverseTransaction(db: TenantDb, id: number, memo: string, recordedBy: number, today: string) {
  const [original] = await db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id));
  if (!original) throw new AppError('not_found', 'No such ledger entry');
  if (original.reversesId !== null) throw new AppError('conflict', 'A reversal cannot itself be reversed; record a new entry instead');
  const [already] = await db.select({ id: ledgerTransactions.id }).from(ledgerTransactions).where(eq(ledgerTransactions.reversesId, id));
  if (already) throw new AppError('conflict', 'This entry has already been reversed');
  const postings = await db
    .select({ accountId: ledgerPostings.accountId, amountFen: ledgerPostings.amountFen })
    .from(ledgerPostings)
    .where(eq(ledgerPostings.transactionId, id));
  const reversal = reversalOf(postings);
  // A claim on a club cannot go below nothing: an advance already partly repaid is corrected by what is still owed.
  const claims = reversal.filter((p) => p.amountFen < 0);
  if (claims.length > 0) {
    const balances = await db
      .select({ accountId: ledgerPostings.accountId, balanceFen: sql<number>`SUM(${ledgerPostings.amountFen})` })
      .from(ledgerPostings)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
      .where(
        and(
          eq(ledgerAccounts.kind, 'receivable'),
          inArray(
            ledgerPostings.accountId,
            claims.map((p) => p.accountId),
          ),
        ),
      )
      .groupBy(ledgerPostings.accountId);
    for (const { accountId, balanceFen } of balances) {
      const change = claims.find((p) => p.accountId === accountId)?.amountFen ?? 0;
      if (Number(balanceFen) + change < 0) {
        throw new AppError(
          'conflict',
          'Part of this advance has been repaid; reverse the repayments first, or record a repayment for the rest',
          {
            id: [`Only ${Number(balanceFen)} fen of it is still owed`],
          },
        );
      }
    }
  }
  await recordTransaction(db, {
    occurredOn: today,
    category: 'correction',
    memo,
    recordedBy,
    reversesId: id,
    postings: reversal,
  });
}

export async function fundBalances(db: TenantDb) {
  return db
    .select({
      key: ledgerAccounts.key,
      name: ledgerAccounts.name,
      clubId: ledgerAccounts.clubId,
      clubName: clubs.name,
      balanceFen: sql<number>`COALESCE((SELECT SUM(${ledgerPostings.amountFen}) FROM ${ledgerPostings} WHERE ${ledgerPostings.accountId} = ${ledgerAccounts.id}), 0)`,
    })
    .from(ledgerAccounts)
    .leftJoin(clubs, eq(clubs.id, ledgerAccounts.clubId))
    .where(eq(ledgerAccounts.kind, 'fund'))
    .orderBy(asc(ledgerAccounts.id));
}

/** A fund's entries and statement for [from, to): public to the community's residents, without private details. */
export async function fundStatement(db: TenantDb, key: string, from: string, to: string) {
  // One batch: the postings are found by the fund's key, through a sub-select of its id.
  const accountId = sql`(SELECT a.id FROM ledger_accounts a WHERE a.key = ${key} AND a.kind = 'fund')`;
  const [accounts, opening, entries] = await db.batch([
    db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.key, key), eq(ledgerAccounts.kind, 'fund'))),
    db
      .select({ total: sql<number>`COALESCE(SUM(${ledgerPostings.amountFen}), 0)` })
      .from(ledgerPostings)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerPostings.transactionId))
      .where(and(eq(ledgerPostings.accountId, accountId), lt(ledgerTransactions.occurredOn, from))),
    db
      .select({
        id: ledgerTransactions.id,
        occurredOn: ledgerTransactions.occurredOn,
        category: ledgerTransactions.category,
        memo: ledgerTransactions.memo,
        activityId: ledgerTransactions.activityId,
        reversesId: ledgerTransactions.reversesId,
        amountFen: ledgerPostings.amountFen,
      })
      .from(ledgerPostings)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerPostings.transactionId))
      .where(and(eq(ledgerPostings.accountId, accountId), gte(ledgerTransactions.occurredOn, from), lt(ledgerTransactions.occurredOn, to)))
      .orderBy(asc(ledgerTransactions.occurredOn), asc(ledgerTransactions.id)),
  ]);
  const account = accounts[0];
  if (!account) throw new AppError('not_found', 'No such fund');
  const openingFen = Number(opening[0]?.total ?? 0);
  const lines = entries;
  return {
    fund: { key: account.key, name: account.name, clubId: account.clubId },
    period: { from, to },
    ...summariseStatement(lines, openingFen),
    entries: lines,
  };
}

export async function accountIdsByKey(db: TenantDb, keys: string[]) {
  if (keys.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: ledgerAccounts.id, key: ledgerAccounts.key })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.key, keys));
  return new Map(rows.map((r) => [r.key, r.id]));
}
