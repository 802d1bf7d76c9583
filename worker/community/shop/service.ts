import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { now } from '../../db/columns';
import { buildings, ledgerAccounts, ledgerTransactions, members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { transactionStatements } from '../ledger/service';
import { wallClock } from '../profile/rules';
import { communityProfile } from '../profile/schema';
import {
  bandsProblem,
  closingDifference,
  type ItemCategory,
  type ItemCondition,
  type ItemFacts,
  type DeskItemView,
  type ItemReader,
  type ItemStatus,
  type PublicItemView,
  itemCode,
  itemView,
  readBands,
} from './rules';
import { shopClosings, shopItems, shopSales, shopSettings } from './schema';

/** The shop's price bands and the fund its takings go to (the defaults until an administrator changes them). */
export async function shopSettingsOf(db: TenantDb) {
  const [row] = await shopSettingsRead(db);
  return shopSettingsFrom(row);
}

const shopFundKey = sql<string>`COALESCE((SELECT fund_key FROM shop_settings WHERE id = 1), 'hub')`;

/**
 * The settings and the community's time zone as one read (a page's batch can carry it): the settings row may be
 * missing, so they are read as subqueries of the profile's one row.
 */
export function shopSettingsRead(db: TenantDb) {
  return db
    .select({
      timeZone: communityProfile.timeZone,
      bandsFen: sql<string | null>`(SELECT bands_fen FROM shop_settings WHERE id = 1)`,
      fundKey: shopFundKey,
      fundName: sql<string | null>`(SELECT name FROM ledger_accounts WHERE key = ${shopFundKey} AND kind = 'fund')`,
    })
    .from(communityProfile)
    .limit(1);
}

export function shopSettingsFrom(row: { bandsFen: string | null; fundKey: string; fundName: string | null } | undefined) {
  return { bandsFen: readBands(row?.bandsFen ?? '[]'), fundKey: row?.fundKey ?? 'hub', fundName: row?.fundName ?? '' };
}

export async function updateShopSettings(db: TenantDb, by: number, input: { bandsFen: number[]; fundKey: string }) {
  const problem = bandsProblem(input.bandsFen);
  if (problem) throw new AppError('validation_failed', `Price bands: ${problem}`, { bandsFen: [problem] });
  const [fund] = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.key, input.fundKey), eq(ledgerAccounts.kind, 'fund')));
  if (!fund) throw new AppError('validation_failed', 'No such fund', { fundKey: ['No such fund'] });
  const values = { bandsFen: JSON.stringify(input.bandsFen), fundKey: input.fundKey, updatedBy: by, updatedAt: sql`${now}` };
  await db
    .insert(shopSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: shopSettings.id, set: values });
  return shopSettingsOf(db);
}

/** The shop's local date: its days open and close on the community's wall clock. */
export const shopDay = (timeZone: string, at: number | string = Date.now()) => wallClock(at, timeZone).date;

export type DonorInput = { kind: 'anonymous' } | { kind: 'named'; name: string } | { kind: 'member'; memberId: number; follows: boolean };

export interface IntakeInput {
  title: string;
  category: ItemCategory;
  condition: ItemCondition;
  priceFen: number;
  donor: DonorInput;
}

/** Takes a donated item into stock at one of the shop's price bands; answers its id and label code. */
export async function takeIn(db: TenantDb, by: MemberContext, input: IntakeInput) {
  const { bandsFen } = await shopSettingsOf(db);
  if (!bandsFen.includes(input.priceFen))
    throw new AppError('validation_failed', 'Choose one of the price bands', { priceFen: ['Not one of the price bands'] });
  if (input.donor.kind === 'member') {
    const [donor] = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, input.donor.memberId), eq(members.status, 'active')));
    if (!donor) throw new AppError('validation_failed', 'No such member', { 'donor.memberId': ['No such member'] });
  }
  const [row] = await db
    .insert(shopItems)
    .values({
      title: input.title,
      category: input.category,
      condition: input.condition,
      priceFen: input.priceFen,
      donorMemberId: input.donor.kind === 'member' ? input.donor.memberId : null,
      donorName: input.donor.kind === 'named' ? input.donor.name : null,
      donorFollows: input.donor.kind === 'member' && input.donor.follows,
      receivedBy: by.id,
    })
    .returning({ id: shopItems.id });
  if (!row) throw new Error('the item was not written');
  return { id: row.id, code: itemCode(row.id) };
}

const itemColumns = {
  id: shopItems.id,
  title: shopItems.title,
  category: shopItems.category,
  condition: shopItems.condition,
  priceFen: shopItems.priceFen,
  status: shopItems.status,
  receivedAt: shopItems.receivedAt,
  leftAt: shopItems.leftAt,
  donorMemberId: shopItems.donorMemberId,
  donorDisplayName: members.displayName,
  donorName: shopItems.donorName,
  donorFollows: shopItems.donorFollows,
  leftNote: shopItems.leftNote,
};

export interface ItemQuery {
  status?: ItemStatus;
  category?: ItemCategory;
  q?: string;
  limit: number;
  offset: number;
}

