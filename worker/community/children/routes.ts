/** Guardians and their children, consent, the safety step and the parent rota. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityIdParam } from '../activities/schema';
import { getActivity } from '../activities/service';
import { communitySettings } from '../profile/service';
import { requireConsent } from '../privacy/service';
import { addChild, childrenOfActivity, childSignupsOf, listChildren, signUpChild, todayIn } from './consent';
import { safetyItemKeys } from './rules';
import { activityNeedsSafety, addRotaDays, claimRotaDay, recordHeadcount, rotaOf, safetyOf, saveChecklist } from './safety';

const community = { host: 'community' } as const;
const organisers = { ...community, allow: ['activity-responsible', 'club-responsible'] } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const day = z.iso.date();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, 'A phone number');

const childSchema = z.object({ id: z.number().int(), name: z.string(), birthMonth: z.string() });
const details = {
  emergencyName: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  needsNote: z.string().nullable(),
  detailsUntil: z.string().nullable(),
};
const safetySchema = z.object({
  required: z.boolean(),
  checkedItems: z.array(z.string()),
  adultName: z.string(),
  adultPhone: z.string(),
  headcountStart: z.number().int().nullable(),
  headcountEnd: z.number().int().nullable(),
  mismatch: z.boolean(),
  missing: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

const mine = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/children',
    operationId: 'children.mine',
    summary: "The guardian's children and their sign-ups with consent (我的孩子)",
    responses: {
      200: json(
        z.object({
          children: z.array(childSchema),
          signups: z.array(
            z.object({
              childId: z.number().int(),
              activityId: z.number().int(),
              title: z.string(),
              startsAt: z.string(),
              status: z.string().nullable(),
              givenAt: z.string(),
              ...details,
            }),
          ),
        }),
        'Children',
      ),
      ...errorResponses(401, 403),
    },
  },
);

const add = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'post',
    path: '/api/children',
    operationId: 'children.add',
    summary:
      "Add a child to your page (name and birth year-month); needs the guardian's separate consent to children's details (409 consent_required)",
    request: jsonBody(z.object({ name: z.string().trim().min(1).max(20), birthMonth: month })),
    responses: { 201: json(childSchema, 'Added'), ...errorResponses(400, 401, 403, 409) },
    description: 'Only a guardian records a child, under 18 and born already; the child is theirs alone to sign up.',
  },
);

const signUp = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'post',
    path: '/api/activities/{id}/child-signups',
    operationId: 'children.signUp',
    summary: 'Sign one of your children up, giving consent, an emergency contact and any allergies or needs',
    request: {
      params: activityIdParam,
      ...jsonBody(
        z.object({
          childId: z.number().int().positive(),
          consent: z.literal(true),
          emergencyName: z.string().trim().min(1).max(20),
          emergencyPhone: phone,
          needsNote: z.string().trim().max(300).default(''),
        }),
      ),
    },
    responses: {
      201: json(z.object({ signupId: z.number().int(), status: z.string(), childId: z.number().int() }), 'Signed up'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

const roster = defineRoute(organisers, {
  method: 'get',
  path: '/api/activities/{id}/children',
  operationId: 'children.ofActivity',
  summary: 'The children signed up, with consent and, until 30 days after the end, emergency contacts and needs (organisers)',
  request: { params: activityIdParam },
  responses: {
    200: json(
      z.object({
        children: z.array(
          z.object({
            signupId: z.number().int(),
            status: z.string(),
            checkedInAt: z.string().nullable(),
            childName: z.string(),
            birthMonth: z.string(),
            guardianName: z.string(),
            givenAt: z.string().nullable(),
            purpose: z.string().nullable(),
            ...details,
          }),
        ),
      }),
      'Children',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const getSafety = defineRoute(
  { ...community, allow: ['activity-responsible', 'club-responsible', 'association-admin'] },
  {
    method: 'get',
    path: '/api/activities/{id}/safety',
    operationId: 'children.safety',
    summary: 'The safety step: checklist, adult in charge, headcounts, and what is missing before it may open',
    request: { params: activityIdParam },
    responses: { 200: json(safetySchema, 'Safety step'), ...errorResponses(401, 403, 404) },
  },
);

const putSafety = defineRoute(
  { ...community, allow: 'activity-responsible' },
  {
    method: 'put',
    path: '/api/activities/{id}/safety',
    operationId: 'children.saveSafety',
    summary: 'Tick the safety checklist and name the adult in charge (the organiser)',
    request: {
      params: activityIdParam,
      ...jsonBody(
        z.object({
          checkedItems: z.array(z.enum(safetyItemKeys)).max(20),
          adultName: z.string().trim().max(20),
          adultPhone: z.union([phone, z.literal('')]).default(''),
        }),
      ),
    },
    responses: { 200: json(safetySchema, 'Saved'), ...errorResponses(400, 401, 403, 404) },
  },
);

const headcount = defineRoute(organisers, {
  method: 'post',
  path: '/api/activities/{id}/headcounts',
  operationId: 'children.headcount',
  summary: 'Record the number of children counted at the start or at the end',
  request: {
    params: activityIdParam,
    ...jsonBody(z.object({ at: z.enum(['start', 'end']), count: z.number().int().min(0).max(1000) })),
  },
  responses: { 200: json(safetySchema, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

const rotaDaySchema = z.object({
  id: z.number().int(),
  day: z.string(),
  needed: z.number().int(),
  note: z.string(),
  parents: z.array(z.object({ claimId: z.number().int(), name: z.string() })),
  mine: z.boolean(),
});

const getRota = defineRoute(
  { ...community, allow: 'member' },
  {
    method: 'get',
    path: '/api/activities/{id}/rota',
    operationId: 'children.rota',
    summary: "The holiday programme's parent rota",
    request: { params: activityIdParam },
    responses: { 200: json(z.object({ days: z.array(rotaDaySchema) }), 'Rota'), ...errorResponses(401, 403, 404) },
  },
);

const addDays = defineRoute(
  { ...community, allow: 'activity-responsible' },
  {
    method: 'post',
    path: '/api/activities/{id}/rota',
    operationId: 'children.addRotaDays',
    summary: 'Add rota days and how many parents each needs (the organiser)',
    request: {
      params: activityIdParam,
      ...jsonBody(
        z.object({
          days: z
            .array(z.object({ day, needed: z.number().int().min(1).max(10), note: z.string().trim().max(60).default('') }))
            .min(1)
            .max(60),
        }),
      ),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
);

const claim = defineRoute(
  { ...community, allow: 'guardian' },
  {
    method: 'post',
    path: '/api/activities/{id}/rota/{dayId}/claims',
    operationId: 'children.claimRotaDay',
    summary: 'Claim a rota day (a guardian of a child signed up)',
    request: { params: activityIdParam.extend({ dayId: z.coerce.number().int().positive() }) },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
);

export const childrenRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(mine, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const me = memberOf(c).id;
    const [kids, signups] = await Promise.all([listChildren(db, me), childSignupsOf(db, me, todayIn(Date.now(), timeZone))]);
    return c.json({ children: kids.map(({ id, name, birthMonth }) => ({ id, name, birthMonth })), signups }, 200);
  })
  .openapi(add, async (c) => {
    const { db } = tenantOf(c);
    // A child's details are sensitive information: the guardian's separate consent comes first (409 consent_required).
    await requireConsent(db, memberOf(c).id, { kind: 'add-child' });
    const { timeZone } = await communitySettings(db);
    const row = await addChild(db, memberOf(c).id, c.req.valid('json'), todayIn(Date.now(), timeZone));
    return c.json({ id: row.id, name: row.name, birthMonth: row.birthMonth }, 201);
  })
  .openapi(signUp, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    return c.json(await signUpChild(db, c.req.valid('param').id, memberOf(c).id, c.req.valid('json'), timeZone), 201);
  })
  .openapi(roster, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    await getActivity(db, c.req.valid('param').id);
    return c.json({ children: await childrenOfActivity(db, c.req.valid('param').id, todayIn(Date.now(), timeZone)) }, 200);
  })
  .openapi(getSafety, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    await getActivity(db, id);
    return c.json({ required: await activityNeedsSafety(db, id), ...(await safetyOf(db, 'activity', id)) }, 200);
  })
  .openapi(putSafety, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const saved = await saveChecklist(db, 'activity', id, memberOf(c).id, c.req.valid('json'));
    return c.json({ required: await activityNeedsSafety(db, id), ...saved }, 200);
  })
  .openapi(headcount, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const { at, count } = c.req.valid('json');
    const saved = await recordHeadcount(db, 'activity', id, memberOf(c).id, at, count);
    return c.json({ required: await activityNeedsSafety(db, id), ...saved }, 200);
  })
  .openapi(getRota, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    await getActivity(db, id);
    return c.json({ days: await rotaOf(db, id, memberOf(c).id) }, 200);
  })
  .openapi(addDays, async (c) => {
    await addRotaDays(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json').days);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(claim, async (c) => {
    const { id, dayId } = c.req.valid('param');
    await claimRotaDay(tenantOf(c).db, id, dayId, memberOf(c).id);
    return c.json({ ok: true as const }, 200);
  });
