import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody, localeQuery } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { markdownToHtml } from '../../templates/markdown';
import { renderPlaceholders } from '../../templates/placeholders';
import { author, prepared, preparedWith, viewerIsAdmin } from './prepare';
import {
  getRevision,
  handbookChaptersRead,
  handbookListRead,
  listHandbooks,
  listRevisions,
  readHandbook,
  restoreRevision,
  saveChapter,
} from './service';

const community = { host: 'community' } as const;
const handbookKey = z.string().regex(/^[a-z][a-z-]{0,40}$/);
const chapterKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const chapterParams = z.object({ handbook: handbookKey, key: chapterKey });
const revisionParams = chapterParams.extend({ number: z.coerce.number().int().positive() });
const texts = z.object({ title: z.string(), body: z.string() });

const factsSchema = z.object({
  name: z.object({ zh: z.string(), en: z.string().nullable() }),
  city: z.string(),
  district: z.string().nullable(),
  households: z.number(),
  residents: z.number().nullable(),
  foundedOn: z.string().nullable(),
  surplusRatePercent: z.number().nullable(),
  buildings: z.array(z.string()),
  contactsRequired: z.number(),
  parties: z.record(z.string(), z.string().nullable()),
  programs: z.array(z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }), enabled: z.boolean() })),
  bodies: z.array(z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })),
});

const chapterSchema = z.object({
  key: z.string(),
  position: z.number().int(),
  title: z.string(),
  body: z.string().optional().openapi({ description: 'The Markdown as written; left out when view=read (readers get html)' }),
  edited: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.string(),
  draft: texts.nullable(),
  html: z.string().openapi({
    description: "The published text as readers see it: the community's facts filled in and the Markdown rendered, raw HTML escaped",
  }),
});

const readQuery = localeQuery.extend({
  view: z.enum(['read', 'edit']).default('edit').openapi({
    description: 'read: the chapters as readers see them (html), without the Markdown they are written in, half the size; edit: both',
  }),
});

const saveBody = z.object({
  title: z.string().trim().min(1).max(120),
  body: z.string().max(100_000),
  summary: z.string().trim().min(1).max(200),
  publish: z.boolean().default(true),
  baseRevision: z.number().int().positive(),
});

const revisionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(['template', 'edit', 'draft', 'restore', 'upgrade']),
  published: z.boolean(),
  templateVersion: z.number().int().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

const listRoute = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/handbooks',
    operationId: 'handbooks.list',
    summary: "The community's handbooks and their chapters",
    request: { query: localeQuery },
    responses: {
      200: json(
        z.object({
          templateVersion: z.number().int(),
          facts: factsSchema,
          handbooks: z.array(
            z.object({
              key: z.string(),
              title: z.string(),
              chapters: z.array(
                z.object({
                  key: z.string(),
                  position: z.number(),
                  title: z.string(),
                  edited: z.boolean(),
                  hasDraft: z.boolean(),
                  revision: z.number(),
                }),
              ),
            }),
          ),
        }),
        'Handbooks',
      ),
      ...errorResponses(400, 404),
    },
  },
);

const readRoute = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/handbooks/{handbook}',
    operationId: 'handbooks.get',
    summary: 'A whole handbook with the facts its placeholders need (drafts only for administrators)',
    request: { params: z.object({ handbook: handbookKey }), query: readQuery },
    responses: {
      200: json(
        z.object({
          key: z.string(),
          title: z.string(),
          templateVersion: z.number().int(),
          facts: factsSchema,
          chapters: z.array(chapterSchema),
        }),
        'Handbook',
      ),
      ...errorResponses(400, 404),
    },
  },
);

