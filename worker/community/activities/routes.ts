import { OpenAPIHono, z } from '@hono/zod-openapi';
import ical, { ICalEventStatus } from 'ical-generator';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityStates, announcedStates, audiences, signupStatuses } from './rules';
import { activityIdParam as idParam, costLineInput as costLine, fenInput as fen, okResponse as ok } from './schema';
import { settlementRoutes } from './settlement-routes';
import { printRoutes } from './print-routes';
import { signupRoutes } from './signup-routes';
import { activityDetail, listActivities, visibleActivity } from './read';
import { viewerOf } from '../../auth/viewer';
import { activityPlaces } from './place';
import { createActivity, takeStep, updateActivity } from './service';
import { wallClockDate } from '../profile/rules';
import { communityTimeZone } from '../profile/service';

const community = { host: 'community' } as const;
/** The activity's responsible person, or an association administrator. */
const organisers = { host: 'community', allow: ['activity-responsible', 'association-admin'] } as const;
const state = z.enum(activityStates);

const activityInput = z.object({
  clubId: z.number().int().positive().nullable().optional(),
  /** The program it counts for; a club's activity counts for its club's program unless another is named. */
  programKey: z
    .string()
    .regex(/^[a-z][a-z-]{0,40}$/)
    .nullable()
    .optional(),
  title: z.string().trim().min(2).max(80),
  description: z.string().max(4000).optional(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(80).optional(),
  spaceId: z.number().int().positive().nullable().optional(),
  bookingId: z.number().int().positive().nullable().optional(),
  capacity: z.number().int().min(1).max(5000),
  waitlist: z.boolean().optional(),
  /** Places one member may hold for themself and the people they bring; 4 unless the organiser sets it. */
  maxPlacesPerMember: z.number().int().min(1).max(20).optional(),
  audience: z.enum(audiences),
  expectedParticipants: z.number().int().min(0).max(5000),
  surplusRatePercent: z.number().int().min(0).max(50).optional(),
  costLines: z.array(costLine).max(50),
  feeFen: fen.optional(),
  exceptionReason: z.string().trim().max(300).nullable().optional(),
});

const listItem = z.object({
  id: z.number().int(),
  title: z.string(),
  clubId: z.number().int().nullable(),
  clubName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  state,
  capacity: z.number().int(),
  feeFen: z.number().int(),
  audience: z.enum(audiences),
  waitlist: z.boolean(),
  confirmed: z.number(),
});

const money = z.object({ label: z.string(), amountFen: z.number() });
const detailSchema = z.object({
  id: z.number().int(),
  clubId: z.number().int().nullable(),
  title: z.string(),
  description: z.string(),
  responsibleMemberId: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  waitlist: z.boolean(),
  maxPlacesPerMember: z.number().int(),
  audience: z.enum(audiences),
  state,
  expectedParticipants: z.number().int(),
  surplusRatePercent: z.number().int(),
  feeFen: z.number().int(),
  exceptionReason: z.string().nullable(),
  approvedBy: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  createdAt: z.string(),
  checkinToken: z.string().nullable(),
  isOrganiser: z.boolean(),
  space: z
    .object({
      id: z.number().int(),
      name: z.string(),
      capacity: z.number().int(),
      opensAt: z.string(),
      closesAt: z.string(),
      rules: z.string(),
    })
    .nullable(),
  booking: z
    .object({ id: z.number().int(), startsAt: z.string(), endsAt: z.string(), seriesId: z.string().nullable(), borrowed: z.boolean() })
    .nullable(),
  club: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  programKey: z.string().nullable(),
  program: z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
  responsible: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  budget: z.object({
    lines: z.array(money),
    costFen: z.number(),
    surplusTargetFen: z.number(),
    targetFen: z.number(),
    feeFen: z.number(),
    derivedFeeFen: z.number().nullable(),
    exactFeeFen: z.number().nullable(),
    incomeFen: z.number(),
    surplusFen: z.number(),
    coversCostsAndSurplus: z.boolean(),
    breakEvenParticipants: z.number().nullable(),
    exceptionReason: z.string().nullable(),
    problem: z.enum(['no-participants', 'does-not-cover']).nullable(),
  }),
  places: z.object({ confirmed: z.number(), waitlisted: z.number(), checkedIn: z.number(), free: z.number() }),
  settlement: z
    .object({
      incomeFen: z.number(),
      costFen: z.number(),
      surplusFen: z.number(),
      actualLines: z.array(money),
      plannedIncomeFen: z.number(),
      plannedCostFen: z.number(),
    })
    .nullable(),
  review: z
    .object({ kind: z.string(), wentWell: z.string().nullable(), toChange: z.string().nullable(), rating: z.number().nullable() })
    .nullable(),
  rating: z.object({ average: z.number(), count: z.number() }).nullable(),
  mySignups: z.array(
    z.object({
      id: z.number().int(),
      participant: z.string(),
      isChild: z.boolean(),
      status: z.enum(signupStatuses),
      checkedInAt: z.string().nullable(),
    }),
  ),
});

const list = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/activities',
    operationId: 'activities.list',
    summary: 'Activities in a period (default: from now for four weeks)',
    request: {
      query: z.object({
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        clubId: z.coerce.number().int().positive().optional(),
      }),
    },
    responses: { 200: json(z.object({ activities: z.array(listItem) }), 'Activities'), ...errorResponses(400) },
  },
);

const get = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/activities/{id}',
    operationId: 'activities.get',
    summary: 'An activity with its AA budget breakdown, places, settlement (planned vs actual) and review',
    request: { params: idParam },
    responses: { 200: json(detailSchema, 'Activity'), ...errorResponses(404) },
  },
);

