/** The charity shop's settings and stock: price bands and fund, taking items in, finding them, selling or passing them on. */
import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { now } from '../../db/columns';
import { buildings, ledgerAccounts, members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { wallClock } from '../profile/rules';
import { communityProfile } from '../profile/schema';
import {
  bandsProblem,
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
