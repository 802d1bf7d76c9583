import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { canvasEntries } from '../canvas/schema';
import { communityOverview } from '../profile/service';
import { checklistKeys, onboardingChecklist } from './rules';

const community = { host: 'community' } as const;

const checklistItemSchema = z.object({
  key: z.enum(checklistKeys),
  done: z.boolean(),
  progress: z.object({ current: z.number().int(), target: z.number().int() }),
});

const getChecklist = defineRoute(
  { ...community, allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/admin/checklist',
    operationId: 'onboarding.getChecklist',
    summary: "The new community's onboarding checklist",
    responses: {
      200: json(z.object({ items: z.array(checklistItemSchema) }), 'Checklist'),
      ...errorResponses(401, 403, 404),
    },
  },
);

/** A new community's onboarding checklist. */
export const onboardingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getChecklist, async (c) => {
  const { db } = tenantOf(c);
  const overview = await communityOverview(db);
  const [canvas] = await db
    .select({ total: sql<number>`COUNT(*)`, filled: sql<number>`SUM(CASE WHEN ${canvasEntries.content} <> '' THEN 1 ELSE 0 END)` })
    .from(canvasEntries);
  return c.json({ items: onboardingChecklist(overview, Number(canvas?.filled ?? 0), Number(canvas?.total ?? 0)) }, 200);
});
