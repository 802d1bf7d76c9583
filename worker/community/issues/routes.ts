import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { buildings, contactApplications, memberRoles, members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { contactCoverage } from '../profile/coverage';
import {
  assignAssist,
  isCoordinator,
  issueDetail,
  listIssues,
  markNotificationsRead,
  moveIssue,
  myNotifications,
  raiseIssue,
  recommend,
  supportIssue,
} from './service';

const residents = { host: 'community', allow: 'member' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const idParam = z.object({ id: z.coerce.number().int().positive() });
const issueState = z.enum([
  'raised',
  'acknowledged',
  'merged',
  'resolved-directly',
  'referred',
  'on-agenda',
  'decided',
  'implementing',
  'done',
  'relayed',
]);
const category = z.enum(['property-service', 'safety', 'environment', 'activities', 'facilities', 'other']);

const buildingList = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/buildings',
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
  summary: "Record the building's grid worker (网格员) (coordinators)",
  request: { params: idParam, ...jsonBody(z.object({ gridWorker: z.string().trim().min(1).max(60).nullable() })) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
});

const volunteer = defineRoute(residents, {
  method: 'post',
  path: '/api/buildings/{id}/contact-applications',
  summary: 'Volunteer as a contact for a building; an administrator or a party representative confirms',
  request: { params: idParam },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Applied'), ...errorResponses(401, 403, 404, 409) },
});

const applications = defineRoute(residents, {
  method: 'get',
  path: '/api/contact-applications',
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
  summary: 'Confirm or decline an offer to be a building contact (coordinators)',
  request: { params: idParam, ...jsonBody(z.object({ confirm: z.boolean() })) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
});

const raise = defineRoute(residents, {
  method: 'post',
  path: '/api/issues',
  summary: 'Raise an issue (议题) for your building contacts to take up',
  request: jsonBody(
    z.object({
      title: z.string().trim().min(4).max(80),
      description: z.string().trim().min(4).max(4000),
      category,
      buildingId: z.number().int().positive().optional(),
    }),
  ),
  responses: { 201: json(z.object({ id: z.number().int() }), 'Raised'), ...errorResponses(400, 401, 403) },
});

const issueSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  category,
  state: issueState,
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  /** The body it was referred to, and the committee studying it. */
  bodyKey: z.string().nullable(),
  studyCommitteeId: z.number().int().nullable(),
  outcome: z.enum(['adopted', 'not-adopted', 'deferred']).nullable(),
  stateSince: z.string(),
  createdAt: z.string(),
  raisedBy: z.number().int(),
  supports: z.number(),
  /** Whether the reader has supported it (one support each). */
  supportedByMe: z.boolean(),
  waitingDays: z.number(),
  overdue: z.boolean(),
});

const committeeRef = z.object({ id: z.number().int(), name: z.string() });

const list = defineRoute(residents, {
  method: 'get',
  path: '/api/issues',
  summary: "The community's issues, with how long each has waited and whether it is overdue",
  responses: { 200: json(z.object({ issues: z.array(issueSummary) }), 'Issues'), ...errorResponses(401, 403) },
});

