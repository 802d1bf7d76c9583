import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { viewerOf } from '../../auth/viewer';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { identityOf, memberOf, tenantOf } from '../../http/context';
import { json, jsonBody, localeQuery } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { activityStates } from '../activities/rules';
import { clubStatuses } from '../clubs/rules';
import { programSections } from './rules';
import { programs } from './schema';
import { getSectionRevision, listSectionRevisions, restoreSectionRevision, saveSection } from './sections';
import { programPage } from './service';
import { guessTimeZone, rememberTimeZone } from '../profile/time-zone-guess';

const community = { host: 'community' } as const;
const admin = { ...community, allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');
const name = z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) });
const keyParam = z.object({ key: z.string().regex(/^[a-z][a-z-]{0,40}$/) });
const sectionParams = keyParam.extend({ section: z.enum(programSections) });
const revisionParams = sectionParams.extend({ number: z.coerce.number().int().positive() });
const bilingual = z.object({ zh: z.string(), en: z.string() });
const revisionKind = z.enum(['template', 'edit', 'restore']);

const figure = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  unit: z.enum(['count', 'hours', 'fen', 'percent']),
  values: z.record(z.string(), z.number()),
});

const pageSchema = z.object({
  key: z.string(),
  name: bilingual,
  description: bilingual,
  enabled: z.boolean(),
  sections: z.array(
    z.object({
      key: z.enum(programSections),
      body: z.string(),
      edited: z.boolean(),
      revision: z.number().int(),
      updatedAt: z.string().nullable(),
    }),
  ),
  tool: z.string().nullable(),
  clubs: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      purpose: z.string(),
      status: z.enum(clubStatuses),
      meetingPattern: z.string().nullable(),
      memberCount: z.number().int(),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
      state: z.enum(activityStates),
      capacity: z.number().int(),
      feeFen: z.number().int(),
      clubId: z.number().int().nullable(),
      clubName: z.string().nullable(),
      confirmed: z.number().int(),
    }),
  ),
  volunteers: z.object({
    count: z.number().int(),
    people: z.array(z.object({ id: z.number().int(), displayName: z.string(), hours: z.number() })).nullable(),
  }),
  figures: z.object({ timeZone: z.string(), months: z.array(z.string()), series: z.array(figure) }),
});

const getProgram = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/programs/{key}',
    operationId: 'programs.get',
    summary:
      "A program's page: its sections in the community's words (the template's until edited), clubs, upcoming activities, volunteers of the last twelve months (names for members only) and monthly figures",
    request: { params: keyParam, query: localeQuery },
    responses: { 200: json(pageSchema, 'Program'), ...errorResponses(400, 404) },
  },
);

