import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { AppError } from '../../errors';
import { audit } from '../../platform/audit';
import { communitySettings } from '../profile/service';
import { itemCategories, itemConditions, itemStatuses, monthlyStatement, recentMonths } from './rules';
import {
  deskItem,
  findDonors,
  leaveStock,
  listItems,
  sell,
  shopDay,
  shopSettingsFrom,
  shopSettingsOf,
  shopSettingsRead,
  takeIn,
  updateShopSettings,
} from './service';
import { factsFrom, fundSpending, markProceedsUse, monthFactsReads, stockCountRead, unmarkProceedsUse } from './statement';
import { closeDay, dayAtTill, unclosedDays } from './till';

const open = { host: 'community', allow: 'public' } as const;
const residents = { host: 'community', allow: 'member' } as const;
const volunteers = { host: 'community', allow: 'shop-volunteer' } as const;
const admin = { host: 'community', allow: 'association-admin' } as const;

const fen = z.number().int().min(0).max(100_000_000);
const band = z.number().int().positive().max(100_000_000);
const itemId = z.object({ id: z.coerce.number().int().positive() });
const dayParam = z.object({ day: z.iso.date() });
const category = z.enum(itemCategories);
const condition = z.enum(itemConditions);
const status = z.enum(itemStatuses);

const settingsSchema = z.object({ bandsFen: z.array(z.number().int()), fundKey: z.string(), fundName: z.string() }).openapi('ShopSettings');
const baseItem = {
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  category,
  condition,
  priceFen: z.number().int(),
  status,
  receivedAt: z.string(),
  leftAt: z.string().nullable(),
};
/** An item as members browsing the stock see it: no donor, no note. */
const stockItem = z.object({ ...baseItem, donor: z.null(), leftNote: z.null() }).openapi('ShopStockItem');
/** An item as shop volunteers see it: who gave it (unless anonymous) and, for a pass-on, to whom. */
const deskItemSchema = z
  .object({
    ...baseItem,
    donor: z.object({ kind: z.enum(['member', 'named', 'anonymous']), name: z.string().nullable(), follows: z.boolean() }),
    leftNote: z.string().nullable(),
  })
  .openapi('ShopDeskItem');
const page = z.object({
  status: status.optional(),
  category: category.optional(),
  q: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const getSettings = defineRoute(open, {
  method: 'get',
  path: '/api/shop/settings',
  operationId: 'shop.getSettings',
  summary: "The shop's price bands and the fund its takings go to (public)",
  responses: { 200: json(settingsSchema, 'Settings'), ...errorResponses(400) },
});

const putSettings = defineRoute(admin, {
  method: 'put',
  path: '/api/shop/settings',
  operationId: 'shop.updateSettings',
  summary: "Set the shop's price bands (fen, ascending) and the fund its takings go to (association administrators)",
  request: jsonBody(z.object({ bandsFen: z.array(band).min(1).max(8), fundKey: z.string().regex(/^(hub|club:\d+)$/) })),
  responses: { 200: json(settingsSchema, 'Settings'), ...errorResponses(400, 401, 403) },
});

const statement = defineRoute(open, {
  method: 'get',
  path: '/api/shop/statement',
  operationId: 'shop.getStatement',
  summary:
    'The shop in figures, month by month: items in, sold, passed on, recycled, takings, and what the proceeds paid for (public; no names)',
  request: { query: z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }) },
  responses: {
    200: json(
      z.object({
        fundKey: z.string(),
        fundName: z.string(),
        inStock: z.number().int(),
        months: z.array(
          z.object({
            month: z.string(),
            itemsIn: z.number().int(),
            sold: z.number().int(),
            passedOn: z.number().int(),
            recycled: z.number().int(),
            takingsFen: z.number().int(),
            differenceFen: z.number().int(),
            spentFen: z.number().int(),
          }),
        ),
        uses: z.array(
          z.object({ transactionId: z.number().int(), occurredOn: z.string(), purpose: z.string(), amountFen: z.number().int() }),
        ),
      }),
      'Statement',
    ),
    ...errorResponses(400),
  },
});

