import { OpenAPIHono, z } from '@hono/zod-openapi';
import { platformDb } from '../db/client';
import type { AppEnv } from '../http/context';
import { identityOf } from '../http/context';
import { json } from '../http/openapi-helpers';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { METRIC_KEYS, METRICS, RULE_KEYS, RULES } from './definitions';
import { grantedCommunitiesPage } from './consultant-list';
import { HEADLINE_KEYS, LIST_ORDERS, LIST_PAGE_DEFAULT, LIST_PAGE_MAX } from './list-rules';
import { trajectories } from './service';

/** The consultant's pages, on the platform host: they read snapshots only, never a community's own database. */
const consultant = { host: 'platform', allow: 'consultant' } as const;

const text = z.object({ zh: z.string(), en: z.string() });

export const definitionsSchema = z
  .object({
    metrics: z.array(
      z.object({
        key: z.enum(METRIC_KEYS),
        group: z.enum(['scale', 'participation', 'coordination', 'finance']),
        unit: z.enum(['count', 'share', 'per100', 'days', 'hours', 'of-nine']),
        higherIsBetter: z.boolean().nullable(),
        label: text,
        definition: text,
      }),
    ),
    rules: z.array(
      z.object({ key: z.enum(RULE_KEYS), label: text, definition: text, checks: z.array(z.object({ key: z.string(), label: text })) }),
    ),
  })
  .openapi('MetricDefinitions');

/** As the API answers them (keyed as in the definitions sent alongside); snapshots are checked by `storedFiguresSchema`. */
export const figuresSchema = z
  .object({
    values: z.record(z.string(), z.number().nullable()),
    rules: z.record(z.string(), z.object({ score: z.number(), checks: z.record(z.string(), z.boolean()) })),
  })
  .openapi('Figures');

const communityName = z.object({ zh: z.string(), en: z.string().nullable() });

const grantedCommunitySchema = z.object({
  slug: z.string(),
  name: communityName,
  city: z.string().nullable(),
  grantedAt: z.string(),
  /** When the figures were computed from the community's data; null until the first snapshot. */
  computedAt: z.string().nullable(),
  /** The latest complete month, the one headline figures are for. */
  month: z.string().nullable(),
  /** That month's headline figures and each rule's score (0–1); the whole month is on the community's page. */
  headline: z
    .object({
      values: z.object(
        Object.fromEntries(HEADLINE_KEYS.map((key) => [key, z.number().nullable()])) as Record<
          (typeof HEADLINE_KEYS)[number],
          z.ZodNullable<z.ZodNumber>
        >,
      ),
      scores: z.record(z.string(), z.number()),
    })
    .nullable(),
});

const listQuery = z.object({
  /** Part of the address, either name or the city. */
  q: z.string().max(64).optional(),
  order: z.enum(LIST_ORDERS).default('name'),
  /** The `nextCursor` of the previous page, with the same order and search. */
  cursor: z.string().max(600).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_PAGE_MAX).default(LIST_PAGE_DEFAULT),
});

const trajectorySchema = z.object({
  slug: z.string(),
  name: communityName,
  city: z.string().nullable(),
  computedAt: z.string().nullable(),
  /** The month in progress, whose figures are month-to-date. */
  currentMonth: z.string(),
  months: z.array(z.object({ month: z.string(), figures: figuresSchema })),
});

export const definitions = { metrics: [...METRICS], rules: [...RULES] };

const listGranted = defineRoute(consultant, {
  method: 'get',
  path: '/api/consultant/communities',
  operationId: 'consultants.listCommunities',
  summary:
    "Communities that granted the consultant access, a page at a time, with the latest complete month's headline figures (snapshots only)",
  request: { query: listQuery },
  responses: {
    200: json(
      z.object({
        communities: z.array(grantedCommunitySchema),
        total: z.number().int(),
        nextCursor: z.string().nullable(),
        definitions: definitionsSchema,
      }),
      'A page of granted communities',
    ),
    ...errorResponses(400, 401, 403),
  },
});

const slugsQuery = z.object({
  slugs: z.string().regex(/^[a-z0-9-]{1,64}(,[a-z0-9-]{1,64}){0,11}$/, 'between 1 and 12 community addresses, separated by commas'),
});

const compare = defineRoute(consultant, {
  method: 'get',
  path: '/api/consultant/compare',
  operationId: 'consultants.compare',
  summary: 'Monthly figures of several granted communities, side by side (snapshots only)',
  request: { query: slugsQuery },
  responses: {
    200: json(z.object({ communities: z.array(trajectorySchema), definitions: definitionsSchema }), 'Figures by month'),
    ...errorResponses(400, 401, 403),
  },
});

const trajectory = defineRoute(consultant, {
  method: 'get',
  path: '/api/consultant/communities/{slug}',
  operationId: 'consultants.getTrajectory',
  summary: "One granted community's figures month by month (snapshots only)",
  request: { params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) }) },
  responses: {
    200: json(z.object({ community: trajectorySchema, definitions: definitionsSchema }), 'Figures by month'),
    ...errorResponses(400, 401, 403),
  },
});

export const consultantRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listGranted, async (c) => {
    const page = await grantedCommunitiesPage(platformDb(c.env.PLATFORM_DB), identityOf(c).userId, c.req.valid('query'));
    return c.json({ ...page, definitions }, 200);
  })
  .openapi(compare, async (c) => {
    const slugs = [...new Set(c.req.valid('query').slugs.split(','))];
    return c.json({ communities: await trajectories(platformDb(c.env.PLATFORM_DB), identityOf(c).userId, slugs), definitions }, 200);
  })
  .openapi(trajectory, async (c) => {
    const [community] = await trajectories(platformDb(c.env.PLATFORM_DB), identityOf(c).userId, [c.req.valid('param').slug]);
    return c.json({ community: community!, definitions }, 200);
  });
