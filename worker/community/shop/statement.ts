import { and, desc, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { ledgerAccounts, ledgerPostings, ledgerTransactions } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { MOVEMENT_CATEGORIES } from '../ledger/rules';
import { wallClock } from '../profile/rules';
import { shopClosings, shopItems, shopProceedsUses } from './schema';
import { shopSettingsOf } from './service';

/** Spending from the shop's fund, newest first, and whether each is marked as paid from the shop's proceeds. */
export async function fundSpending(db: TenantDb) {
  const { fundKey } = await shopSettingsOf(db);
  return db
    .select({
      transactionId: ledgerTransactions.id,
      occurredOn: ledgerTransactions.occurredOn,
      memo: ledgerTransactions.memo,
      category: ledgerTransactions.category,
      amountFen: sql<number>`-${ledgerPostings.amountFen}`,
      purpose: shopProceedsUses.purpose,
    })
    .from(ledgerPostings)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerPostings.transactionId))
    .leftJoin(shopProceedsUses, eq(shopProceedsUses.transactionId, ledgerTransactions.id))
    .where(
      and(
        eq(ledgerAccounts.key, fundKey),
        lt(ledgerPostings.amountFen, 0),
        sql`${ledgerTransactions.reversesId} IS NULL`,
        // Advances and opening balances move money without spending it (see MOVEMENT_CATEGORIES).
        notInArray(ledgerTransactions.category, [...MOVEMENT_CATEGORIES]),
      ),
    )
    .orderBy(desc(ledgerTransactions.occurredOn), desc(ledgerTransactions.id))
    .limit(50);
}

/** Marks a spending entry of the shop's fund as paid from the proceeds, with what it paid for (shown to everyone). */
export async function markProceedsUse(db: TenantDb, by: number, transactionId: number, purpose: string) {
  const spending = await fundSpending(db);
  if (!spending.some((s) => s.transactionId === transactionId))
    throw new AppError('validation_failed', "Not a spending entry of the shop's fund", { transactionId: ['Not spending from the fund'] });
  await db
    .insert(shopProceedsUses)
    .values({ transactionId, purpose, markedBy: by })
    .onConflictDoUpdate({ target: shopProceedsUses.transactionId, set: { purpose, markedBy: by } });
}

export async function unmarkProceedsUse(db: TenantDb, transactionId: number) {
  await db.delete(shopProceedsUses).where(eq(shopProceedsUses.transactionId, transactionId));
}

/** Counts the local month of each instant in `timeZone`. */
function byMonth(instants: (string | null)[], timeZone: string) {
  const out: Record<string, number> = {};
  for (const at of instants) {
    if (!at) continue;
    const month = wallClock(at, timeZone).date.slice(0, 7);
    out[month] = (out[month] ?? 0) + 1;
  }
  return out;
}

/** The facts of the shop's months `from` to `to` (YYYY-MM, inclusive) in the community's time zone: nothing personal. */
export async function monthFacts(db: TenantDb, from: string, to: string, timeZone: string) {
  const reads = monthFactsReads(db, from, to);
  return factsFrom(await db.batch(reads), timeZone);
}