const updateProgram = defineRoute(
  admin,
  {
    method: 'patch',
    path: '/api/programs/{key}',
    operationId: 'programs.update',
    summary: 'Rename a program or switch it on or off; the handbooks follow',
    request: {
      params: keyParam,
      ...jsonBody(
        z
          .object({ name: name.optional(), enabled: z.boolean().optional() })
          .refine((b) => b.name !== undefined || b.enabled !== undefined, { message: 'Change the name, whether it is enabled, or both' }),
      ),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const saveSectionRoute = defineRoute(admin, {
  method: 'put',
  path: '/api/programs/{key}/sections/{section}',
  operationId: 'programs.saveSection',
  summary: "Put a section of the program's page in the community's own words (Markdown), kept as a new revision",
  request: {
    params: sectionParams,
    query: localeQuery,
    ...jsonBody(
      z.object({
        body: z.string().trim().min(1).max(20_000),
        summary: z.string().trim().min(1).max(200),
        baseRevision: z.number().int().positive(),
      }),
    ),
  },
  responses: { 200: json(z.object({ revision: z.number().int() }), 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
});

const revisionSummary = z.object({
  number: z.number().int(),
  summary: z.string(),
  kind: revisionKind,
  authorName: z.string().nullable(),
  createdAt: z.string().nullable(),
});

const listRevisionsRoute = defineRoute(admin, {
  method: 'get',
  path: '/api/programs/{key}/sections/{section}/revisions',
  operationId: 'programs.listSectionRevisions',
  summary: "A section's revisions, newest first (revision 1 is the template's text)",
  request: { params: sectionParams, query: localeQuery },
  responses: {
    200: json(
      z.object({ section: z.object({ key: z.enum(programSections), revision: z.number().int() }), revisions: z.array(revisionSummary) }),
      'Revisions',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const getRevisionRoute = defineRoute(admin, {
  method: 'get',
  path: '/api/programs/{key}/sections/{section}/revisions/{number}',
  operationId: 'programs.getSectionRevision',
  summary: 'One revision of a section',
  request: { params: revisionParams, query: localeQuery },
  responses: { 200: json(revisionSummary.extend({ body: z.string() }), 'Revision'), ...errorResponses(400, 401, 403, 404) },
});

const restoreRoute = defineRoute(admin, {
  method: 'post',
  path: '/api/programs/{key}/sections/{section}/revisions/{number}/restore',
  operationId: 'programs.restoreSectionRevision',
  summary: 'Restore an earlier revision of a section as the newest one',
  request: { params: revisionParams, query: localeQuery, ...jsonBody(z.object({ baseRevision: z.number().int().positive() })) },
  responses: { 200: json(z.object({ revision: z.number().int() }), 'Restored'), ...errorResponses(400, 401, 403, 404, 409) },
});

const authorOf = (c: Parameters<typeof memberOf>[0]) => ({ userId: identityOf(c).userId, name: memberOf(c).displayName });

/** The nine programs: each one's page, its sections in the community's words with their history, its name and switch. */
export const programRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getProgram, async (c) => {
    const { db, community } = tenantOf(c);
    const { key } = c.req.valid('param');
    const page = await programPage(db, key, c.req.valid('query').locale, await viewerOf(c), new Date(), guessTimeZone(community.id));
    rememberTimeZone(community.id, page.figures.timeZone);
    return c.json(page, 200);
  })
  .openapi(updateProgram, async (c) => {
    const { key } = c.req.valid('param');
    const { name: newName, enabled } = c.req.valid('json');
    const updated = await tenantOf(c)
      .db.update(programs)
      .set({ ...(newName ? { nameZh: newName.zh, nameEn: newName.en } : {}), ...(enabled === undefined ? {} : { enabled }) })
      .where(eq(programs.key, key))
      .returning({ key: programs.key });
    if (updated.length === 0) throw new AppError('not_found', 'No such program');
    await audit(c, 'program.updated', { key, name: newName, enabled });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(saveSectionRoute, async (c) => {
    const { key, section } = c.req.valid('param');
    const ref = { programKey: key, section, locale: c.req.valid('query').locale };
    const { body, summary, baseRevision } = c.req.valid('json');
    return c.json(await saveSection(tenantOf(c).db, ref, { body, summary, baseRevision }, authorOf(c)), 200);
  })
  .openapi(listRevisionsRoute, async (c) => {
    const { key, section } = c.req.valid('param');
    return c.json(await listSectionRevisions(tenantOf(c).db, { programKey: key, section, locale: c.req.valid('query').locale }), 200);
  })
  .openapi(getRevisionRoute, async (c) => {
    const { key, section, number } = c.req.valid('param');
    const ref = { programKey: key, section, locale: c.req.valid('query').locale };
    return c.json(await getSectionRevision(tenantOf(c).db, ref, number), 200);
  })
  .openapi(restoreRoute, async (c) => {
    const { key, section, number } = c.req.valid('param');
    const ref = { programKey: key, section, locale: c.req.valid('query').locale };
    return c.json(await restoreSectionRevision(tenantOf(c).db, ref, number, c.req.valid('json').baseRevision, authorOf(c)), 200);
  });
