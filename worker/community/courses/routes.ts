/** The community university: terms, courses (coordinators), each course's page and the decision at the deadline. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { courseChildrenRoutes } from './children-routes';
import { decideCourse } from './decision';
import { enrolmentRoutes } from './enrolment-routes';
import { courseStatuses, enrolmentStatuses } from './schema';
import { courseDetail, createCourse, createTerm, listTerms, termView, updateCourse } from './service';

const anyone = { host: 'community', allow: 'public' } as const;
const coordinators = { host: 'community', allow: 'association-admin' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const day = z.iso.date();
const instant = z.string().datetime({ offset: true });

const termSchema = z.object({ id: z.number().int(), name: z.string(), startsOn: z.string(), endsOn: z.string() });

const listTermsRoute = defineRoute(anyone, {
  method: 'get',
  path: '/api/course-terms',
  operationId: 'courses.listTerms',
  summary: "The community university's terms, earliest first",
  responses: { 200: json(z.object({ terms: z.array(termSchema) }), 'Terms') },
});

const createTermRoute = defineRoute(coordinators, {
  method: 'post',
  path: '/api/course-terms',
  operationId: 'courses.createTerm',
  summary: 'Open a term, e.g. 2027 春季学期 (coordinators)',
  request: jsonBody(z.object({ name: z.string().trim().min(1).max(40), startsOn: day, endsOn: day })),
  responses: { 201: json(z.object({ id: z.number().int() }), 'Created'), ...errorResponses(400, 401, 403) },
});

const getTermRoute = defineRoute(anyone, {
  method: 'get',
  path: '/api/course-terms/{id}',
  operationId: 'courses.getTerm',
  summary: 'A term with all its courses',
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        term: termSchema,
        timeZone: z.string(),
        courses: z.array(
          z.object({
            id: z.number().int(),
            title: z.string(),
            teacherName: z.string(),
            ageMin: z.number().int().nullable(),
            ageMax: z.number().int().nullable(),
            place: z.string(),
            feeFen: z.number().int(),
            minEnrolment: z.number().int(),
            maxEnrolment: z.number().int(),
            enrolmentDeadline: z.string(),
            status: z.enum(courseStatuses),
            enrolled: z.number().int(),
            sessions: z.number().int(),
            firstSession: z.string().nullable(),
          }),
        ),
      }),
      'Term',
    ),
    ...errorResponses(400, 404),
  },
});

const sessionInput = z.object({ startsAt: instant, endsAt: instant });
const age = z.number().int().min(0).max(120).nullable();
const courseFields = {
  title: z.string().trim().min(1).max(60),
  description: z.string().trim().max(2000),
  teacherMemberId: z.number().int().positive().nullable(),
  teacherName: z.string().trim().max(40),
  teacherNote: z.string().trim().max(200),
  ageMin: age,
  ageMax: age,
  minEnrolment: z.number().int().min(1).max(500),
  maxEnrolment: z.number().int().min(1).max(500),
  enrolmentDeadline: instant,
};

const createCourseRoute = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/courses',
    operationId: 'courses.create',
    summary: 'Create a course with its sessions; a space is booked for every session, all or none (coordinators)',
    request: jsonBody(
      z.object({
        ...courseFields,
        termId: z.number().int().positive(),
        spaceId: z.number().int().positive().nullable(),
        place: z.string().trim().max(60),
        costFen: z.number().int().min(0).max(100_000_000),
        sessions: z.array(sessionInput).min(1).max(60),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Created'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const updateCourseRoute = defineRoute(coordinators, {
  method: 'patch',
  path: '/api/courses/{id}',
  operationId: 'courses.update',
  summary: 'Edit a course while it is enrolling (coordinators); its sessions, place and fee stay',
  request: { params: idParam, ...jsonBody(z.object(courseFields).partial()) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
});

const getCourseRoute = defineRoute(anyone, {
  method: 'get',
  path: '/api/courses/{id}',
  operationId: 'courses.get',
  summary: 'A course, its sessions and places; for a signed-in member, their own enrolments and places in the queue',
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        timeZone: z.string(),
        id: z.number().int(),
        termId: z.number().int(),
        termName: z.string(),
        title: z.string(),
        description: z.string(),
        teacherMemberId: z.number().int().nullable(),
        teacherName: z.string(),
        teacherNote: z.string(),
        ageMin: z.number().int().nullable(),
        ageMax: z.number().int().nullable(),
        spaceId: z.number().int().nullable(),
        place: z.string(),
        costFen: z.number().int(),
        surplusRatePercent: z.number().int(),
        feeFen: z.number().int(),
        minEnrolment: z.number().int(),
        maxEnrolment: z.number().int(),
        enrolmentDeadline: z.string(),
        status: z.enum(courseStatuses),
        decidedAt: z.string().nullable(),
        enrolled: z.number().int(),
        waitlisted: z.number().int(),
        sessions: z.array(z.object({ id: z.number().int(), startsAt: z.string(), endsAt: z.string() })),
        mine: z.array(
          z.object({
            id: z.number().int(),
            childName: z.string(),
            status: z.enum(enrolmentStatuses),
            feeFen: z.number().int(),
            paid: z.boolean(),
            refunded: z.boolean(),
            position: z.number().int().nullable(),
          }),
        ),
      }),
      'Course',
    ),
    ...errorResponses(400, 404),
  },
});

const decideRoute = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/courses/{id}/decision',
    operationId: 'courses.decide',
    summary: 'Close enrolment now: open the course if it reached its minimum, else cancel it and refund everyone (coordinators)',
    request: { params: idParam },
    responses: { 200: json(z.object({ decision: z.enum(['open', 'cancel']) }), 'Decided'), ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

export const courseRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', enrolmentRoutes)
  .route('/', courseChildrenRoutes)
  .openapi(listTermsRoute, async (c) => c.json({ terms: await listTerms(tenantOf(c).db) }, 200))
  .openapi(createTermRoute, async (c) => c.json({ id: await createTerm(tenantOf(c).db, c.req.valid('json')) }, 201))
  .openapi(getTermRoute, async (c) => c.json(await termView(tenantOf(c).db, c.req.valid('param').id), 200))
  .openapi(createCourseRoute, async (c) => c.json({ id: await createCourse(tenantOf(c).db, memberOf(c).id, c.req.valid('json')) }, 201))
  .openapi(updateCourseRoute, async (c) => {
    await updateCourse(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(getCourseRoute, async (c) => {
    return c.json(await courseDetail(tenantOf(c).db, c.req.valid('param').id, c.get('identity')?.userId ?? null), 200);
  })
  .openapi(decideRoute, async (c) => {
    const decision = await decideCourse(tenantOf(c).db, c.req.valid('param').id, Date.now(), {
      decidedBy: memberOf(c).id,
      decideNow: true,
    });
    if (decision === 'wait') throw new Error('a decision asked for now does not wait');
    return c.json({ decision }, 200);
  });
