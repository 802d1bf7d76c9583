import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { viewerOf } from '../../auth/viewer';
import { seesOrganiserNames } from '../members/rules';
import { communitySettings } from '../profile/service';
import { buildingNoticeRoutes } from './notice-routes';
import { buildingsWithContacts, decideApplication as decide, offerToBeContact, pendingApplications, setGridWorker } from './service';

const residents = { host: 'community', allow: 'member' } as const;
const coordinators = { host: 'community', allow: 'coordinator' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const idParam = z.object({ id: z.coerce.number().int().positive() });

const buildingList = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/buildings',
    operationId: 'buildings.list',
    summary: 'Buildings with their contacts and the coverage figure (share with at least the contacts needed)',
    responses: {
      200: json(
        z.object({
          buildings: z.array(
            z.object({
              id: z.number().int(),
              name: z.string(),
              contactsRequired: z.number().int(),
              gridWorker: z.string().nullable(),
              /** A contact's name is null for visitors unless the community shows organisers' names. */
              contacts: z.array(z.object({ id: z.number().int(), displayName: z.string().nullable() })),
            }),
          ),
          coverage: z.object({ buildings: z.number().int(), covered: z.number().int(), share: z.number() }),
        }),
        'Buildings',
      ),
    },
  },
);

const gridWorker = defineRoute(
  coordinators,
  {
    method: 'patch',
    path: '/api/buildings/{id}',
    operationId: 'buildings.setGridWorker',
    summary: "Record the building's grid worker (网格员) (coordinators)",
    request: { params: idParam, ...jsonBody(z.object({ gridWorker: z.string().trim().min(1).max(60).nullable() })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const volunteer = defineRoute(
  residents,
  {
    method: 'post',
    path: '/api/buildings/{id}/contact-applications',
    operationId: 'buildings.volunteerAsContact',
    summary: 'Volunteer as a contact for a building; an administrator or a party representative confirms',
    request: { params: idParam },
    responses: { 201: json(z.object({ id: z.number().int() }), 'Applied'), ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const applications = defineRoute(coordinators, {
  method: 'get',
  path: '/api/contact-applications',
  operationId: 'buildings.listContactApplications',
  summary: 'Pending offers to be a building contact (coordinators)',
  responses: {
    200: json(
      z.object({
        applications: z.array(
          z.object({
            id: z.number().int(),
            memberId: z.number().int(),
            displayName: z.string(),
            buildingId: z.number().int(),
            buildingName: z.string(),
            createdAt: z.string(),
          }),
        ),
      }),
      'Pending',
    ),
    ...errorResponses(401, 403),
  },
});

const decideApplication = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/contact-applications/{id}/decision',
    operationId: 'buildings.decideContactApplication',
    summary: 'Confirm or decline an offer to be a building contact (coordinators)',
    request: { params: idParam, ...jsonBody(z.object({ confirm: z.boolean() })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

/** Buildings, their contacts and the offers to become one. */
export const buildingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', buildingNoticeRoutes)
  .openapi(buildingList, async (c) => {
    const { db } = tenantOf(c);
    const [list, { organiserNamesPublic }, viewer] = await Promise.all([buildingsWithContacts(db), communitySettings(db), viewerOf(c)]);
    if (seesOrganiserNames(viewer, organiserNamesPublic)) return c.json(list, 200);
    const anonymous = list.buildings.map((b) => ({ ...b, contacts: b.contacts.map((x) => ({ id: x.id, displayName: null })) }));
    return c.json({ ...list, buildings: anonymous }, 200);
  })
  .openapi(gridWorker, async (c) => {
    await setGridWorker(tenantOf(c).db, c.req.valid('param').id, c.req.valid('json').gridWorker);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(volunteer, async (c) => c.json({ id: await offerToBeContact(tenantOf(c).db, memberOf(c).id, c.req.valid('param').id) }, 201))
  .openapi(applications, async (c) => c.json({ applications: await pendingApplications(tenantOf(c).db) }, 200))
  .openapi(decideApplication, async (c) => {
    await decide(tenantOf(c).db, c.req.valid('param').id, memberOf(c).id, c.req.valid('json').confirm);
    return c.json({ ok: true as const }, 200);
  });
