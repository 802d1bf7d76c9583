import { OpenAPIHono, z } from '@hono/zod-openapi';
import { viewerOf } from '../../auth/viewer';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityStates } from '../activities/rules';
import { monthlyBy, recurrenceUnits, seriesStatuses } from './rules';
import { addOccurrences, createSeries, endSeries, seriesDetail, seriesOfActivity } from './service';

/** The series' organisers: an administrator, or the responsible person of the series' club. */
const organisers = { host: 'community', allow: ['club-responsible', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });

const createBody = z
  .object({
    /** The activity to repeat: it becomes the first occurrence and the template of the others. */
    activityId: z.number().int().positive(),
    /** The activity's club (null or absent for the association's own): its responsible person may make it recurring. */
    clubId: z.number().int().positive().nullable().optional(),
    every: z.number().int().min(1).max(12),
    unit: z.enum(recurrenceUnits),
    monthlyBy: z.enum(monthlyBy).optional(),
    /** At most this many occurrences in all (the first included). */
    count: z.number().int().min(2).max(104).nullable().optional(),
    /** No occurrence starts after this date (in the community's time zone). */
    until: z.iso.date().nullable().optional(),
    /** How many occurrences after the first to draft now. */
    ahead: z.number().int().min(0).max(12).default(2),
  })
  .refine((b) => b.unit === 'month' || b.monthlyBy === undefined, { path: ['monthlyBy'], message: 'Only a monthly series picks its day' });

const create = defineRoute(
  {
    host: 'community',
    allow: 'member',
    body: { field: 'clubId', allow: ['club-responsible', 'association-admin'], otherwise: ['association-admin'] },
  },
  {
    method: 'post',
    path: '/api/series',
    operationId: 'series.create',
    summary:
      'Make an activity recurring every N weeks or months in the community time zone, drafting the next occurrences as activities (an administrator, or the club’s responsible person for a club activity)',
    request: jsonBody(createBody),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Created'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const detailSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    club: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    every: z.number().int(),
    unit: z.enum(recurrenceUnits),
    monthlyBy: z.enum(monthlyBy).nullable(),
    timeZone: z.string(),
    endCount: z.number().int().nullable(),
    endUntil: z.string().nullable(),
    status: z.enum(seriesStatuses),
    templateActivityId: z.number().int(),
    occurrences: z.array(
      z.object({
        position: z.number().int(),
        activityId: z.number().int(),
        title: z.string(),
        state: z.enum(activityStates),
        startsAt: z.string(),
        endsAt: z.string(),
        capacity: z.number().int(),
        feeFen: z.number().int(),
        confirmed: z.number().int(),
      }),
    ),
    /** The next dates the rule gives that have not been drafted yet. */
    upcoming: z.array(z.object({ startsAt: z.string(), endsAt: z.string() })),
    canManage: z.boolean(),
  })
  .openapi('ActivitySeries');

const get = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/series/{id}',
    operationId: 'series.get',
    summary: 'A series, its occurrences the reader may see, and the next dates it gives',
    request: { params: idParam },
    responses: { 200: json(detailSchema, 'Series'), ...errorResponses(400, 404) },
  },
);

const find = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/series',
    operationId: 'series.findByActivity',
    summary: 'The series an activity belongs to, if any',
    request: { query: z.object({ activityId: z.coerce.number().int().positive() }) },
    responses: { 200: json(z.object({ seriesId: z.number().int().nullable() }), 'Series'), ...errorResponses(400) },
  },
);

const add = defineRoute(
  organisers,
  {
    method: 'post',
    path: '/api/series/{id}/occurrences',
    operationId: 'series.addOccurrences',
    summary: 'Draft the next occurrences of a series (409 once it has ended or reached its end)',
    request: { params: idParam, ...jsonBody(z.object({ count: z.number().int().min(1).max(12) })) },
    responses: { 201: json(z.object({ activityIds: z.array(z.number().int()) }), 'Drafted'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const end = defineRoute(organisers, {
  method: 'post',
  path: '/api/series/{id}/end',
  operationId: 'series.end',
  summary: 'End a series: no more occurrences; those already drafted stay (409 when already ended)',
  request: { params: idParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Ended'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const seriesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(find, async (c) =>
    c.json({ seriesId: await seriesOfActivity(tenantOf(c).db, c.req.valid('query').activityId, await viewerOf(c)) }, 200),
  )
  .openapi(get, async (c) => c.json(await seriesDetail(tenantOf(c).db, c.req.valid('param').id, await viewerOf(c)), 200))
  .openapi(create, async (c) => c.json({ id: await createSeries(tenantOf(c).db, memberOf(c), c.req.valid('json')) }, 201))
  .openapi(add, async (c) => {
    const activityIds = await addOccurrences(tenantOf(c).db, memberOf(c), c.req.valid('param').id, c.req.valid('json').count);
    return c.json({ activityIds }, 201);
  })
  .openapi(end, async (c) => {
    await endSeries(tenantOf(c).db, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
