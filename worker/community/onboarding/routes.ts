import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { standingFacts } from '../association/service';
import { checklistKeys, setupChecklist } from './rules';

const community = { host: 'community' } as const;

const checklistItemSchema = z.object({
  key: z.enum(checklistKeys),
  done: z.boolean(),
  progress: z.object({ current: z.number().int(), target: z.number().int() }),
  /** The screen the step is done on. */
  href: z.string(),
});

const getChecklist = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/admin/checklist',
    operationId: 'onboarding.getChecklist',
    summary: "The new community's setup checklist: parties, building contacts, a committee, spaces, the seed fund, a club, a joint meeting",
    responses: {
      200: json(z.object({ items: z.array(checklistItemSchema) }), 'Checklist'),
      ...errorResponses(401, 403, 404),
    },
  },
);

/** A new community's setup checklist, each step done when the real thing exists in its database. */
export const onboardingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getChecklist, async (c) =>
  c.json({ items: setupChecklist(await standingFacts(tenantOf(c).db, new Date())) }, 200),
);
