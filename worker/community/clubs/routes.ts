import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { clubRoles, clubStatuses, handoverStatuses } from './rules';
import { viewerOf } from '../../auth/viewer';
import { seesOrganiserNames } from '../members/rules';
import {
  clubDetail,
  clubList,
  clubHandoverLog,
  decideHandover,
  joinClub,
  leaveClub,
  moveClub,
  offerHandover,
  proposeClub,
  reviseClub,
} from './service';

const community = { host: 'community' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const status = z.enum(clubStatuses);

const clubSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  purpose: z.string(),
  programKey: z.string().nullable(),
  meetingPattern: z.string().nullable(),
  status,
  /** Null for visitors unless the community shows organisers' names. */
  responsible: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  memberCount: z.number(),
  fundBalanceFen: z.number(),
  settledActivities: z.number(),
  settledOnTime: z.number(),
});
const activityBrief = z.object({ id: z.number().int(), title: z.string(), startsAt: z.string(), state: z.string() });

const list = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/clubs',
    operationId: 'clubs.list',
    summary: 'Clubs of the community, with their responsible person, size, fund and whether accounts are settled on time',
    request: { query: z.object({ status: status.optional() }) },
    responses: { 200: json(z.object({ clubs: z.array(clubSummary) }), 'Clubs'), ...errorResponses(400) },
  },
);

const detail = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/clubs/{id}',
    operationId: 'clubs.get',
    summary: "A club's page",
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          id: z.number().int(),
          name: z.string(),
          purpose: z.string(),
          status,
          meetingPattern: z.string().nullable(),
          program: z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
          responsible: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
          members: z.array(z.object({ id: z.number().int(), displayName: z.string(), role: z.enum(clubRoles) })),
          memberCount: z.number().int(),
          upcoming: z.array(activityBrief),
          past: z.array(activityBrief),
          fund: z.object({ key: z.string(), balanceFen: z.number() }).nullable(),
          pendingHandover: z.object({ id: z.number().int(), toMemberId: z.number().int() }).nullable(),
        }),
        'Club',
      ),
      ...errorResponses(404),
    },
  },
);

const propose = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'post',
    path: '/api/clubs',
    operationId: 'clubs.propose',
    summary: 'Propose a club; the proposer becomes its responsible person',
    request: jsonBody(
      z.object({
        name: z.string().trim().min(2).max(40),
        purpose: z.string().trim().min(4).max(1000),
        programKey: z
          .string()
          .regex(/^[a-z][a-z-]{0,40}$/)
          .optional(),
        meetingPattern: z.string().trim().max(100).optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Proposed'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const move = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/clubs/{id}/status',
    operationId: 'clubs.setStatus',
    summary: 'Approve, make dormant, revive or close a club (association administrators)',
    request: { params: idParam, ...jsonBody(z.object({ status: z.enum(['active', 'dormant', 'closed']) })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const revise = defineRoute(
  { ...community, allow: 'club-responsible' },
  {
    method: 'put',
    path: '/api/clubs/{id}',
    operationId: 'clubs.revise',
    summary:
      "Revise a proposed club (its responsible person); under the consent rule this answers the objections and starts the administrators' window again",
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          name: z.string().trim().min(2).max(40),
          purpose: z.string().trim().min(4).max(1000),
          programKey: z
            .string()
            .regex(/^[a-z][a-z-]{0,40}$/)
            .nullable()
            .optional(),
          meetingPattern: z.string().trim().max(100).nullable().optional(),
        }),
      ),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
);

const join = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'post',
    path: '/api/clubs/{id}/members',
    operationId: 'clubs.join',
    summary: 'Join a club',
    request: { params: idParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const leave = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'delete',
    path: '/api/clubs/{id}/members/me',
    operationId: 'clubs.leave',
    summary: 'Leave a club (the responsible person hands over first)',
    request: { params: idParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const handover = defineRoute(
  { ...community, allow: 'club-responsible' },
  {
    method: 'post',
    path: '/api/clubs/{id}/handovers',
    operationId: 'clubs.offerHandover',
    summary: 'Offer responsibility for the club to another member (responsible person only)',
    request: { params: idParam, ...jsonBody(z.object({ toMemberId: z.number().int().positive() })) },
    responses: { 201: json(z.object({ id: z.number().int() }), 'Offered'), ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const decide = defineRoute(
  { ...community, allow: 'owner' },
  {
    method: 'post',
    path: '/api/clubs/{id}/handovers/{handoverId}',
    operationId: 'clubs.decideHandover',
    summary: 'Accept or decline responsibility offered to you',
    request: { params: idParam.extend({ handoverId: z.coerce.number().int().positive() }), ...jsonBody(z.object({ accept: z.boolean() })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const handovers = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/clubs/{id}/handovers',
    operationId: 'clubs.listHandovers',
    summary: "The log of the club's handovers of responsibility",
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          handovers: z.array(
            z.object({
              id: z.number().int(),
              fromMemberId: z.number().int(),
              toMemberId: z.number().int(),
              status: z.enum(handoverStatuses),
              offeredAt: z.string(),
              decidedAt: z.string().nullable(),
            }),
          ),
        }),
        'Handovers',
      ),
      ...errorResponses(401, 403, 404),
    },
  },
);

export const clubRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { db } = tenantOf(c);
    const [{ clubs: rows, settings }, viewer] = await Promise.all([
      clubList(db, c.req.valid('query').status, new Date().toISOString()),
      viewerOf(c),
    ]);
    const names = seesOrganiserNames(viewer, settings.organiserNamesPublic);
    return c.json(
      {
        clubs: rows.map((r) => ({
          ...r,
          responsible: names ? r.responsible : null,
          memberCount: Number(r.memberCount),
          fundBalanceFen: Number(r.fundBalanceFen),
          settledActivities: Number(r.settledActivities),
          settledOnTime: Number(r.settledOnTime),
        })),
      },
      200,
    );
  })
  .openapi(detail, async (c) => {
    const { db } = tenantOf(c);
    return c.json(await clubDetail(db, c.req.valid('param').id, new Date().toISOString(), await viewerOf(c)), 200);
  })
  .openapi(propose, async (c) => c.json({ id: await proposeClub(tenantOf(c).db, memberOf(c), c.req.valid('json')) }, 201))
  .openapi(move, async (c) => {
    await moveClub(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json').status, memberOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(revise, async (c) => {
    await reviseClub(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(join, async (c) => {
    await joinClub(tenantOf(c).db, c.req.valid('param').id, memberOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(leave, async (c) => {
    await leaveClub(tenantOf(c).db, c.req.valid('param').id, memberOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(handover, async (c) =>
    c.json({ id: await offerHandover(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json').toMemberId) }, 201),
  )
  .openapi(decide, async (c) => {
    const { id, handoverId } = c.req.valid('param');
    await decideHandover(tenantOf(c).db, id, handoverId, memberOf(c), c.req.valid('json').accept);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(handovers, async (c) => c.json({ handovers: await clubHandoverLog(tenantOf(c).db, c.req.valid('param').id) }, 200));
