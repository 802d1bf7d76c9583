import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { visibleActivity } from '../activities/read';
import { getClub } from '../clubs/service';
import { decisionRules, objectionResolutions } from './rules';
import { consentView, object, withdrawObjection } from './service';

const community = { host: 'community' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const objectionParam = idParam.extend({ objectionId: z.coerce.number().int().positive() });
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const person = z.object({ id: z.number().int(), displayName: z.string() });

const consentSchema = z
  .object({
    rule: z.enum(decisionRules),
    days: z.number().int(),
    /** Null when the plan never went to consent (single approval, one administrator, or returned to draft). */
    window: z
      .object({
        status: z.enum(['waiting', 'blocked', 'approved']),
        openedAt: z.string(),
        /** When the current window began: opened, or the proposer's last revision. */
        windowStart: z.string(),
        deadline: z.string(),
        approvedAt: z.string().nullable(),
        asked: z.array(person),
        objections: z.array(
          z.object({
            id: z.number().int(),
            objector: person,
            reason: z.string(),
            raisedAt: z.string(),
            resolvedAt: z.string().nullable(),
            resolution: z.enum(objectionResolutions).nullable(),
          }),
        ),
      })
      .nullable(),
  })
  .openapi('ConsentWindow');

const objectionBody = jsonBody(z.object({ reason: z.string().trim().min(2).max(500) }));

function routesFor(kind: 'clubs' | 'activities', noun: string) {
  const feature = kind === 'clubs' ? 'clubs' : 'activities';
  return {
    get: defineRoute(
      { ...community, allow: 'member' },
      {
        method: 'get',
        path: `/api/${kind}/{id}/consent`,
        operationId: `${feature}.getConsent`,
        summary: `The administrators' consent window on the ${noun}: who was asked, the deadline, and the objections with their reasons`,
        request: { params: idParam },
        responses: { 200: json(consentSchema, 'The consent window'), ...errorResponses(401, 403, 404) },
      },
    ),
    object: defineRoute(
      { ...community, allow: 'association-admin' },
      {
        method: 'post',
        path: `/api/${kind}/{id}/objections`,
        operationId: `${feature}.object`,
        summary: `Object to the ${noun} within the consent window, with a reason (association administrators); it stands until revised or withdrawn`,
        request: { params: idParam, ...objectionBody },
        responses: { 201: json(z.object({ id: z.number().int() }), 'Objection recorded'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    ),
    withdraw: defineRoute(
      { ...community, allow: 'owner' },
      {
        method: 'post',
        path: `/api/${kind}/{id}/objections/{objectionId}/withdraw`,
        operationId: `${feature}.withdrawObjection`,
        summary: 'Withdraw your objection; once the window has run out with nothing standing, the plan is approved',
        request: { params: objectionParam },
        responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
      },
      { affects: ['metrics'] },
    ),
  };
}

const club = routesFor('clubs', 'proposed club');
const activity = routesFor('activities', "activity's budget");

/** Consent on clubs and activity budgets: read the window, object, withdraw. */
export const consentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(club.get, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    await getClub(db, id);
    return c.json(await consentView(db, 'club', id, new Date().toISOString()), 200);
  })
  .openapi(club.object, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const row = await getClub(db, id);
    const objectionId = await object(db, 'club', id, memberOf(c), c.req.valid('json').reason, {
      memberId: row.responsibleMemberId,
      title: row.name,
    });
    return c.json({ id: objectionId }, 201);
  })
  .openapi(club.withdraw, async (c) => {
    const { id, objectionId } = c.req.valid('param');
    await withdrawObjection(tenantOf(c).db, 'club', id, objectionId);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(activity.get, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    await visibleActivity(db, id, memberOf(c));
    return c.json(await consentView(db, 'activity', id, new Date().toISOString()), 200);
  })
  .openapi(activity.object, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const { activity: row } = await visibleActivity(db, id, memberOf(c));
    const objectionId = await object(db, 'activity', id, memberOf(c), c.req.valid('json').reason, {
      memberId: row.responsibleMemberId,
      title: row.title,
    });
    return c.json({ id: objectionId }, 201);
  })
  .openapi(activity.withdraw, async (c) => {
    const { id, objectionId } = c.req.valid('param');
    await withdrawObjection(tenantOf(c).db, 'activity', id, objectionId);
    return c.json({ ok: true as const }, 200);
  });
