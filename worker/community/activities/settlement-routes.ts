/** After an activity: settlement, the organiser's review, participants' ratings. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityIdParam as idParam, costLineInput as costLine, fenInput as fen, okResponse as ok } from './schema';
import { rate, review, settle } from './settlement';

const community = { host: 'community' } as const;
/** The activity's responsible person, or an association administrator. */
const organisers = { host: 'community', allow: ['activity-responsible', 'association-admin'] } as const;

const settlement = defineRoute(
  organisers,
  {
    method: 'post',
    path: '/api/activities/{id}/settlement',
    operationId: 'activities.settle',
    summary: "Settle: actual income and costs; the surplus or deficit goes to the fund's ledger",
    request: { params: idParam, ...jsonBody(z.object({ incomeFen: fen, costLines: z.array(costLine).max(50), occurredOn: z.iso.date() })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const reviewRoute = defineRoute(
  organisers,
  {
    method: 'post',
    path: '/api/activities/{id}/review',
    operationId: 'activities.review',
    summary: 'The responsible person reviews a settled activity',
    request: {
      params: idParam,
      ...jsonBody(z.object({ wentWell: z.string().trim().min(1).max(2000), toChange: z.string().trim().max(2000) })),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const rating = defineRoute(
  { ...community, allow: 'participant' },
  {
    method: 'post',
    path: '/api/activities/{id}/rating',
    operationId: 'activities.rate',
    summary: 'A participant rates the activity, 1–5',
    request: { params: idParam, ...jsonBody(z.object({ rating: z.number().int().min(1).max(5) })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

export const settlementRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(settlement, async (c) => {
    await settle(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(reviewRoute, async (c) => {
    await review(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(rating, async (c) => {
    await rate(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json').rating);
    return c.json({ ok: true as const }, 200);
  });
