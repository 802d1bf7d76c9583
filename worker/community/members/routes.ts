import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { platformDb } from '../../db/client';
import { platformRoles } from '../../db/platform-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { identityOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { joinBodySchema, memberSchema, setRolesBodySchema } from './schema';
import { joinProblem } from './rules';
import { findMemberByUser, joinAsResident, listMembers, setMemberRoles } from './service';

const community = { host: 'community' } as const;

const joinCommunity = defineRoute(
  { ...community, allow: 'signed-in' },
  {
    method: 'post',
    path: '/api/members/me',
    operationId: 'members.join',
    summary: 'Join this community as a resident',
    request: { body: { content: { 'application/json': { schema: joinBodySchema } }, required: true } },
    responses: {
      200: json(memberSchema, 'Already a member'),
      201: json(memberSchema, 'Joined'),
      ...errorResponses(400, 401, 404, 429),
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
    summary: 'All members (association administrators)',
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

/** Joining the community, one's membership, and (for administrators) the members and their roles. */
export const memberRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(joinCommunity, async (c) => {
    const userId = identityOf(c).userId;
    const roles = await platformDb(c.env.PLATFORM_DB)
      .select({ role: platformRoles.role })
      .from(platformRoles)
      .where(eq(platformRoles.userId, userId));
    const problem = joinProblem(roles.map((r) => r.role));
    if (problem) throw new AppError('forbidden', problem);
    const { member, created } = await joinAsResident(tenantOf(c).db, userId, c.req.valid('json'));
    return created ? c.json(member, 201) : c.json(member, 200);
  })
  .openapi(getMe, async (c) => {
    const member = await findMemberByUser(tenantOf(c).db, identityOf(c).userId);
    if (!member) throw new AppError('not_a_member', 'Join this community first');
    return c.json(member, 200);
  })
  .openapi(listAllMembers, async (c) => c.json({ members: await listMembers(tenantOf(c).db) }, 200))
  .openapi(setRoles, async (c) => {
    const { memberId } = c.req.valid('param');
    const { roles } = c.req.valid('json');
    const tenant = tenantOf(c);
    const actor = identityOf(c).userId;
    const member = await setMemberRoles(tenant.db, memberId, roles, actor);
    await audit(c, 'member.roles-set', { memberId, roles });
    return c.json(member, 200);
  });
