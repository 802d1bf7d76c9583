import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { AppError } from '../../errors';
import { communitySettings } from '../profile/service';
import { ageBands } from '../volunteers/schema';
import { coordinatorOverview, myCare, recipientDetail } from './read';
import { todayIn } from './rules';
import { careConsentHow, careNeedKinds, careRegisteredAs } from './schema';
import { careRules, confirmVisit, endPairing, followUpConcern, logVisit, pair, registerRecipient, updateCareRules } from './service';

const residents = { host: 'community', allow: 'member' } as const;
const coordinators = { host: 'community', allow: ['care-coordinator', 'association-admin'] } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const visitParam = idParam.extend({ visitId: z.coerce.number().int().positive() });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const created = json(z.object({ id: z.number().int() }), 'Created');
const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

const visitSchema = z.object({
  id: z.number().int(),
  recipientId: z.number().int(),
  recipientName: z.string(),
  volunteerId: z.number().int(),
  volunteerName: z.string(),
  visitedOn: z.string(),
  minutes: z.number().int(),
  done: z.string(),
  observations: z.string(),
  concern: z.boolean(),
  followUp: z.string().nullable(),
  followedUpAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
const pairingSchema = z.object({ id: z.number().int(), volunteerId: z.number().int(), name: z.string() });
const settingsSchema = z.object({ staleDays: z.number().int().min(3).max(90) });

const overview = defineRoute(coordinators, {
  method: 'get',
  path: '/api/care/overview',
  operationId: 'care.overview',
  summary:
    "The coordinators' list: recipients with days since their last visit and the no-visit flag, pairings, open concerns, visits to confirm, and the volunteer register with skills, availability and age band",
  responses: {
    200: json(
      z.object({
        staleDays: z.number().int(),
        recipients: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            building: z.string().nullable(),
            household: z.string(),
            needs: z.array(z.enum(careNeedKinds)),
            preferredTimes: z.string(),
            lastVisitOn: z.string().nullable(),
            daysWithoutVisit: z.number().int(),
            overdue: z.boolean(),
            pairings: z.array(pairingSchema),
            openConcerns: z.number().int(),
          }),
        ),
        concerns: z.array(visitSchema),
        toConfirm: z.array(visitSchema),
        volunteers: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            skills: z.string(),
            availability: z.string(),
            ageBand: z.enum(ageBands).nullable(),
            underFifty: z.boolean(),
            pairings: z.number().int(),
          }),
        ),
      }),
      'Overview',
    ),
    ...errorResponses(401, 403),
  },
});

const getSettings = defineRoute(coordinators, {
  method: 'get',
  path: '/api/care/settings',
  operationId: 'care.getSettings',
  summary: 'Days without a visit before a recipient is flagged (coordinators)',
  responses: { 200: json(settingsSchema, 'Settings'), ...errorResponses(401, 403) },
});

const putSettings = defineRoute(coordinators, {
  method: 'put',
  path: '/api/care/settings',
  operationId: 'care.updateSettings',
  summary: 'Change the days without a visit before a recipient is flagged (coordinators)',
  request: jsonBody(settingsSchema),
  responses: { 200: json(settingsSchema, 'Settings'), ...errorResponses(400, 401, 403) },
});

