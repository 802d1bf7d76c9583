/** The till's day: its sales and total, the days still open, and closing a day into the shop's fund. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { now } from '../../db/columns';
import { ledgerAccounts, ledgerTransactions, members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { transactionStatements } from '../ledger/service';
import { closingDifference, itemCode } from './rules';
import { shopClosings, shopItems, shopSales } from './schema';
import { shopSettingsOf } from './service';

/** A day at the till: its sales (newest first), their total, and its closing once closed. */
export async function dayAtTill(db: TenantDb, day: string) {
  const [sales, [closing]] = await db.batch([
    db
      .select({
        saleId: shopSales.id,
        itemId: shopSales.itemId,
        title: shopItems.title,
        priceFen: shopSales.priceFen,
        soldAt: shopSales.soldAt,
        soldBy: members.displayName,
      })
      .from(shopSales)
      .innerJoin(shopItems, eq(shopItems.id, shopSales.itemId))
      .innerJoin(members, eq(members.id, shopSales.soldBy))
      .where(eq(shopSales.day, day))
      .orderBy(desc(shopSales.id)),
    db
      .select({
        salesCount: shopClosings.salesCount,
        systemTotalFen: shopClosings.systemTotalFen,
        countedFen: shopClosings.countedFen,
        differenceFen: shopClosings.differenceFen,
        note: shopClosings.note,
        fundKey: shopClosings.fundKey,
        closedAt: shopClosings.closedAt,
        closedBy: members.displayName,
      })
      .from(shopClosings)
      .innerJoin(members, eq(members.id, shopClosings.closedBy))
      .where(eq(shopClosings.day, day)),
  ]);
  return {
    day,
    sales: sales.map((s) => ({ ...s, code: itemCode(s.itemId) })),
    salesCount: sales.length,
    systemTotalFen: sales.reduce((sum, s) => sum + s.priceFen, 0),
    closing: closing ?? null,
  };
}

/** Days with sales that have not been closed, oldest first (a volunteer closes them from the desk). */
export async function unclosedDays(db: TenantDb) {
  const rows = await db
    .select({ day: shopSales.day })
    .from(shopSales)
    .where(sql`NOT EXISTS (SELECT 1 FROM ${shopClosings} WHERE ${shopClosings.day} = ${shopSales.day})`)
    .groupBy(shopSales.day)
    .orderBy(asc(shopSales.day));
  return rows.map((r) => r.day);
}

/**
 * Closes a day: records the sales' total as the system has it, the cash counted and the difference with its note,
 * and posts the counted cash to the shop's fund as the day's takings — one balanced ledger transaction, in the same
 * batch. The closing is written only if the day is not closed yet and the total is still the one the volunteer saw
 * (a sale recorded meanwhile asks them to look again); the ledger entry is written only with its closing.
 */
export async function closeDay(
  db: TenantDb,
  by: MemberContext,
  input: { day: string; today: string; seenTotalFen: number; countedFen: number; note: string },
) {
  if (input.day > input.today) throw new AppError('validation_failed', 'A day closes once it has begun', { day: ['In the future'] });
  const { differenceFen, needsNote } = closingDifference(input.seenTotalFen, input.countedFen);
  if (needsNote && input.note.trim() === '')
    throw new AppError('validation_failed', 'Say why the cash differs from the sales', { note: [`Differs by ${differenceFen} fen`] });
  const { fundKey } = await shopSettingsOf(db);
  const [fund] = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.key, fundKey), eq(ledgerAccounts.kind, 'fund')));
  const [external] = await db.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(eq(ledgerAccounts.key, 'external'));
  if (!fund || !external) throw new AppError('conflict', "The shop's fund is missing; choose one in the shop's settings");

  const ref = crypto.randomUUID();
  const ledgerRef = input.countedFen > 0 ? `shop-takings:${input.day}` : null;
  const total = sql`(SELECT COALESCE(SUM(${shopSales.priceFen}), 0) FROM ${shopSales} WHERE ${shopSales.day} = ${input.day})`;
  const count = sql`(SELECT COUNT(*) FROM ${shopSales} WHERE ${shopSales.day} = ${input.day})`;
  const note = input.note.trim();
  // The closing row, selected from the fund's (one) account row, only while the day is open and the total unchanged.
  const closing = db.insert(shopClosings).select(
    db
      .select({
        id: sql<number>`NULL`.as('id'),
        day: sql<string>`${input.day}`.as('day'),
        ref: sql<string>`${ref}`.as('ref'),
        salesCount: sql<number>`${count}`.as('sales_count'),
        systemTotalFen: sql<number>`${total}`.as('system_total_fen'),
        countedFen: sql<number>`${input.countedFen}`.as('counted_fen'),
        differenceFen: sql<number>`${input.countedFen} - ${total}`.as('difference_fen'),
        note: sql<string>`${note}`.as('note'),
        fundKey: sql<string>`${fundKey}`.as('fund_key'),
        ledgerRef: sql<string | null>`${ledgerRef}`.as('ledger_ref'),
        closedBy: sql<number>`${by.id}`.as('closed_by'),
        closedAt: sql<string>`${now}`.as('closed_at'),
      })
      .from(ledgerAccounts)
      .where(
        and(
          eq(ledgerAccounts.id, fund.id),
          sql`${total} = ${input.seenTotalFen}`,
          sql`NOT EXISTS (SELECT 1 FROM ${shopClosings} WHERE ${shopClosings.day} = ${input.day})`,
        ),
      ),
  );
  const statements: BatchItem<'sqlite'>[] = [closing];
  if (ledgerRef) {
    const memo = `彩虹屋 ${input.day} 义卖收入（系统合计 ${input.seenTotalFen / 100} 元，清点 ${input.countedFen / 100} 元${
      differenceFen !== 0 ? `，差额 ${differenceFen / 100} 元：${note}` : ''
    }）`;
    const [, ...postings] = transactionStatements(db, {
      ref: ledgerRef,
      occurredOn: input.day,
      category: 'shop-takings',
      memo,
      recordedBy: by.id,
      postings: [
        { accountId: fund.id, amountFen: input.countedFen },
        { accountId: external.id, amountFen: -input.countedFen },
      ],
    });
    // The transaction row only with its closing (the postings find it by ref, or write nothing).
    const transaction = db.insert(ledgerTransactions).select(
      db
        .select({
          id: sql<number>`NULL`.as('id'),
          ref: sql<string>`${ledgerRef}`.as('ref'),
          occurredOn: sql<string>`${input.day}`.as('occurred_on'),
          category: sql<string>`'shop-takings'`.as('category'),
          memo: sql<string>`${memo}`.as('memo'),
          recordedBy: sql<number>`${by.id}`.as('recorded_by'),
          reversesId: sql<number>`NULL`.as('reverses_id'),
          activityId: sql<number>`NULL`.as('activity_id'),
          createdAt: sql<string>`${now}`.as('created_at'),
        })
        .from(shopClosings)
        .where(eq(shopClosings.ref, ref)),
    );
    statements.push(transaction, ...postings);
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const [mine] = await db.select({ id: shopClosings.id }).from(shopClosings).where(eq(shopClosings.ref, ref));
  if (!mine) {
    const [closed] = await db.select({ id: shopClosings.id }).from(shopClosings).where(eq(shopClosings.day, input.day));
    if (closed) throw new AppError('conflict', 'This day has already been closed', { day: ['Already closed'] });
    throw new AppError('conflict', 'A sale was recorded meanwhile; look at the total again', { seenTotalFen: ['Changed'] });
  }
  return dayAtTill(db, input.day);
}
