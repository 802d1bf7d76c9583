import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { platformDb } from '../../db/client';
import { platformRoles } from '../../db/platform-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { identityOf, memberOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { communitySettings } from '../profile/service';
import { decisionBodySchema, joinBodySchema, memberSchema, pendingMemberSchema, setRolesBodySchema } from './schema';
import { joinProblem, memberStatuses } from './rules';
import { decideMembership, findMemberByUser, joinAsResident, listMembers, listPendingMembers, setMemberRoles } from './service';

const community = { host: 'community' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const pendingList = json(z.object({ pending: z.array(pendingMemberSchema) }), 'Applications waiting for a decision');

const joinCommunity = defineRoute(
  { ...community, allow: 'signed-in' },
  {
    method: 'post',
    path: '/api/members/me',
    operationId: 'members.join',
    summary:
      "Join this community as a resident: at once where joining is open, else as a pending applicant for the building's contacts or an administrator to approve",
    request: { body: { content: { 'application/json': { schema: joinBodySchema } }, required: true } },
    responses: {
      200: json(memberSchema, 'Already a member, or already waiting for approval'),
      201: json(memberSchema, 'Joined (status active), or applied (status pending)'),
      ...errorResponses(400, 401, 403, 404, 429),
    },
  },
  { affects: ['metrics'], rateLimit: 'join-community' },
);

const getMe = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/members/me',
    operationId: 'members.getMe',
    summary: 'My membership of this community',
    responses: { 200: json(memberSchema, 'My membership'), ...errorResponses(401, 403, 404) },
  },
);

const listAllMembers = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/members',
    operationId: 'members.list',
    summary: 'All active members (association administrators)',
    responses: { 200: json(z.object({ members: z.array(memberSchema) }), 'Members'), ...errorResponses(401, 403, 404) },
  },
);

const setRoles = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'put',
    path: '/api/members/{memberId}/roles',
    operationId: 'members.setRoles',
    summary: "Set a member's roles (association administrators)",
    request: {
      params: z.object({ memberId: z.coerce.number().int().positive() }),
      body: { content: { 'application/json': { schema: setRolesBodySchema } }, required: true },
    },
    responses: { 200: json(memberSchema, 'The member with new roles'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const listPending = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/members/pending',
    operationId: 'members.listPending',
    summary: 'Every application to join waiting for a decision (association administrators)',
    responses: { 200: pendingList, ...errorResponses(401, 403, 404) },
  },
);

const listPendingForBuilding = defineRoute(
  { ...community, allow: ['association-admin', 'building-contact'] },
  {
    method: 'get',
    path: '/api/buildings/{id}/pending-members',
    operationId: 'members.listPendingForBuilding',
    summary: 'Applications to join naming this building (its contacts, and association administrators)',
    request: { params: idParam },
    responses: { 200: pendingList, ...errorResponses(400, 401, 403, 404) },
  },
);

const decide = defineRoute(
  { ...community, allow: ['association-admin', 'building-contact'] },
  {
    method: 'post',
    path: '/api/members/{id}/decision',
    operationId: 'members.decide',
    summary: 'Approve or decline an application to join (an administrator, or a contact of the building the applicant named)',
    request: { params: idParam, body: { content: { 'application/json': { schema: decisionBodySchema } }, required: true } },
    responses: {
      200: json(z.object({ status: z.enum(memberStatuses) }), "The applicant's status now"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

/** Joining the community (or applying to), one's membership, the decisions on applications, and (for administrators) the members and their roles. */
export const memberRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(joinCommunity, async (c) => {
    const userId = identityOf(c).userId;
    const roles = await platformDb(c.env.PLATFORM_DB)
      .select({ role: platformRoles.role })
      .from(platformRoles)
      .where(eq(platformRoles.userId, userId));
    const problem = joinProblem(roles.map((r) => r.role));
    if (problem) throw new AppError('forbidden', problem);
    const { db } = tenantOf(c);
    const { joinPolicy } = await communitySettings(db);
    const { member, created } = await joinAsResident(db, userId, c.req.valid('json'), joinPolicy);
    return created ? c.json(member, 201) : c.json(member, 200);
  })
  .openapi(getMe, async (c) => {
    const member = await findMemberByUser(tenantOf(c).db, identityOf(c).userId);
    if (!member) throw new AppError('not_a_member', 'Join this community first');
    return c.json(member, 200);
  })
  .openapi(listAllMembers, async (c) => c.json({ members: await listMembers(tenantOf(c).db) }, 200))
  .openapi(listPending, async (c) => c.json({ pending: await listPendingMembers(tenantOf(c).db) }, 200))
  .openapi(listPendingForBuilding, async (c) => c.json({ pending: await listPendingMembers(tenantOf(c).db, c.req.valid('param').id) }, 200))
  .openapi(decide, async (c) => {
    const { id } = c.req.valid('param');
    const { approve } = c.req.valid('json');
    const status = await decideMembership(tenantOf(c).db, id, memberOf(c).id, approve);
    await audit(c, approve ? 'member.approved' : 'member.declined', { memberId: id });
    return c.json({ status }, 200);
  })
  .openapi(setRoles, async (c) => {
    const { memberId } = c.req.valid('param');
    const { roles } = c.req.valid('json');
    const tenant = tenantOf(c);
    const actor = identityOf(c).userId;
    const member = await setMemberRoles(tenant.db, memberId, roles, actor);
    await audit(c, 'member.roles-set', { memberId, roles });
    return c.json(member, 200);
  });
