import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { programs } from './schema';

const admin = { host: 'community', allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');
const name = z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) });

const updateProgram = defineRoute(
  admin,
  {
    method: 'patch',
    path: '/api/programs/{key}',
    operationId: 'programs.update',
    summary: 'Rename a program or switch it on or off; the handbooks follow',
    request: {
      params: z.object({ key: z.string().regex(/^[a-z][a-z-]{0,40}$/) }),
      ...jsonBody(
        z
          .object({ name: name.optional(), enabled: z.boolean().optional() })
          .refine((b) => b.name !== undefined || b.enabled !== undefined, { message: 'Change the name, whether it is enabled, or both' }),
      ),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

/** The nine programs: their names and whether each is switched on. */
export const programRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(updateProgram, async (c) => {
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
});
