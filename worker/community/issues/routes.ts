import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, rolesOf, tenantOf } from '../../http/context';
import { type IssueActor, issueCategories, issueOutcomes, issueStates } from './rules';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { issuePosterRoutes } from './poster-routes';
import { audit } from '../../platform/audit';
import { assistedActor } from '../assisted/service';
import { assignAssist, issueDetail, listIssues, moveIssue, raiseIssue, recommend, supportIssue } from './service';

const residents = { host: 'community', allow: 'member' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const idParam = z.object({ id: z.coerce.number().int().positive() });
const issueState = z.enum(issueStates);
const category = z.enum(issueCategories);

const raise = defineRoute(
  { ...residents, body: { field: 'onBehalfOf', allow: ['assisted-steward'] } },
  {
    method: 'post',
    path: '/api/issues',
    operationId: 'issues.raise',
    summary: 'Raise an issue (议题) for your building contacts to take up',
    request: jsonBody(
      z.object({
        title: z.string().trim().min(4).max(80),
        description: z.string().trim().min(4).max(4000),
        category,
        buildingId: z.number().int().positive().optional(),
        /** □ 对外匿名: everyone but the association's coordinators sees an anonymous resident. */
        anonymous: z.boolean().default(false),
        /** An assisted resident (代为登记) the caller raises it for; they become its raiser. */
        onBehalfOf: z.number().int().positive().optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Raised'), ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

/** Who raised it, as the reader may know: the id is null when the issue is anonymous to them. */
const raiserFields = {
  raisedBy: z.number().int().nullable(),
  /** □ 对外匿名, shown to everyone; only the raiser and the association's coordinators know who it is. */
  anonymous: z.boolean(),
  /** The reader raised it. */
  mine: z.boolean(),
};

const issueSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  category,
  state: issueState,
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  /** The body it was referred to, and the committee studying it. */
  bodyKey: z.string().nullable(),
  studyCommitteeId: z.number().int().nullable(),
  outcome: z.enum(issueOutcomes).nullable(),
  stateSince: z.string(),
  createdAt: z.string(),
  ...raiserFields,
  supports: z.number(),
  /** Whether the reader has supported it (one support each). */
  supportedByMe: z.boolean(),
  waitingDays: z.number(),
  overdue: z.boolean(),
});

const committeeRef = z.object({ id: z.number().int(), name: z.string() });

const list = defineRoute(residents, {
  method: 'get',
  path: '/api/issues',
  operationId: 'issues.list',
  summary: "The community's issues, with how long each has waited and whether it is overdue",
  responses: { 200: json(z.object({ issues: z.array(issueSummary) }), 'Issues'), ...errorResponses(401, 403) },
});

const detail = defineRoute(residents, {
  method: 'get',
  path: '/api/issues/{id}',
  operationId: 'issues.get',
  summary: "An issue's whole path, with dates and who acted",
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        id: z.number().int(),
        title: z.string(),
        description: z.string(),
        category,
        state: issueState,
        buildingId: z.number().int().nullable(),
        ...raiserFields,
        raiserName: z.string().nullable(),
        /** 由 X 代为登记: who recorded it for an assisted resident. */
        onBehalfName: z.string().nullable(),
        bodyKey: z.string().nullable(),
        mergedInto: z.number().int().nullable(),
        outcome: z.enum(issueOutcomes).nullable(),
        decisionText: z.string().nullable(),
        implementationOwner: z.string().nullable(),
        dueOn: z.string().nullable(),
        stateSince: z.string(),
        createdAt: z.string(),
        supports: z.number(),
        supportedByMe: z.boolean(),
        studyCommittee: committeeRef.nullable(),
        recommendation: z.string().nullable(),
        recommendedAt: z.string().nullable(),
        assistCommittee: committeeRef.nullable(),
        waitingDays: z.number(),
        overdue: z.boolean(),
        events: z.array(
          z.object({
            fromState: z.string().nullable(),
            toState: z.string(),
            note: z.string(),
            at: z.string(),
            actor: z.string().nullable(),
            /** A step the raiser took; its actor is null when the issue is anonymous to the reader. */
            byRaiser: z.boolean(),
          }),
        ),
        stages: z.array(z.object({ state: issueState, from: z.string(), days: z.number() })),
      }),
      'Issue',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const support = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/issues/{id}/support',
    operationId: 'issues.support',
    summary: 'Support an issue (once per resident)',
    request: { params: idParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const move = defineRoute(
  { host: 'community', allow: ['building-contact', 'coordinator'] },
  {
    method: 'post',
    path: '/api/issues/{id}/transitions',
    operationId: 'issues.transition',
    summary: 'Move an issue along its path (building contacts and coordinators; the meeting decides on the agenda)',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          to: issueState,
          note: z.string().trim().max(1000).optional(),
          mergedInto: z.number().int().positive().optional(),
          bodyKey: z.enum(['joint-meeting', 'professional-committees', 'building-groups', 'federation']).optional(),
          /** The committee that studies it, when referred to the professional committees. */
          committeeId: z.number().int().positive().optional(),
          outcome: z.enum(['adopted', 'not-adopted', 'deferred']).optional(),
          owner: z.string().trim().max(80).optional(),
          dueOn: z.iso.date().optional(),
        }),
      ),
    },
    responses: { 200: json(z.object({ state: issueState }), 'Moved'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const recommendation = defineRoute(
  { host: 'community', allow: ['committee-member', 'coordinator'] },
  {
    method: 'post',
    path: '/api/issues/{id}/recommendation',
    operationId: 'issues.recordRecommendation',
    summary: "Record the studying committee's recommendation (its members or coordinators); the issue goes on to the joint meeting",
    request: { params: idParam, ...jsonBody(z.object({ text: z.string().trim().min(4).max(4000) })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const assist = defineRoute(
  { host: 'community', allow: 'coordinator' },
  {
    method: 'post',
    path: '/api/issues/{id}/assist',
    operationId: 'issues.assignCommittee',
    summary: 'Assign a committee to assist implementing an adopted decision (coordinators)',
    request: { params: idParam, ...jsonBody(z.object({ committeeId: z.number().int().positive() })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

export const issueRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', issuePosterRoutes)
  .openapi(raise, async (c) => {
    const { db } = tenantOf(c);
    const { onBehalfOf, ...input } = c.req.valid('json');
    const raiser = onBehalfOf ? await assistedActor(db, onBehalfOf) : memberOf(c);
    const id = await raiseIssue(db, raiser, input, onBehalfOf ? memberOf(c).id : undefined);
    if (onBehalfOf) await audit(c, 'assisted.issue-raised', { issueId: id, memberId: onBehalfOf });
    return c.json({ id }, 201);
  })
  .openapi(list, async (c) => c.json({ issues: await listIssues(tenantOf(c).db, new Date(), memberOf(c)) }, 200))
  .openapi(detail, async (c) => c.json(await issueDetail(tenantOf(c).db, c.req.valid('param').id, new Date(), memberOf(c)), 200))
  .openapi(support, async (c) => {
    await supportIssue(tenantOf(c).db, c.req.valid('param').id, memberOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(move, async (c) => {
    const roles = rolesOf(c);
    const actors: IssueActor[] = [];
    if (await roles.holds('coordinator')) actors.push('coordinator');
    if (await roles.holds('building-contact')) actors.push('contact');
    const issue = await moveIssue(tenantOf(c).db, c.req.valid('param').id, memberOf(c), actors, c.req.valid('json'));
    return c.json({ state: issue.state }, 200);
  })
  .openapi(recommendation, async (c) => {
    await recommend(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json').text);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(assist, async (c) => {
    await assignAssist(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json').committeeId);
    return c.json({ ok: true as const }, 200);
  });
