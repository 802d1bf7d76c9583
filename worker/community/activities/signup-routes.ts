/** Places on an activity: sign up, cancel, the organisers' list, check-in. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { signupStatuses } from './rules';
import { activityIdParam as idParam, okResponse as ok } from './schema';
import { audit } from '../../platform/audit';
import { assistedActor, signupIsAssisted } from '../assisted/service';
import { cancelSignup, checkIn, signUp, signupList } from './signups';

const community = { host: 'community' } as const;

const signupSchema = z.object({
  id: z.number().int(),
  participant: z.string(),
  isChild: z.boolean(),
  status: z.enum(signupStatuses),
});

const join = defineRoute(
  { ...community, allow: 'member', body: { field: 'onBehalfOf', allow: ['assisted-steward'] } },
  {
    method: 'post',
    path: '/api/activities/{id}/signups',
    operationId: 'activities.signUp',
    summary: 'Sign up yourself, or a child or other person you bring',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          participant: z.string().trim().max(40).optional(),
          isChild: z.boolean().optional(),
          /** An assisted resident (代为登记) the caller signs up: an administrator, or a contact of their building. */
          onBehalfOf: z.number().int().positive().optional(),
        }),
      ),
    },
    responses: {
      200: json(signupSchema, 'Already signed up'),
      201: json(signupSchema, 'Signed up (confirmed or waitlisted)'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

const cancel = defineRoute(
  { ...community, allow: ['owner', 'association-admin'] },
  {
    method: 'delete',
    path: '/api/activities/{id}/signups/{signupId}',
    operationId: 'activities.cancelSignUp',
    summary: 'Cancel a place; the first on the waitlist moves up',
    request: { params: idParam.extend({ signupId: z.coerce.number().int().positive() }) },
    responses: { 200: ok, ...errorResponses(401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const roster = defineRoute(
  { ...community, allow: ['activity-responsible', 'club-responsible', 'association-admin'] },
  {
    method: 'get',
    path: '/api/activities/{id}/signups',
    operationId: 'activities.listSignUps',
    summary: 'The sign-up list, for check-in (organisers)',
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          signups: z.array(
            z.object({
              id: z.number().int(),
              memberId: z.number().int(),
              displayName: z.string(),
              participant: z.string(),
              isChild: z.boolean(),
              status: z.enum(signupStatuses),
              checkedInAt: z.string().nullable(),
              createdAt: z.string(),
              /** 由 X 代为登记: who signed an assisted resident up. */
              onBehalfName: z.string().nullable(),
            }),
          ),
        }),
        'Sign-ups',
      ),
      ...errorResponses(401, 403, 404),
    },
  },
);

const checkin = defineRoute(
  {
    ...community,
    allow: 'member',
    body: { field: 'signupId', allow: ['activity-responsible', 'association-admin', 'assisted-steward'] },
  },
  {
    method: 'post',
    path: '/api/activities/{id}/checkins',
    operationId: 'activities.checkIn',
    summary:
      "Check in: with the activity's QR code (yourself) or a sign-up id from the list (organisers, or the contact of an assisted resident)",
    request: {
      params: idParam,
      ...jsonBody(z.union([z.object({ token: z.string().min(8).max(64) }), z.object({ signupId: z.number().int().positive() })])),
    },
    responses: { 200: json(z.object({ checkedIn: z.number().int() }), 'Checked in'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

export const signupRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(join, async (c) => {
    const { db } = tenantOf(c);
    const id = c.req.valid('param').id;
    const { onBehalfOf, ...input } = c.req.valid('json');
    const who = onBehalfOf ? await assistedActor(db, onBehalfOf) : memberOf(c);
    const { signup, created } = await signUp(db, id, who, input, onBehalfOf ? memberOf(c).id : undefined);
    if (onBehalfOf && created) await audit(c, 'assisted.signed-up', { activityId: id, signupId: signup.id, memberId: onBehalfOf });
    const body = { id: signup.id, participant: signup.participant, isChild: signup.isChild, status: signup.status };
    return created ? c.json(body, 201) : c.json(body, 200);
  })
  .openapi(cancel, async (c) => {
    const { id, signupId } = c.req.valid('param');
    await cancelSignup(tenantOf(c).db, id, signupId, memberOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(roster, async (c) => c.json({ signups: await signupList(tenantOf(c).db, c.req.valid('param').id, memberOf(c)) }, 200))
  .openapi(checkin, async (c) => {
    const { db } = tenantOf(c);
    const id = c.req.valid('param').id;
    const by = c.req.valid('json');
    const checkedIn = await checkIn(db, id, memberOf(c), by);
    const assisted = 'signupId' in by ? await signupIsAssisted(db, by.signupId) : null;
    if (assisted !== null && 'signupId' in by)
      await audit(c, 'assisted.checked-in', { activityId: id, signupId: by.signupId, memberId: assisted });
    return c.json({ checkedIn }, 200);
  });