/** The reads behind `monthFacts`, for a page's own batch; `factsFrom` turns their rows into the facts. */
export function monthFactsReads(db: TenantDb, from: string, to: string) {
  // A day's margin either side of the UTC range covers every zone; rows outside the months are dropped by month.
  const start = new Date(Date.parse(`${from}-01T00:00:00Z`) - 86400_000).toISOString();
  const endMonth = new Date(Date.parse(`${to}-01T00:00:00Z`));
  endMonth.setUTCMonth(endMonth.getUTCMonth() + 1);
  const end = new Date(endMonth.getTime() + 86400_000).toISOString();
  const lastDay = new Date(endMonth.getTime() - 86400_000).toISOString().slice(0, 10);
  const fundKey = sql`COALESCE((SELECT fund_key FROM shop_settings WHERE id = 1), 'hub')`;
  return [
    db
      .select({ at: shopItems.receivedAt })
      .from(shopItems)
      .where(and(gte(shopItems.receivedAt, start), lt(shopItems.receivedAt, end))),
    db
      .select({ at: shopItems.leftAt, status: shopItems.status })
      .from(shopItems)
      .where(and(inArray(shopItems.status, ['sold', 'passed-on', 'recycled']), gte(shopItems.leftAt, start), lt(shopItems.leftAt, end))),
    db
      .select({ day: shopClosings.day, countedFen: shopClosings.countedFen, differenceFen: shopClosings.differenceFen })
      .from(shopClosings)
      .where(and(gte(shopClosings.day, `${from}-01`), sql`${shopClosings.day} <= ${lastDay}`)),
    db
      .select({
        transactionId: shopProceedsUses.transactionId,
        occurredOn: ledgerTransactions.occurredOn,
        purpose: shopProceedsUses.purpose,
        amountFen: sql<number>`-${ledgerPostings.amountFen}`,
      })
      .from(shopProceedsUses)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, shopProceedsUses.transactionId))
      .innerJoin(ledgerPostings, eq(ledgerPostings.transactionId, ledgerTransactions.id))
      .innerJoin(ledgerAccounts, and(eq(ledgerAccounts.id, ledgerPostings.accountId), eq(ledgerAccounts.key, fundKey)))
      .where(
        and(
          gte(ledgerTransactions.occurredOn, `${from}-01`),
          sql`${ledgerTransactions.occurredOn} <= ${lastDay}`,
          lt(ledgerPostings.amountFen, 0),
          // A use whose entry was reversed paid for nothing.
          sql`NOT EXISTS (SELECT 1 FROM ${ledgerTransactions} r WHERE r.reverses_id = ${ledgerTransactions.id})`,
        ),
      )
      .orderBy(desc(ledgerTransactions.occurredOn)),
  ] as const;
}

export function factsFrom([received, left, closings, uses]: BatchResponse<ReturnType<typeof monthFactsReads>>, timeZone: string) {
  const sumBy = <T>(rows: T[], month: (r: T) => string, value: (r: T) => number) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[month(r)] = (out[month(r)] ?? 0) + value(r);
    return out;
  };
  return {
    facts: {
      itemsIn: byMonth(
        received.map((r) => r.at),
        timeZone,
      ),
      sold: byMonth(
        left.filter((r) => r.status === 'sold').map((r) => r.at),
        timeZone,
      ),
      passedOn: byMonth(
        left.filter((r) => r.status === 'passed-on').map((r) => r.at),
        timeZone,
      ),
      recycled: byMonth(
        left.filter((r) => r.status === 'recycled').map((r) => r.at),
        timeZone,
      ),
      takingsFen: sumBy(
        closings,
        (c) => c.day.slice(0, 7),
        (c) => c.countedFen,
      ),
      differenceFen: sumBy(
        closings,
        (c) => c.day.slice(0, 7),
        (c) => c.differenceFen,
      ),
      spentFen: sumBy(
        uses,
        (u) => u.occurredOn.slice(0, 7),
        (u) => Number(u.amountFen),
      ),
    },
    uses: uses.map((u) => ({ ...u, amountFen: Number(u.amountFen) })),
  };
}

export async function stockCount(db: TenantDb) {
  const [row] = await stockCountRead(db);
  return Number(row?.n ?? 0);
}

export const stockCountRead = (db: TenantDb) =>
  db.select({ n: sql<number>`COUNT(*)` }).from(shopItems).where(eq(shopItems.status, 'in-stock'));

/** Whether anything has happened at the shop yet (a page can say so instead of showing a year of zeros). */
export async function hasOpened(db: TenantDb) {
  const [row] = await db.select({ id: shopItems.id }).from(shopItems).limit(1);
  return row !== undefined;
}
