import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { canvasEntries } from '../db/tenant-schema';
import { AppError } from '../errors';
import type { AppEnv } from '../http/context';
import { identityOf, tenantOf } from '../http/context';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { recordAudit } from '../platform/audit';
import { memberSchema, joinBodySchema, setRolesBodySchema } from './members/schema';
import { findMemberByUser, joinAsResident, listMembers, setMemberRoles } from './members/service';
import { onboardingChecklist } from './onboarding/checklist';
import { communityOverviewSchema } from './profile/schema';
import { communityOverview } from './profile/service';

const community = { host: 'community' } as const;
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const getCommunity = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/community',
    summary: "The community's profile, nine programs, parties and coordination structure",
    responses: { 200: json(communityOverviewSchema, 'The community'), ...errorResponses(404, 410, 503) },
  },
);

const joinCommunity = defineRoute(
  { ...community, allow: 'signed-in' },
  {
    method: 'post',
    path: '/api/members/me',
    summary: 'Join this community as a resident',
    request: { body: { content: { 'application/json': { schema: joinBodySchema } }, required: true } },
    responses: {
      200: json(memberSchema, 'Already a member'),
      201: json(memberSchema, 'Joined'),
      ...errorResponses(400, 401, 404),
    },
  },
);

const getMe = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/members/me',
    summary: 'My membership of this community',
    responses: { 200: json(memberSchema, 'My membership'), ...errorResponses(401, 403, 404) },
  },
);

const listAllMembers = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/members',
    summary: 'All members (association administrators)',
    responses: { 200: json(z.object({ members: z.array(memberSchema) }), 'Members'), ...errorResponses(401, 403, 404) },
  },
);

const setRoles = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'put',
    path: '/api/members/{memberId}/roles',
    summary: "Set a member's roles (association administrators)",
    request: {
      params: z.object({ memberId: z.coerce.number().int().positive() }),
      body: { content: { 'application/json': { schema: setRolesBodySchema } }, required: true },
    },
    responses: { 200: json(memberSchema, 'The member with new roles'), ...errorResponses(400, 401, 403, 404, 409) },
  },
);

const checklistItemSchema = z.object({
  key: z.enum(['name-parties', 'building-contacts', 'invite-residents', 'fill-canvas', 'review-programs']),
  done: z.boolean(),
  progress: z.object({ current: z.number().int(), target: z.number().int() }),
});

const getChecklist = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/admin/checklist',
    summary: "The new community's onboarding checklist",
    responses: {
      200: json(z.object({ items: z.array(checklistItemSchema) }), 'Checklist'),
      ...errorResponses(401, 403, 404),
    },
  },
);

/** Routes served on a community's own host; each reads its data through `c.var.host`. */
export const communityRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getCommunity, async (c) => c.json(await communityOverview(tenantOf(c).db), 200))
  .openapi(joinCommunity, async (c) => {
    const { member, created } = await joinAsResident(tenantOf(c).db, identityOf(c).userId, c.req.valid('json'));
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
    await recordAudit(c.env.PLATFORM_DB, {
      actorUserId: actor,
      communityId: tenant.community.id,
      action: 'member.roles-set',
      detail: { memberId, roles },
    });
    return c.json(member, 200);
  })
  .openapi(getChecklist, async (c) => {
    const { db } = tenantOf(c);
    const overview = await communityOverview(db);
    const [canvas] = await db
      .select({ total: sql<number>`COUNT(*)`, filled: sql<number>`SUM(CASE WHEN ${canvasEntries.content} <> '' THEN 1 ELSE 0 END)` })
      .from(canvasEntries);
    return c.json({ items: onboardingChecklist(overview, Number(canvas?.filled ?? 0), Number(canvas?.total ?? 0)) }, 200);
  });