const saveRoute = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'put',
    path: '/api/handbooks/{handbook}/chapters/{key}',
    operationId: 'handbooks.saveChapter',
    summary: 'Save a chapter as a new revision, published or as a private draft',
    request: { params: chapterParams, query: localeQuery, ...jsonBody(saveBody) },
    responses: {
      200: json(z.object({ revision: z.number().int(), edited: z.boolean() }), 'Saved'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
);

const revisionsRoute = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/handbooks/{handbook}/chapters/{key}/revisions',
    operationId: 'handbooks.listRevisions',
    summary: "A chapter's revisions, newest first",
    request: { params: chapterParams, query: localeQuery },
    responses: {
      200: json(
        z.object({ chapter: z.object({ key: z.string(), title: z.string(), revision: z.number() }), revisions: z.array(revisionSummary) }),
        'Revisions',
      ),
      ...errorResponses(401, 403, 404),
    },
  },
);

const revisionRoute = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/handbooks/{handbook}/chapters/{key}/revisions/{number}',
    operationId: 'handbooks.getRevision',
    summary: 'One revision of a chapter',
    request: { params: revisionParams, query: localeQuery },
    responses: {
      200: json(revisionSummary.omit({ templateVersion: true }).extend({ body: z.string() }), 'Revision'),
      ...errorResponses(401, 403, 404),
    },
  },
);

const restoreRoute = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/handbooks/{handbook}/chapters/{key}/revisions/{number}/restore',
    operationId: 'handbooks.restoreRevision',
    summary: 'Restore an earlier revision as the newest one',
    request: { params: revisionParams, query: localeQuery, ...jsonBody(z.object({ baseRevision: z.number().int().positive() })) },
    responses: {
      200: json(z.object({ revision: z.number().int(), edited: z.boolean() }), 'Restored'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
);

export const handbookRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listRoute, async (c) => {
    const { locale } = c.req.valid('query');
    const { template, templateVersion, facts, rows } = await preparedWith(c, handbookListRead(tenantOf(c).db, locale));
    const handbooks = listHandbooks(template, locale, await viewerIsAdmin(c), rows);
    return c.json({ templateVersion, facts, handbooks }, 200);
  })
  .openapi(readRoute, async (c) => {
    const { locale, view } = c.req.valid('query');
    const { handbook: key } = c.req.valid('param');
    const { template, facts, templateVersion, rows } = await preparedWith(c, handbookChaptersRead(tenantOf(c).db, key, locale));
    const handbook = readHandbook(template, key, locale, await viewerIsAdmin(c), rows);
    // Rendered here, so a reader's phone shows the chapters without loading and running a Markdown renderer; a reader
    // (view=read) is not sent the Markdown as well.
    const chapters = handbook.chapters.map(({ body, ...chapter }) => ({
      ...chapter,
      ...(view === 'edit' ? { body } : {}),
      html: markdownToHtml(renderPlaceholders(body, facts, locale)),
    }));
    return c.json({ ...handbook, chapters, templateVersion, facts }, 200);
  })
  .openapi(saveRoute, async (c) => {
    const { tenant } = await prepared(c);
    const { handbook, key } = c.req.valid('param');
    const saved = await saveChapter(tenant.db, { handbook, key, locale: c.req.valid('query').locale }, c.req.valid('json'), author(c));
    return c.json({ revision: saved.revision, edited: saved.edited }, 200);
  })
  .openapi(revisionsRoute, async (c) => {
    const { handbook, key } = c.req.valid('param');
    return c.json(await listRevisions(tenantOf(c).db, { handbook, key, locale: c.req.valid('query').locale }), 200);
  })
  .openapi(revisionRoute, async (c) => {
    const { handbook, key, number } = c.req.valid('param');
    return c.json(await getRevision(tenantOf(c).db, { handbook, key, locale: c.req.valid('query').locale }, number), 200);
  })
  .openapi(restoreRoute, async (c) => {
    const { handbook, key, number } = c.req.valid('param');
    const locale = c.req.valid('query').locale;
    const summary = locale === 'en' ? `Restored revision ${number}` : `恢复到第 ${number} 版`;
    const saved = await restoreRevision(
      tenantOf(c).db,
      { handbook, key, locale },
      number,
      c.req.valid('json').baseRevision,
      author(c),
      summary,
    );
    return c.json({ revision: saved.revision, edited: saved.edited }, 200);
  });
