import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { parties } from './schema';

const admin = { host: 'community', allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');

const renameParty = defineRoute(admin, {
  method: 'patch',
  path: '/api/parties/{key}',
  operationId: 'parties.rename',
  summary: "Set a party's own name, e.g. 翠竹园社区居委会",
  request: {
    params: z.object({ key: z.enum(['residents-committee', 'owners-committee', 'property-company', 'association']) }),
    ...jsonBody(z.object({ organisationName: z.string().trim().min(1).max(60).nullable() })),
  },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

/** A party's own name, as the handbooks cite it. */
export const partyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(renameParty, async (c) => {
  const { key } = c.req.valid('param');
  const { organisationName } = c.req.valid('json');
  await tenantOf(c).db.update(parties).set({ organisationName }).where(eq(parties.key, key));
  await audit(c, 'party.renamed', { key, organisationName });
  return c.json({ ok: true as const }, 200);
});