/** Items, newest first, as `reader` may see them. */
export async function listItems(db: TenantDb, query: ItemQuery, reader: 'volunteer'): Promise<{ items: DeskItemView[]; total: number }>;
export async function listItems(
  db: TenantDb,
  query: ItemQuery,
  reader: 'donor' | 'browser',
  donorMemberId?: number,
): Promise<{ items: PublicItemView[]; total: number }>;
export async function listItems(db: TenantDb, query: ItemQuery, reader: ItemReader, donorMemberId?: number) {
  const filters = [
    query.status ? eq(shopItems.status, query.status) : undefined,
    query.category ? eq(shopItems.category, query.category) : undefined,
    query.q ? like(shopItems.title, `%${query.q.replace(/[%_]/g, '')}%`) : undefined,
    donorMemberId !== undefined ? and(eq(shopItems.donorMemberId, donorMemberId), eq(shopItems.donorFollows, true)) : undefined,
  ].filter((f) => f !== undefined);
  const where = filters.length > 0 ? and(...filters) : undefined;
  const [rows, [total]] = await db.batch([
    db
      .select(itemColumns)
      .from(shopItems)
      .leftJoin(members, eq(members.id, shopItems.donorMemberId))
      .where(where)
      .orderBy(desc(shopItems.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`COUNT(*)` }).from(shopItems).where(where),
  ]);
  const items = rows.map((r: ItemFacts) => (reader === 'volunteer' ? itemView(r, reader) : itemView(r, reader)));
  return { items, total: Number(total?.n ?? 0) };
}

async function itemFacts(db: TenantDb, id: number): Promise<ItemFacts> {
  const [row] = await db
    .select(itemColumns)
    .from(shopItems)
    .leftJoin(members, eq(members.id, shopItems.donorMemberId))
    .where(eq(shopItems.id, id));
  if (!row) throw new AppError('not_found', 'No item with this code');
  return row;
}

export const deskItem = async (db: TenantDb, id: number) => itemView(await itemFacts(db, id), 'volunteer');

/** Active members whose name contains `q`, for naming a donor who wants to follow their item. */
export async function findDonors(db: TenantDb, q: string) {
  return db
    .select({ id: members.id, displayName: members.displayName, buildingName: buildings.name })
    .from(members)
    .leftJoin(buildings, eq(buildings.id, members.buildingId))
    .where(and(eq(members.status, 'active'), like(members.displayName, `%${q.replace(/[%_]/g, '')}%`)))
    .orderBy(asc(members.displayName))
    .limit(10);
}

/** Why an item could not leave stock: it does not exist (404), or it already left it (409). */
async function refuseChange(db: TenantDb, id: number): Promise<never> {
  const item = await itemFacts(db, id);
  throw new AppError('conflict', `This item is no longer in stock (${item.status})`, { status: [item.status] });
}

/**
 * Sells an item at one of the price bands, in the shop's day. One conditional batch: the sale is written only while
 * the item is in stock and the day is not closed (and only once per item), and the item is marked sold only with its
 * sale; so two volunteers selling the same item at once make exactly one sale and the other gets a 409.
 */
export async function sell(db: TenantDb, by: MemberContext, id: number, priceFen: number, day: string) {
  const { bandsFen } = await shopSettingsOf(db);
  if (!bandsFen.includes(priceFen))
    throw new AppError('validation_failed', 'Choose one of the price bands', { priceFen: ['Not one of the price bands'] });
  const ref = crypto.randomUUID();
  const openDay = sql`NOT EXISTS (SELECT 1 FROM ${shopClosings} WHERE ${shopClosings.day} = ${day})`;
  await db.batch([
    db
      .insert(shopSales)
      .select(
        db
          .select({
            id: sql<number>`NULL`.as('id'),
            itemId: shopItems.id,
            ref: sql<string>`${ref}`.as('ref'),
            priceFen: sql<number>`${priceFen}`.as('price_fen'),
            day: sql<string>`${day}`.as('day'),
            soldAt: sql<string>`${now}`.as('sold_at'),
            soldBy: sql<number>`${by.id}`.as('sold_by'),
          })
          .from(shopItems)
          .where(and(eq(shopItems.id, id), eq(shopItems.status, 'in-stock'), openDay)),
      )
      .onConflictDoNothing(),
    db
      .update(shopItems)
      .set({ status: 'sold', leftAt: sql`${now}`, leftBy: by.id })
      .where(
        and(
          eq(shopItems.id, id),
          eq(shopItems.status, 'in-stock'),
          sql`EXISTS (SELECT 1 FROM ${shopSales} WHERE ${shopSales.ref} = ${ref} AND ${shopSales.itemId} = ${id})`,
        ),
      ),
  ]);
  const [sale] = await db.select({ id: shopSales.id }).from(shopSales).where(eq(shopSales.ref, ref));
  if (sale) return { saleId: sale.id, code: itemCode(id), priceFen, day };
  const [closed] = await db.select({ id: shopClosings.id }).from(shopClosings).where(eq(shopClosings.day, day));
  if (closed) throw new AppError('conflict', 'Today has been closed; sales are recorded again tomorrow', { day: ['Closed'] });
  return refuseChange(db, id);
}

/** Passes an item on free to someone in need (the note says to whom, for shop volunteers only), or recycles it. */
export async function leaveStock(db: TenantDb, by: MemberContext, id: number, status: 'passed-on' | 'recycled', note: string | null) {
  const rows = await db
    .update(shopItems)
    .set({ status, leftAt: sql`${now}`, leftBy: by.id, leftNote: note })
    .where(and(eq(shopItems.id, id), eq(shopItems.status, 'in-stock')))
    .returning({ id: shopItems.id });
  if (rows.length === 0) await refuseChange(db, id);
  return deskItem(db, id);
}

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
