import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../errors';
import type { AppContext, AppEnv } from '../http/context';
import { identityOf, tenantOf } from '../http/context';
import { json } from '../http/openapi-helpers';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { recordAudit } from '../platform/audit';
import { METRIC_KEYS, METRICS, RULE_KEYS, RULES } from './definitions';
import { latestRun, startSnapshotRun } from './snapshots';

const text = z.object({ zh: z.string(), en: z.string() });

const definitionsSchema = z
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

const figuresSchema = z
  .object({
    values: z.record(z.string(), z.number().nullable()),
    rules: z.record(z.string(), z.object({ score: z.number(), checks: z.record(z.string(), z.boolean()) })),
  })
  .openapi('Figures');

const monthFiguresSchema = z.object({ month: z.string(), figures: figuresSchema });

const grantedCommunitySchema = z.object({
  slug: z.string(),
  name: z.object({ zh: z.string(), en: z.string().nullable() }),
  city: z.string().nullable(),
  grantedAt: z.string(),
  /** When the figures were computed from the community's data; null until the first snapshot. */
  computedAt: z.string().nullable(),
  /** The latest complete month, the one headline figures are for. */
  month: z.string().nullable(),
  headline: figuresSchema.nullable(),
});

const trajectorySchema = z.object({
  slug: z.string(),
  name: z.object({ zh: z.string(), en: z.string().nullable() }),
  city: z.string().nullable(),
  computedAt: z.string().nullable(),
  /** The month in progress, whose figures are month-to-date. */
  currentMonth: z.string(),
  months: z.array(monthFiguresSchema),
});

const definitions = { metrics: [...METRICS], rules: [...RULES] };

interface SnapshotRow {
  communityId: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  setup: string;
  grantedAt: string;
  month: string | null;
  figures: string | null;
  computedAt: string | null;
}

const cityOf = (setup: string): string | null => {
  try {
    const parsed = JSON.parse(setup) as { city?: unknown };
    return typeof parsed.city === 'string' ? parsed.city : null;
  } catch {
    return null;
  }
};

const currentMonth = () => new Date().toISOString().slice(0, 7);
const previousMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** Active communities that granted this consultant (?1) access and have not revoked it. */
const GRANTED = `g.consultant_user_id = ?1 AND g.revoked_at IS NULL AND c.status = 'active'`;

// ---- The consultant's pages (platform host) ----

const consultant = { host: 'platform', allow: 'consultant' } as const;

