import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { bodyKeys } from './rules';
import { bodies } from './schema';

const admin = { host: 'community', allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');
const name = z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) });

const renameBody = defineRoute(admin, {
  method: 'patch',
  path: '/api/bodies/{key}',
  operationId: 'bodies.rename',
  summary: 'Rename a coordination body; the handbooks follow',
  request: {
    params: z.object({ key: z.enum(bodyKeys) }),
    ...jsonBody(z.object({ name })),
  },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

/** The coordination bodies, named as the community names them. */
export const bodyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(renameBody, async (c) => {
  const { key } = c.req.valid('param');
  const { name: newName } = c.req.valid('json');
  await tenantOf(c).db.update(bodies).set({ nameZh: newName.zh, nameEn: newName.en }).where(eq(bodies.key, key));
  await audit(c, 'body.renamed', { key, name: newName });
  return c.json({ ok: true as const }, 200);
});
