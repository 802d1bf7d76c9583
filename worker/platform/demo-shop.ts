import { eq } from 'drizzle-orm';
import { loadMember } from '../auth/access';
import { tenantDb } from '../db/client';
import { activitySeries, ledgerTransactions, memberRoles, members, shopItems, shopSales } from '../db/tenant-schema';
import type { Bindings } from '../env';
import type { MemberContext } from '../http/context';
import { createActivity, takeStep } from '../community/activities/service';
import { signUp } from '../community/activities/signups';
import { baseAccounts, recordTransaction } from '../community/ledger/service';
import { communitySettings } from '../community/profile/service';
import { occurrenceDate, zonedInstant } from '../community/series/rules';
import { createSeries } from '../community/series/service';
import type { ItemCategory, ItemCondition } from '../community/shop/rules';
import { shopDay } from '../community/shop/service';
import { markProceedsUse } from '../community/shop/statement';
import { closeDay } from '../community/shop/till';
import { tenantDatabase } from '../tenancy/pool';

/** What neighbours give, by category: the items the demo shop takes in, each with its usual price band in fen. */
const donations: Record<ItemCategory, [string, number][]> = {
  clothing: [
    ['儿童羽绒服 120 码', 2000],
    ['女式针织开衫', 1000],
    ['男式衬衫 L 码', 500],
    ['小学校服外套', 500],
    ['婴儿连体衣三件', 500],
    ['羊毛围巾', 1000],
  ],
  books: [
    ['绘本《猜猜我有多爱你》', 500],
    ['《十万个为什么》一套', 2000],
    ['初中英语词典', 500],
    ['长篇小说两本', 500],
    ['菜谱《家常菜》', 200],
    ['儿童百科全书', 1000],
  ],
  toys: [
    ['乐高积木一盒', 2000],
    ['毛绒兔子', 500],
    ['拼图 500 片', 500],
    ['遥控小汽车', 1000],
    ['跳棋', 200],
  ],
  kitchen: [
    ['不锈钢保温杯', 500],
    ['陶瓷碗四只', 500],
    ['电饭煲内胆', 200],
    ['玻璃保鲜盒一套', 1000],
  ],
  electronics: [
    ['台灯', 1000],
    ['电热水壶', 1000],
    ['收音机', 500],
  ],
  home: [
    ['靠垫两个', 500],
    ['相框三个', 200],
    ['收纳箱', 500],
    ['小地毯', 1000],
  ],
  sports: [
    ['儿童自行车', 2000],
    ['羽毛球拍一对', 1000],
    ['瑜伽垫', 500],
    ['跳绳', 200],
  ],
  other: [
    ['旅行箱 20 寸', 2000],
    ['雨伞', 200],
  ],
};

const conditions: ItemCondition[] = ['like-new', 'good', 'good', 'fair'];
const donors = ['demo-resident', 'demo-neighbour-1', 'demo-neighbour-6', 'demo-neighbour-9'];
/** Those who pass on: the notes say to whom, for the shop volunteers only. */
const passOnNotes = ['给 11 栋刚搬来的困难家庭', '给结对村小学的孩子们', '给独居的刘奶奶过冬', '给社区临时救助站'];
const ITEMS = 150;
const DAYS = 30;
/** The day whose till came up short: counted less than recorded, with the volunteer's note. */
const SHORT_DAY = 9;

/**
 * 彩虹屋 alive in the demo community: two shop volunteers (the building-contact persona among them, so dev sign-in
 * reaches the desk), about 150 donated items across the categories taken in over the last month, a sale most
 * days, each day closed and posted to the hub fund (one till short by ¥3, noted), a few items passed on or
 * recycled, one use of the proceeds, and the flea market every two months as a series with stall sign-ups.
 * Items and the series are seeded once; the roles are granted idempotently.
 */
