/** Meetings: the list, scheduling, a meeting's record and its agenda; running it and what follows are mounted here. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, rolesOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { bodyKeys } from '../bodies/rules';
import { meetingStatuses, visibleMinutes } from './rules';
import { audit } from './audit';
import { conductRoutes } from './conduct-routes';
import { minutesRoutes } from './minutes-routes';
import { listMeetings, meetingDetail } from './read';
import { meetingParam, okResponse as ok } from './schema';
import { addItem, createMeeting, monthsWithoutMeeting, papersSentAt, sendPapers } from './service';

const residents = { host: 'community', allow: 'member' } as const;
const chair = { host: 'community', allow: 'meeting-chair' } as const;
/** The joint meeting and the federation are chaired by coordinators; a committee's meeting also by its own chair. */
const scheduler = {
  host: 'community',
  allow: 'member',
  body: { field: 'committeeId', allow: ['committee-chair', 'coordinator'], otherwise: ['coordinator'] },
} as const;
const bodyKey = z.enum(bodyKeys);
const tallySchema = z.object({
  agree: z.number().int(),
  object: z.number().int(),
  block: z.number().int(),
  abstain: z.number().int(),
  missing: z.number().int(),
  present: z.number().int(),
});
const meetingStatus = z.enum(meetingStatuses);

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
        /** When the papers were first sent to those who sit at the meeting, if they were. */
        papersSentAt: z.string().nullable(),
      }),
      'Meeting',
    ),
    ...errorResponses(401, 403, 404),
  },
});

const papers = defineRoute(
  chair,
  {
    method: 'post',
    path: '/api/meetings/{id}/papers',
    operationId: 'meetings.sendPapers',
    summary: 'Send the agenda and its papers to everyone who sits at the meeting (ideally seven days ahead)',
    request: { params: meetingParam },
    responses: {
      200: json(z.object({ items: z.number().int(), recipients: z.number().int() }), 'Papers sent'),
      ...errorResponses(401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

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

export const meetingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', conductRoutes)
  .route('/', minutesRoutes)
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
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const meeting = await meetingDetail(db, id, memberOf(c), await rolesOf(c).holds('meeting-chair'));
    return c.json({ ...meeting, minutes: visibleMinutes(meeting, meeting.you), papersSentAt: await papersSentAt(db, id) }, 200);
  })
  .openapi(papers, async (c) => {
    const { id } = c.req.valid('param');
    const sent = await sendPapers(tenantOf(c).db, id, memberOf(c));
    await audit(c, 'meeting.papers-sent', { meetingId: id, ...sent });
    return c.json(sent, 200);
  })
  .openapi(item, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await addItem(tenantOf(c).db, id, memberOf(c), body);
    await audit(c, 'meeting.item-added', { meetingId: id, issueId: body.issueId ?? null, title: body.title ?? null });
    return c.json({ ok: true as const }, 201);
  });