const detail = defineRoute(residents, {
  method: 'get',
  path: '/api/issues/{id}',
  summary: "An issue's whole path, with dates and who acted",
  request: { params: idParam },
  responses: {
    200: json(
      z.object({
        id: z.number().int(),
        title: z.string(),
        description: z.string(),
        category,
        state: issueState,
        buildingId: z.number().int().nullable(),
        raisedBy: z.number().int(),
        raiserName: z.string().nullable(),
        bodyKey: z.string().nullable(),
        mergedInto: z.number().int().nullable(),
        outcome: z.enum(['adopted', 'not-adopted', 'deferred']).nullable(),
        decisionText: z.string().nullable(),
        implementationOwner: z.string().nullable(),
        dueOn: z.string().nullable(),
        stateSince: z.string(),
        createdAt: z.string(),
        supports: z.number(),
        supportedByMe: z.boolean(),
        studyCommittee: committeeRef.nullable(),
        recommendation: z.string().nullable(),
        recommendedAt: z.string().nullable(),
        assistCommittee: committeeRef.nullable(),
        waitingDays: z.number(),
        overdue: z.boolean(),
        events: z.array(
          z.object({
            fromState: z.string().nullable(),
            toState: z.string(),
            note: z.string(),
            at: z.string(),
            actor: z.string().nullable(),
          }),
        ),
        stages: z.array(z.object({ state: issueState, from: z.string(), days: z.number() })),
      }),
      'Issue',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const support = defineRoute(residents, {
  method: 'post',
  path: '/api/issues/{id}/support',
  summary: 'Support an issue (once per resident)',
  request: { params: idParam },
  responses: { 200: ok, ...errorResponses(401, 403, 404) },
});

const move = defineRoute(residents, {
  method: 'post',
  path: '/api/issues/{id}/transitions',
  summary: 'Move an issue along its path (building contacts and coordinators; the meeting decides on the agenda)',
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        to: issueState,
        note: z.string().trim().max(1000).optional(),
        mergedInto: z.number().int().positive().optional(),
        bodyKey: z.enum(['joint-meeting', 'professional-committees', 'building-groups', 'federation']).optional(),
        /** The committee that studies it, when referred to the professional committees. */
        committeeId: z.number().int().positive().optional(),
        outcome: z.enum(['adopted', 'not-adopted', 'deferred']).optional(),
        owner: z.string().trim().max(80).optional(),
        dueOn: z.iso.date().optional(),
      }),
    ),
  },
  responses: { 200: json(z.object({ state: issueState }), 'Moved'), ...errorResponses(400, 401, 403, 404, 409) },
});

const recommendation = defineRoute(residents, {
  method: 'post',
  path: '/api/issues/{id}/recommendation',
  summary: "Record the studying committee's recommendation (its members or coordinators); the issue goes on to the joint meeting",
  request: { params: idParam, ...jsonBody(z.object({ text: z.string().trim().min(4).max(4000) })) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
});

const assist = defineRoute(residents, {
  method: 'post',
  path: '/api/issues/{id}/assist',
  summary: 'Assign a committee to assist implementing an adopted decision (coordinators)',
  request: { params: idParam, ...jsonBody(z.object({ committeeId: z.number().int().positive() })) },
  responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
});

const notificationsRoute = defineRoute(residents, {
  method: 'get',
  path: '/api/me/notifications',
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
  summary: 'Mark my notifications read',
  responses: { 200: ok, ...errorResponses(401, 403) },
});

export const issueRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
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
  })
  .openapi(raise, async (c) => c.json({ id: await raiseIssue(tenantOf(c).db, memberOf(c), c.req.valid('json')) }, 201))
  .openapi(list, async (c) => c.json({ issues: await listIssues(tenantOf(c).db, new Date(), memberOf(c).id) }, 200))
  .openapi(detail, async (c) => c.json(await issueDetail(tenantOf(c).db, c.req.valid('param').id, new Date(), memberOf(c).id), 200))
  .openapi(support, async (c) => {
    await supportIssue(tenantOf(c).db, c.req.valid('param').id, memberOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(move, async (c) => {
    const issue = await moveIssue(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json'));
    return c.json({ state: issue.state }, 200);
  })
  .openapi(recommendation, async (c) => {
    await recommend(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json').text);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(assist, async (c) => {
    await assignAssist(tenantOf(c).db, c.req.valid('param').id, memberOf(c), c.req.valid('json').committeeId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(notificationsRoute, async (c) => {
    const rows = await myNotifications(tenantOf(c).db, memberOf(c).id);
    return c.json({ unread: rows.filter((r) => !r.readAt).length, notifications: rows.map(({ memberId: _m, ...r }) => r) }, 200);
  })
  .openapi(readAll, async (c) => {
    await markNotificationsRead(tenantOf(c).db, memberOf(c).id);
    return c.json({ ok: true as const }, 200);
  });