const stock = defineRoute(residents, {
  method: 'get',
  path: '/api/shop/items',
  operationId: 'shop.listStock',
  summary: 'What is in the shop now, newest first, with prices (members)',
  request: { query: page.omit({ status: true }) },
  responses: { 200: json(z.object({ items: z.array(stockItem), total: z.number().int() }), 'Stock'), ...errorResponses(400, 401, 403) },
});

const myDonations = defineRoute(residents, {
  method: 'get',
  path: '/api/shop/my-donations',
  operationId: 'shop.listMyDonations',
  summary: 'The items the caller donated and chose to follow, and what became of each',
  responses: { 200: json(z.object({ items: z.array(stockItem), total: z.number().int() }), 'My donations'), ...errorResponses(401, 403) },
});

const deskList = defineRoute(volunteers, {
  method: 'get',
  path: '/api/shop/desk/items',
  operationId: 'shop.listDeskItems',
  summary: 'Items at the desk, with donors and pass-on notes (shop volunteers)',
  request: { query: page },
  responses: {
    200: json(z.object({ items: z.array(deskItemSchema), total: z.number().int() }), 'Items'),
    ...errorResponses(400, 401, 403),
  },
});

const deskGet = defineRoute(volunteers, {
  method: 'get',
  path: '/api/shop/desk/items/{id}',
  operationId: 'shop.getDeskItem',
  summary: 'One item by its number (the digits of its code CH-0042), for selling or passing on (shop volunteers)',
  request: { params: itemId },
  responses: { 200: json(deskItemSchema, 'Item'), ...errorResponses(400, 401, 403, 404) },
});

const donors = defineRoute(volunteers, {
  method: 'get',
  path: '/api/shop/desk/donors',
  operationId: 'shop.findDonors',
  summary: 'Members by part of their name, to name a donor who wants to follow their item (shop volunteers)',
  request: { query: z.object({ q: z.string().trim().min(1).max(40) }) },
  responses: {
    200: json(
      z.object({ donors: z.array(z.object({ id: z.number().int(), displayName: z.string(), buildingName: z.string().nullable() })) }),
      'Members',
    ),
    ...errorResponses(400, 401, 403),
  },
});

const intake = defineRoute(volunteers, {
  method: 'post',
  path: '/api/shop/items',
  operationId: 'shop.takeIn',
  summary: 'Take a donated item into stock at one of the price bands; answers its label code (shop volunteers)',
  request: jsonBody(
    z.object({
      title: z.string().trim().min(1).max(60),
      category,
      condition,
      priceFen: band,
      donor: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('anonymous') }),
        z.object({ kind: z.literal('named'), name: z.string().trim().min(1).max(40) }),
        z.object({ kind: z.literal('member'), memberId: z.number().int().positive(), follows: z.boolean() }),
      ]),
    }),
  ),
  responses: { 201: json(z.object({ id: z.number().int(), code: z.string() }), 'Taken in'), ...errorResponses(400, 401, 403) },
});

