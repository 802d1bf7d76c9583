/** What is printed for an activity: its poster for the notice board and the sign-in sheet for the door. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { viewerOf } from '../../auth/viewer';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityPoster, signInSheet } from './print';
import { activityStates } from './rules';
import { activityIdParam as idParam } from './schema';

const poster = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/activities/{id}/poster',
    operationId: 'activities.getPoster',
    summary: "An activity's poster: public facts and places left, no resident's name (only while the viewer may see it)",
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          id: z.number().int(),
          title: z.string(),
          description: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          place: z.string(),
          state: z.enum(activityStates),
          clubName: z.string().nullable(),
          feeFen: z.number().int(),
          capacity: z.number().int(),
          placesLeft: z.number().int(),
          waitlist: z.boolean(),
          /** The community's time zone, in which the poster shows every time. */
          timeZone: z.string(),
        }),
        'Poster',
      ),
      ...errorResponses(404),
    },
  },
);

/**
 * Building contacts print sheets for the activities their residents go to, as the organisers do: the role is held by
 * a confirmed contact of any building here (see `building-contact` in roles.ts).
 */
const sheet = defineRoute(
  { host: 'community', allow: ['activity-responsible', 'club-responsible', 'coordinator', 'building-contact'] },
  {
    method: 'get',
    path: '/api/activities/{id}/sign-in-sheet',
    operationId: 'activities.getSignInSheet',
    summary: "The sign-in sheet: header and participants' names, confirmed then waiting (organisers, coordinators, building contacts)",
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          id: z.number().int(),
          title: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          place: z.string(),
          state: z.enum(activityStates),
          feeFen: z.number().int(),
          capacity: z.number().int(),
          clubName: z.string().nullable(),
          responsible: z.string(),
          timeZone: z.string(),
          rows: z.array(
            z.object({
              signupId: z.number().int(),
              name: z.string(),
              heldBy: z.string().nullable(),
              isChild: z.boolean(),
              waitlisted: z.boolean(),
            }),
          ),
        }),
        'Sign-in sheet',
      ),
      ...errorResponses(401, 403, 404),
    },
  },
);

export const printRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(poster, async (c) => c.json(await activityPoster(tenantOf(c).db, c.req.valid('param').id, await viewerOf(c)), 200))
  .openapi(sheet, async (c) => c.json(await signInSheet(tenantOf(c).db, c.req.valid('param').id, await viewerOf(c)), 200));