export async function seedDemoShop(env: Bindings, binding: string, slug: string): Promise<void> {
  const d1 = tenantDatabase(env, binding);
  const db = tenantDb(d1);
  const host = { kind: 'community' as const, community: { id: '', slug, nameZh: '', nameEn: null, databaseBinding: binding }, db, d1 };
  const as = async (userId: string): Promise<MemberContext | null> => loadMember(host, userId);
  const volunteers = (await Promise.all(['demo-contact', 'demo-neighbour-5'].map(as))).filter((m): m is MemberContext => m !== null);
  const admin = await as('demo-admin');
  if (volunteers.length === 0 || !admin) return;
  await db
    .insert(memberRoles)
    .values(volunteers.map((v) => ({ memberId: v.id, role: 'shop-volunteer' as const, partyKey: '', grantedBy: 'demo-seed' })))
    .onConflictDoNothing();
  const volunteer = (await as('demo-contact')) ?? volunteers[0]!;
  const { timeZone } = await communitySettings(db);
  const [seen] = await db.select({ id: shopItems.id }).from(shopItems).limit(1);
  if (!seen) await seedShopMonth(db, volunteer, admin, timeZone);
  const [series] = await db.select({ id: activitySeries.id }).from(activitySeries).where(eq(activitySeries.title, FLEA_MARKET)).limit(1);
  if (!series) await seedFleaMarket(db, admin, timeZone, host);
}

type Db = ReturnType<typeof tenantDb>;

async function seedShopMonth(db: Db, volunteer: MemberContext, admin: MemberContext, timeZone: string) {
  const donorRows = await Promise.all(
    donors.map(async (userId) => (await db.select({ id: members.id }).from(members).where(eq(members.userId, userId)))[0]?.id ?? null),
  );
  const catalogue = Object.entries(donations).flatMap(([category, list]) =>
    list.map(([title, priceFen]) => ({ category: category as ItemCategory, title, priceFen })),
  );
  const now = Date.now();
  // Items came in over the month at 10:00-ish local time; every third from a named member, most anonymous.
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const pick = catalogue[(i * 7) % catalogue.length]!;
    const donorId = i % 3 === 0 ? donorRows[i % donorRows.length] : null;
    return {
      title: pick.title,
      category: pick.category,
      condition: conditions[i % conditions.length]!,
      priceFen: pick.priceFen,
      donorMemberId: donorId ?? null,
      donorFollows: donorId !== null && i % 2 === 0,
      receivedAt: new Date(now - (DAYS + 2 - Math.floor((i * DAYS) / ITEMS)) * 86400_000).toISOString(),
      receivedBy: volunteer.id,
    };
  });
  for (let i = 0; i < items.length; i += 8) await db.insert(shopItems).values(items.slice(i, i + 8));
  const ids = (await db.select({ id: shopItems.id }).from(shopItems).orderBy(shopItems.id)).map((r) => r.id);

  // Sales: about two in five items sold, spread over the past days (never today, which stays open at the desk).
  const sold = ids.filter((_, i) => i % 5 === 1 || i % 5 === 3).slice(0, 60);
  const sales = sold.map((itemId, n) => {
    const daysAgo = 1 + (n % (DAYS - 3));
    const at = now - daysAgo * 86400_000;
    return {
      itemId,
      ref: `demo-shop-sale:${itemId}`,
      priceFen: items[ids.indexOf(itemId)]!.priceFen,
      day: shopDay(timeZone, at),
      soldAt: new Date(at).toISOString(),
      soldBy: volunteer.id,
    };
  });
  for (let i = 0; i < sales.length; i += 10)
    await db
      .insert(shopSales)
      .values(sales.slice(i, i + 10))
      .onConflictDoNothing();
  for (const s of sales)
    await db.update(shopItems).set({ status: 'sold', leftAt: s.soldAt, leftBy: volunteer.id }).where(eq(shopItems.id, s.itemId));

  const rest = ids.filter((id) => !sold.includes(id));
  for (const [n, id] of rest.slice(0, passOnNotes.length).entries())
    await db
      .update(shopItems)
      .set({
        status: 'passed-on',
        leftAt: new Date(now - (5 + n * 4) * 86400_000).toISOString(),
        leftBy: volunteer.id,
        leftNote: passOnNotes[n],
      })
      .where(eq(shopItems.id, id));
  for (const [n, id] of rest.slice(passOnNotes.length, passOnNotes.length + 3).entries())
    await db
      .update(shopItems)
      .set({
        status: 'recycled',
        leftAt: new Date(now - (7 + n * 6) * 86400_000).toISOString(),
        leftBy: volunteer.id,
        leftNote: '破损，交回收站',
      })
      .where(eq(shopItems.id, id));

  // Each day closed through the same service as the desk: the counted cash goes to the hub fund.
  const byDay = new Map<string, number>();
  for (const s of sales) byDay.set(s.day, (byDay.get(s.day) ?? 0) + s.priceFen);
  const today = shopDay(timeZone);
  const days = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [index, [day, total]] of days.entries()) {
    const short = index === SHORT_DAY;
    await closeDay(db, volunteer, {
      day,
      today,
      seenTotalFen: total,
      countedFen: short ? total - 300 : total,
      note: short ? '找零时多找出 3 元，已在值班群说明' : '',
    });
  }

  // What the proceeds paid for: picture books for the partner village school, from the hub fund.
  const { hub, external } = await baseAccounts(db);
  const ref = 'demo-shop:books-for-school';
  await recordTransaction(db, {
    ref,
    occurredOn: shopDay(timeZone, now - 3 * 86400_000),
    category: 'activity-costs',
    memo: '购买绘本寄给结对村小学（彩虹屋义卖收入）',
    recordedBy: admin.id,
    postings: [
      { accountId: hub.id, amountFen: -60_000 },
      { accountId: external.id, amountFen: 60_000 },
    ],
  });
  const [tx] = await db.select({ id: ledgerTransactions.id }).from(ledgerTransactions).where(eq(ledgerTransactions.ref, ref));
  if (tx) await markProceedsUse(db, admin.id, tx.id, '结对村小学的绘本');
}