const sale = defineRoute(volunteers, {
  method: 'post',
  path: '/api/shop/items/{id}/sale',
  operationId: 'shop.sell',
  summary: "Sell an item at a price band in today's till; an item sells once (409 when it already left stock or today is closed)",
  request: { params: itemId, ...jsonBody(z.object({ priceFen: band })) },
  responses: {
    201: json(z.object({ saleId: z.number().int(), code: z.string(), priceFen: z.number().int(), day: z.string() }), 'Sold'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const leave = defineRoute(volunteers, {
  method: 'post',
  path: '/api/shop/items/{id}/departure',
  operationId: 'shop.leaveStock',
  summary:
    'Pass an item on free to someone in need (the note says to whom; only shop volunteers read it) or recycle it; only from stock (409)',
  request: {
    params: itemId,
    ...jsonBody(
      z.discriminatedUnion('status', [
        z.object({ status: z.literal('passed-on'), note: z.string().trim().min(2).max(200) }),
        z.object({ status: z.literal('recycled'), note: z.string().trim().max(200).optional() }),
      ]),
    ),
  },
  responses: { 200: json(deskItemSchema, 'Item'), ...errorResponses(400, 401, 403, 404, 409) },
});

const closingSchema = z.object({
  salesCount: z.number().int(),
  systemTotalFen: z.number().int(),
  countedFen: z.number().int(),
  differenceFen: z.number().int(),
  note: z.string(),
  fundKey: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
});
const daySchema = z
  .object({
    day: z.string(),
    today: z.string(),
    sales: z.array(
      z.object({
        saleId: z.number().int(),
        itemId: z.number().int(),
        code: z.string(),
        title: z.string(),
        priceFen: z.number().int(),
        soldAt: z.string(),
        soldBy: z.string(),
      }),
    ),
    salesCount: z.number().int(),
    systemTotalFen: z.number().int(),
    closing: closingSchema.nullable(),
    unclosedDays: z.array(z.string()),
  })
  .openapi('ShopDay');

const getDay = defineRoute(volunteers, {
  method: 'get',
  path: '/api/shop/days/{day}',
  operationId: 'shop.getDay',
  summary: 'A day at the till: its sales, their total and its closing; and the days still to close (shop volunteers)',
  request: { params: dayParam },
  responses: { 200: json(daySchema, 'Day'), ...errorResponses(400, 401, 403) },
});

const close = defineRoute(
  volunteers,
  {
    method: 'post',
    path: '/api/shop/days/{day}/closing',
    operationId: 'shop.closeDay',
    summary:
      "Close a day: the sales' total seen, the cash counted and, when they differ, a note; the counted cash goes to the shop's fund as one ledger entry. A day closes once (409)",
    request: {
      params: dayParam,
      ...jsonBody(z.object({ seenTotalFen: fen, countedFen: fen, note: z.string().trim().max(300).default('') })),
    },
    responses: { 201: json(daySchema, 'Closed'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const spending = defineRoute(admin, {
  method: 'get',
  path: '/api/shop/proceeds-uses',
  operationId: 'shop.listFundSpending',
  summary: "Spending from the shop's fund, and which of it the shop's proceeds paid for (association administrators)",
  responses: {
    200: json(
      z.object({
        spending: z.array(
          z.object({
            transactionId: z.number().int(),
            occurredOn: z.string(),
            memo: z.string(),
            category: z.string(),
            amountFen: z.number(),
            purpose: z.string().nullable(),
          }),
        ),
      }),
      'Spending',
    ),
    ...errorResponses(401, 403),
  },
});

const markUse = defineRoute(admin, {
  method: 'put',
  path: '/api/shop/proceeds-uses/{transactionId}',
  operationId: 'shop.markProceedsUse',
  summary: "Mark a spending entry of the shop's fund as paid from the proceeds, saying what it paid for (shown publicly)",
  request: {
    params: z.object({ transactionId: z.coerce.number().int().positive() }),
    ...jsonBody(z.object({ purpose: z.string().trim().min(2).max(80) })),
  },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Marked'), ...errorResponses(400, 401, 403) },
});

const unmarkUse = defineRoute(admin, {
  method: 'delete',
  path: '/api/shop/proceeds-uses/{transactionId}',
  operationId: 'shop.unmarkProceedsUse',
  summary: 'No longer count a spending entry as paid from the proceeds',
  request: { params: z.object({ transactionId: z.coerce.number().int().positive() }) },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Unmarked'), ...errorResponses(400, 401, 403) },
});

export const shopRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getSettings, async (c) => c.json(await shopSettingsOf(tenantOf(c).db), 200))
  .openapi(putSettings, async (c) => {
    const settings = await updateShopSettings(tenantOf(c).db, memberOf(c).id, c.req.valid('json'));
    await audit(c, 'shop.settings-updated', { bandsFen: settings.bandsFen, fundKey: settings.fundKey });
    return c.json(settings, 200);
  })
  .openapi(statement, async (c) => {
    const { db } = tenantOf(c);
    // Two round trips: the settings with the time zone (which names the months), then everything else in one batch.
    const [profile] = await shopSettingsRead(db);
    if (!profile) throw new AppError('not_ready', 'This community is not set up yet');
    const settings = shopSettingsFrom(profile);
    const timeZone = profile.timeZone;
    const months = recentMonths(shopDay(timeZone), c.req.valid('query').months);
    const [stockRows, ...factRows] = await db.batch([stockCountRead(db), ...monthFactsReads(db, months[0]!, months[months.length - 1]!)]);
    const inStock = Number(stockRows[0]?.n ?? 0);
    const { facts, uses } = factsFrom(factRows, timeZone);
    return c.json({ fundKey: settings.fundKey, fundName: settings.fundName, inStock, months: monthlyStatement(months, facts), uses }, 200);
  })
  .openapi(stock, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listItems(tenantOf(c).db, { ...q, status: 'in-stock' }, 'browser'), 200);
  })
  .openapi(myDonations, async (c) => c.json(await listItems(tenantOf(c).db, { limit: 200, offset: 0 }, 'donor', memberOf(c).id), 200))
  .openapi(deskList, async (c) => c.json(await listItems(tenantOf(c).db, c.req.valid('query'), 'volunteer'), 200))
  .openapi(deskGet, async (c) => c.json(await deskItem(tenantOf(c).db, c.req.valid('param').id), 200))
  .openapi(donors, async (c) => c.json({ donors: await findDonors(tenantOf(c).db, c.req.valid('query').q) }, 200))
  .openapi(intake, async (c) => c.json(await takeIn(tenantOf(c).db, memberOf(c), c.req.valid('json')), 201))
  .openapi(sale, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const sold = await sell(db, memberOf(c), c.req.valid('param').id, c.req.valid('json').priceFen, shopDay(timeZone));
    return c.json(sold, 201);
  })
  .openapi(leave, async (c) => {
    const body = c.req.valid('json');
    return c.json(await leaveStock(tenantOf(c).db, memberOf(c), c.req.valid('param').id, body.status, body.note ?? null), 200);
  })
  .openapi(getDay, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const [day, open] = await Promise.all([dayAtTill(db, c.req.valid('param').day), unclosedDays(db)]);
    return c.json({ ...day, today: shopDay(timeZone), unclosedDays: open }, 200);
  })
  .openapi(close, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const today = shopDay(timeZone);
    const body = c.req.valid('json');
    const day = await closeDay(db, memberOf(c), { ...body, day: c.req.valid('param').day, today });
    await audit(c, 'shop.day-closed', { day: day.day, systemTotalFen: day.closing?.systemTotalFen, countedFen: body.countedFen });
    return c.json({ ...day, today, unclosedDays: await unclosedDays(db) }, 201);
  })
  .openapi(spending, async (c) => {
    const rows = await fundSpending(tenantOf(c).db);
    return c.json({ spending: rows.map((r) => ({ ...r, amountFen: Number(r.amountFen) })) }, 200);
  })
  .openapi(markUse, async (c) => {
    const { transactionId } = c.req.valid('param');
    await markProceedsUse(tenantOf(c).db, memberOf(c).id, transactionId, c.req.valid('json').purpose);
    await audit(c, 'shop.proceeds-use-marked', { transactionId });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(unmarkUse, async (c) => {
    await unmarkProceedsUse(tenantOf(c).db, c.req.valid('param').transactionId);
    return c.json({ ok: true as const }, 200);
  });
