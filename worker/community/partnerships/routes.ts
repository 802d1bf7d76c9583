import { OpenAPIHono, z } from '@hono/zod-openapi';
import { isAdmin } from '../../auth/roles';
import type { AppContext, AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { listPartnerships, partnershipDetail, yearReport } from './read';
import { donationKinds, entryKinds, isCalendarDay, partnershipActions, partnershipKinds, partnershipStates } from './rules';
import { decide, propose, type Reach, recordDonation, recordVisit, saveGoals } from './service';
import { syncCommunity } from './sync';

const members = { host: 'community', allow: 'member' } as const;
const admins = { host: 'community', allow: 'association-admin' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const day = z.string().refine(isCalendarDay, { message: 'A calendar day, YYYY-MM-DD' });
const goals = z.string().trim().max(2000);

const summary = z.object({
  id: z.number().int(),
  kind: z.enum(partnershipKinds),
  side: z.enum(['proposer', 'partner']),
  status: z.enum(partnershipStates),
  partnerName: z.string(),
  partnerSlug: z.string().nullable(),
  partnerPlace: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
});

const entry = z.object({
  id: z.number().int(),
  kind: z.enum(entryKinds),
  /** A visit this community held, or a donation it gave. */
  ours: z.boolean(),
  occurredOn: z.string(),
  title: z.string(),
  place: z.string(),
  residents: z.number().int(),
  activityId: z.number().int().nullable(),
  donationKind: z.enum(donationKinds).nullable(),
  amountFen: z.number().int(),
  /** The shared reference both communities' ledgers carry. */
  reference: z.string(),
});

const list = defineRoute(members, {
  method: 'get',
  path: '/api/partnerships',
  operationId: 'partnerships.list',
  summary: 'The communities this one partners with (社区帮扶社区); administrators also see proposals, and those waiting for their answer',
  responses: {
    200: json(z.object({ waitingForUs: z.array(summary), partnerships: z.array(summary) }), 'Partnerships'),
    ...errorResponses(401, 403),
  },
});

const create = defineRoute(
  admins,
  {
    method: 'post',
    path: '/api/partnerships',
    operationId: 'partnerships.propose',
    summary:
      'Propose a partnership to a Huzhu community by its address (its administrators accept or decline), or record one with a community outside Huzhu',
    request: jsonBody(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('huzhu'), slug: z.string().trim().toLowerCase().min(2).max(63), goals }),
        z.object({
          kind: z.literal('outside'),
          name: z.string().trim().min(2).max(80),
          place: z.string().trim().min(2).max(120),
          contact: z.string().trim().max(200),
          goals,
          startedOn: day.optional(),
        }),
      ]),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Proposed or recorded'), ...errorResponses(400, 401, 403, 409) },
  },
  { affects: ['metrics'] },
);

