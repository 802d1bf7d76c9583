/** Assisted members (代为登记): registering residents who are not online, their records, claim codes, claiming. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, count, eq, gt } from 'drizzle-orm';
import { platformDb } from '../../db/client';
import { auditLog } from '../../db/platform-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { identityOf, memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { joinBodySchema } from '../members/schema';
import { CLAIM_FAILURES_PER_HOUR } from './rules';
import {
  assistedOne,
  claimRecord,
  historyOf,
  issueClaimCode,
  listAssisted,
  recordAssistedHours,
  registerAssisted,
  updateAssisted,
} from './service';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+\- ]*$/, 'Digits only, e.g. 138 0000 0000');
const household = joinBodySchema.shape.household;

const assistedSchema = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    buildingId: z.number().int().nullable(),
    buildingName: z.string().nullable(),
    household: z.string().nullable(),
    /** Only for those who act for the resident. */
    phone: z.string().nullable(),
    registeredBy: z.string().nullable(),
    registeredAt: z.string(),
    /** Set once the resident took the record over with their own account. */
    claimedAt: z.string().nullable(),
    /** A claim code was made and still works. */
    openClaimCode: z.boolean(),
  })
  .openapi('AssistedMember');

const mark = z.string().nullable().describe('Who recorded it on the member’s behalf (由 X 代为登记); null when they did it themself');
const historySchema = z
  .object({
    signups: z.array(
      z.object({
        signupId: z.number().int(),
        activityId: z.number().int(),
        title: z.string(),
        startsAt: z.string(),
        place: z.string(),
        status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
        checkedInAt: z.string().nullable(),
        onBehalfBy: mark,
      }),
    ),
    issues: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), createdAt: z.string(), onBehalfBy: mark })),
    needs: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), createdAt: z.string(), onBehalfBy: mark })),
    hours: z.array(
      z.object({
        id: z.number().int(),
        servedOn: z.string(),
        minutes: z.number().int(),
        note: z.string(),
        activityTitle: z.string().nullable(),
        confirmed: z.boolean(),
        onBehalfBy: mark,
      }),
    ),
  })
  .openapi('MemberHistory');

const register = defineRoute(
  // The body's building decides (a body without one is refused by validation).
  { host: 'community', allow: 'member', body: { field: 'buildingId', allow: ['association-admin', 'building-contact'] } },
  {
    method: 'post',
    path: '/api/assisted-members',
    operationId: 'assisted.register',
    summary: "Register a resident who does not use the internet (an administrator, or a contact of the body's building)",
    request: jsonBody(
      z.object({
        displayName: z.string().trim().min(1).max(40),
        buildingId: z.number().int().positive(),
        household,
        phone: phone.optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Registered'), ...errorResponses(400, 401, 403) },
  },
  { affects: ['metrics'] },
);

const list = defineRoute(
  { host: 'community', allow: 'member' },
  {
    method: 'get',
    path: '/api/assisted-members',
    operationId: 'assisted.list',
    summary: 'The residents registered on their behalf whom the caller acts for: all for an administrator, their buildings’ for a contact',
    responses: { 200: json(z.object({ residents: z.array(assistedSchema) }), 'Residents'), ...errorResponses(401, 403) },
  },
);

const one = defineRoute(
  { host: 'community', allow: 'assisted-steward' },
  {
    method: 'get',
    path: '/api/assisted-members/{id}',
    operationId: 'assisted.get',
    summary: 'One assisted resident, with their activities, issues, needs and hours',
    request: { params: idParam },
    responses: {
      200: json(assistedSchema.extend({ codeExpiresAt: z.string().nullable(), history: historySchema }), 'Resident'),
      ...errorResponses(401, 403, 404),
    },
  },
);

const edit = defineRoute(
  { host: 'community', allow: 'assisted-steward', body: { field: 'buildingId', allow: ['association-admin'] } },
  {
    method: 'patch',
    path: '/api/assisted-members/{id}',
    operationId: 'assisted.update',
    summary: 'Correct an assisted resident’s name, flat or phone (moving them to another building: administrators)',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          displayName: z.string().trim().min(1).max(40).optional(),
          buildingId: z.number().int().positive().optional(),
          household,
          phone: phone.optional(),
        }),
      ),
    },
    responses: { 200: json(z.object({ ok: z.literal(true) }), 'Saved'), ...errorResponses(400, 401, 403, 404) },
  },
);

const makeCode = defineRoute(
  { host: 'community', allow: 'assisted-steward' },
  {
    method: 'post',
    path: '/api/assisted-members/{id}/claim-code',
    operationId: 'assisted.makeClaimCode',
    summary: 'Make a one-time code the resident uses to claim their record (shown once; a new one replaces the old)',
    request: { params: idParam },
    responses: {
      201: json(z.object({ code: z.string(), expiresAt: z.string() }), 'The code, shown only now'),
      ...errorResponses(401, 403, 404),
    },
  },
);

