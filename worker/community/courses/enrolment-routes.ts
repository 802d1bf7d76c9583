/** Places on a course (enrol, leave), the teacher's attendance sheet, and a resident's timetable with its .ics. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import ical from 'ical-generator';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { todayIn } from '../library/service';
import { wallClockDate } from '../profile/rules';
import { communitySettings } from '../profile/service';
import { attendanceSheet, markAttendance, timetable } from './attendance';
import { cancelEnrolment, enrol } from './enrolment';
import { courseStatuses, enrolmentStatuses } from './schema';

const residents = { host: 'community', allow: 'member' } as const;
const teachers = { host: 'community', allow: ['course-teacher', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });

const enrolmentSchema = z.object({
  id: z.number().int(),
  childName: z.string(),
  status: z.enum(enrolmentStatuses),
  feeFen: z.number().int(),
});

const enrolRoute = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/courses/{id}/enrolments',
    operationId: 'courses.enrol',
    summary:
      "Enrol yourself, or one of your children (from 我的孩子) with your consent, an emergency contact and any needs; the fee is paid into the course's account; waitlisted when full",
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          childName: z.string().trim().max(40).optional(),
          childId: z.number().int().positive().nullable().optional(),
          consent: z.boolean().optional(),
          emergencyName: z.string().trim().max(20).optional(),
          emergencyPhone: z.string().trim().max(20).optional(),
          needsNote: z.string().trim().max(300).optional(),
        }),
      ),
    },
    responses: {
      200: json(enrolmentSchema, 'Already enrolled'),
      201: json(enrolmentSchema, 'Enrolled or waitlisted'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

const cancelRoute = defineRoute(
  { host: 'community', allow: ['owner', 'association-admin'] },
  {
    method: 'delete',
    path: '/api/courses/{id}/enrolments/{enrolmentId}',
    operationId: 'courses.cancelEnrolment',
    summary: 'Leave a course before enrolment closes: the fee is refunded and the first on the waitlist moves up',
    request: { params: idParam.extend({ enrolmentId: z.coerce.number().int().positive() }) },
    responses: { 200: json(z.object({ ok: z.literal(true) }), 'Left'), ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const sheetRoute = defineRoute(teachers, {
  method: 'get',
  path: '/api/courses/{id}/attendance',
  operationId: 'courses.getAttendance',
  summary: "The attendance sheet: everyone enrolled and each session's marks (the course's teacher, coordinators)",
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        course: z.object({ id: z.number().int(), title: z.string(), status: z.enum(courseStatuses) }),
        enrolments: z.array(z.object({ id: z.number().int(), name: z.string(), guardian: z.string().nullable() })),
        sessions: z.array(
          z.object({
            id: z.number().int(),
            startsAt: z.string(),
            endsAt: z.string(),
            marked: z.boolean(),
            present: z.array(z.number().int()),
          }),
        ),
      }),
      'Sheet',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const markRoute = defineRoute(
  teachers,
  {
    method: 'put',
    path: '/api/courses/{id}/sessions/{sessionId}/attendance',
    operationId: 'courses.markAttendance',
    summary: "Mark a session's attendance: the enrolments present, everyone else absent (the course's teacher, coordinators)",
    request: {
      params: idParam.extend({ sessionId: z.coerce.number().int().positive() }),
      ...jsonBody(z.object({ present: z.array(z.number().int().positive()).max(500) })),
    },
    responses: { 200: json(z.object({ present: z.number().int() }), 'Marked'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const timetableSchema = z.object({
  timeZone: z.string(),
  enrolments: z.array(
    z.object({
      id: z.number().int(),
      courseId: z.number().int(),
      title: z.string(),
      courseStatus: z.string(),
      childName: z.string(),
      status: z.enum(enrolmentStatuses),
      feeFen: z.number().int(),
      paid: z.boolean(),
      refunded: z.boolean(),
    }),
  ),
  sessions: z.array(
    z.object({
      id: z.number().int(),
      courseId: z.number().int(),
      title: z.string(),
      place: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
});

const mineRoute = defineRoute(residents, {
  method: 'get',
  path: '/api/course-timetable',
  operationId: 'courses.timetable',
  summary: 'My timetable: the sessions of every course I or my child hold a place on, and my enrolments with their payments and refunds',
  responses: { 200: json(timetableSchema, 'Timetable'), ...errorResponses(401, 403) },
});

const icsRoute = defineRoute(residents, {
  method: 'get',
  path: '/api/course-timetable/calendar.ics',
  operationId: 'courses.timetableCalendar',
  summary: "My timetable as an iCalendar file, in the community's time zone",
  responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses(401, 403) },
});

/**
 * The sessions as an iCalendar file whose times carry the community's zone (TZID), read on its wall clock.
 */
export function timetableCalendar(
  name: string,
  sessions: { id: number; courseId: number; title: string; place: string; startsAt: string; endsAt: string }[],
  timeZone: string,
  host: string,
) {
  const wall = (instant: string) => wallClockDate(instant, timeZone);
  const calendar = ical({ name, timezone: timeZone, prodId: { company: 'Huzhu', product: 'community university', language: 'ZH' } });
  for (const s of sessions) {
    calendar.createEvent({
      id: `course-session-${s.id}@${host}`,
      start: wall(s.startsAt),
      end: wall(s.endsAt),
      timezone: timeZone,
      summary: s.title,
      location: s.place,
      url: `https://${host}/courses/${s.courseId}`,
    });
  }
  return calendar.toString();
}

export const enrolmentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(enrolRoute, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const { enrolment, created } = await enrol(
      db,
      c.req.valid('param').id,
      memberOf(c),
      c.req.valid('json'),
      todayIn(Date.now(), timeZone),
      timeZone,
    );
    const body = { id: enrolment.id, childName: enrolment.childName, status: enrolment.status, feeFen: enrolment.feeFen };
    return created ? c.json(body, 201) : c.json(body, 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { db } = tenantOf(c);
    const { id, enrolmentId } = c.req.valid('param');
    const { timeZone } = await communitySettings(db);
    await cancelEnrolment(db, id, enrolmentId, memberOf(c), todayIn(Date.now(), timeZone));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(sheetRoute, async (c) => c.json(await attendanceSheet(tenantOf(c).db, c.req.valid('param').id), 200))
  .openapi(markRoute, async (c) => {
    const { id, sessionId } = c.req.valid('param');
    const present = await markAttendance(tenantOf(c).db, id, sessionId, c.req.valid('json').present, memberOf(c).id);
    return c.json({ present }, 200);
  })
  .openapi(mineRoute, async (c) => {
    return c.json(await timetable(tenantOf(c).db, memberOf(c).id), 200);
  })
  .openapi(icsRoute, async (c) => {
    const tenant = tenantOf(c);
    const { timeZone, sessions } = await timetable(tenant.db, memberOf(c).id);
    const body = timetableCalendar(`${tenant.community.nameZh} 我的课表`, sessions, timeZone, new URL(c.req.url).host);
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="timetable.ics"',
    });
  });
