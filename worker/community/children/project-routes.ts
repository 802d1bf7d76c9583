/** 小小建筑师's projects: the series, its stages, and a finished design taken to the joint meeting. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { stageStates } from './rules';
import { addStage, createProject, finishStage, listProjects, projectDetail, raiseDesign } from './projects';

const members = { host: 'community', allow: 'member' } as const;
const leads = { host: 'community', allow: ['owner', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const stageParam = idParam.extend({ stageId: z.coerce.number().int().positive() });
const day = z.iso.date();

const stageSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  output: z.string(),
  state: z.enum(stageStates),
  finishedAt: z.string().nullable(),
  issueId: z.number().int().nullable(),
  activityId: z.number().int().nullable(),
  photos: z.number().int(),
});

const list = defineRoute(members, {
  method: 'get',
  path: '/api/architect-projects',
  operationId: 'architects.list',
  summary: "小小建筑师's projects",
  responses: {
    200: json(
      z.object({
        projects: z.array(
          z.object({
            id: z.number().int(),
            title: z.string(),
            summary: z.string(),
            leadName: z.string(),
            stages: z.number().int(),
            finished: z.number().int(),
          }),
        ),
      }),
      'Projects',
    ),
    ...errorResponses(401, 403),
  },
});

const create = defineRoute(members, {
  method: 'post',
  path: '/api/architect-projects',
  operationId: 'architects.create',
  summary: 'Start a project; whoever proposes it leads it',
  request: jsonBody(z.object({ title: z.string().trim().min(1).max(60), summary: z.string().trim().max(500).default('') })),
  responses: { 201: json(z.object({ id: z.number().int() }), 'Created'), ...errorResponses(400, 401, 403) },
});

const get = defineRoute(members, {
  method: 'get',
  path: '/api/architect-projects/{id}',
  operationId: 'architects.get',
  summary: 'A project with its stages, their outputs, photos and issues',
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        id: z.number().int(),
        title: z.string(),
        summary: z.string(),
        leadMemberId: z.number().int(),
        leadName: z.string(),
        stages: z.array(stageSchema),
      }),
      'Project',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const addStageRoute = defineRoute(leads, {
  method: 'post',
  path: '/api/architect-projects/{id}/stages',
  operationId: 'architects.addStage',
  summary: 'Add a stage with its dates and what it should produce (the lead)',
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        title: z.string().trim().min(1).max(40),
        startsOn: day,
        endsOn: day,
        output: z.string().trim().max(300).default(''),
        activityId: z.number().int().positive().nullable().optional(),
      }),
    ),
  },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Added'), ...errorResponses(400, 401, 403, 404) },
});

const finish = defineRoute(leads, {
  method: 'post',
  path: '/api/architect-projects/{id}/stages/{stageId}/finish',
  operationId: 'architects.finishStage',
  summary: 'Mark a stage finished (the lead)',
  request: { params: stageParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Finished'), ...errorResponses(401, 403, 404) },
});

const toIssue = defineRoute(
  leads,
  {
    method: 'post',
    path: '/api/architect-projects/{id}/stages/{stageId}/issue',
    operationId: 'architects.raiseDesign',
    summary: "Take a finished stage's design to the joint meeting as an issue, linked both ways (the lead)",
    request: { params: stageParam },
    responses: { 201: json(z.object({ issueId: z.number().int() }), 'Raised'), ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

export const architectRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const rows = await listProjects(tenantOf(c).db);
    return c.json({ projects: rows.map((r) => ({ ...r, stages: Number(r.stages), finished: Number(r.finished) })) }, 200);
  })
  .openapi(create, async (c) => c.json({ id: await createProject(tenantOf(c).db, memberOf(c).id, c.req.valid('json')) }, 201))
  .openapi(get, async (c) => c.json(await projectDetail(tenantOf(c).db, c.req.valid('param').id), 200))
  .openapi(addStageRoute, async (c) => c.json({ id: await addStage(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json')) }, 201))
  .openapi(finish, async (c) => {
    const { id, stageId } = c.req.valid('param');
    await finishStage(tenantOf(c).db, id, stageId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(toIssue, async (c) => {
    const { id, stageId } = c.req.valid('param');
    const issueId = await raiseDesign(tenantOf(c).db, id, stageId, memberOf(c).id, new URL(c.req.url).origin);
    return c.json({ issueId }, 201);
  });