const listGranted = defineRoute(consultant, {
  method: 'get',
  path: '/api/consultant/communities',
  operationId: 'consultants.listCommunities',
  summary: "Communities that granted the consultant access, with the latest complete month's figures (snapshots only)",
  responses: {
    200: json(z.object({ communities: z.array(grantedCommunitySchema), definitions: definitionsSchema }), 'Granted communities'),
    ...errorResponses(401, 403),
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

async function trajectories(c: AppContext, slugs: readonly string[]) {
  const userId = identityOf(c).userId;
  const placeholders = slugs.map((_, i) => `?${i + 2}`).join(',');
  const { results } = await c.env.PLATFORM_DB.prepare(
    `SELECT c.id AS communityId, c.slug, c.name_zh AS nameZh, c.name_en AS nameEn, c.setup, g.granted_at AS grantedAt,
       s.month, s.figures, s.computed_at AS computedAt
     FROM consultant_grants g JOIN communities c ON c.id = g.community_id
     LEFT JOIN metric_snapshots s ON s.community_id = c.id
     WHERE ${GRANTED} AND c.slug IN (${placeholders})
     ORDER BY c.slug, s.month`,
  )
    .bind(userId, ...slugs)
    .all<SnapshotRow>();
  const bySlug = new Map<string, z.infer<typeof trajectorySchema>>();
  for (const row of results) {
    let entry = bySlug.get(row.slug);
    if (!entry) {
      entry = {
        slug: row.slug,
        name: { zh: row.nameZh, en: row.nameEn },
        city: cityOf(row.setup),
        computedAt: null,
        currentMonth: currentMonth(),
        months: [],
      };
      bySlug.set(row.slug, entry);
    }
    if (row.month && row.figures) {
      entry.months.push({ month: row.month, figures: JSON.parse(row.figures) });
      if (row.computedAt && (!entry.computedAt || row.computedAt > entry.computedAt)) entry.computedAt = row.computedAt;
    }
  }
  // Not granted and not there look the same: nothing about a community is shown without its grant.
  const missing = slugs.filter((s) => !bySlug.has(s));
  if (missing.length > 0)
    throw new AppError('forbidden', 'No access to the figures of one or more of these communities', { slugs: missing });
  return slugs.map((s) => bySlug.get(s)!);
}

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

// ---- Grants (community host, association admins) ----

const admin = { host: 'community', allow: 'association-admin' } as const;

const grantSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
  /** The granting admin's name in this community, when they are still a member. */
  grantedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const listGrants = defineRoute(admin, {
  method: 'get',
  path: '/api/consultant-access',
  operationId: 'consultantAccess.list',
  summary: "Consultants who may read this community's aggregate figures, and those an admin can grant",
  responses: {
    200: json(
      z.object({
        grants: z.array(grantSchema),
        directory: z.array(z.object({ userId: z.string(), displayName: z.string(), organisation: z.string() })),
      }),
      'Grants and the consultant directory',
    ),
    ...errorResponses(401, 403),
  },
});

const consultantParam = z.object({ userId: z.string().min(1).max(120) });

const grant = defineRoute(admin, {
  method: 'put',
  path: '/api/consultant-access/{userId}',
  operationId: 'consultantAccess.grant',
  summary: "Grant a consultant read access to this community's aggregate figures (never personal data)",
  request: { params: consultantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Granted'), ...errorResponses(400, 401, 403, 404) },
});

const revoke = defineRoute(admin, {
  method: 'delete',
  path: '/api/consultant-access/{userId}',
  operationId: 'consultantAccess.revoke',
  summary: "Revoke a consultant's access; their next request is refused",
  request: { params: consultantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Revoked'), ...errorResponses(400, 401, 403, 404) },
});

// ---- Operators: the snapshot runs ----

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

const listConsultants = defineRoute(operator, {
  method: 'get',
  path: '/api/operator/consultants',
  operationId: 'operator.listConsultants',
  summary: 'Consultants registered on the platform, with how many communities granted each access',
  responses: {
    200: json(z.object({ consultants: z.array(consultantEntry.extend({ grants: z.number() })) }), 'Consultants'),
    ...errorResponses(401, 403),
  },
});

const registerConsultant = defineRoute(operator, {
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

const removeConsultant = defineRoute(operator, {
  method: 'delete',
  path: '/api/operator/consultants/{userId}',
  operationId: 'operator.removeConsultant',
  summary: 'Take the consultant role away; their grants stop working at once',
  request: { params: consultantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Removed'), ...errorResponses(400, 401, 403, 404) },
});

export const metricsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listGranted, async (c) => {
    const userId = identityOf(c).userId;
    // Each community's latest complete month, or its only month if it is brand new.
    const { results } = await c.env.PLATFORM_DB.prepare(
      `SELECT c.id AS communityId, c.slug, c.name_zh AS nameZh, c.name_en AS nameEn, c.setup, g.granted_at AS grantedAt,
         s.month, s.figures, s.computed_at AS computedAt
       FROM consultant_grants g JOIN communities c ON c.id = g.community_id
       LEFT JOIN metric_snapshots s ON s.community_id = c.id AND s.month = ?2
       WHERE ${GRANTED}
       ORDER BY c.slug`,
    )
      .bind(userId, previousMonth())
      .all<SnapshotRow>();
    return c.json(
      {
        communities: results.map((r) => ({
          slug: r.slug,
          name: { zh: r.nameZh, en: r.nameEn },
          city: cityOf(r.setup),
          grantedAt: r.grantedAt,
          computedAt: r.computedAt,
          month: r.month,
          headline: r.figures ? JSON.parse(r.figures) : null,
        })),
        definitions,
      },
      200,
    );
  })
  .openapi(compare, async (c) => {
    const slugs = [...new Set(c.req.valid('query').slugs.split(','))];
    return c.json({ communities: await trajectories(c, slugs), definitions }, 200);
  })
  .openapi(trajectory, async (c) => {
    const [community] = await trajectories(c, [c.req.valid('param').slug]);
    return c.json({ community: community!, definitions }, 200);
  })
  .openapi(listGrants, async (c) => {
    const { community } = tenantOf(c);
    const [grants, directory] = await c.env.PLATFORM_DB.batch<Record<string, unknown>>([
      c.env.PLATFORM_DB.prepare(
        `SELECT g.consultant_user_id AS userId, COALESCE(p.display_name, g.consultant_user_id) AS displayName,
           COALESCE(p.organisation, '') AS organisation, g.granted_at AS grantedAt, g.granted_by AS grantedBy, g.revoked_at AS revokedAt
         FROM consultant_grants g LEFT JOIN consultant_profiles p ON p.user_id = g.consultant_user_id
         WHERE g.community_id = ?1 ORDER BY g.revoked_at IS NOT NULL, g.granted_at DESC`,
      ).bind(community.id),
      c.env.PLATFORM_DB.prepare(
        `SELECT p.user_id AS userId, p.display_name AS displayName, p.organisation
         FROM consultant_profiles p JOIN platform_roles r ON r.user_id = p.user_id AND r.role = 'consultant'
         ORDER BY p.display_name`,
      ),
    ]);
    const grantRows = (grants!.results ?? []) as Omit<z.infer<typeof grantSchema>, 'grantedByName'>[];
    const granters = [...new Set(grantRows.map((g) => g.grantedBy))];
    const names = new Map<string, string>();
    if (granters.length > 0) {
      const { results } = await tenantOf(c)
        .d1.prepare(
          `SELECT user_id AS userId, display_name AS displayName FROM members WHERE user_id IN (${granters.map((_, i) => `?${i + 1}`).join(',')})`,
        )
        .bind(...granters)
        .all<{ userId: string; displayName: string }>();
      for (const r of results) names.set(r.userId, r.displayName);
    }
    return c.json(
      {
        grants: grantRows.map((g) => ({ ...g, grantedByName: names.get(g.grantedBy) ?? null })),
        directory: (directory!.results ?? []) as { userId: string; displayName: string; organisation: string }[],
      },
      200,
    );
  })
  .openapi(grant, async (c) => {
    const { community } = tenantOf(c);
    const { userId } = c.req.valid('param');
    const actor = identityOf(c).userId;
    const known = await c.env.PLATFORM_DB.prepare(
      `SELECT 1 AS ok FROM consultant_profiles p JOIN platform_roles r ON r.user_id = p.user_id AND r.role = 'consultant' WHERE p.user_id = ?1`,
    )
      .bind(userId)
      .first();
    if (!known) throw new AppError('not_found', 'No consultant with this id is registered on the platform');
    await c.env.PLATFORM_DB.batch([
      c.env.PLATFORM_DB.prepare(
        `INSERT INTO consultant_grants (community_id, consultant_user_id, granted_by) VALUES (?1, ?2, ?3)
         ON CONFLICT (community_id, consultant_user_id) DO UPDATE SET
           granted_by = excluded.granted_by, granted_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), revoked_at = NULL
         WHERE consultant_grants.revoked_at IS NOT NULL`,
      ).bind(community.id, userId, actor),
      c.env.PLATFORM_DB.prepare('INSERT INTO audit_log (actor_user_id, community_id, action, detail) VALUES (?1, ?2, ?3, ?4)').bind(
        actor,
        community.id,
        'consultant.granted',
        JSON.stringify({ consultantUserId: userId }),
      ),
    ]);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(revoke, async (c) => {
    const { community } = tenantOf(c);
    const { userId } = c.req.valid('param');
    const actor = identityOf(c).userId;
    const active = `community_id = ?1 AND consultant_user_id = ?2 AND revoked_at IS NULL`;
    // The audit row and the revocation go together, or neither does.
    const [, result] = await c.env.PLATFORM_DB.batch([
      c.env.PLATFORM_DB.prepare(
        `INSERT INTO audit_log (actor_user_id, community_id, action, detail)
         SELECT ?3, ?1, 'consultant.revoked', json_object('consultantUserId', ?2) WHERE EXISTS (SELECT 1 FROM consultant_grants WHERE ${active})`,
      ).bind(community.id, userId, actor),
      c.env.PLATFORM_DB.prepare(`UPDATE consultant_grants SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE ${active}`).bind(
        community.id,
        userId,
      ),
    ]);
    if (result!.meta.changes === 0) throw new AppError('not_found', 'This consultant has no access to revoke');
    return c.json({ ok: true as const }, 200);
  })
  .openapi(startRun, async (c) => {
    const run = await startSnapshotRun(c.env, 'operator');
    await recordAudit(c.env.PLATFORM_DB, {
      actorUserId: identityOf(c).userId,
      communityId: null,
      action: 'metrics.run-started',
      detail: run,
    });
    return c.json(run, 202);
  })
  .openapi(getLatestRun, async (c) => c.json({ run: await latestRun(c.env) }, 200))
  .openapi(listConsultants, async (c) => {
    const { results } = await c.env.PLATFORM_DB.prepare(
      `SELECT p.user_id AS userId, p.display_name AS displayName, p.organisation, p.created_at AS createdAt,
         (SELECT COUNT(*) FROM consultant_grants g WHERE g.consultant_user_id = p.user_id AND g.revoked_at IS NULL) AS grants
       FROM consultant_profiles p JOIN platform_roles r ON r.user_id = p.user_id AND r.role = 'consultant' ORDER BY p.display_name`,
    ).all<z.infer<typeof consultantEntry> & { grants: number }>();
    return c.json({ consultants: results }, 200);
  })
  .openapi(registerConsultant, async (c) => {
    const { userId } = c.req.valid('param');
    const { displayName, organisation } = c.req.valid('json');
    const db = c.env.PLATFORM_DB;
    await db.batch([
      db
        .prepare(
          `INSERT INTO consultant_profiles (user_id, display_name, organisation) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, organisation = excluded.organisation`,
        )
        .bind(userId, displayName, organisation),
      db.prepare("INSERT OR IGNORE INTO platform_roles (user_id, role) VALUES (?1, 'consultant')").bind(userId),
      db
        .prepare("INSERT INTO audit_log (actor_user_id, action, detail) VALUES (?1, 'consultant.registered', ?2)")
        .bind(identityOf(c).userId, JSON.stringify({ consultantUserId: userId, displayName, organisation })),
    ]);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(removeConsultant, async (c) => {
    const { userId } = c.req.valid('param');
    const db = c.env.PLATFORM_DB;
    const [, removed] = await db.batch([
      db
        .prepare(
          `INSERT INTO audit_log (actor_user_id, action, detail) SELECT ?2, 'consultant.removed', json_object('consultantUserId', ?1)
         WHERE EXISTS (SELECT 1 FROM platform_roles WHERE user_id = ?1 AND role = 'consultant')`,
        )
        .bind(userId, identityOf(c).userId),
      db.prepare("DELETE FROM platform_roles WHERE user_id = ?1 AND role = 'consultant'").bind(userId),
    ]);
    if (removed!.meta.changes === 0) throw new AppError('not_found', 'This person is not a consultant');
    return c.json({ ok: true as const }, 200);
  });
