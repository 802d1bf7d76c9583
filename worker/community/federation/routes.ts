import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { federationOverview } from './service';
import { spaceSchema } from '../spaces/schema';

const residents = { host: 'community', allow: 'member' } as const;
const _ok = json(z.object({ ok: z.literal(true) }), 'Done');
const _idParam = z.object({ id: z.coerce.number().int().positive() });
const _hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const federation = defineRoute(residents, {
  method: 'get',
  path: '/api/federation',
  operationId: 'federation.get',
  summary: 'The federation: the leaders of active clubs, the shared spaces, and the slot requests before it',
  responses: {
    200: json(
      z.object({
        members: z.array(z.object({ memberId: z.number().int(), displayName: z.string(), clubId: z.number().int(), clubName: z.string() })),
        spaces: z.array(spaceSchema),
        requests: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), createdAt: z.string() })),
      }),
      'Federation',
    ),
    ...errorResponses(401, 403),
  },
});

/** The federation: the leaders of active clubs, the shared spaces, and the slot requests before it. */
export const federationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(federation, async (c) =>
  c.json(await federationOverview(tenantOf(c).db), 200),
);
