import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { advancesByClub, recordAdvance, recordIncoming, recordRepayment } from './money';

/**
 * The guided money forms of the association's administrators: each records one balanced, append-only transaction
 * through the ledger's service (a mistake is corrected by reversing it, `ledger.reverse`).
 */
const admin = { host: 'community', allow: 'association-admin' } as const;
const open = { host: 'community', allow: 'public' } as const;

/** Whole fen, more than nothing, at most 100 million yuan. */
const amountFen = z.number().int().positive().max(10_000_000_000);
const note = z.string().trim().min(1).max(200).optional();
const common = { fund: z.string().regex(/^(hub|club:\d+)$/), amountFen, occurredOn: z.iso.date(), note };
const party = z.string().trim().min(2).max(80);

const incoming = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seed-fund'), source: party, ...common }),
  z.object({
    kind: z.literal('donation'),
    /** An anonymous donor has no name field at all: whatever else is sent, no name reaches the entry. */
    donor: z.discriminatedUnion('anonymous', [
      z.object({ anonymous: z.literal(true) }),
      z.object({ anonymous: z.literal(false), name: z.string().trim().min(1).max(60) }),
    ]),
    ...common,
  }),
  z.object({ kind: z.literal('grant'), grantor: party, ...common }),
  z.object({ kind: z.literal('opening-balance'), ...common }),
]);

const created = json(z.object({ id: z.number().int() }), 'Recorded');
const advanceBody = z.object({ amountFen, occurredOn: z.iso.date(), note });

const recordMoney = defineRoute(
  admin,
  {
    method: 'post',
    path: '/api/ledger/money',
    operationId: 'ledger.recordMoney',
    summary: 'Record money coming into a fund: seed money, a donation (named or anonymous), a grant or an opening balance',
    request: jsonBody(incoming),
    responses: { 201: created, ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const listAdvances = defineRoute(open, {
  method: 'get',
  path: '/api/ledger/advances',
  operationId: 'ledger.listAdvances',
  summary: 'What the hub has advanced to each club, what came back and what is outstanding (public, like the balances)',
  responses: {
    200: json(
      z.object({
        advances: z.array(
          z.object({
            clubId: z.number().int(),
            clubName: z.string(),
            advancedFen: z.number().int(),
            repaidFen: z.number().int(),
            outstandingFen: z.number().int(),
          }),
        ),
      }),
      'Advances',
    ),
    ...errorResponses(401, 403),
  },
});

const advance = defineRoute(
  admin,
  {
    method: 'post',
    path: '/api/ledger/advances',
    operationId: 'ledger.recordAdvance',
    summary: "Advance hub money to a club: the club's fund receives it, the hub holds the claim until it is repaid",
    request: jsonBody(advanceBody.extend({ clubId: z.number().int().positive() })),
    responses: { 201: created, ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const repay = defineRoute(
  admin,
  {
    method: 'post',
    path: '/api/ledger/advances/{clubId}/repayments',
    operationId: 'ledger.recordRepayment',
    summary: 'A club repays (part of) its advance; never more than is outstanding (400 on amountFen)',
    request: { params: z.object({ clubId: z.coerce.number().int().positive() }), ...jsonBody(advanceBody) },
    responses: { 201: created, ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

export const moneyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(recordMoney, async (c) => {
    const body = c.req.valid('json');
    const { fund, amountFen, occurredOn } = body;
    const id = await recordIncoming(tenantOf(c).db, { fund, amountFen, occurredOn, money: body, recordedBy: memberOf(c).id });
    // The audit names the kind and the amount, never a donor.
    await audit(c, 'ledger.money-recorded', { transactionId: id, kind: body.kind, fund, amountFen });
    return c.json({ id }, 201);
  })
  .openapi(listAdvances, async (c) => c.json({ advances: await advancesByClub(tenantOf(c).db) }, 200))
  .openapi(advance, async (c) => {
    const body = c.req.valid('json');
    const id = await recordAdvance(tenantOf(c).db, { ...body, recordedBy: memberOf(c).id });
    await audit(c, 'ledger.advance-recorded', { transactionId: id, clubId: body.clubId, amountFen: body.amountFen });
    return c.json({ id }, 201);
  })
  .openapi(repay, async (c) => {
    const { clubId } = c.req.valid('param');
    const body = c.req.valid('json');
    const id = await recordRepayment(tenantOf(c).db, { ...body, clubId, recordedBy: memberOf(c).id });
    await audit(c, 'ledger.repayment-recorded', { transactionId: id, clubId, amountFen: body.amountFen });
    return c.json({ id }, 201);
  });
