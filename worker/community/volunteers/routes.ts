import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { activities, volunteerHours, volunteers } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { recordHours } from './service';

const residents = { host: 'community', allow: 'member' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');

const register = defineRoute(
  residents,
  {
    method: 'put',
    path: '/api/volunteers/me',
    operationId: 'volunteers.register',
    summary: 'Register (or update) yourself as a volunteer: skills and availability',
    request: jsonBody(z.object({ skills: z.string().trim().max(500), availability: z.string().trim().max(300) })),
    responses: { 200: ok, ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const record = defineRoute(
  {
    host: 'community',
    allow: 'member',
    body: { field: 'activityId', allow: ['activity-responsible', 'coordinator'], otherwise: ['association-admin'] },
  },
  {
    method: 'post',
    path: '/api/volunteer-hours',
    operationId: 'volunteers.recordHours',
    summary: "Record a volunteer's hours (the activity's responsible person, or an administrator); the volunteer confirms",
    request: jsonBody(
      z.object({
        memberId: z.number().int().positive(),
        activityId: z.number().int().positive().optional(),
        programKey: z
          .string()
          .regex(/^[a-z][a-z-]{0,40}$/)
          .optional(),
        servedOn: z.iso.date(),
        minutes: z
          .number()
          .int()
          .min(5)
          .max(24 * 60),
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
    summary: 'Confirm hours recorded for you',
    request: { params: z.object({ id: z.coerce.number().int().positive() }) },
    responses: { 200: ok, ...errorResponses(401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const mine = defineRoute(residents, {
  method: 'get',
  path: '/api/volunteers/me',
  operationId: 'volunteers.getMine',
  summary: 'My volunteer record: registration, hours (confirmed and waiting for me)',
  responses: {
    200: json(
      z.object({
        registration: z.object({ skills: z.string(), availability: z.string(), registeredAt: z.string() }).nullable(),
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
  .openapi(confirm, async (c) => {
    const updated = await tenantOf(c)
      .db.update(volunteerHours)
      .set({ confirmedAt: new Date().toISOString() })
      .where(and(eq(volunteerHours.id, c.req.valid('param').id), eq(volunteerHours.memberId, memberOf(c).id)))
      .returning({ id: volunteerHours.id });
    if (updated.length === 0) throw new AppError('not_found', 'No such hours recorded for you');
    return c.json({ ok: true as const }, 200);
  })
  .openapi(mine, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const [registration, hours] = await db.batch([
      db
        .select({ skills: volunteers.skills, availability: volunteers.availability, registeredAt: volunteers.registeredAt })
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
        })
        .from(volunteerHours)
        .leftJoin(activities, eq(activities.id, volunteerHours.activityId))
        .where(eq(volunteerHours.memberId, me.id))
        .orderBy(desc(volunteerHours.servedOn)),
    ]);
    const confirmedMinutes = hours.filter((h) => h.confirmedAt).reduce((s, h) => s + h.minutes, 0);
    return c.json({ registration: registration[0] ?? null, confirmedMinutes, hours }, 200);
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
