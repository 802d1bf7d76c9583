/** A building's monthly notice for its notice board (公告栏). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { issueOutcomes } from '../issues/rules';
import { buildingNotice } from './notice';

const notice = defineRoute(
  { host: 'community', allow: ['building-contact', 'coordinator'] },
  {
    method: 'get',
    path: '/api/buildings/{id}/notice',
    operationId: 'buildings.getNotice',
    summary: "A building's monthly notice: decisions relayed to it that month and next month's activities (its contacts, coordinators)",
    request: {
      params: z.object({ id: z.coerce.number().int().positive() }),
      /** The month on the community's calendar; this month when left out. */
      query: z.object({
        month: z
          .string()
          .regex(/^2[01]\d{2}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM, from 2000 to 2199')
          .optional(),
      }),
    },
    responses: {
      200: json(
        z.object({
          building: z.object({ id: z.number().int(), name: z.string() }),
          month: z.string(),
          nextMonth: z.string(),
          /** The community's time zone: months and times are read on its wall clock. */
          timeZone: z.string(),
          decisions: z.array(
            z.object({
              issueId: z.number().int(),
              title: z.string(),
              outcome: z.enum(issueOutcomes).nullable(),
              decisionText: z.string().nullable(),
              implementationOwner: z.string().nullable(),
              dueOn: z.string().nullable(),
              relayedAt: z.string(),
            }),
          ),
          activities: z.array(
            z.object({
              id: z.number().int(),
              title: z.string(),
              startsAt: z.string(),
              endsAt: z.string(),
              place: z.string(),
              clubName: z.string().nullable(),
              feeFen: z.number().int(),
            }),
          ),
        }),
        'Notice',
      ),
      ...errorResponses(400, 401, 403, 404),
    },
  },
);

export const buildingNoticeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(notice, async (c) =>
  c.json(await buildingNotice(tenantOf(c).db, c.req.valid('param').id, c.req.valid('query').month), 200),
);
