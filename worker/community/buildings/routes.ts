import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { memberRoles, members } from '../members/schema';
import { isCoordinator } from '../issues/service';
import { contactCoverage } from './rules';
import { buildings, contactApplications } from './schema';

const residents = { host: 'community', allow: 'member' } as const;
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
              contacts: z.array(z.object({ id: z.number().int(), displayName: z.string() })),
            }),
          ),
          coverage: z.object({ buildings: z.number().int(), covered: z.number().int(), share: z.number() }),
        }),
        'Buildings',
      ),
    },
  },
);

const gridWorker = defineRoute(residents, {
  method: 'patch',
  path: '/api/buildings/{id}',
  operationId: 'buildings.setGridWorker',
  summary: "Record the building's grid worker (网格员) (coordinators)",
  request: { params: idParam, ...jsonBody(z.object({ gridWorker: z.string().trim().min(1).max(60).nullable() })) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

const volunteer = defineRoute(residents, {
  method: 'post',
  path: '/api/buildings/{id}/contact-applications',
  operationId: 'buildings.volunteerAsContact',
  summary: 'Volunteer as a contact for a building; an administrator or a party representative confirms',
  request: { params: idParam },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Applied'), ...errorResponses(401, 403, 404, 409) },
});

const applications = defineRoute(residents, {
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

const decideApplication = defineRoute(residents, {
  method: 'post',
  path: '/api/contact-applications/{id}/decision',
  operationId: 'buildings.decideContactApplication',
  summary: 'Confirm or decline an offer to be a building contact (coordinators)',
  request: { params: idParam, ...jsonBody(z.object({ confirm: z.boolean() })) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
});

/** Buildings, their contacts and the offers to become one. */
export const buildingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(buildingList, async (c) => {
    const { db } = tenantOf(c);
    const [rows, contacts] = await db.batch([
      db
        .select({ id: buildings.id, name: buildings.name, contactsRequired: buildings.contactsRequired, gridWorker: buildings.gridWorker })
        .from(buildings)
        .orderBy(asc(buildings.position)),
      db
        .select({ buildingId: memberRoles.buildingId, memberId: members.id, displayName: members.displayName })
        .from(memberRoles)
        .innerJoin(members, eq(members.id, memberRoles.memberId))
        .where(eq(memberRoles.role, 'building-contact')),
    ]);
    const list = rows.map((b) => ({
      ...b,
      contacts: contacts.filter((x) => x.buildingId === b.id).map((x) => ({ id: x.memberId, displayName: x.displayName })),
    }));
    return c.json(
      {
        buildings: list,
        coverage: contactCoverage(list.map((b) => ({ contacts: b.contacts.length, contactsRequired: b.contactsRequired }))),
      },
      200,
    );
  })
  .openapi(gridWorker, async (c) => {
    if (!isCoordinator(memberOf(c))) throw new AppError('forbidden', 'Only coordinators record grid workers');
    const updated = await tenantOf(c)
      .db.update(buildings)
      .set({ gridWorker: c.req.valid('json').gridWorker })
      .where(eq(buildings.id, c.req.valid('param').id))
      .returning({ id: buildings.id });
    if (updated.length === 0) throw new AppError('not_found', 'No such building');
    return c.json({ ok: true as const }, 200);
  })
  .openapi(volunteer, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const me = memberOf(c);
    const [b] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, id));
    if (!b) throw new AppError('not_found', 'No such building');
    const [pending] = await db
      .select({ id: contactApplications.id })
      .from(contactApplications)
      .where(and(eq(contactApplications.memberId, me.id), eq(contactApplications.status, 'pending')));
    if (pending) throw new AppError('conflict', 'You already have an offer waiting for confirmation');
    const [row] = await db
      .insert(contactApplications)
      .values({ memberId: me.id, buildingId: id, status: 'pending' })
      .returning({ id: contactApplications.id });
    return c.json({ id: row!.id }, 201);
  })
  .openapi(applications, async (c) => {
    if (!isCoordinator(memberOf(c))) throw new AppError('forbidden', 'Only coordinators confirm building contacts');
    const { db } = tenantOf(c);
    const rows = await db
      .select({
        id: contactApplications.id,
        memberId: contactApplications.memberId,
        displayName: members.displayName,
        buildingId: contactApplications.buildingId,
        buildingName: buildings.name,
        createdAt: contactApplications.createdAt,
      })
      .from(contactApplications)
      .innerJoin(members, eq(members.id, contactApplications.memberId))
      .innerJoin(buildings, eq(buildings.id, contactApplications.buildingId))
      .where(eq(contactApplications.status, 'pending'));
    return c.json({ applications: rows }, 200);
  })
  .openapi(decideApplication, async (c) => {
    const me = memberOf(c);
    if (!isCoordinator(me)) throw new AppError('forbidden', 'Only coordinators confirm building contacts');
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const [application] = await db.select().from(contactApplications).where(eq(contactApplications.id, id));
    if (!application) throw new AppError('not_found', 'No such offer');
    if (application.status !== 'pending') throw new AppError('conflict', 'Already decided');
    const decidedAt = new Date().toISOString();
    const status = c.req.valid('json').confirm ? 'confirmed' : 'declined';
    const update = db
      .update(contactApplications)
      .set({ status, decidedBy: me.id, decidedAt })
      .where(and(eq(contactApplications.id, id), eq(contactApplications.status, 'pending')));
    if (status === 'confirmed') {
      // A member is a contact for one building; confirming moves them to this one.
      await db.batch([
        update,
        db.delete(memberRoles).where(and(eq(memberRoles.memberId, application.memberId), eq(memberRoles.role, 'building-contact'))),
        db.insert(memberRoles).values({
          memberId: application.memberId,
          role: 'building-contact',
          partyKey: '',
          buildingId: application.buildingId,
          grantedBy: String(me.id),
        }),
      ]);
    } else {
      await update;
    }
    return c.json({ ok: true as const }, 200);
  });