const detail = defineRoute(members, {
  method: 'get',
  path: '/api/partnerships/{id}',
  operationId: 'partnerships.get',
  summary: "A partnership's page: goals, exchange visits and designated donations, as the partnership shares them",
  request: { params: idParam },
  responses: {
    200: json(
      summary.extend({
        partnerContact: z.string(),
        goals: z.string(),
        actions: z.array(z.enum(partnershipActions)),
        canRecord: z.boolean(),
        visits: z.array(entry),
        donations: z.array(entry),
        years: z.array(z.number().int()),
        ownActivities: z.array(z.object({ id: z.number().int(), title: z.string(), startsAt: z.string() })),
      }),
      'Partnership',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

const status = defineRoute(
  admins,
  {
    method: 'post',
    path: '/api/partnerships/{id}/decision',
    operationId: 'partnerships.decide',
    summary: 'Accept or decline a proposal (the community asked), withdraw it (the one that proposed), or end a partnership (either side)',
    request: { params: idParam, ...jsonBody(z.object({ action: z.enum(partnershipActions) })) },
    responses: { 200: json(z.object({ ok: z.literal(true) }), 'Done'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const editGoals = defineRoute(admins, {
  method: 'put',
  path: '/api/partnerships/{id}/goals',
  operationId: 'partnerships.saveGoals',
  summary: "Rewrite the partnership's goals (shared with a Huzhu partner)",
  request: { params: idParam, ...jsonBody(z.object({ goals })) },
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Saved'), ...errorResponses(400, 401, 403, 404) },
});

const visit = defineRoute(admins, {
  method: 'post',
  path: '/api/partnerships/{id}/visits',
  operationId: 'partnerships.recordVisit',
  summary: "Record an exchange visit this community held (one of its activities, if named); a Huzhu partner's page lists it",
  request: {
    params: idParam,
    ...jsonBody(
      z
        .object({
          title: z.string().trim().max(120),
          occurredOn: day,
          place: z.string().trim().max(120),
          residents: z.number().int().min(0).max(100_000),
          activityId: z.number().int().positive().optional(),
        })
        .refine((v) => v.title.length >= 2 || v.activityId !== undefined, { message: 'A title, or an activity', path: ['title'] }),
    ),
  },
  responses: { 201: json(z.object({ ok: z.literal(true) }), 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) },
});

const donation = defineRoute(
  admins,
  {
    method: 'post',
    path: '/api/partnerships/{id}/donations',
    operationId: 'partnerships.recordDonation',
    summary:
      "Record a designated donation this community gives: money goes out of the hub's fund, and a Huzhu partner's ledger gets the matching income with the same reference",
    request: {
      params: idParam,
      ...jsonBody(
        z
          .object({
            kind: z.enum(donationKinds),
            title: z.string().trim().min(2).max(120),
            occurredOn: day,
            amountFen: z.number().int().min(0).max(100_000_000),
            reference: z.string().uuid(),
          })
          .refine((d) => d.kind === 'goods' || d.amountFen > 0, { message: 'A money donation has an amount', path: ['amountFen'] }),
      ),
    },
    responses: { 201: json(z.object({ ok: z.literal(true) }), 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) },
  },
  { affects: ['metrics'] },
);

const report = defineRoute(members, {
  method: 'get',
  path: '/api/partnerships/{id}/reports/{year}',
  operationId: 'partnerships.report',
  summary: "A partnership's yearly report: goals, visits, donations and the residents involved (counted, never named)",
  request: { params: idParam.extend({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: {
    200: json(
      summary.extend({
        year: z.number().int(),
        goals: z.string(),
        visits: z.array(entry),
        donations: z.array(entry),
        totals: z.object({
          visits: z.number().int(),
          residentsInvolved: z.number().int(),
          moneyGivenFen: z.number().int(),
          moneyReceivedFen: z.number().int(),
          goodsGiven: z.number().int(),
          goodsReceived: z.number().int(),
        }),
      }),
      'Report',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});

function reachOf(c: AppContext): Reach {
  const { db, community } = tenantOf(c);
  return { env: c.env, db, communityId: community.id };
}

const viewerOf = (c: AppContext) => ({ admin: isAdmin(memberOf(c)) });

/** Reading brings the community's own copy of its Huzhu partnerships up to date first (see `syncCommunity`). */
async function synced(c: AppContext) {
  const { db, community } = tenantOf(c);
  await syncCommunity(c.env.PLATFORM_DB, db, community.id);
  return db;
}

export const partnershipRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => c.json(await listPartnerships(await synced(c), viewerOf(c)), 200))
  .openapi(create, async (c) => c.json({ id: await propose(reachOf(c), memberOf(c), c.req.valid('json')) }, 201))
  .openapi(detail, async (c) => c.json(await partnershipDetail(await synced(c), c.req.valid('param').id, viewerOf(c)), 200))
  .openapi(status, async (c) => {
    await decide(reachOf(c), memberOf(c), c.req.valid('param').id, c.req.valid('json').action);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(editGoals, async (c) => {
    await saveGoals(reachOf(c), c.req.valid('param').id, c.req.valid('json').goals);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(visit, async (c) => {
    await recordVisit(reachOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 201);
  })
  .openapi(donation, async (c) => {
    await recordDonation(reachOf(c), memberOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 201);
  })
  .openapi(report, async (c) => {
    const { id, year } = c.req.valid('param');
    return c.json(await yearReport(await synced(c), id, year, viewerOf(c)), 200);
  });
