import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { platformDb } from '../db/client';
import { auditLog, communities, platformRoles } from '../db/platform-schema';
import { AppError } from '../errors';
import type { AppContext, AppEnv } from '../http/context';
import { identityOf } from '../http/context';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { forgetCommunity } from '../tenancy/directory';
import { communityUrl } from '../tenancy/host';
import { poolHealth, poolStats, poolWarnBelow, registerPoolBindings } from '../tenancy/pool';
import { PREPARE_AT_MOST, prepareFreeDatabases, warmPoolTarget } from '../tenancy/warm-pool';
import { communitySetupSchema } from './community-setup';
import { type CommunityRow, provisionSteps, recordSignUp, runProvisioning } from './provisioning';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const communityStatusSchema = z
  .object({
    slug: z.string(),
    name: z.object({ zh: z.string(), en: z.string().nullable() }),
    status: z.enum(['provisioning', 'active', 'suspended']),
    step: z.enum(provisionSteps),
    steps: z.array(z.enum(provisionSteps)),
    url: z.string(),
    error: z.string().nullable(),
  })
  .openapi('CommunityStatus');

function statusView(c: AppContext, row: CommunityRow): z.infer<typeof communityStatusSchema> {
  return {
    slug: row.slug,
    name: { zh: row.nameZh, en: row.nameEn },
    status: row.status,
    step: row.provisionStep,
    steps: [...provisionSteps],
    url: communityUrl(row.slug, c.req.url),
    error: row.provisionError,
  };
}

async function findBySlug(c: AppContext, slug: string): Promise<CommunityRow> {
  const row = await platformDb(c.env.PLATFORM_DB).query.communities.findFirst({ where: eq(communities.slug, slug) });
  if (!row) throw new AppError('not_found', 'No such community');
  return row;
}

async function isOperator(c: AppContext, userId: string): Promise<boolean> {
  const rows = await platformDb(c.env.PLATFORM_DB)
    .select({ role: platformRoles.role })
    .from(platformRoles)
    .where(and(eq(platformRoles.userId, userId), eq(platformRoles.role, 'operator')));
  return rows.length > 0;
}

const platform = { host: 'platform' } as const;
const slugParam = z.object({ slug: z.string().min(1).max(64) });

const createCommunity = defineRoute(
  { ...platform, allow: 'signed-in' },
  {
    method: 'post',
    path: '/api/communities',
    operationId: 'platform.createCommunity',
    summary: 'Start a community: claims a database, migrates it and fills it from the template',
    request: { body: { content: { 'application/json': { schema: communitySetupSchema } }, required: true } },
    responses: {
      201: json(communityStatusSchema, 'Created and active'),
      202: json(communityStatusSchema, 'Created; provisioning stopped part-way and can be resumed'),
      ...errorResponses(400, 401, 409, 429, 503),
    },
  },
  { rateLimit: 'start-community' },
);

const getCommunityStatus = defineRoute(
  { ...platform, allow: 'public' },
  {
    method: 'get',
    path: '/api/communities/{slug}',
    operationId: 'platform.getCommunityStatus',
    summary: "A community's status, for following its provisioning",
    request: { params: slugParam },
    responses: { 200: json(communityStatusSchema, 'Status'), ...errorResponses(404) },
  },
);

const resumeCommunity = defineRoute(
  { ...platform, allow: 'signed-in' },
  {
    method: 'post',
    path: '/api/communities/{slug}/resume',
    operationId: 'platform.resumeCommunity',
    summary: 'Finish an interrupted provisioning (founder or operator)',
    request: { params: slugParam },
    responses: {
      200: json(communityStatusSchema, 'Status after resuming'),
      ...errorResponses(401, 403, 404, 503),
    },
  },
);

