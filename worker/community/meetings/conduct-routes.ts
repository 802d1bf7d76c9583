/** Running a meeting: open it, record attendance and positions, decide an item, bring a blocked item back. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from './audit';
import { openMeeting, recordAttendance, recordStance } from './conduct';
import { bringBack, decideItem } from './decisions';
import { itemParam, meetingParam, okResponse as ok } from './schema';

const chair = { host: 'community', allow: 'meeting-chair' } as const;
const voterOrChair = { host: 'community', allow: 'meeting-voter' } as const;
/** A voter: a party key (the joint meeting), `member:<id>` (a resident), or `expert:<id>` (an outside expert on a committee). */
const voterKey = z
  .string()
  .regex(
    /^(residents-committee|owners-committee|property-company|association|member:\d+|expert:\d+)$/,
    'A party key, member:<id> or expert:<id>',
  );
const outcomeSchema = z.object({ result: z.enum(['adopted', 'blocked', 'not-adopted', 'undecided']) }).passthrough();

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

export const conductRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(open, async (c) => {
    const { id } = c.req.valid('param');
    await openMeeting(tenantOf(c).db, id, memberOf(c));
    await audit(c, 'meeting.opened', { meetingId: id });
    return c.json({ ok: true as const }, 200);
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
  });
