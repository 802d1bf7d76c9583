import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { loadMember } from './auth/access';
import { findMemberByUser } from './community/members/service';
import { platformDb } from './db/client';
import { platformRoles } from './db/platform-schema';
import type { AppEnv } from './http/context';
import { identityOf } from './http/context';
import { defineRoute, errorResponses } from './http/route';
import { validationHook } from './http/validation';
import { siteInfo } from './site-info';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const health = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'get',
    path: '/api/health',
    operationId: 'shared.getHealth',
    summary: 'Liveness',
    responses: { 200: json(z.object({ ok: z.literal(true), host: z.enum(['platform', 'community']) }), 'Alive') },
  },
);

const siteConfig = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'get',
    path: '/api/site',
    operationId: 'shared.getSite',
    summary: 'What this host is and how to sign in here',
    responses: {
      200: json(
        z
          .object({
            host: z.enum(['platform', 'community']),
            platformHost: z.string(),
            authMode: z.enum(['clerk', 'dev']),
            clerkPublishableKey: z.string().nullable(),
            community: z.object({ slug: z.string(), name: z.object({ zh: z.string(), en: z.string().nullable() }) }).nullable(),
            timeZone: z.string().openapi({
              description:
                "The IANA time zone every time on this host is shown and entered in: the community's own (its settings), or Asia/Shanghai on the platform host, which has none.",
              example: 'Asia/Shanghai',
            }),
          })
          .openapi('Site'),
        'This site',
      ),
    },
  },
);

const me = defineRoute(
  { host: 'any', allow: 'signed-in' },
  {
    method: 'get',
    path: '/api/me',
    operationId: 'shared.getMe',
    summary: 'Who I am here: platform roles, and my membership on a community host',
    responses: {
      200: json(
        z.object({
          userId: z.string(),
          name: z.string().nullable(),
          platformRoles: z.array(z.enum(['operator', 'consultant'])),
          /** My membership of this community; null unless I am an active member. */
          member: z
            .object({ id: z.number().int(), displayName: z.string(), roles: z.array(z.object({ role: z.string(), partyKey: z.string() })) })
            .nullable(),
          /** My application to join, while it waits for approval or after it was declined (I may apply again); else null. */
          application: z
            .object({
              status: z.enum(['pending', 'declined']),
              displayName: z.string(),
              buildingId: z.number().int().nullable(),
              appliedAt: z.string(),
            })
            .nullable(),
        }),
        'Me',
      ),
      ...errorResponses(401),
    },
  },
);

/** Routes that exist on both kinds of host. */
export const sharedRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(health, (c) => c.json({ ok: true as const, host: c.get('host').kind }, 200))
  .openapi(siteConfig, async (c) => c.json(await siteInfo(c), 200))
  .openapi(me, async (c) => {
    const identity = identityOf(c);
    const roles = await platformDb(c.env.PLATFORM_DB)
      .select({ role: platformRoles.role })
      .from(platformRoles)
      .where(and(eq(platformRoles.userId, identity.userId)));
    const host = c.get('host');
    const found = await loadMember(host, identity.userId);
    const member = found?.status === 'active' ? { id: found.id, displayName: found.displayName, roles: found.roles } : null;
    const applied =
      found && found.status !== 'active' && host.kind === 'community' ? await findMemberByUser(host.db, identity.userId) : null;
    const application =
      applied && (applied.status === 'pending' || applied.status === 'declined')
        ? { status: applied.status, displayName: applied.displayName, buildingId: applied.buildingId, appliedAt: applied.joinedAt }
        : null;
    return c.json(
      { userId: identity.userId, name: identity.name ?? null, platformRoles: roles.map((r) => r.role), member, application },
      200,
    );
  });
