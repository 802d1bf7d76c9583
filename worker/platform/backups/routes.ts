import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { identityOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { sharedRunOf } from '../../tenancy/shared-run';
import { audit } from '../audit';
import { dryRunRestore, restoreBackup } from './restore';
import { startBackupRun } from './runs';
import { backupStatuses, restoreStatuses, restoreTargets } from './schema';
import { backupView, communitiesWithBackups, communityBackupList, latestBackupRun, retiredDatabases } from './service';

/** Operators only, on the platform host: backups, their runs, dry runs and restores. */
const operator = { host: 'platform', allow: 'operator' } as const;

const backupSchema = z
  .object({
    id: z.string(),
    day: z.string(),
    status: z.enum(backupStatuses),
    tablesDone: z.number().int(),
    tablesTotal: z.number().int(),
    rows: z.number().int(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Backup');

const restoreSchema = z
  .object({
    id: z.string(),
    backupId: z.string(),
    target: z.enum(restoreTargets),
    status: z.enum(restoreStatuses),
    newSlug: z.string().nullable(),
    databaseBinding: z.string().nullable(),
    retiredBinding: z.string().nullable(),
    error: z.string().nullable(),
    actorUserId: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('BackupRestore');

const tableDiffSchema = z.object({
  table: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  /** A few keys of each kind, for the operator to look at. */
  samples: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
});

const overview = defineRoute(operator, {
  method: 'get',
  path: '/api/operator/backups',
  operationId: 'operator.getBackups',
  summary: "The latest backup run's progress, each community's latest backup, and the databases restores retired",
  responses: {
    200: json(
      z.object({
        run: z
          .object({
            id: z.string(),
            trigger: z.enum(['schedule', 'operator']),
            day: z.string(),
            total: z.number().int(),
            done: z.number().int(),
            failed: z.number().int(),
            size: z.number().int(),
            startedAt: z.string(),
            finishedAt: z.string().nullable(),
          })
          .nullable(),
        communities: z.array(
          z.object({
            slug: z.string(),
            nameZh: z.string(),
            status: z.enum(['active', 'suspended']),
            kept: z.number().int(),
            latest: backupSchema.nullable(),
          }),
        ),
        retired: z.array(z.object({ binding: z.string(), retiredAt: z.string(), fromSlug: z.string().nullable() })),
      }),
      'Backups',
    ),
    ...errorResponses(401, 403),
  },
});

const startRun = defineRoute(operator, {
  method: 'post',
  path: '/api/operator/backups/runs',
  operationId: 'operator.startBackupRun',
  summary: 'Back up every active community now, or only the one named; the queue does the work',
  request: jsonBody(z.object({ slug: z.string().min(1).max(64).optional() })),
  responses: {
    202: json(z.object({ runId: z.string(), total: z.number().int() }), 'Run started'),
    ...errorResponses(400, 401, 403),
  },
});

const slugParam = z.object({ slug: z.string().min(1).max(64) });
const backupParam = z.object({ backupId: z.string().min(1).max(64) });

const listForCommunity = defineRoute(operator, {
  method: 'get',
  path: '/api/operator/backups/communities/{slug}',
  operationId: 'operator.listCommunityBackups',
  summary: "A community's kept backups, newest first, and its latest restores",
  request: { params: slugParam },
  responses: {
    200: json(
      z.object({
        community: z.object({
          slug: z.string(),
          nameZh: z.string(),
          status: z.enum(['provisioning', 'active', 'suspended']),
          databaseBinding: z.string().nullable(),
        }),
        backups: z.array(backupSchema),
        restores: z.array(restoreSchema),
      }),
      'Backups of the community',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const dryRun = defineRoute(operator, {
  method: 'post',
  path: '/api/operator/backups/{backupId}/dry-run',
  operationId: 'operator.dryRunRestore',
  summary: 'What restoring this backup would change, table by table, against the community as it is now; changes nothing',
  request: { params: backupParam },
  responses: {
    200: json(
      z.object({ backup: backupSchema, community: z.object({ slug: z.string(), nameZh: z.string() }), tables: z.array(tableDiffSchema) }),
      'The differences',
    ),
    ...errorResponses(401, 403, 404, 409),
  },
});

const restore = defineRoute(operator, {
  method: 'post',
  path: '/api/operator/backups/{backupId}/restore',
  operationId: 'operator.restoreBackup',
  summary: "Restore a backup onto a fresh database: as the community's own (its current database is retired) or as a new community",
  request: {
    params: backupParam,
    ...jsonBody(
      z.discriminatedUnion('target', [
        z.object({ target: z.literal('own') }),
        z.object({ target: z.literal('new'), slug: z.string().trim().min(3).max(32), nameZh: z.string().trim().min(1).max(40) }),
      ]),
    ),
  },
  responses: { 200: json(restoreSchema, 'The restore, done'), ...errorResponses(400, 401, 403, 404, 409, 503) },
});

export const backupRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(overview, async (c) => {
    const [run, list, retired] = await Promise.all([latestBackupRun(c.env), communitiesWithBackups(c.env), retiredDatabases(c.env)]);
    return c.json({ run, communities: list, retired }, 200);
  })
  .openapi(startRun, async (c) => {
    const { slug } = c.req.valid('json');
    // Behind the router, a run of every community spans every shard; the shard that records it records the action too.
    const shared = slug === undefined ? sharedRunOf(c.env, c.req.raw.headers) : undefined;
    const started = await startBackupRun(c.env, 'operator', {
      slugs: slug === undefined ? undefined : [slug],
      actorUserId: identityOf(c).userId,
      shared,
    });
    if (shared?.part !== 'join') await audit(c, 'backup.run-started', { runId: started.runId, slug: slug ?? null, total: started.total });
    return c.json(started, 202);
  })
  .openapi(listForCommunity, async (c) => c.json(await communityBackupList(c.env, c.req.valid('param').slug), 200))
  .openapi(dryRun, async (c) => {
    const { backup, community, tables } = await dryRunRestore(c.env, c.req.valid('param').backupId);
    return c.json({ backup: backupView(backup), community: { slug: community.slug, nameZh: community.nameZh }, tables }, 200);
  })
  .openapi(restore, async (c) => {
    const body = c.req.valid('json');
    return c.json(await restoreBackup(c.env, c.req.valid('param').backupId, body, identityOf(c).userId), 200);
  });
