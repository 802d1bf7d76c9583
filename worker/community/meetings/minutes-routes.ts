/** After a meeting: close it, publish and amend its minutes, action items, and the list of published decisions. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from './audit';
import { addAction, addAmendment, closeMeeting, completeAction, publishMinutes } from './minutes';
import { listDecisions } from './read';
import { itemParam, meetingParam, okResponse as ok } from './schema';

const residents = { host: 'community', allow: 'member' } as const;
const chair = { host: 'community', allow: 'meeting-chair' } as const;
const coordinators = { host: 'community', allow: 'coordinator' } as const;

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

export const minutesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
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
  .openapi(decisions, async (c) => c.json({ decisions: await listDecisions(tenantOf(c).db) }, 200));