const places = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/activity-places',
    operationId: 'activities.listPlaces',
    summary:
      "Where an activity can take place: the shared spaces, and the club's active bookings it can use (with the activity each already holds)",
    request: { query: z.object({ clubId: z.coerce.number().int().positive().optional() }) },
    responses: {
      200: json(
        z.object({
          spaces: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              capacity: z.number().int(),
              opensAt: z.string(),
              closesAt: z.string(),
              rules: z.string(),
            }),
          ),
          bookings: z.array(
            z.object({
              id: z.number().int(),
              spaceId: z.number().int(),
              spaceName: z.string(),
              startsAt: z.string(),
              endsAt: z.string(),
              purpose: z.string(),
              seriesId: z.string().nullable(),
              activityId: z.number().int().nullable(),
            }),
          ),
        }),
        'Spaces and bookings',
      ),
      ...errorResponses(400, 401, 403),
    },
  },
);

const create = defineRoute(
  { ...community, allow: 'member', body: { field: 'clubId', allow: ['club-member'] } },
  {
    method: 'post',
    path: '/api/activities',
    operationId: 'activities.create',
    summary:
      'Propose an activity with an AA budget; the proposer is responsible for it. With spaceId the space is booked for its time in the same write (409 naming the clashing booking when taken); with bookingId a booking of its club that covers the time is used',
    request: jsonBody(activityInput),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Drafted'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const update = defineRoute(
  organisers,
  {
    method: 'put',
    path: '/api/activities/{id}',
    operationId: 'activities.update',
    summary:
      'Change an activity and its budget before approval (responsible person); a new time or space re-books it atomically, a typed place releases the booking',
    request: { params: idParam, ...jsonBody(activityInput) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const step = defineRoute(
  {
    ...community,
    allow: 'member',
    body: {
      field: 'step',
      is: {
        submit: ['activity-responsible', 'association-admin'],
        open: ['activity-responsible', 'association-admin'],
        close: ['activity-responsible', 'association-admin'],
        hold: ['activity-responsible', 'association-admin'],
        cancel: ['activity-responsible', 'association-admin'],
        approve: ['club-responsible', 'association-admin'],
        return: ['club-responsible', 'association-admin'],
      },
    },
  },
  {
    method: 'post',
    path: '/api/activities/{id}/steps',
    operationId: 'activities.takeStep',
    summary: 'Take the next step of the standard process: submit, approve, return, open, close, hold or cancel',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          step: z.enum(['submit', 'approve', 'return', 'open', 'close', 'hold', 'cancel']),
          reason: z.string().trim().max(300).optional(),
        }),
      ),
    },
    responses: { 200: json(z.object({ state }), 'New state'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const icalRoute = defineRoute(
  { ...community, allow: 'public' },
  {
    method: 'get',
    path: '/api/activities/{id}/calendar.ics',
    operationId: 'activities.getCalendar',
    summary: 'The activity as an iCalendar file',
    request: { params: idParam },
    responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses(404) },
  },
);

/** Activities as an iCalendar file whose times carry the community's zone (TZID), read on its wall clock. */
export function calendarFor(
  name: string,
  items: { id: number; title: string; startsAt: string; endsAt: string; place: string; description?: string; state?: string }[],
  host: string,
  timeZone: string,
) {
  const calendar = ical({ name, timezone: timeZone, prodId: { company: 'Huzhu', product: 'community calendar', language: 'ZH' } });
  for (const a of items) {
    calendar.createEvent({
      id: `activity-${a.id}@${host}`,
      start: wallClockDate(a.startsAt, timeZone),
      end: wallClockDate(a.endsAt, timeZone),
      timezone: timeZone,
      summary: a.title,
      location: a.place,
      description: a.description ?? '',
      url: `https://${host}/activities/${a.id}`,
      // A calendar app shows a cancelled event struck through instead of keeping it as planned.
      status: a.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

export const activityRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', signupRoutes)
  .route('/', settlementRoutes)
  .route('/', printRoutes)
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    const from = q.from ?? new Date(Date.now() - 3 * 3600_000).toISOString();
    const to = q.to ?? new Date(Date.parse(from) + 28 * 86400_000).toISOString();
    // The calendar shows what has been announced; organisers find their drafts on their club's page.
    const rows = await listActivities(tenantOf(c).db, { from, to, clubId: q.clubId, states: [...announcedStates] });
    return c.json({ activities: rows.map((r) => ({ ...r, confirmed: Number(r.confirmed) })) }, 200);
  })
  .openapi(get, async (c) => {
    const { db } = tenantOf(c);
    return c.json(await activityDetail(db, c.req.valid('param').id, await viewerOf(c), new Date().toISOString()), 200);
  })
  .openapi(places, async (c) => c.json(await activityPlaces(tenantOf(c).db, c.req.valid('query').clubId), 200))
  .openapi(create, async (c) => c.json({ id: await createActivity(tenantOf(c).db, memberOf(c), c.req.valid('json')) }, 201))
  .openapi(update, async (c) => {
    await updateActivity(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(step, async (c) => {
    const { step: which, reason } = c.req.valid('json');
    return c.json({ state: await takeStep(tenantOf(c).db, c.req.valid('param').id, which, memberOf(c), reason) }, 200);
  })
  .openapi(icalRoute, async (c) => {
    const tenant = tenantOf(c);
    const { activity } = await visibleActivity(tenant.db, c.req.valid('param').id, await viewerOf(c));
    const timeZone = await communityTimeZone(tenant.db);
    const body = calendarFor(tenant.community.nameZh, [activity], new URL(c.req.url).host, timeZone);
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="activity-${activity.id}.ics"`,
    });
  });
