import { announcedStates } from '../activities/rules';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import { activities, calendarTokens, clubMembers, signups } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { calendarFor } from '../activities/routes';
import { communityTimeZone } from '../profile/service';
import { markNotificationsRead, myNotifications } from '../notifications/service';
import { renewCalendarToken, weekOf } from './service';
import { partyKeys } from '../parties/rules';
import { openOffersFor } from '../parties/service';

const residents = { host: 'community', allow: 'member' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');

const overview = defineRoute(residents, {
  method: 'get',
  path: '/api/me/overview',
  operationId: 'me.getOverview',
  summary: "A resident's week: what is on, my sign-ups, my clubs",
  responses: {
    200: json(
      z.object({
        thisWeek: z.array(
          z.object({
            id: z.number().int(),
            title: z.string(),
            clubName: z.string().nullable(),
            startsAt: z.string(),
            endsAt: z.string(),
            place: z.string(),
            state: z.string(),
            feeFen: z.number(),
            capacity: z.number(),
            audience: z.enum(['members', 'residents', 'children']),
            waitlist: z.boolean(),
            confirmed: z.number(),
          }),
        ),
        signups: z.array(
          z.object({
            signupId: z.number().int(),
            status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
            participant: z.string(),
            activityId: z.number().int(),
            title: z.string(),
            startsAt: z.string(),
            place: z.string(),
            state: z.string(),
          }),
        ),
        clubs: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.enum(['member', 'leader']), status: z.string() })),
      }),
      'Overview',
    ),
    ...errorResponses(401, 403),
  },
});

const newToken = defineRoute(residents, {
  method: 'post',
  path: '/api/me/calendar-token',
  operationId: 'me.renewCalendarToken',
  summary: 'Create my private calendar feed URL; creating a new one revokes the old',
  responses: { 201: json(z.object({ path: z.string() }), 'Feed path'), ...errorResponses(401, 403) },
});

const feed = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/calendar/{token}',
    operationId: 'me.getCalendarFeed',
    summary: "A resident's calendar feed (.ics): activities they signed up for and their clubs' activities; the token is the key",
    request: { params: z.object({ token: z.string().regex(/^[a-f0-9]{32}\.ics$/) }) },
    responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses(400, 404) },
  },
);

const notificationsRoute = defineRoute(residents, {
  method: 'get',
  path: '/api/me/notifications',
  operationId: 'me.listNotifications',
  summary: 'My notifications: everything that concerns me, newest first',
  responses: {
    200: json(
      z.object({
        unread: z.number().int(),
        notifications: z.array(
          z.object({
            id: z.number().int(),
            kind: z.string(),
            issueId: z.number().int().nullable(),
            /** The page it is about, in this community's site. */
            link: z.string().nullable(),
            textZh: z.string(),
            textEn: z.string(),
            createdAt: z.string(),
            readAt: z.string().nullable(),
          }),
        ),
      }),
      'Notifications',
    ),
    ...errorResponses(401, 403),
  },
});

const readAll = defineRoute(residents, {
  method: 'post',
  path: '/api/me/notifications/read',
  operationId: 'me.markNotificationsRead',
  summary: 'Mark my notifications read',
  responses: { 200: ok, ...errorResponses(401, 403) },
});

/** Everything under /api/me: my week, my calendar feed and my notifications. */
const appointmentOffers = defineRoute(residents, {
  method: 'get',
  path: '/api/me/appointments',
  operationId: 'me.appointmentOffers',
  summary: 'Offers to represent a party that wait for my answer',
  responses: {
    200: json(
      z.object({
        offers: z.array(
          z.object({
            id: z.number().int(),
            partyKey: z.enum(partyKeys),
            partyTitle: z.object({ zh: z.string(), en: z.string() }),
            createdAt: z.string(),
          }),
        ),
      }),
      'Offers',
    ),
    ...errorResponses(401, 403),
  },
});

export const meRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(overview, async (c) => c.json(await weekOf(tenantOf(c).db, memberOf(c).id, new Date()), 200))
  .openapi(newToken, async (c) => c.json({ path: await renewCalendarToken(tenantOf(c).db, memberOf(c).id) }, 201))
  .openapi(feed, async (c) => {
    const tenant = tenantOf(c);
    const token = c.req.valid('param').token.replace(/\.ics$/, '');
    const [owner] = await tenant.db
      .select({ memberId: calendarTokens.memberId })
      .from(calendarTokens)
      .where(eq(calendarTokens.token, token));
    if (!owner) throw new AppError('not_found', 'This calendar link is not valid (it may have been replaced)');
    const from = new Date(Date.now() - 30 * 86400_000).toISOString();
    const to = new Date(Date.now() + 180 * 86400_000).toISOString();
    const rows = await tenant.db
      .selectDistinct({
        id: activities.id,
        title: activities.title,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        place: activities.place,
        description: activities.description,
      })
      .from(activities)
      .leftJoin(
        signups,
        and(
          eq(signups.activityId, activities.id),
          eq(signups.memberId, owner.memberId),
          inArray(signups.status, ['confirmed', 'waitlisted']),
        ),
      )
      .leftJoin(clubMembers, and(eq(clubMembers.clubId, activities.clubId), eq(clubMembers.memberId, owner.memberId)))
      .where(
        and(
          gte(activities.startsAt, from),
          lt(activities.startsAt, to),
          or(eq(signups.memberId, owner.memberId), eq(clubMembers.memberId, owner.memberId)),
          inArray(activities.state, [...announcedStates]),
        ),
      )
      .orderBy(asc(activities.startsAt));
    const timeZone = await communityTimeZone(tenant.db);
    return c.body(calendarFor(tenant.community.nameZh, rows, new URL(c.req.url).host, timeZone), 200, {
      'content-type': 'text/calendar; charset=utf-8',
    });
  })
  .openapi(notificationsRoute, async (c) => {
    const rows = await myNotifications(tenantOf(c).db, memberOf(c).id);
    return c.json(
      {
        unread: rows.filter((r) => !r.readAt).length,
        notifications: rows.map(({ id, kind, issueId, link, textZh, textEn, createdAt, readAt }) => ({
          id,
          kind,
          issueId,
          link,
          textZh,
          textEn,
          createdAt,
          readAt,
        })),
      },
      200,
    );
  })
  .openapi(readAll, async (c) => {
    await markNotificationsRead(tenantOf(c).db, memberOf(c).id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(appointmentOffers, async (c) => c.json({ offers: await openOffersFor(tenantOf(c).db, memberOf(c).id) }, 200));
