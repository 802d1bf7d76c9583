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
import { joinConsentProblem } from '../privacy/rules';
import { currentNoticeVersion, recordJoinConsent } from '../privacy/service';
import {
  createInvitationBodySchema,
  decisionBodySchema,
  invitationPreviewSchema,
  invitationSchema,
  joinBodySchema,
  memberQuerySchema,
  memberSchema,
  pendingMemberSchema,
  setRolesBodySchema,
} from './schema';
import { createInvitation, decideInvitation, listInvitations, previewInvitation, requestInvitation, revokeInvitation } from './invitations';
import { joinProblem, memberStatuses } from './rules';
import { decideMembership, findMemberByUser, joinAsResident, listPendingMembers, searchMembers, setMemberRoles } from './service';

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
    summary: 'Active members, found by part of the name, building and role, a page at a time (association administrators)',
    request: { query: memberQuerySchema },
    responses: {
      200: json(z.object({ members: z.array(memberSchema), total: z.number().int() }), 'One page of members, and how many match'),
      ...errorResponses(400, 401, 403, 404),
    },
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

const admins = { ...community, allow: 'association-admin' } as const;
const tokenParam = z.object({ token: z.string().min(10).max(64) });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');

const createRoleInvitation = defineRoute(admins, {
  method: 'post',
  path: '/api/role-invitations',
  operationId: 'roleInvitations.create',
  summary: "Create an invitation link for a role (a building's contact, or an association administrator), valid 14 days unless told",
  request: { body: { content: { 'application/json': { schema: createInvitationBodySchema } }, required: true } },
  responses: {
    201: json(z.object({ id: z.number().int(), token: z.string(), expiresAt: z.string() }), 'Created; share /invite/{token}'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const listRoleInvitations = defineRoute(admins, {
  method: 'get',
  path: '/api/role-invitations',
  operationId: 'roleInvitations.list',
  summary: 'Invitations for roles, requests waiting for confirmation first (association administrators)',
  responses: { 200: json(z.object({ invitations: z.array(invitationSchema) }), 'Invitations'), ...errorResponses(401, 403, 404) },
});

const previewRoleInvitation = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/role-invitations/by-token/{token}',
    operationId: 'roleInvitations.preview',
    summary: 'The role an invitation link offers, for the member who opened it',
    request: { params: tokenParam },
    responses: { 200: json(invitationPreviewSchema, 'The invitation'), ...errorResponses(400, 401, 403, 404) },
  },
);

const requestRoleInvitation = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'post',
    path: '/api/role-invitations/by-token/{token}/request',
    operationId: 'roleInvitations.request',
    summary: 'Ask to take the role an invitation offers; an administrator confirms it (409 when expired, revoked or already used)',
    request: { params: tokenParam },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
);

const decideRoleInvitation = defineRoute(
  admins,
  {
    method: 'post',
    path: '/api/role-invitations/{id}/decision',
    operationId: 'roleInvitations.decide',
    summary: 'Confirm (grants the role) or decline a request made through an invitation; nobody confirms their own',
    request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ confirm: z.boolean() }) } }, required: true } },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const revokeRoleInvitation = defineRoute(admins, {
  method: 'post',
  path: '/api/role-invitations/{id}/revoke',
  operationId: 'roleInvitations.revoke',
  summary: 'Revoke an invitation that has not been decided on; its link stops working',
  request: { params: idParam },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
});

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
    const { privacyNoticeVersion, sensitiveItems, ...details } = c.req.valid('json');
    const version = await currentNoticeVersion(db);
    const refused = joinConsentProblem(version, privacyNoticeVersion);
    if (refused) throw new AppError('validation_failed', refused, { privacyNoticeVersion: [refused] });
    const { joinPolicy } = await communitySettings(db);
    const { member, created } = await joinAsResident(db, userId, details, joinPolicy);
    // Recorded for a new member, and for an applicant applying again (who agreed to the notice anew).
    if (created) await recordJoinConsent(db, member.id, version, sensitiveItems ?? []);
    return created ? c.json(member, 201) : c.json(member, 200);
  })
  .openapi(getMe, async (c) => {
    const member = await findMemberByUser(tenantOf(c).db, identityOf(c).userId);
    if (!member) throw new AppError('not_a_member', 'Join this community first');
    return c.json(member, 200);
  })
  .openapi(listAllMembers, async (c) => c.json(await searchMembers(tenantOf(c).db, c.req.valid('query')), 200))
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
    const { member, granted, removed } = await setMemberRoles(tenant.db, memberId, roles, actor);
    await audit(c, 'member.roles-set', { memberId, roles, granted, removed });
    return c.json(member, 200);
  })
  .openapi(createRoleInvitation, async (c) => {
    const row = await createInvitation(tenantOf(c).db, c.req.valid('json'), memberOf(c).id);
    await audit(c, 'invitation.created', { invitationId: row.id, role: row.role, buildingId: row.buildingId });
    return c.json({ id: row.id, token: row.token, expiresAt: row.expiresAt }, 201);
  })
  .openapi(listRoleInvitations, async (c) => c.json({ invitations: await listInvitations(tenantOf(c).db) }, 200))
  .openapi(previewRoleInvitation, async (c) =>
    c.json(await previewInvitation(tenantOf(c).db, c.req.valid('param').token, memberOf(c).id), 200),
  )
  .openapi(requestRoleInvitation, async (c) => {
    await requestInvitation(tenantOf(c).db, c.req.valid('param').token, memberOf(c).id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(decideRoleInvitation, async (c) => {
    const { id } = c.req.valid('param');
    const { confirm } = c.req.valid('json');
    const result = await decideInvitation(tenantOf(c).db, id, memberOf(c).id, confirm, identityOf(c).userId);
    await audit(c, confirm ? 'invitation.confirmed' : 'invitation.declined', {
      invitationId: id,
      memberId: result.memberId,
      role: result.role,
      buildingId: result.buildingId,
    });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(revokeRoleInvitation, async (c) => {
    const { id } = c.req.valid('param');
    await revokeInvitation(tenantOf(c).db, id, memberOf(c).id);
    await audit(c, 'invitation.revoked', { invitationId: id });
    return c.json({ ok: true as const }, 200);
  });