const operatorOverview = defineRoute(
  { ...platform, allow: 'operator' },
  {
    method: 'get',
    path: '/api/operator/overview',
    operationId: 'operator.getOverview',
    summary: 'The database pool (with a warning when few databases are free) and all communities (operators)',
    responses: {
      200: json(
        z.object({
          pool: z.object({
            total: z.number().int(),
            free: z.number().int(),
            /** Free databases already migrated and holding a template's rows (worker/tenancy/warm-pool.ts). */
            prepared: z.number().int(),
            /** How many each Worker keeps prepared (`WARM_POOL_TARGET`). */
            preparedTarget: z.number().int(),
            used: z.number().int(),
            /** Fewer free databases than this is low (`POOL_WARN_BELOW`). */
            warnBelow: z.number().int(),
            /** Time to grow the pool: fewer free than `warnBelow`. */
            low: z.boolean(),
            /** Each Worker's part of the pool: `main` for one Worker, `shard-1`… behind the router (docs/scaling.md). */
            shards: z.array(
              z.object({
                shard: z.string(),
                total: z.number().int(),
                free: z.number().int(),
                prepared: z.number().int(),
                used: z.number().int(),
              }),
            ),
          }),
          communities: z.array(
            z.object({
              slug: z.string(),
              nameZh: z.string(),
              founderUserId: z.string(),
              status: z.enum(['provisioning', 'active', 'suspended']),
              step: z.enum(provisionSteps),
              databaseBinding: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
          recent: z.array(z.object({ at: z.string(), action: z.string(), actorUserId: z.string().nullable() })),
        }),
        'Overview',
      ),
      ...errorResponses(401, 403),
    },
  },
);

const setCommunityStatus = defineRoute(
  { ...platform, allow: 'operator' },
  {
    method: 'post',
    path: '/api/operator/communities/{slug}/status',
    operationId: 'operator.setCommunityStatus',
    summary: 'Suspend or reactivate a community (operators)',
    request: {
      params: slugParam,
      body: { content: { 'application/json': { schema: z.object({ status: z.enum(['active', 'suspended']) }) } }, required: true },
    },
    responses: { 200: json(communityStatusSchema, 'New status'), ...errorResponses(400, 401, 403, 404, 409) },
  },
);

const preparePool = defineRoute(
  { ...platform, allow: 'operator' },
  {
    method: 'post',
    path: '/api/operator/pool/prepare',
    operationId: 'operator.preparePool',
    summary: "Prepare free databases for sign-ups now, as the 5-minute cron does: up to `count` of this Worker's (operators)",
    request: {
      body: {
        content: { 'application/json': { schema: z.object({ count: z.number().int().min(1).max(PREPARE_AT_MOST) }) } },
        required: true,
      },
    },
    responses: {
      200: json(
        z.object({
          template: z.string(),
          prepared: z.array(z.string()),
          failed: z.array(z.object({ binding: z.string(), error: z.string() })),
        }),
        'What was prepared',
      ),
      ...errorResponses(400, 401, 403),
    },
  },
);

/** Routes of the platform's own host: sign-up and operators' pages. */
export const platformRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(createCommunity, async (c) => {
    const identity = identityOf(c);
    const record = await recordSignUp(c.env, c.req.valid('json'), identity);
    try {
      const row = await runProvisioning(c.env, record.community.id, {}, record);
      return c.json(statusView(c, row), 201);
    } catch (error) {
      if (error instanceof AppError) throw error;
      console.error('provisioning stopped part-way', record.community.slug, error);
      return c.json(statusView(c, await findBySlug(c, record.community.slug)), 202);
    }
  })
  .openapi(getCommunityStatus, async (c) => {
    const row = await findBySlug(c, c.req.valid('param').slug);
    // Anyone may follow the progress; only the founder and the operators read why a step failed.
    const viewer = c.get('identity')?.userId;
    const readsError = viewer !== undefined && (viewer === row.founderUserId || (await isOperator(c, viewer)));
    return c.json({ ...statusView(c, row), error: readsError ? row.provisionError : null }, 200);
  })
  .openapi(resumeCommunity, async (c) => {
    const identity = identityOf(c);
    const row = await findBySlug(c, c.req.valid('param').slug);
    if (row.founderUserId !== identity.userId && !(await isOperator(c, identity.userId))) {
      throw new AppError('forbidden', 'Only the founder or an operator may resume this');
    }
    try {
      return c.json(statusView(c, await runProvisioning(c.env, row.id)), 200);
    } catch (error) {
      if (error instanceof AppError) throw error;
      return c.json(statusView(c, await findBySlug(c, row.slug)), 200);
    }
  })
  .openapi(operatorOverview, async (c) => {
    await registerPoolBindings(c.env);
    const db = platformDb(c.env.PLATFORM_DB);
    const [pool, rows, recent] = await Promise.all([
      poolStats(c.env.PLATFORM_DB),
      db.select().from(communities).orderBy(desc(communities.createdAt)),
      db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(20),
    ]);
    return c.json(
      {
        pool: { ...poolHealth(pool, poolWarnBelow(c.env.POOL_WARN_BELOW)), preparedTarget: warmPoolTarget(c.env.WARM_POOL_TARGET) },
        communities: rows.map((r) => ({
          slug: r.slug,
          nameZh: r.nameZh,
          founderUserId: r.founderUserId,
          status: r.status,
          step: r.provisionStep,
          databaseBinding: r.databaseBinding,
          createdAt: r.createdAt,
        })),
        recent: recent.map((r) => ({ at: r.at, action: r.action, actorUserId: r.actorUserId })),
      },
      200,
    );
  })
  .openapi(setCommunityStatus, async (c) => {
    const row = await findBySlug(c, c.req.valid('param').slug);
    const { status } = c.req.valid('json');
    if (row.status === 'provisioning') throw new AppError('conflict', 'This community is still being set up');
    const db = platformDb(c.env.PLATFORM_DB);
    await db.batch([
      db.update(communities).set({ status }).where(eq(communities.id, row.id)),
      db.insert(auditLog).values({
        actorUserId: identityOf(c).userId,
        communityId: row.id,
        action: status === 'suspended' ? 'community.suspended' : 'community.reactivated',
        detail: { from: row.status },
      }),
    ]);
    forgetCommunity(row.slug);
    return c.json(statusView(c, await findBySlug(c, row.slug)), 200);
  })
  .openapi(preparePool, async (c) => {
    const report = await prepareFreeDatabases(c.env, c.req.valid('json').count);
    await platformDb(c.env.PLATFORM_DB)
      .insert(auditLog)
      .values({
        actorUserId: identityOf(c).userId,
        action: 'pool.prepared',
        detail: { template: report.template, prepared: report.prepared.length, failed: report.failed.length },
      });
    return c.json(report, 200);
  });
