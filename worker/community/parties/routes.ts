import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { memberOf } from '../../http/context';
import { partyKeys } from './rules';
import { parties } from './schema';
import { answerAppointment, listAppointments, offerAppointment, removeRepresentative } from './service';

const admin = { host: 'community', allow: 'association-admin' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Saved');
const partyParam = z.object({ key: z.enum(partyKeys) });
const appointmentSchema = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  displayName: z.string(),
  status: z.enum(['offered', 'accepted', 'declined', 'withdrawn', 'ended']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

const appointments = defineRoute(admin, {
  method: 'get',
  path: '/api/parties/{key}/appointments',
  operationId: 'parties.listAppointments',
  summary: "A party's representatives and the offers made to represent it, with their answers",
  request: { params: partyParam },
  responses: { 200: json(z.object({ appointments: z.array(appointmentSchema) }), 'Appointments'), ...errorResponses(400, 401, 403) },
});

const appoint = defineRoute(admin, {
  method: 'post',
  path: '/api/parties/{key}/appointments',
  operationId: 'parties.appoint',
  summary: "Offer someone else the party's representation; it takes effect when they accept",
  request: { params: partyParam, ...jsonBody(z.object({ memberId: z.number().int().positive() })) },
  responses: { 201: json(z.object({ id: z.number().int() }), 'Offered'), ...errorResponses(400, 401, 403, 409) },
});

const answer = defineRoute(
  { host: 'community', allow: 'owner' },
  {
    method: 'post',
    path: '/api/parties/{key}/appointments/{appointmentId}/answer',
    operationId: 'parties.answerAppointment',
    summary: 'Accept or decline an offer to represent a party (the appointee only)',
    request: {
      params: partyParam.extend({ appointmentId: z.coerce.number().int().positive() }),
      ...jsonBody(z.object({ accept: z.boolean() })),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const stepDown = defineRoute(
  admin,
  {
    method: 'delete',
    path: '/api/parties/{key}/representatives/{memberId}',
    operationId: 'parties.removeRepresentative',
    summary: "End a representative's term (association administrators)",
    request: { params: partyParam.extend({ memberId: z.coerce.number().int().positive() }) },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const renameParty = defineRoute(
  admin,
  {
    method: 'patch',
    path: '/api/parties/{key}',
    operationId: 'parties.rename',
    summary: "Set a party's own name, e.g. 翠竹园社区居委会",
    request: {
      params: partyParam,
      ...jsonBody(z.object({ organisationName: z.string().trim().min(1).max(60).nullable() })),
    },
    responses: { 200: ok, ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

/** A party's own name, as the handbooks cite it. */
export const partyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(renameParty, async (c) => {
    const { key } = c.req.valid('param');
    const { organisationName } = c.req.valid('json');
    await tenantOf(c).db.update(parties).set({ organisationName }).where(eq(parties.key, key));
    await audit(c, 'party.renamed', { key, organisationName });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(appointments, async (c) => c.json({ appointments: await listAppointments(tenantOf(c).db, c.req.valid('param').key) }, 200))
  .openapi(appoint, async (c) => {
    const { key } = c.req.valid('param');
    const { memberId } = c.req.valid('json');
    const id = await offerAppointment(tenantOf(c).db, key, memberId, memberOf(c).id);
    await audit(c, 'party.representative-appointed', { partyKey: key, memberId, appointmentId: id });
    return c.json({ id }, 201);
  })
  .openapi(answer, async (c) => {
    const { key, appointmentId } = c.req.valid('param');
    const { accept } = c.req.valid('json');
    await answerAppointment(tenantOf(c).db, appointmentId, accept);
    await audit(c, accept ? 'party.representative-accepted' : 'party.representative-declined', { partyKey: key, appointmentId });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(stepDown, async (c) => {
    const { key, memberId } = c.req.valid('param');
    await removeRepresentative(tenantOf(c).db, key, memberId, memberOf(c).id);
    await audit(c, 'party.representative-removed', { partyKey: key, memberId });
    return c.json({ ok: true as const }, 200);
  });
