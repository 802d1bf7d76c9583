import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { timeBankKinds } from './schema';
import { giveHours, timeBankOf, useHours } from './time-bank';

const residents = { host: 'community', allow: 'member' } as const;
const created = json(z.object({ id: z.number().int() }), 'Recorded');
/** Hours move in quarter hours, at most a hundred hours at a time. */
const minutes = z
  .number()
  .int()
  .min(15)
  .max(100 * 60)
  .refine((n) => n % 15 === 0, 'Quarter hours');

const statement = defineRoute(residents, {
  method: 'get',
  path: '/api/care/time-bank',
  operationId: 'care.timeBank',
  summary:
    'Your time bank: balance and statement of hours banked from confirmed visits, given and used (hours, never money), and the members of your household you may give hours to',
  responses: {
    200: json(
      z.object({
        balanceMinutes: z.number().int(),
        balanceHours: z.number(),
        entries: z.array(
          z.object({
            id: z.number().int(),
            kind: z.enum(timeBankKinds),
            minutes: z.number().int(),
            note: z.string(),
            counterpart: z.string().nullable(),
            createdAt: z.string(),
          }),
        ),
        family: z.array(z.object({ id: z.number().int(), name: z.string() })),
      }),
      'Time bank',
    ),
    ...errorResponses(401, 403),
  },
});

const gift = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/care/time-bank/gifts',
    operationId: 'care.giveHours',
    summary: 'Give banked hours to another member, a family member (refused with 409 when the balance does not cover them)',
    request: jsonBody(z.object({ toMemberId: z.number().int().positive(), minutes, note: z.string().trim().max(200).default('') })),
    responses: { 201: created, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const use = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/care/time-bank/uses',
    operationId: 'care.useHours',
    summary:
      'Spend banked hours on care for your own household; the coordinators are told of the request (409 when the balance does not cover them)',
    request: jsonBody(z.object({ minutes, request: z.string().trim().min(1).max(300) })),
    responses: { 201: created, ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

/** The time bank: statement, gifts of hours to family, and hours spent on one's own household's care. */
export const careTimeBankRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(statement, async (c) => c.json(await timeBankOf(tenantOf(c).db, memberOf(c).id), 200))
  .openapi(gift, async (c) => {
    const body = c.req.valid('json');
    return c.json({ id: await giveHours(tenantOf(c).db, memberOf(c).id, body.toMemberId, body.minutes, body.note) }, 201);
  })
  .openapi(use, async (c) => {
    const body = c.req.valid('json');
    return c.json({ id: await useHours(tenantOf(c).db, memberOf(c).id, body.minutes, body.request) }, 201);
  });
