import { and, asc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { clubs, ledgerAccounts, ledgerPostings, ledgerTransactions } from '../../db/tenant-schema';
import { now } from '../../db/columns';
import { AppError } from '../../errors';
import { advancePostings, checkPostings, type IncomingMoney, incomingEntry, type Posting } from './rules';
import { baseAccounts, clubFundKey, ensureAccount, transactionStatements } from './service';

/** The hub's claim on a club for what it advanced, and the club's matching debt. */
export const advanceKey = (clubId: number) => `advance:club:${clubId}`;
export const advanceOwedKey = (clubId: number) => `advance-owed:club:${clubId}`;

interface Entry {
  occurredOn: string;
  category: string;
  memo: string;
  recordedBy: number;
  postings: Posting[];
  /** An idempotency key: a second write with the same ref writes nothing (the demo seed uses it). */
  ref?: string;
}

/** Writes one balanced transaction in one batch and answers its id. */
async function write(db: TenantDb, entry: Entry) {
  const ref = entry.ref ?? crypto.randomUUID();
  const [first, ...rest] = transactionStatements(db, { ...entry, ref });
  if (!first) throw new Error('a transaction has statements');
  await db.batch([first, ...rest]);
  return idOf(db, ref);
}

async function idOf(db: TenantDb, ref: string) {
  const [row] = await db.select({ id: ledgerTransactions.id }).from(ledgerTransactions).where(eq(ledgerTransactions.ref, ref));
  return row?.id ?? null;
}

async function fundAccount(db: TenantDb, key: string) {
  const [row] = await db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.key, key), eq(ledgerAccounts.kind, 'fund')));
  if (!row) throw new AppError('validation_failed', 'Unknown fund', { fund: [`No fund ${key}`] });
  return row;
}

/**
 * Money coming into a fund from outside — seed money (启动资金), a donation, a grant, or the balance a fund already
 * held when the ledger started: the fund up, the outside world down, with a memo built from the form (never the
 * name of an anonymous donor).
 */
export async function recordIncoming(
  db: TenantDb,
  input: { fund: string; amountFen: number; occurredOn: string; money: IncomingMoney; recordedBy: number; ref?: string },
) {
  const [fund, { external }] = await Promise.all([fundAccount(db, input.fund), baseAccounts(db)]);
  const id = await write(db, {
    ref: input.ref,
    occurredOn: input.occurredOn,
    recordedBy: input.recordedBy,
    ...incomingEntry(input.money, fund.id, external.id, input.amountFen),
  });
  if (id === null) throw new Error('the entry was not written');
  return id;
}

/** The four accounts of an advance to `clubId`, opening the claim and the debt on the first advance. */
async function advanceAccounts(db: TenantDb, clubId: number) {
  const [club] = await db.select({ id: clubs.id, name: clubs.name }).from(clubs).where(eq(clubs.id, clubId));
  const [fund] = club
    ? await db
        .select({ id: ledgerAccounts.id })
        .from(ledgerAccounts)
        .where(and(eq(ledgerAccounts.key, clubFundKey(clubId)), eq(ledgerAccounts.kind, 'fund')))
    : [];
  if (!club || !fund) throw new AppError('validation_failed', 'This club has no fund yet', { clubId: ['No approved club with a fund'] });
  const { hub } = await baseAccounts(db);
  const receivable = await ensureAccount(db, advanceKey(clubId), 'receivable', `预支给${club.name} / Advance to ${club.name}`, clubId);
  const payable = await ensureAccount(db, advanceOwedKey(clubId), 'payable', `${club.name}欠互助会 / ${club.name} owes the hub`, clubId);
  return { club, accounts: { hub: hub.id, club: fund.id, receivable: receivable.id, payable: payable.id } };
}

const noteOf = (note?: string) => (note ? `（${note}）` : '');

/** The hub lends a club cash: the club's fund receives it, the hub holds the claim until the club repays. */
export async function recordAdvance(
  db: TenantDb,
  input: { clubId: number; amountFen: number; occurredOn: string; note?: string; recordedBy: number; ref?: string },
) {
  const { club, accounts } = await advanceAccounts(db, input.clubId);
  const id = await write(db, {
    ref: input.ref,
    occurredOn: input.occurredOn,
    category: 'advance',
    memo: `预支给${club.name}${noteOf(input.note)}`,
    recordedBy: input.recordedBy,
    postings: advancePostings(accounts, input.amountFen),
  });
  if (id === null) throw new Error('the entry was not written');
  return id;
}

