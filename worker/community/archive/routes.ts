/** An administrator's export of the whole community (a zip through an expiring link) and the import into a fresh community. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors';
import type { AppContext, AppEnv } from '../../http/context';
import { identityOf, memberOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { forgetCommunity } from '../../tenancy/directory';
import { communitySettings } from '../profile/service';
import { wallClock } from '../profile/rules';
import { exportStatuses } from './schema';
import { type ExportRow, freshnessProblems, importIntoCommunity, listExports, openDownload, renewLink, startExport } from './service';

const admins = { host: 'community', allow: 'association-admin' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
/** The largest archive taken in one request: Workers read request bodies up to 100 MB. */
const MAX_IMPORT_BYTES = 95 * 1024 * 1024;

const exportView = z.object({
  id: z.number().int(),
  status: z.enum(exportStatuses),
  tablesDone: z.number().int(),
  tablesTotal: z.number().int(),
  rows: z.number().int(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});
const linkView = z.object({ id: z.number().int(), url: z.string(), expiresAt: z.string() });

const view = (row: ExportRow) => ({
  id: row.id,
  status: row.status,
  tablesDone: row.tablesDone,
  tablesTotal: row.tablesTotal,
  rows: row.rows,
  size: row.size,
  sha256: row.sha256,
  error: row.error,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
  expiresAt: row.expiresAt,
});
const downloadUrl = (id: number, token: string) => `/api/archive/exports/${id}/download?token=${encodeURIComponent(token)}`;
const siteOf = (c: AppContext) => {
  const { community } = tenantOf(c);
  return { id: community.id, slug: community.slug, nameZh: community.nameZh };
};

const startRoute = defineRoute(admins, {
  method: 'post',
  path: '/api/archive/exports',
  operationId: 'archive.startExport',
  summary:
    'Export the whole community (association administrators): every table as JSON, readable CSVs and the media; a small community is ready at once, a large one is written through the queue',
  responses: {
    202: json(z.object({ export: exportView, link: linkView.nullable() }), 'Started (or already finished, with its link)'),
    ...errorResponses(401, 403, 409),
  },
});

const listRoute = defineRoute(admins, {
  method: 'get',
  path: '/api/archive/exports',
  operationId: 'archive.listExports',
  summary: "The community's recent exports with their progress",
  responses: { 200: json(z.object({ exports: z.array(exportView) }), 'Exports'), ...errorResponses(401, 403) },
});

const linkRoute = defineRoute(admins, {
  method: 'post',
  path: '/api/archive/exports/{id}/link',
  operationId: 'archive.exportLink',
  summary: 'A download link for a finished export; it works until the export expires',
  request: { params: idParam },
  responses: { 200: json(linkView, 'Link'), ...errorResponses(400, 401, 403, 404) },
});

const downloadRoute = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/archive/exports/{id}/download',
    operationId: 'archive.download',
    summary: "An export's zip file, for whoever holds its link until it expires (the link's token is the permission)",
    request: { params: idParam, query: z.object({ token: z.string().min(16).max(100) }) },
    responses: {
      200: { description: 'The archive', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses(400, 404),
    },
  },
);

const importStatusRoute = defineRoute(admins, {
  method: 'get',
  path: '/api/archive/import',
  operationId: 'archive.importStatus',
  summary: 'Whether this community is fresh enough to take an import, and if not, what it already holds',
  responses: {
    200: json(z.object({ fresh: z.boolean(), problems: z.array(z.string()), maxBytes: z.number().int() }), 'Status'),
    ...errorResponses(401, 403),
  },
});

const importRoute = defineRoute(
  admins,
  {
    method: 'post',
    path: '/api/archive/import',
    operationId: 'archive.import',
    summary:
      "Import a community archive into this fresh community (its administrators): its onboarding content is replaced by the archive's, ids are remapped, history is written, not edited",
    request: { body: { content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } }, required: true } },
    responses: {
      201: json(
        z.object({ rows: z.number().int(), tables: z.record(z.string(), z.number().int()), mediaWritten: z.number().int() }),
        'Imported',
      ),
      ...errorResponses(400, 401, 403, 409),
    },
  },
  { affects: ['metrics'] },
);

async function readZip(c: AppContext) {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/zip' && type !== 'application/x-zip-compressed' && type !== 'application/octet-stream') {
    throw new AppError('unsupported_media_type', 'Send the archive as application/zip', { 'content-type': ['Must be application/zip'] });
  }
  if (Number(c.req.header('content-length') ?? '0') > MAX_IMPORT_BYTES) {
    throw new AppError('validation_failed', 'The archive is too large for one upload', { body: [`At most ${MAX_IMPORT_BYTES} bytes`] });
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw new AppError('validation_failed', 'The archive is empty', { body: ['Not empty'] });
  return bytes;
}

export const archiveRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(startRoute, async (c) => {
    const { db, d1 } = tenantOf(c);
    const { id, token } = await startExport(c.env, db, d1, siteOf(c), memberOf(c).id);
    await audit(c, 'archive.export-started', { exportId: id });
    const row = (await listExports(db)).find((r) => r.id === id) as ExportRow;
    const link = row.status === 'ready' ? { id, url: downloadUrl(id, token), expiresAt: row.expiresAt } : null;
    return c.json({ export: view(row), link }, 202);
  })
  .openapi(listRoute, async (c) => c.json({ exports: (await listExports(tenantOf(c).db)).map(view) }, 200))
  .openapi(linkRoute, async (c) => {
    const { id, token, expiresAt } = await renewLink(tenantOf(c).db, c.req.valid('param').id);
    return c.json({ id, url: downloadUrl(id, token), expiresAt }, 200);
  })
  .openapi(downloadRoute, async (c) => {
    const { db } = tenantOf(c);
    const { job, object } = await openDownload(c.env, db, c.req.valid('param').id, c.req.valid('query').token);
    await audit(c, 'archive.downloaded', { exportId: job.id, size: job.size });
    const { timeZone } = await communitySettings(db);
    const day = wallClock(job.createdAt, timeZone).date;
    return c.body(object.body, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${tenantOf(c).community.slug}-${day}.zip"`,
      'cache-control': 'private, no-store',
    });
  })
  .openapi(importStatusRoute, async (c) => {
    const problems = await freshnessProblems(tenantOf(c).db);
    return c.json({ fresh: problems.length === 0, problems, maxBytes: MAX_IMPORT_BYTES }, 200);
  })
  .openapi(importRoute, async (c) => {
    const { db, d1, community } = tenantOf(c);
    const bytes = await readZip(c);
    const identity = identityOf(c);
    const report = await importIntoCommunity(c.env, db, d1, siteOf(c), bytes, {
      userId: identity.userId,
      displayName: memberOf(c).displayName,
    });
    forgetCommunity(community.slug);
    await audit(c, 'archive.imported', { rows: report.rows, tables: Object.keys(report.tables).length });
    return c.json({ rows: report.rows, tables: report.tables, mediaWritten: report.mediaWritten }, 201);
  });
