import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import { activities, calendarTokens, clubMembers, clubs, signups } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { calendarFor } from '../activities/routes';
import { listActivities, mySignups } from '../activities/service';
import { markNotificationsRead, myNotifications } from '../notifications/service';

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
  summary: 'My notifications (every change to issues I raised)',
  responses: {
    200: json(
      z.object({
        unread: z.number().int(),
        notifications: z.array(
          z.object({
            id: z.number().int(),
            issueId: z.number().int().nullable(),
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
export const meRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(overview, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const from = new Date(Date.now() - 3 * 3600_000).toISOString();
    const to = new Date(Date.now() + 7 * 86400_000).toISOString();
    // One round trip for the whole page.
    const [week, mine, myClubs] = await db.batch([
      listActivities(db, { from, to, states: ['open', 'closed', 'approved'] }),
      mySignups(db, me.id),
      db
        .select({ id: clubs.id, name: clubs.name, role: clubMembers.role, status: clubs.status })
        .from(clubMembers)
        .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
        .where(eq(clubMembers.memberId, me.id))
        .orderBy(asc(clubs.name)),
    ]);
    return c.json({ thisWeek: week.map((a) => ({ ...a, confirmed: Number(a.confirmed) })), signups: mine, clubs: myClubs }, 200);
  })
  .openapi(newToken, async (c) => {
    const token = crypto.randomUUID().replace(/-/g, '');
    await tenantOf(c)
      .db.insert(calendarTokens)
      .values({ memberId: memberOf(c).id, token })
      .onConflictDoUpdate({ target: calendarTokens.memberId, set: { token, createdAt: new Date().toISOString() } });
    return c.json({ path: `/api/calendar/${token}.ics` }, 201);
  })
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
          inArray(activities.state, ['approved', 'open', 'closed', 'held', 'settled', 'reviewed']),
        ),
      )
      .orderBy(asc(activities.startsAt));
    return c.body(calendarFor(tenant.community.nameZh, rows, new URL(c.req.url).host), 200, {
      'content-type': 'text/calendar; charset=utf-8',
    });
  })
  .openapi(notificationsRoute, async (c) => {
    const rows = await myNotifications(tenantOf(c).db, memberOf(c).id);
    return c.json({ unread: rows.filter((r) => !r.readAt).length, notifications: rows.map(({ memberId: _m, ...r }) => r) }, 200);
  })
  .openapi(readAll, async (c) => {
    await markNotificationsRead(tenantOf(c).db, memberOf(c).id);
    return c.json({ ok: true as const }, 200);
  });
