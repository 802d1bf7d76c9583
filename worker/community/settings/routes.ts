import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { bodies, communityProfile, parties, programs } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppContext, AppEnv } from '../../http/context';
import { identityOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { recordAudit } from '../../platform/audit';

const admin = { host: 'community', allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');
const name = z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) });

const updateProfile = defineRoute(admin, {
  method: 'patch',
  path: '/api/community',
  summary: "Update the community's facts the handbooks cite",
  request: jsonBody(
    z
      .object({
        nameEn: z.string().trim().max(80).nullable(),
        households: z.number().int().min(1).max(200000),
        /** Residents as declared (not members on Huzhu), for the consultants' comparisons. */
        residents: z.number().int().min(1).max(1000000).nullable(),
        foundedOn: z.iso.date().nullable(),
        surplusRatePercent: z.number().int().min(0).max(50),
        /** Days an issue may wait in each state before it is flagged. */
        issueWaitLimits: z.partialRecord(
          z.enum(['raised', 'acknowledged', 'referred', 'on-agenda', 'decided', 'implementing', 'done']),
          z.number().int().min(1).max(365),
        ),
      })
      .partial(),
  ),
  responses: { 200: ok, ...errorResponses(400, 401, 403) },
});

const renameParty = defineRoute(admin, {
  method: 'patch',
  path: '/api/parties/{key}',
  summary: "Set a party's own name, e.g. 翠竹园社区居委会",
  request: {
    params: z.object({ key: z.enum(['residents-committee', 'owners-committee', 'property-company', 'association']) }),
    ...jsonBody(z.object({ organisationName: z.string().trim().min(1).max(60).nullable() })),
  },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

const updateProgram = defineRoute(admin, {
  method: 'patch',
  path: '/api/programs/{key}',
  summary: 'Rename a program or switch it on or off; the handbooks follow',
  request: {
    params: z.object({ key: z.string().regex(/^[a-z][a-z-]{0,40}$/) }),
    ...jsonBody(z.object({ name: name.optional(), enabled: z.boolean().optional() })),
  },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

const renameBody = defineRoute(admin, {
  method: 'patch',
  path: '/api/bodies/{key}',
  summary: 'Rename a coordination body; the handbooks follow',
  request: {
    params: z.object({ key: z.enum(['joint-meeting', 'professional-committees', 'building-groups', 'federation']) }),
    ...jsonBody(z.object({ name })),
  },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

async function audit(c: AppContext, action: string, detail: unknown) {
  const tenant = tenantOf(c);
  await recordAudit(c.env.PLATFORM_DB, { actorUserId: identityOf(c).userId, communityId: tenant.community.id, action, detail });
}

/** Administrators' settings: the facts and names that flow into the handbooks. */
export const settingsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(updateProfile, async (c) => {
    const changes = c.req.valid('json');
    if (Object.keys(changes).length > 0) await tenantOf(c).db.update(communityProfile).set(changes).where(eq(communityProfile.id, 1));
    await audit(c, 'community.facts-updated', changes);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(renameParty, async (c) => {
    const { key } = c.req.valid('param');
    const { organisationName } = c.req.valid('json');
    await tenantOf(c).db.update(parties).set({ organisationName }).where(eq(parties.key, key));
    await audit(c, 'party.renamed', { key, organisationName });
    return c.json({ ok: true as const }, 200);
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
  .openapi(renameBody, async (c) => {
    const { key } = c.req.valid('param');
    const { name: newName } = c.req.valid('json');
    await tenantOf(c).db.update(bodies).set({ nameZh: newName.zh, nameEn: newName.en }).where(eq(bodies.key, key));
    await audit(c, 'body.renamed', { key, name: newName });
    return c.json({ ok: true as const }, 200);
  });
