/** The admin's retention page: the periods (数据保留) and the last runs of the daily pass. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { DETAILS_KEPT_DAYS, MAX_MONTHS, MIN_MONTHS } from './rules';
import { lastRuns, retentionPeriods, saveRetentionPeriods } from './service';

const admins = { host: 'community', allow: 'association-admin' } as const;
const months = z.number().int().min(MIN_MONTHS).max(MAX_MONTHS);
const periodsSchema = z.object({ careMonths: months, libraryMonths: months });
const runSchema = z.object({
  id: z.number().int(),
  ranAt: z.string(),
  day: z.string(),
  childDetails: z.number().int(),
  childNames: z.number().int(),
  careRecipients: z.number().int(),
  careVisits: z.number().int(),
  libraryLoans: z.number().int(),
  assistedPhones: z.number().int(),
});
const pageSchema = z.object({ childDays: z.number().int(), periods: periodsSchema, runs: z.array(runSchema) });

const get = defineRoute(admins, {
  method: 'get',
  path: '/api/retention',
  operationId: 'retention.get',
  summary: 'The retention periods and the last runs of the daily erasure, with counts (association admins)',
  responses: { 200: json(pageSchema, 'Retention'), ...errorResponses(401, 403) },
});

const put = defineRoute(admins, {
  method: 'put',
  path: '/api/retention',
  operationId: 'retention.save',
  summary: "Set the months care records and the library's loan history are kept (association admins)",
  request: jsonBody(periodsSchema),
  responses: { 200: json(pageSchema, 'Saved'), ...errorResponses(400, 401, 403) },
});

async function page(c: AppContext) {
  const { db } = tenantOf(c);
  const [periods, runs] = await Promise.all([retentionPeriods(db), lastRuns(db)]);
  return { childDays: DETAILS_KEPT_DAYS, periods, runs };
}

export const retentionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(get, async (c) => c.json(await page(c), 200))
  .openapi(put, async (c) => {
    await saveRetentionPeriods(tenantOf(c).db, c.req.valid('json'));
    return c.json(await page(c), 200);
  });
