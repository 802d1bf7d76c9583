import { OpenAPIHono, z } from '@hono/zod-openapi';
import { platformDb } from '../db/client';
import type { AppEnv } from '../http/context';
import { identityOf } from '../http/context';
import { json } from '../http/openapi-helpers';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { audit } from '../platform/audit';
import { sharedRunOf } from '../tenancy/shared-run';
import { listConsultants, registerConsultant, removeConsultant } from './service';
import { latestRun, startSnapshotRun } from './snapshots';

/** Operators (platform host): the snapshot runs, and who is a consultant. */
const operator = { host: 'platform', allow: 'operator' } as const;

const runSchema = z
  .object({
    id: z.string(),
    trigger: z.string(),
    total: z.number(),
    done: z.number(),
    failed: z.number(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('SnapshotRun');

const startRun = defineRoute(operator, {
  method: 'post',
  path: '/api/operator/metrics/runs',
  operationId: 'operator.startMetricsRun',
  summary: "Recompute every active community's metric snapshots now (fans out over the queue)",
  responses: { 202: json(z.object({ runId: z.string(), total: z.number() }), 'Started'), ...errorResponses(401, 403) },
});

const getLatestRun = defineRoute(operator, {
  method: 'get',
  path: '/api/operator/metrics/runs/latest',
  operationId: 'operator.getLatestMetricsRun',
  summary: 'Progress of the latest snapshot run',
  responses: { 200: json(z.object({ run: runSchema.nullable() }), 'Latest run'), ...errorResponses(401, 403) },
});

const consultantEntry = z.object({ userId: z.string(), displayName: z.string(), organisation: z.string(), createdAt: z.string() });

const consultantParam = z.object({ userId: z.string().min(1).max(120) });

const listRegistered = defineRoute(operator, {
  method: 'get',
  path: '/api/operator/consultants',
  operationId: 'operator.listConsultants',
  summary: 'Consultants registered on the platform, with how many communities granted each access',
  responses: {
    200: json(z.object({ consultants: z.array(consultantEntry.extend({ grants: z.number() })) }), 'Consultants'),
    ...errorResponses(401, 403),
  },
});

const register = defineRoute(operator, {
  method: 'put',
  path: '/api/operator/consultants/{userId}',
  operationId: 'operator.registerConsultant',
  summary: 'Give a signed-up person the consultant role, with the name and organisation admins will see',
  request: {
    params: consultantParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ displayName: z.string().trim().min(1).max(40), organisation: z.string().trim().max(80).default('') }),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Registered'), ...errorResponses(400, 401, 403) },
});

const remove = defineRoute(operator, {
  method: 'delete',
  path: '/api/operator/consultants/{userId}',
  operationId: 'operator.removeConsultant',
  summary: 'Take the consultant role away; their grants stop working at once',
  request: { params: consultantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Removed'), ...errorResponses(400, 401, 403, 404) },
});

export const operatorRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(startRun, async (c) => {
    // Behind the router, one run spans every shard; the shard that records it records the operator's action too.
    const shared = sharedRunOf(c.env, c.req.raw.headers);
    const run = await startSnapshotRun(c.env, 'operator', shared);
    if (shared?.part !== 'join') await audit(c, 'metrics.run-started', run);
    return c.json(run, 202);
  })
  .openapi(getLatestRun, async (c) => c.json({ run: await latestRun(c.env) }, 200))
  .openapi(listRegistered, async (c) => c.json({ consultants: await listConsultants(platformDb(c.env.PLATFORM_DB)) }, 200))
  .openapi(register, async (c) => {
    const { displayName, organisation } = c.req.valid('json');
    await registerConsultant(platformDb(c.env.PLATFORM_DB), identityOf(c).userId, c.req.valid('param').userId, {
      displayName,
      organisation,
    });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(remove, async (c) => {
    await removeConsultant(platformDb(c.env.PLATFORM_DB), identityOf(c).userId, c.req.valid('param').userId);
    return c.json({ ok: true as const }, 200);
  });