const register = defineRoute(
  // A building contact registers on behalf of an elder of their own building only.
  { host: 'community', allow: 'member', body: { field: 'registeredAs', is: { 'building-contact': ['building-contact'] } } },
  {
    method: 'post',
    path: '/api/care/recipients',
    operationId: 'care.register',
    summary:
      'Register an elder for home care with their consent: yourself (needs your separate consent to care records, and to your phone if given: 409 consent_required), a family member, or (as its contact) an elder of your building; records who registered, on whose behalf, and how and when the elder agreed',
    request: jsonBody(
      z.object({
        name: text(40).min(1),
        buildingId: z.number().int().positive().nullable().optional(),
        household: text(20).optional(),
        phone: text(30).optional(),
        registeredAs: z.enum(careRegisteredAs),
        consentHow: z.enum(careConsentHow),
        consentOn: day,
        needs: z.array(z.enum(careNeedKinds)).min(1).max(careNeedKinds.length),
        needsNote: text(500).optional(),
        preferredTimes: text(200).optional(),
        emergencyName: text(40).min(1),
        emergencyPhone: text(30).min(5),
      }),
    ),
    responses: { 201: created, ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const mine = defineRoute(residents, {
  method: 'get',
  path: '/api/care/me',
  operationId: 'care.mine',
  summary: 'Whom you visit (your pairings, with the last visit) and the elders you registered',
  responses: {
    200: json(
      z.object({
        paired: z.array(
          z.object({
            pairingId: z.number().int(),
            id: z.number().int(),
            name: z.string(),
            building: z.string().nullable(),
            lastVisitOn: z.string().nullable(),
          }),
        ),
        registered: z.array(
          z.object({ id: z.number().int(), name: z.string(), registeredAs: z.enum(careRegisteredAs), createdAt: z.string() }),
        ),
      }),
      'Mine',
    ),
    ...errorResponses(401, 403),
  },
});

const detail = defineRoute(
  { host: 'community', allow: ['care-coordinator', 'association-admin', 'care-volunteer', 'owner'] },
  {
    method: 'get',
    path: '/api/care-recipients/{id}',
    operationId: 'care.getRecipient',
    summary:
      "A recipient's record: needs, consent, emergency contact, pairings and visits (coordinators, the paired volunteers and whoever registered them)",
    request: { params: idParam },
    responses: {
      200: json(
        z.object({
          id: z.number().int(),
          name: z.string(),
          building: z.string().nullable(),
          household: z.string(),
          phone: z.string(),
          registeredBy: z.object({ id: z.number().int(), name: z.string() }),
          registeredAs: z.enum(careRegisteredAs),
          consentHow: z.enum(careConsentHow),
          consentOn: z.string(),
          needs: z.array(z.enum(careNeedKinds)),
          needsNote: z.string(),
          preferredTimes: z.string(),
          emergencyName: z.string(),
          emergencyPhone: z.string(),
          createdAt: z.string(),
          lastVisitOn: z.string().nullable(),
          overdue: z.boolean(),
          pairings: z.array(pairingSchema),
          visits: z.array(visitSchema),
        }),
        'Recipient',
      ),
      ...errorResponses(400, 401, 403, 404),
    },
  },
);

const pairRoute = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/care-recipients/{id}/pairings',
    operationId: 'care.pair',
    summary: 'Pair a volunteer from the volunteer register with the recipient (coordinators)',
    request: { params: idParam, ...jsonBody(z.object({ volunteerId: z.number().int().positive() })) },
    responses: { 201: created, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const endRoute = defineRoute(coordinators, {
  method: 'post',
  path: '/api/care-recipients/{id}/pairings/{pairingId}/end',
  operationId: 'care.endPairing',
  summary: 'End a pairing (coordinators)',
  request: { params: idParam.extend({ pairingId: z.coerce.number().int().positive() }) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

const visitRoute = defineRoute(
  { host: 'community', allow: 'care-volunteer' },
  {
    method: 'post',
    path: '/api/care-recipients/{id}/visits',
    operationId: 'care.logVisit',
    summary:
      'Log a visit (the paired volunteer): day, duration, what was done, observations; a concern notifies the coordinators and the building contacts at once',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          visitedOn: day,
          minutes: z
            .number()
            .int()
            .min(15)
            .max(8 * 60),
          done: text(500).min(1),
          observations: text(1000).optional(),
          concern: z.boolean().default(false),
        }),
      ),
    },
    responses: { 201: created, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const confirmRoute = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/care-recipients/{id}/visits/{visitId}/confirmation',
    operationId: 'care.confirmVisit',
    summary: "Confirm a visit (coordinators): its hours go into the volunteer's time bank, once",
    request: { params: visitParam },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const followUpRoute = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/care-recipients/{id}/visits/{visitId}/follow-up',
    operationId: 'care.followUp',
    summary: 'Record how a concern was followed up (coordinators)',
    request: { params: visitParam, ...jsonBody(z.object({ note: text(1000).min(1) })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

/** Recipients and their consent, pairings, visits and concerns; the time bank's routes are in time-bank-routes.ts. */
export const careRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(overview, async (c) => c.json(await coordinatorOverview(tenantOf(c).db, Date.now()), 200))
  .openapi(getSettings, async (c) => c.json(await careRules(tenantOf(c).db), 200))
  .openapi(putSettings, async (c) => c.json(await updateCareRules(tenantOf(c).db, c.req.valid('json')), 200))
  .openapi(register, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const id = await registerRecipient(db, memberOf(c).id, c.req.valid('json'), todayIn(Date.now(), timeZone));
    return c.json({ id }, 201);
  })
  .openapi(mine, async (c) => c.json(await myCare(tenantOf(c).db, memberOf(c).id), 200))
  .openapi(detail, async (c) => {
    const record = await recipientDetail(tenantOf(c).db, c.req.valid('param').id, Date.now());
    if (!record) throw new AppError('not_found', 'No such care recipient');
    return c.json(record, 200);
  })
  .openapi(pairRoute, async (c) => {
    const id = await pair(tenantOf(c).db, memberOf(c).id, c.req.valid('param').id, c.req.valid('json').volunteerId);
    return c.json({ id }, 201);
  })
  .openapi(endRoute, async (c) => {
    const { id, pairingId } = c.req.valid('param');
    await endPairing(tenantOf(c).db, id, pairingId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(visitRoute, async (c) => {
    const { db } = tenantOf(c);
    const { timeZone } = await communitySettings(db);
    const id = await logVisit(db, memberOf(c).id, c.req.valid('param').id, c.req.valid('json'), todayIn(Date.now(), timeZone));
    return c.json({ id }, 201);
  })
  .openapi(confirmRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    await confirmVisit(tenantOf(c).db, memberOf(c).id, id, visitId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(followUpRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    await followUpConcern(tenantOf(c).db, memberOf(c).id, id, visitId, c.req.valid('json').note);
    return c.json({ ok: true as const }, 200);
  });
