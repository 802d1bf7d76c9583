/** The poster of an adopted decision, for the buildings' notice boards. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { decisionPoster } from './poster';
import { issueStates } from './rules';

const poster = defineRoute(
  { host: 'community', allow: 'member' },
  {
    method: 'get',
    path: '/api/issues/{id}/decision-poster',
    operationId: 'issues.getDecisionPoster',
    summary: "An adopted decision's poster: the decision, the issue's title, when decided, who implements it by when (never the raiser)",
    request: { params: z.object({ id: z.coerce.number().int().positive() }) },
    responses: {
      200: json(
        z.object({
          id: z.number().int(),
          title: z.string(),
          decisionText: z.string(),
          decidedAt: z.string().nullable(),
          implementationOwner: z.string().nullable(),
          dueOn: z.string().nullable(),
          state: z.enum(issueStates),
          timeZone: z.string(),
        }),
        'Poster',
      ),
      ...errorResponses(401, 403, 404),
    },
  },
);

export const issuePosterRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(poster, async (c) =>
  c.json(await decisionPoster(tenantOf(c).db, c.req.valid('param').id), 200),
);
