/** A course's children with their consents (its teacher, coordinators) and its safety checklist before it opens. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { todayIn } from '../children/consent';
import { safetyItemKeys } from '../children/rules';
import { safetyOf, saveChecklist } from '../children/safety';
import { communitySettings } from '../profile/service';
import { childrenOfCourse, courseNeedsSafety } from './children';
import { enrolmentStatuses } from './schema';
import { getCourse } from './service';

const teachers = { host: 'community', allow: ['course-teacher', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, 'A phone number');

const safetySchema = z.object({
  required: z.boolean(),
  checkedItems: z.array(z.string()),
  adultName: z.string(),
  adultPhone: z.string(),
  missing: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

const rosterRoute = defineRoute(teachers, {
  method: 'get',
  path: '/api/courses/{id}/children',
  operationId: 'courses.children',
  summary:
    "The children enrolled, with their guardian's consent and, until 30 days after the last session, emergency contacts and needs (the course's teacher, coordinators)",
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        children: z.array(
          z.object({
            enrolmentId: z.number().int(),
            status: z.enum(enrolmentStatuses),
            childName: z.string(),
            birthMonth: z.string(),
            guardianName: z.string(),
            givenAt: z.string().nullable(),
            purpose: z.string().nullable(),
            emergencyName: z.string().nullable(),
            emergencyPhone: z.string().nullable(),
            needsNote: z.string().nullable(),
            detailsUntil: z.string().nullable(),
          }),
        ),
      }),
      'Children',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const getSafetyRoute = defineRoute(teachers, {
  method: 'get',
  path: '/api/courses/{id}/safety',
  operationId: 'courses.safety',
  summary: 'The safety checklist of a course for children, and what is missing before it may open',
  request: { params: idParam },
  responses: { 200: json(safetySchema, 'Safety step'), ...errorResponses(400, 401, 403, 404) },
});

const putSafetyRoute = defineRoute(teachers, {
  method: 'put',
  path: '/api/courses/{id}/safety',
  operationId: 'courses.saveSafety',
  summary: "Tick a course's safety checklist and name the adult in charge (the course's teacher, coordinators)",
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        checkedItems: z.array(z.enum(safetyItemKeys)).max(20),
        adultName: z.string().trim().max(20),
        adultPhone: z.union([phone, z.literal('')]).default(''),
      }),
    ),
  },
  responses: { 200: json(safetySchema, 'Saved'), ...errorResponses(400, 401, 403, 404) },
});

const shown = (s: Awaited<ReturnType<typeof safetyOf>>, required: boolean) => ({
  required,
  checkedItems: s.checkedItems,
  adultName: s.adultName,
  adultPhone: s.adultPhone,
  missing: s.missing,
  updatedAt: s.updatedAt,
});

export const courseChildrenRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(rosterRoute, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    return c.json({ children: await childrenOfCourse(db, c.req.valid('param').id, todayIn(Date.now(), timeZone)) }, 200);
  })
  .openapi(getSafetyRoute, async (c) => {
    const { db } = tenantOf(c);
    const course = await getCourse(db, c.req.valid('param').id);
    return c.json(shown(await safetyOf(db, 'course', course.id), await courseNeedsSafety(db, course)), 200);
  })
  .openapi(putSafetyRoute, async (c) => {
    const { db } = tenantOf(c);
    const course = await getCourse(db, c.req.valid('param').id);
    const saved = await saveChecklist(db, 'course', course.id, memberOf(c).id, c.req.valid('json'));
    return c.json(shown(saved, await courseNeedsSafety(db, course)), 200);
  });
