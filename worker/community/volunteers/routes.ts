import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { activities, volunteerHours, volunteers } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { communitySettings } from '../profile/service';
import { ageBands } from './schema';
import { wallClock } from '../profile/rules';
import { approveOwnHours, hoursWaitingForAdmins, logOwnHours, recordHours } from './service';

const residents = { host: 'community', allow: 'member' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');

const register = defineRoute(
  residents,
  {
    method: 'put',
    path: '/api/volunteers/me',
    operationId: 'volunteers.register',
    summary: 'Register (or update) yourself as a volunteer: skills, availability and, if you wish, your age band',
    request: jsonBody(
      z.object({
        skills: z.string().trim().max(500),
        availability: z.string().trim().max(300),
        ageBand: z.enum(ageBands).nullable().optional(),
      }),
    ),
    responses: { 200: ok, ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const minutesServed = z
  .number()
  .int()
  .min(5)
  .max(24 * 60);

const record = defineRoute(
  {
    host: 'community',
    allow: 'member',
    // The body names the activity; without one the request is refused (by validation, for an administrator).
    body: { field: 'activityId', allow: ['activity-responsible', 'coordinator'], otherwise: ['association-admin'] },
  },
  {
    method: 'post',
    path: '/api/volunteer-hours',
    operationId: 'volunteers.recordHours',
    summary:
      "Record someone's hours on an activity that happened (its responsible person, or a coordinator); the volunteer confirms. Hours outside activities: `volunteers.logOwnHours`",
    request: jsonBody(
      z.object({
        memberId: z.number().int().positive(),
        activityId: z.number().int().positive(),
        programKey: z
          .string()
          .regex(/^[a-z][a-z-]{0,40}$/)
          .optional(),
        servedOn: z.iso.date(),
        minutes: minutesServed,
        note: z.string().trim().max(300).optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Recorded'), ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const confirm = defineRoute(
  { host: 'community', allow: 'owner' },
  {
    method: 'post',
    path: '/api/volunteer-hours/{id}/confirmation',
    operationId: 'volunteers.confirmHours',
    summary: 'Confirm hours an organiser recorded for you (not hours you logged yourself)',
    request: { params: z.object({ id: z.coerce.number().int().positive() }) },
    responses: { 200: ok, ...errorResponses(401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const logOwn = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/volunteers/me/hours',
    operationId: 'volunteers.logOwnHours',
    summary:
      'Log your own service outside an activity, for one of the programs, within 7 days of the day served; an association admin confirms it',
    request: jsonBody(
      z.object({
        programKey: z.string().regex(/^[a-z][a-z-]{0,40}$/),
        servedOn: z.iso.date(),
        minutes: minutesServed,
        note: z.string().trim().max(300).optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Logged'), ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const approve = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/volunteer-hours/{id}/approval',
    operationId: 'volunteers.approveHours',
    summary: 'Confirm hours a volunteer logged themself (an association admin other than the volunteer)',
    request: { params: z.object({ id: z.coerce.number().int().positive() }) },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const waiting = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'get',
    path: '/api/volunteer-hours/waiting',
    operationId: 'volunteers.listWaitingHours',
    summary: 'Hours volunteers logged themselves that wait for an administrator; `overdue` after 7 days',
    responses: {
      200: json(
        z.object({
          hours: z.array(
            z.object({
              id: z.number().int(),
              memberId: z.number().int(),
              volunteerName: z.string(),
              programKey: z.string().nullable(),
              servedOn: z.string(),
              minutes: z.number().int(),
              note: z.string(),
              loggedAt: z.string(),
              overdue: z.boolean(),
            }),
          ),
        }),
        'Waiting hours',
      ),
      ...errorResponses(401, 403),
    },
  },
);

const mine = defineRoute(residents, {
  method: 'get',
  path: '/api/volunteers/me',
  operationId: 'volunteers.getMine',
  summary: 'My volunteer record: registration, hours (confirmed and waiting for me)',
  responses: {
    200: json(
      z.object({
        registration: z
          .object({ skills: z.string(), availability: z.string(), ageBand: z.enum(ageBands).nullable(), registeredAt: z.string() })
          .nullable(),
        confirmedMinutes: z.number(),
        hours: z.array(
          z.object({
            id: z.number().int(),
            servedOn: z.string(),
            minutes: z.number().int(),
            note: z.string(),
            activityTitle: z.string().nullable(),
            programKey: z.string().nullable(),
            confirmedAt: z.string().nullable(),
            /** Logged by the volunteer (an administrator confirms) rather than recorded by an organiser (the volunteer confirms). */
            loggedByMe: z.boolean(),
          }),
        ),
      }),
      'My record',
    ),
    ...errorResponses(401, 403),
  },
});

const totals = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/volunteers/summary',
    operationId: 'volunteers.getSummary',
    summary: "The community's volunteers and confirmed hours",
    responses: {
      200: json(z.object({ volunteers: z.number().int(), confirmedHours: z.number(), volunteersWithHours: z.number().int() }), 'Totals'),
    },
  },
);

export const volunteerRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(register, async (c) => {
    const body = c.req.valid('json');
    await tenantOf(c)
      .db.insert(volunteers)
      .values({ memberId: memberOf(c).id, ...body })
      .onConflictDoUpdate({ target: volunteers.memberId, set: body });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(record, async (c) => c.json({ id: await recordHours(tenantOf(c).db, memberOf(c).id, c.req.valid('json')) }, 201))
  .openapi(logOwn, async (c) => {
    const { db } = tenantOf(c);
    const today = wallClock(Date.now(), (await communitySettings(db)).timeZone).date;
    return c.json({ id: await logOwnHours(db, memberOf(c).id, c.req.valid('json'), today) }, 201);
  })
  .openapi(approve, async (c) => {
    await approveOwnHours(tenantOf(c).db, memberOf(c).id, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(waiting, async (c) => c.json({ hours: await hoursWaitingForAdmins(tenantOf(c).db, Date.now()) }, 200))
  .openapi(confirm, async (c) => {
    const updated = await tenantOf(c)
      .db.update(volunteerHours)
      .set({ confirmedAt: new Date().toISOString() })
      .where(
        and(
          eq(volunteerHours.id, c.req.valid('param').id),
          eq(volunteerHours.memberId, memberOf(c).id),
          ne(volunteerHours.recordedBy, memberOf(c).id),
        ),
      )
      .returning({ id: volunteerHours.id });
    if (updated.length === 0) throw new AppError('not_found', 'No such hours recorded for you');
    return c.json({ ok: true as const }, 200);
  })
  .openapi(mine, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const [registration, hours] = await db.batch([
      db
        .select({
          skills: volunteers.skills,
          availability: volunteers.availability,
          ageBand: volunteers.ageBand,
          registeredAt: volunteers.registeredAt,
        })
        .from(volunteers)
        .where(eq(volunteers.memberId, me.id)),
      db
        .select({
          id: volunteerHours.id,
          servedOn: volunteerHours.servedOn,
          minutes: volunteerHours.minutes,
          note: volunteerHours.note,
          activityTitle: activities.title,
          programKey: volunteerHours.programKey,
          confirmedAt: volunteerHours.confirmedAt,
          recordedBy: volunteerHours.recordedBy,
        })
        .from(volunteerHours)
        .leftJoin(activities, eq(activities.id, volunteerHours.activityId))
        .where(eq(volunteerHours.memberId, me.id))
        .orderBy(desc(volunteerHours.servedOn)),
    ]);
    const confirmedMinutes = hours.filter((h) => h.confirmedAt).reduce((s, h) => s + h.minutes, 0);
    return c.json(
      {
        registration: registration[0] ?? null,
        confirmedMinutes,
        hours: hours.map(({ recordedBy, ...h }) => ({ ...h, loggedByMe: recordedBy === me.id })),
      },
      200,
    );
  })
  .openapi(totals, async (c) => {
    const { db } = tenantOf(c);
    const [registered, confirmed] = await db.batch([
      db.select({ n: sql<number>`COUNT(*)` }).from(volunteers),
      db
        .select({
          minutes: sql<number>`COALESCE(SUM(${volunteerHours.minutes}), 0)`,
          people: sql<number>`COUNT(DISTINCT ${volunteerHours.memberId})`,
        })
        .from(volunteerHours)
        .where(isNotNull(volunteerHours.confirmedAt)),
    ]);
    return c.json(
      {
        volunteers: Number(registered[0]?.n ?? 0),
        confirmedHours: Math.round((Number(confirmed[0]?.minutes ?? 0) / 60) * 10) / 10,
        volunteersWithHours: Number(confirmed[0]?.people ?? 0),
      },
      200,
    );
  });
