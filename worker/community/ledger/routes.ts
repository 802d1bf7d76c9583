import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { viewerOf } from '../../auth/viewer';
import { audit } from '../../platform/audit';
import { publicStatement } from './rules';
import { accountIdsByKey, fundBalances, fundStatement, recordTransaction, reverseTransaction } from './service';
import { statementCsv } from './statement-csv';
import { wallClock } from '../profile/rules';
import { communityTimeZone } from '../profile/service';

const residents = { host: 'community', allow: 'member' } as const;
const open = { host: 'community', allow: 'public' } as const;
const admin = { host: 'community', allow: 'association-admin' } as const;
// A statement is for the hub, a club's fund or a course of the community university (its fees and refunds).
const fundKey = z.string().regex(/^(hub|club:\d+|course:\d+)$/);
const period = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

function resolvePeriod(q: { from?: string; to?: string }) {
  const now = new Date();
  const from = q.from ?? `${now.getUTCFullYear()}-01-01`;
  const to = q.to ?? `${now.getUTCFullYear() + 1}-01-01`;
  return { from, to };
}

const entrySchema = z.object({
  id: z.number().int(),
  occurredOn: z.string(),
  category: z.string(),
  memo: z.string(),
  activityId: z.number().int().nullable(),
  reversesId: z.number().int().nullable(),
  amountFen: z.number(),
});
const categoryTotal = z.object({ category: z.string(), amountFen: z.number() });
const statementSchema = z.object({
  fund: z.object({ key: z.string(), name: z.string(), clubId: z.number().int().nullable() }),
  period: z.object({ from: z.string(), to: z.string() }),
  openingFen: z.number(),
  income: z.array(categoryTotal),
  spending: z.array(categoryTotal),
  /** Opening balances, advances and repayments: signed, and neither income nor spending (see `MOVEMENT_CATEGORIES`). */
  movements: z.array(categoryTotal),
  incomeFen: z.number(),
  spendingFen: z.number(),
  movementsFen: z.number(),
  surplusFen: z.number(),
  closingFen: z.number(),
  /** Every entry, for members; empty for visitors, whose view stops at the totals (memos may name people). */
  entries: z.array(entrySchema),
  entriesForMembers: z.boolean(),
});

const funds = defineRoute(open, {
  method: 'get',
  path: '/api/ledger/funds',
  operationId: 'ledger.listFunds',
  summary: 'The hub fund and every club fund with its balance (public: the accounts are open)',
  responses: {
    200: json(
      z.object({
        funds: z.array(
          z.object({
            key: z.string(),
            name: z.string(),
            clubId: z.number().int().nullable(),
            clubName: z.string().nullable(),
            balanceFen: z.number(),
          }),
        ),
      }),
      'Funds',
    ),
    ...errorResponses(401, 403),
  },
});

const statement = defineRoute(open, {
  method: 'get',
  path: '/api/ledger/funds/{key}/statement',
  operationId: 'ledger.getStatement',
  summary: "A fund's public statement for a period: income and spending by category and surplus for anyone; its entries for members",
  request: { params: z.object({ key: fundKey }), query: period },
  responses: { 200: json(statementSchema, 'Statement'), ...errorResponses(400, 401, 403, 404) },
});

const statementCsvRoute = defineRoute(residents, {
  method: 'get',
  path: '/api/ledger/funds/{key}/statement.csv',
  operationId: 'ledger.getStatementCsv',
  summary: "A fund's statement entries as CSV",
  request: { params: z.object({ key: fundKey }), query: period },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
});

const record = defineRoute(
  admin,
  {
    method: 'post',
    path: '/api/ledger/transactions',
    operationId: 'ledger.record',
    summary: 'Record a balanced entry, e.g. a donation or a subsidy (association administrators)',
    request: jsonBody(
      z.object({
        occurredOn: z.iso.date(),
        category: z
          .string()
          .trim()
          .regex(/^[a-z][a-z-]{1,40}$/),
        memo: z.string().trim().min(2).max(300),
        postings: z
          .array(z.object({ fund: z.string().regex(/^(hub|club:\d+|external)$/), amountFen: z.number().int() }))
          .min(2)
          .max(20),
      }),
    ),
    responses: { 201: json(z.object({ ok: z.literal(true) }), 'Recorded'), ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const reverse = defineRoute(
  admin,
  {
    method: 'post',
    path: '/api/ledger/transactions/{id}/reversal',
    operationId: 'ledger.reverse',
    summary: 'Correct an entry by recording its exact reversal; entries are never edited or deleted',
    request: {
      params: z.object({ id: z.coerce.number().int().positive() }),
      ...jsonBody(z.object({ memo: z.string().trim().min(2).max(300) })),
    },
    responses: { 201: json(z.object({ ok: z.literal(true) }), 'Reversed'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

export const ledgerRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(funds, async (c) => {
    const rows = await fundBalances(tenantOf(c).db);
    return c.json({ funds: rows.map((r) => ({ ...r, balanceFen: Number(r.balanceFen) })) }, 200);
  })
  .openapi(statement, async (c) => {
    const { from, to } = resolvePeriod(c.req.valid('query'));
    const [data, viewer] = await Promise.all([fundStatement(tenantOf(c).db, c.req.valid('param').key, from, to), viewerOf(c)]);
    return c.json(publicStatement(data, viewer), 200);
  })
  .openapi(statementCsvRoute, async (c) => {
    const { from, to } = resolvePeriod(c.req.valid('query'));
    const key = c.req.valid('param').key;
    const data = await fundStatement(tenantOf(c).db, key, from, to);
    return c.body(statementCsv(data), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="statement-${key.replace(':', '-')}-${from}-${to}.csv"`,
    });
  })
  .openapi(record, async (c) => {
    const { db } = tenantOf(c);
    const body = c.req.valid('json');
    const ids = await accountIdsByKey(db, [...new Set(body.postings.map((p) => p.fund))]);
    const missing = body.postings.filter((p) => !ids.has(p.fund)).map((p) => p.fund);
    if (missing.length > 0)
      return c.json(
        {
          error: { code: 'validation_failed' as const, message: 'Unknown fund', details: { postings: missing.map((m) => `No fund ${m}`) } },
        },
        400,
      );
    await recordTransaction(db, {
      occurredOn: body.occurredOn,
      category: body.category,
      memo: body.memo,
      recordedBy: memberOf(c).id,
      postings: body.postings.map((p) => ({ accountId: ids.get(p.fund) as number, amountFen: p.amountFen })),
    });
    return c.json({ ok: true as const }, 201);
  })
  .openapi(reverse, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = tenantOf(c);
    // The reversal is dated on the community's calendar (at 07:00 in Shanghai the UTC date is still yesterday).
    const today = wallClock(Date.now(), await communityTimeZone(db)).date;
    await reverseTransaction(db, id, c.req.valid('json').memo, memberOf(c).id, today);
    await audit(c, 'ledger.reversed', { transactionId: id });
    return c.json({ ok: true as const }, 201);
  });