const FLEA_MARKET = '彩虹屋跳蚤市场';

/** The flea market every two months, on the second Saturday morning: the next one open for stalls, the two after drafted. */
async function seedFleaMarket(db: Db, admin: MemberContext, timeZone: string, host: Parameters<typeof loadMember>[0]) {
  const today = shopDay(timeZone);
  // The second Saturday of next month.
  const first = occurrenceDate(`${today.slice(0, 7)}-01`, { every: 1, unit: 'month', by: 'day-of-month' }, 1);
  const toSaturday = (6 - new Date(`${first}T00:00:00Z`).getUTCDay() + 7) % 7;
  const day = new Date(Date.parse(`${first}T00:00:00Z`) + (toSaturday + 7) * 86400_000).toISOString().slice(0, 10);
  const startsAt = new Date(zonedInstant(day, 9 * 60, timeZone)).toISOString();
  const endsAt = new Date(zonedInstant(day, 12 * 60, timeZone)).toISOString();
  const id = await createActivity(db, admin, {
    title: FLEA_MARKET,
    description: '本小区居民摆摊卖自家闲置，每户一个摊位；彩虹屋也设义卖摊。不卖批发新货，结束后一小时内清场。',
    startsAt,
    endsAt,
    place: '中心广场',
    capacity: 30,
    waitlist: true,
    maxPlacesPerMember: 1,
    audience: 'residents',
    expectedParticipants: 30,
    costLines: [
      { label: '桌椅搬运', amountFen: 15_000 },
      { label: '垃圾袋和价签', amountFen: 6_000 },
      { label: '摊位图打印', amountFen: 4_000 },
    ],
  });
  for (const step of ['submit', 'approve', 'open'] as const) await takeStep(db, id, step, admin);
  await createSeries(db, admin, { activityId: id, every: 2, unit: 'month', monthlyBy: 'weekday-of-month', ahead: 2 });
  for (const userId of [
    'demo-resident',
    'demo-neighbour-2',
    'demo-neighbour-3',
    'demo-neighbour-7',
    'demo-neighbour-8',
    'demo-neighbour-10',
  ]) {
    const stallholder = await loadMember(host, userId);
    if (stallholder) await signUp(db, id, stallholder, {});
  }
}
