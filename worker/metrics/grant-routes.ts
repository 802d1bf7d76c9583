import { OpenAPIHono, z } from '@hono/zod-openapi';
import { platformDb } from '../db/client';
import type { AppEnv } from '../http/context';
import { identityOf, tenantOf } from '../http/context';
import { json } from '../http/openapi-helpers';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { communityGrants, grantAccess, revokeAccess } from './service';

/** A community's association admins decide which consultants may read its aggregate figures (community host). */
const admin = { host: 'community', allow: 'association-admin' } as const;

const grantSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
  /** The granting admin's name in this community, when they are still a member. */
  grantedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const listGrants = defineRoute(admin, {
  method: 'get',
  path: '/api/consultant-access',
  operationId: 'consultantAccess.list',
  summary: "Consultants who may read this community's aggregate figures, and those an admin can grant",
  responses: {
    200: json(
      z.object({
        grants: z.array(grantSchema),
        directory: z.array(z.object({ userId: z.string(), displayName: z.string(), organisation: z.string() })),
      }),
      'Grants and the consultant directory',
    ),
    ...errorResponses(401, 403),
  },
});

const consultantParam = z.object({ userId: z.string().min(1).max(120) });

const grant = defineRoute(admin, {
  method: 'put',
  path: '/api/consultant-access/{userId}',
  operationId: 'consultantAccess.grant',
  summary: "Grant a consultant read access to this community's aggregate figures (never personal data)",
  request: { params: consultantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Granted'), ...errorResponses(400, 401, 403, 404) },
});

const revoke = defineRoute(admin, {
  method: 'delete',
  path: '/api/consultant-access/{userId}',
  operationId: 'consultantAccess.revoke',
  summary: "Revoke a consultant's access; their next request is refused",
  request: { params: consultantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Revoked'), ...errorResponses(400, 401, 403, 404) },
});

export const grantRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listGrants, async (c) => {
    const { community, db } = tenantOf(c);
    return c.json(await communityGrants(platformDb(c.env.PLATFORM_DB), db, community.id), 200);
  })
  .openapi(grant, async (c) => {
    await grantAccess(platformDb(c.env.PLATFORM_DB), {
      communityId: tenantOf(c).community.id,
      consultantUserId: c.req.valid('param').userId,
      actor: identityOf(c).userId,
    });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(revoke, async (c) => {
    await revokeAccess(platformDb(c.env.PLATFORM_DB), {
      communityId: tenantOf(c).community.id,
      consultantUserId: c.req.valid('param').userId,
      actor: identityOf(c).userId,
    });
    return c.json({ ok: true as const }, 200);
  });