const hours = defineRoute(
  { host: 'community', allow: 'assisted-steward' },
  {
    method: 'post',
    path: '/api/assisted-members/{id}/hours',
    operationId: 'assisted.recordHours',
    summary: 'Record hours an assisted resident gave; the contact who saw the work confirms them at once (由 X 代为登记)',
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          activityId: z.number().int().positive().optional(),
          servedOn: z.iso.date(),
          minutes: z
            .number()
            .int()
            .min(5)
            .max(24 * 60),
          note: z.string().trim().max(300).optional(),
        }),
      ),
    },
    responses: { 201: json(z.object({ id: z.number().int() }), 'Recorded and confirmed'), ...errorResponses(400, 401, 403, 404) },
  },
  { affects: ['metrics'] },
);

const claim = defineRoute(
  { host: 'community', allow: 'signed-in' },
  {
    method: 'post',
    path: '/api/assisted-members/claims',
    operationId: 'assisted.claim',
    summary: 'Claim the record a contact kept for you, with the one-time code they gave you',
    request: jsonBody(z.object({ code: z.string().trim().min(1).max(20) })),
    responses: {
      200: json(z.object({ memberId: z.number().int(), displayName: z.string() }), 'The record is yours'),
      ...errorResponses(400, 401, 409, 429),
    },
  },
  { affects: ['metrics'], rateLimit: 'join-community' },
);

const myHistory = defineRoute(
  { host: 'community', allow: 'member' },
  {
    method: 'get',
    path: '/api/me/history',
    operationId: 'me.getHistory',
    summary: 'My activities, issues, needs and hours, with what others recorded on my behalf marked',
    responses: { 200: json(historySchema, 'History'), ...errorResponses(401, 403) },
  },
);

/** Wrong codes this account entered in the last hour. */
async function recentFailures(platform: D1Database, userId: string, communityId: string) {
  const since = new Date(Date.now() - 3600_000).toISOString();
  const [row] = await platformDb(platform)
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorUserId, userId),
        eq(auditLog.communityId, communityId),
        eq(auditLog.action, 'assisted.claim-refused'),
        gt(auditLog.at, since),
      ),
    );
  return Number(row?.n ?? 0);
}

export const assistedRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(register, async (c) => {
    const body = c.req.valid('json');
    const id = await registerAssisted(tenantOf(c).db, memberOf(c), body);
    await audit(c, 'assisted.registered', { memberId: id, buildingId: body.buildingId });
    return c.json({ id }, 201);
  })
  .openapi(list, async (c) => c.json({ residents: await listAssisted(tenantOf(c).db, memberOf(c), new Date().toISOString()) }, 200))
  .openapi(one, async (c) => {
    const { db } = tenantOf(c);
    const id = c.req.valid('param').id;
    const resident = await assistedOne(db, id, new Date().toISOString());
    return c.json({ ...resident, history: await historyOf(db, id) }, 200);
  })
  .openapi(edit, async (c) => {
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    await updateAssisted(tenantOf(c).db, id, body);
    await audit(c, 'assisted.updated', { memberId: id, fields: Object.keys(body) });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(makeCode, async (c) => {
    const id = c.req.valid('param').id;
    const made = await issueClaimCode(tenantOf(c).db, id, Date.now());
    await audit(c, 'assisted.claim-code-issued', { memberId: id, expiresAt: made.expiresAt });
    return c.json(made, 201);
  })
  .openapi(hours, async (c) => {
    const id = c.req.valid('param').id;
    const recorded = await recordAssistedHours(tenantOf(c).db, id, memberOf(c), c.req.valid('json'));
    await audit(c, 'assisted.hours-recorded', { memberId: id, hoursId: recorded });
    return c.json({ id: recorded }, 201);
  })
  .openapi(claim, async (c) => {
    const { db, community } = tenantOf(c);
    const userId = identityOf(c).userId;
    if ((await recentFailures(c.env.PLATFORM_DB, userId, community.id)) >= CLAIM_FAILURES_PER_HOUR) {
      c.header('Retry-After', '3600');
      throw new AppError('rate_limited', 'Too many wrong codes; please try again in an hour', { retryAfterSeconds: 3600 });
    }
    const outcome = await claimRecord(db, userId, c.req.valid('json').code, new Date().toISOString());
    if (!outcome.ok) {
      if (outcome.reason === 'already-member') throw new AppError('conflict', 'You are already a member here; ask your contact to help');
      await audit(c, 'assisted.claim-refused', {});
      throw new AppError('validation_failed', 'This code does not work; check it with your contact', { code: ['This code does not work'] });
    }
    await audit(c, 'assisted.claimed', { memberId: outcome.memberId });
    return c.json({ memberId: outcome.memberId, displayName: outcome.displayName }, 200);
  })
  .openapi(myHistory, async (c) => c.json(await historyOf(tenantOf(c).db, memberOf(c).id), 200));
