import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { definitions, definitionsSchema, figuresSchema } from '../../metrics/consultant-routes';
import { nextStepKeys } from './rules';
import { associationScores } from './service';

const scoresSchema = z
  .object({
    /** The month in progress, whose figures are month-to-date. */
    currentMonth: z.string(),
    computedAt: z.string(),
    months: z.array(z.object({ month: z.string(), figures: figuresSchema })),
    /** Complete months since the community began in which no joint meeting was held. */
    monthsWithoutJointMeeting: z.array(z.string()),
    contacts: z.object({
      buildings: z.number().int(),
      withTwo: z.number().int(),
      /** Buildings with fewer contacts than the model asks (at least two). */
      short: z.array(z.object({ name: z.string(), contacts: z.number().int(), contactsRequired: z.number().int() })),
    }),
    nextSteps: z.array(z.object({ key: z.enum(nextStepKeys), count: z.number().int(), href: z.string() })),
    definitions: definitionsSchema,
  })
  .openapi('AssociationScores');

const getScores = defineRoute(
  // Coordinators always; every member when the community chooses to show them its figures (`figures-reader`).
  { host: 'community', allow: ['coordinator', 'figures-reader'] },
  {
    method: 'get',
    path: '/api/association/scores',
    operationId: 'association.getScores',
    summary:
      "Where the association stands: the model's figures month by month for thirteen months, the five operating rules, joint-meeting cadence, contact coverage and the next useful steps",
    responses: { 200: json(scoresSchema, 'Figures and next steps'), ...errorResponses(401, 403) },
  },
);

/** The association's own figures, computed from its own database: no consultant grant is involved. */
export const associationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(getScores, async (c) => {
  const { db, d1 } = tenantOf(c);
  return c.json({ ...(await associationScores(db, d1, new Date())), definitions }, 200);
});
