import { OpenAPIHono, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import { agendaItems, meetings } from '../../db/tenant-schema';
import type { AppContext, AppEnv } from '../../http/context';
import { identityOf, memberOf, rolesOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { bodyKeys } from '../bodies/rules';
import { meetingStatuses, visibleMinutes } from './rules';
import { type AuditAction, recordAudit } from '../../platform/audit';
import {
  addAction,
  addAmendment,
  addItem,
  bringBack,
  closeMeeting,
  completeAction,
  createMeeting,
  decideItem,
  listMeetings,
  meetingDetail,
  monthsWithoutMeeting,
  openMeeting,
  publishMinutes,
  recordAttendance,
  recordStance,
} from './service';

const residents = { host: 'community', allow: 'member' } as const;
const chair = { host: 'community', allow: 'meeting-chair' } as const;
const voterOrChair = { host: 'community', allow: 'meeting-voter' } as const;
const coordinators = { host: 'community', allow: 'coordinator' } as const;
/** The joint meeting and the federation are chaired by coordinators; a committee's meeting also by its own chair. */
const scheduler = {
  host: 'community',
  allow: 'member',
  body: { field: 'committeeId', allow: ['committee-chair', 'coordinator'], otherwise: ['coordinator'] },
} as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const meetingParam = z.object({ id: z.coerce.number().int().positive() });
const itemParam = meetingParam.extend({ itemId: z.coerce.number().int().positive() });
const bodyKey = z.enum(bodyKeys);
/** A voter: a party key (the joint meeting), `member:<id>` (a resident), or `expert:<id>` (an outside expert on a committee). */
const voterKey = z
  .string()
  .regex(
    /^(residents-committee|owners-committee|property-company|association|member:\d+|expert:\d+)$/,
    'A party key, member:<id> or expert:<id>',
  );
const tallySchema = z.object({
  agree: z.number().int(),
  object: z.number().int(),
  block: z.number().int(),
  abstain: z.number().int(),
  missing: z.number().int(),
  present: z.number().int(),
});
const meetingStatus = z.enum(meetingStatuses);
const outcomeSchema = z.object({ result: z.enum(['adopted', 'blocked', 'not-adopted', 'undecided']) }).passthrough();

const list = defineRoute(residents, {
  method: 'get',
  path: '/api/meetings',
  operationId: 'meetings.list',
  summary: 'Meetings, and months of the last year without a joint meeting (the cadence tracker)',
  responses: {
    200: json(
      z.object({
        meetings: z.array(
          z.object({
            id: z.number().int(),
            bodyKey: z.string(),
            title: z.string(),
            scheduledFor: z.string(),
            status: meetingStatus,
            minutesPublishedAt: z.string().nullable(),
            committeeId: z.number().int().nullable(),
            committeeName: z.string().nullable(),
          }),
        ),
        monthsWithoutJointMeeting: z.array(z.string()),
      }),
      'Meetings',
    ),
    ...errorResponses(401, 403),
  },
});

const create = defineRoute(
  scheduler,
  {
    method: 'post',
    path: '/api/meetings',
    operationId: 'meetings.create',
    summary:
      "Schedule a meeting of a body (administrators and party representatives; a committee's chair for its committee); a committee meeting names its committee",
    request: jsonBody(
      z.object({
        bodyKey,
        title: z.string().trim().min(2).max(80),
        scheduledFor: z.iso.datetime({ offset: true }),
        committeeId: z.number().int().positive().optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Scheduled'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const stanceSchema = z.object({
  voter: z.string(),
  position: z.enum(['agree', 'object', 'block', 'abstain']),
  reason: z.string().nullable(),
  written: z.boolean(),
  /** Recorded by the chair for a person (a show of hands), not by the person. */
  byChair: z.boolean(),
  /** Who recorded it: the party's representative, the person, or the chair. */
  recordedBy: z.string().nullable(),
});
const detail = defineRoute(residents, {
  method: 'get',
  path: '/api/meetings/{id}',
  operationId: 'meetings.get',
  summary: 'A meeting: parties and attendance, agenda with papers, positions, outcomes, action items, minutes',
  request: { params: meetingParam },
  responses: {
    200: json(
      z.object({
        id: z.number().int(),
        title: z.string(),
        scheduledFor: z.string(),
        status: meetingStatus,
        openedAt: z.string().nullable(),
        closedAt: z.string().nullable(),
        minutes: z.string().nullable(),
        minutesPublishedAt: z.string().nullable(),
        committee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
        body: z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }), rule: z.enum(['unanimity', 'majority']) }),
        voters: z.array(
          z.object({
            key: z.string(),
            kind: z.enum(['party', 'member', 'expert']),
            title: z.object({ zh: z.string(), en: z.string() }),
            organisationName: z.string().nullable(),
            memberId: z.number().int().nullable(),
            attended: z.boolean().nullable(),
            attendanceByChair: z.boolean(),
          }),
        ),
        items: z.array(
          z.object({
            id: z.number().int(),
            issueId: z.number().int().nullable(),
            title: z.string(),
            presenter: z.string(),
            minutesAllotted: z.number().int(),
            papers: z.string(),
            position: z.number().int(),
            outcome: z.enum(['adopted', 'blocked', 'not-adopted', 'undecided']).nullable(),
            decisionText: z.string().nullable(),
            revisedFrom: z.number().int().nullable(),
            /** The later meeting this blocked or undecided item was brought back to, once. */
            broughtBackTo: z.number().int().nullable(),
            tally: tallySchema.nullable(),
            stances: z.array(stanceSchema),
            actions: z.array(
              z.object({
                id: z.number().int(),
                description: z.string(),
                owner: z.string(),
                dueOn: z.string(),
                doneAt: z.string().nullable(),
              }),
            ),
          }),
        ),
        amendments: z.array(
          z.object({ id: z.number().int(), text: z.string(), reason: z.string(), recordedBy: z.string(), recordedAt: z.string() }),
        ),
        you: z.object({ chairs: z.boolean(), recordsFor: z.array(z.string()) }),
      }),
      'Meeting',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const item = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/items',
    operationId: 'meetings.addItem',
    summary: 'Put a referred issue or a proposal on the agenda, with presenter, time and papers',
    request: {
      params: meetingParam,
      ...jsonBody(
        z.object({
          issueId: z.number().int().positive().optional(),
          title: z.string().trim().max(80).optional(),
          presenter: z.string().trim().min(1).max(40),
          minutesAllotted: z.number().int().min(1).max(240),
          papers: z.string().max(20000).optional(),
        }),
      ),
    },
    responses: { 201: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const open = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/open',
    operationId: 'meetings.open',
    summary: 'Open the meeting (its chair): its voters are fixed and attendance, positions and decisions can be recorded',
    request: { params: meetingParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const attendance = defineRoute(
  voterOrChair,
  {
    method: 'put',
    path: '/api/meetings/{id}/attendance/{voter}',
    operationId: 'meetings.recordAttendance',
    summary: "Record a voter's attendance while the meeting is in progress (a party's representatives; a person themself, or the chair)",
    request: { params: meetingParam.extend({ voter: voterKey }), ...jsonBody(z.object({ attended: z.boolean() })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const stance = defineRoute(
  voterOrChair,
  {
    method: 'put',
    path: '/api/meetings/{id}/items/{itemId}/stances/{voter}',
    operationId: 'meetings.recordPosition',
    summary:
      "Record a voter's position on an item while the meeting is in progress — agree, object or block (with a reason): a party's only by its representatives; a person's by themself, or by the chair for a show of hands",
    request: {
      params: itemParam.extend({ voter: voterKey }),
      ...jsonBody(
        z.object({
          position: z.enum(['agree', 'object', 'block', 'abstain']),
          reason: z.string().trim().max(1000).optional(),
          written: z.boolean().optional(),
        }),
      ),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const decision = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/items/{itemId}/decision',
    operationId: 'meetings.decide',
    summary: "Apply the body's decision rule (unanimity for the joint meeting); an adopted item carries its one published text",
    request: { params: itemParam, ...jsonBody(z.object({ decisionText: z.string().trim().max(2000).optional() })) },
    responses: { 200: json(outcomeSchema, 'Outcome'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const comeBack = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/items/{itemId}/bring-back',
    operationId: 'meetings.bringBack',
    summary: 'Bring a blocked or undecided item back, revised, to a later meeting',
    request: {
      params: itemParam,
      ...jsonBody(
        z.object({
          toMeetingId: z.number().int().positive(),
          papers: z.string().max(20000),
          presenter: z.string().trim().min(1).max(40),
          minutesAllotted: z.number().int().min(1).max(240),
        }),
      ),
    },
    responses: { 201: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const action = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/items/{itemId}/actions',
    operationId: 'meetings.addAction',
    summary: 'Add an action item (owner, due date) to an adopted decision',
    request: {
      params: itemParam,
      ...jsonBody(
        z.object({ description: z.string().trim().min(2).max(300), owner: z.string().trim().min(1).max(80), dueOn: z.iso.date() }),
      ),
    },
    responses: { 201: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const actionDone = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/actions/{id}/done',
    operationId: 'meetings.completeAction',
    summary: 'Mark an action item done',
    request: { params: meetingParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const close = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/close',
    operationId: 'meetings.close',
    summary: 'Close the meeting: positions and decisions become final and the minutes are drafted from the record',
    request: { params: meetingParam },
    responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const publish = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/minutes',
    operationId: 'meetings.publishMinutes',
    summary: 'Publish the approved minutes to residents, with one voice',
    request: { params: meetingParam, ...jsonBody(z.object({ text: z.string().trim().min(10).max(50000) })) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const amendment = defineRoute(
  coordinators,
  {
    method: 'post',
    path: '/api/meetings/{id}/amendments',
    operationId: 'meetings.addAmendment',
    summary: "Add a recorded amendment to a closed meeting's record (coordinators): shown with the minutes, never editing them",
    request: {
      params: meetingParam,
      ...jsonBody(z.object({ text: z.string().trim().min(4).max(4000), reason: z.string().trim().min(4).max(1000) })),
    },
    responses: { 201: json(z.object({ id: z.number().int() }), 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const decisions = defineRoute(residents, {
  method: 'get',
  path: '/api/decisions',
  operationId: 'meetings.listDecisions',
  summary: 'Decisions adopted and published, each in its one published text',
  responses: {
    200: json(
      z.object({
        decisions: z.array(
          z.object({
            itemId: z.number().int(),
            meetingId: z.number().int(),
            meetingTitle: z.string(),
            title: z.string(),
            decisionText: z.string().nullable(),
            issueId: z.number().int().nullable(),
            publishedAt: z.string().nullable(),
          }),
        ),
      }),
      'Decisions',
    ),
    ...errorResponses(401, 403),
  },
});

/** Every change to a meeting's record goes to the platform's audit log, with who made it. */
function audit(c: AppContext, action: AuditAction, detail: Record<string, unknown>) {
  return recordAudit(c.env.PLATFORM_DB, { actorUserId: identityOf(c).userId, communityId: tenantOf(c).community.id, action, detail });
}

export const meetingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const { db } = tenantOf(c);
    const rows = await listMeetings(db);
    return c.json(
      {
        meetings: rows,
        monthsWithoutJointMeeting: await monthsWithoutMeeting(db, 'joint-meeting', new Date()),
      },
      200,
    );
  })
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    const id = await createMeeting(tenantOf(c).db, memberOf(c), body);
    await audit(c, 'meeting.scheduled', { meetingId: id, bodyKey: body.bodyKey, title: body.title, scheduledFor: body.scheduledFor });
    return c.json({ id }, 201);
  })
  .openapi(detail, async (c) => {
    const meeting = await meetingDetail(tenantOf(c).db, c.req.valid('param').id, memberOf(c), await rolesOf(c).holds('meeting-chair'));
    return c.json({ ...meeting, minutes: visibleMinutes(meeting, meeting.you) }, 200);
  })
  .openapi(open, async (c) => {
    const { id } = c.req.valid('param');
    await openMeeting(tenantOf(c).db, id, memberOf(c));
    await audit(c, 'meeting.opened', { meetingId: id });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(item, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await addItem(tenantOf(c).db, id, memberOf(c), body);
    await audit(c, 'meeting.item-added', { meetingId: id, issueId: body.issueId ?? null, title: body.title ?? null });
    return c.json({ ok: true as const }, 201);
  })
  .openapi(attendance, async (c) => {
    const { id, voter } = c.req.valid('param');
    const { attended } = c.req.valid('json');
    await recordAttendance(tenantOf(c).db, id, memberOf(c), voter, attended);
    await audit(c, 'meeting.attendance-recorded', { meetingId: id, voter, attended });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(stance, async (c) => {
    const { id, itemId, voter } = c.req.valid('param');
    const body = c.req.valid('json');
    await recordStance(tenantOf(c).db, id, itemId, memberOf(c), { voter, ...body });
    await audit(c, 'meeting.position-recorded', {
      meetingId: id,
      itemId,
      voter,
      position: body.position,
      reason: body.reason ?? null,
      written: body.written ?? false,
    });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(decision, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const outcome = await decideItem(tenantOf(c).db, id, itemId, memberOf(c), c.req.valid('json').decisionText);
    await audit(c, 'meeting.item-decided', { meetingId: id, itemId, outcome });
    return c.json(outcome, 200);
  })
  .openapi(comeBack, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const body = c.req.valid('json');
    await bringBack(tenantOf(c).db, id, itemId, memberOf(c), body);
    await audit(c, 'meeting.item-brought-back', { meetingId: id, itemId, toMeetingId: body.toMeetingId });
    return c.json({ ok: true as const }, 201);
  })
  .openapi(action, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const body = c.req.valid('json');
    await addAction(tenantOf(c).db, id, itemId, memberOf(c), body);
    await audit(c, 'meeting.action-added', { meetingId: id, itemId, ...body });
    return c.json({ ok: true as const }, 201);
  })
  .openapi(actionDone, async (c) => {
    const { id } = c.req.valid('param');
    await completeAction(tenantOf(c).db, id, memberOf(c));
    await audit(c, 'meeting.action-done', { actionItemId: id });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(close, async (c) => {
    const { id } = c.req.valid('param');
    await closeMeeting(tenantOf(c).db, id, memberOf(c));
    await audit(c, 'meeting.closed', { meetingId: id });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(publish, async (c) => {
    const { id } = c.req.valid('param');
    await publishMinutes(tenantOf(c).db, id, memberOf(c), c.req.valid('json').text);
    await audit(c, 'meeting.minutes-published', { meetingId: id });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(amendment, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const amendmentId = await addAmendment(tenantOf(c).db, id, memberOf(c), body);
    await audit(c, 'meeting.amendment-recorded', { meetingId: id, amendmentId, text: body.text, reason: body.reason });
    return c.json({ id: amendmentId }, 201);
  })
  .openapi(decisions, async (c) => {
    const { db } = tenantOf(c);
    const rows = await db
      .select({
        itemId: agendaItems.id,
        meetingId: meetings.id,
        meetingTitle: meetings.title,
        title: agendaItems.title,
        decisionText: agendaItems.decisionText,
        issueId: agendaItems.issueId,
        publishedAt: meetings.minutesPublishedAt,
      })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(agendaItems.outcome, 'adopted'))
      .orderBy(desc(meetings.scheduledFor));
    return c.json({ decisions: rows.filter((r) => r.publishedAt) }, 200);
  });