/**
 * A club repays (part of) its advance. The transaction row is written only while the claim still covers the amount
 * (a conditional INSERT … SELECT in the same batch as its postings, which find it by ref), so two repayments at once
 * can never repay more than was outstanding; when it is not written, the answer is a 400 naming the amount.
 */
export async function recordRepayment(
  db: TenantDb,
  input: { clubId: number; amountFen: number; occurredOn: string; note?: string; recordedBy: number; ref?: string },
) {
  // A club that was never advanced anything owes nothing: refuse before opening its accounts, so a refusal writes nothing.
  const [claim] = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.key, advanceKey(input.clubId)));
  if (!claim) {
    throw new AppError('validation_failed', 'The repayment is more than is outstanding', { amountFen: ['At most 0 fen is outstanding'] });
  }
  const { club, accounts } = await advanceAccounts(db, input.clubId);
  const postings = advancePostings(accounts, -input.amountFen);
  const problem = checkPostings(postings);
  if (problem) throw new AppError('validation_failed', `The entry does not balance: ${problem}`, { amountFen: [problem] });
  const ref = input.ref ?? crypto.randomUUID();
  const memo = `${club.name}归还预支${noteOf(input.note)}`;
  const [, ...postingStatements] = transactionStatements(db, {
    ref,
    occurredOn: input.occurredOn,
    category: 'advance-repayment',
    memo,
    recordedBy: input.recordedBy,
    postings,
  });
  const outstanding = sql`(SELECT COALESCE(SUM(${ledgerPostings.amountFen}), 0) FROM ${ledgerPostings} WHERE ${ledgerPostings.accountId} = ${accounts.receivable})`;
  // The transaction row, only while the claim covers the amount; its postings follow it by ref, or write nothing.
  const guardedTransaction = db.insert(ledgerTransactions).select(
    db
      .select({
        id: sql<number>`NULL`.as('id'),
        ref: sql<string>`${ref}`.as('ref'),
        occurredOn: sql<string>`${input.occurredOn}`.as('occurred_on'),
        category: sql<string>`'advance-repayment'`.as('category'),
        memo: sql<string>`${memo}`.as('memo'),
        recordedBy: sql<number>`${input.recordedBy}`.as('recorded_by'),
        reversesId: sql<number>`NULL`.as('reverses_id'),
        activityId: sql<number>`NULL`.as('activity_id'),
        createdAt: sql<string>`${now}`.as('created_at'),
      })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.id, accounts.receivable), sql`${outstanding} >= ${input.amountFen}`)),
  );
  await db.batch([guardedTransaction, ...postingStatements]);
  const id = await idOf(db, ref);
  if (id === null) {
    const row = await db.get<{ n: number }>(sql`SELECT ${outstanding} AS n`);
    const left = Number(row?.n ?? 0);
    throw new AppError('validation_failed', 'The repayment is more than is outstanding', {
      amountFen: [`At most ${left} fen is outstanding`],
    });
  }
  return id;
}

/** Every club the hub has advanced money to: how much, how much came back, and what is still outstanding. */
export async function advancesByClub(db: TenantDb) {
  const rows = await db
    .select({
      clubId: clubs.id,
      clubName: clubs.name,
      advancedFen: sql<number>`COALESCE(SUM(CASE WHEN ${ledgerPostings.amountFen} > 0 THEN ${ledgerPostings.amountFen} ELSE 0 END), 0)`,
      outstandingFen: sql<number>`COALESCE(SUM(${ledgerPostings.amountFen}), 0)`,
    })
    .from(ledgerAccounts)
    .innerJoin(clubs, eq(clubs.id, ledgerAccounts.clubId))
    .leftJoin(ledgerPostings, eq(ledgerPostings.accountId, ledgerAccounts.id))
    .where(eq(ledgerAccounts.kind, 'receivable'))
    .groupBy(clubs.id, clubs.name)
    .orderBy(asc(clubs.name));
  return rows.map((r) => {
    const advancedFen = Number(r.advancedFen);
    const outstandingFen = Number(r.outstandingFen);
    return { clubId: r.clubId, clubName: r.clubName, advancedFen, repaidFen: advancedFen - outstandingFen, outstandingFen };
  });
}
