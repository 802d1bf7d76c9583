import { OpenAPIHono, z } from '@hono/zod-openapi';
import { viewerOf } from '../../auth/viewer';
import type { AppContext, AppEnv, MemberContext } from '../../http/context';
import { type CommunityRole, RoleResolver } from '../../auth/roles';
import { memberOf, rolesOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityStates } from '../activities/rules';
import { clubStatuses } from '../clubs/rules';
import { communitySettings } from '../profile/service';
import { runFigureReads } from '../programs/figure-reads';
import { needsFigures } from './figures';
import { lastMonths, MAX_REVIEW_AFTER_DAYS, type NeedActor, needOutcomes, needStates, nextNeedStates } from './rules';
import { needBeneficiaries, needCategories, needResponseKinds } from './schema';
import { claimNeed, moveNeed, postNeed, setReviewAfterDays, toggleResponse, turnNeedInto } from './service';
import { audit } from '../../platform/audit';
import { assistedActor } from '../assisted/service';
import { listNeeds, needDetail, needOrigin } from './read';

const anyone = { host: 'community', allow: 'public' } as const;
const residents = { host: 'community', allow: 'member' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const state = z.enum(needStates);
const category = z.enum(needCategories);
const bilingual = z.object({ zh: z.string(), en: z.string() });

const needSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  category,
  beneficiary: z.enum(needBeneficiaries),
  state,
  outcome: z.enum(needOutcomes).nullable(),
  postedByMe: z.boolean(),
  /** Members only. */
  posterName: z.string().nullable(),
  /** Posted on behalf of a neighbour who is not online. */
  onBehalf: z.boolean(),
  /** The neighbour's name: coordinators and the poster only. */
  onBehalfName: z.string().nullable(),
  activityId: z.number().int().nullable(),
  clubId: z.number().int().nullable(),
  stateSince: z.string(),
  createdAt: z.string(),
  meToo: z.number().int(),
  canHelp: z.number().int(),
  meTooByMe: z.boolean(),
  canHelpByMe: z.boolean(),
  waitingDays: z.number().int(),
  /** Unclaimed for longer than the community's days: up for the monthly review. */
  forReview: z.boolean(),
});

const list = defineRoute(anyone, {
  method: 'get',
  path: '/api/needs',
  operationId: 'needs.list',
  summary: "The needs register (需求登记): everyone sees the needs and their counts, members the residents' names",
  request: { query: z.object({ state: state.optional(), category: category.optional() }) },
  responses: {
    200: json(
      z.object({
        needs: z.array(needSummary),
        reviewAfterDays: z.number().int(),
        review: z.array(
          z.object({
            id: z.number().int(),
            title: z.string(),
            category,
            stateSince: z.string(),
            meToo: z.number().int(),
            waitingDays: z.number().int(),
          }),
        ),
      }),
      'Needs',
    ),
    ...errorResponses(400),
  },
});

const post = defineRoute(
  { ...residents, body: { field: 'onBehalfOf', allow: ['assisted-steward'] } },
  {
    method: 'post',
    path: '/api/needs',
    operationId: 'needs.post',
    summary: 'Write down a need, for yourself, your family or a neighbour (who may not be online)',
    request: jsonBody(
      z.object({
        title: z.string().trim().min(4).max(80),
        description: z.string().trim().max(2000).optional(),
        category,
        beneficiary: z.enum(needBeneficiaries),
        onBehalf: z.object({ name: z.string().trim().min(1).max(40), flat: z.string().trim().max(40).optional() }).optional(),
        /** An assisted resident (代为登记) whose need the caller writes down; they become its poster. */
        onBehalfOf: z.number().int().positive().optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Posted'), ...errorResponses(400, 401, 403) },
  },
);

const detail = defineRoute(anyone, {
  method: 'get',
  path: '/api/needs/{id}',
  operationId: 'needs.get',
  summary: 'One need: its path, who shares it or offers help (members), and what it became',
  request: { params: idParam },
  responses: {
    200: json(
      needSummary.omit({ activityId: true, clubId: true }).extend({
        description: z.string(),
        closingNote: z.string().nullable(),
        claimedByMe: z.boolean(),
        claimerName: z.string().nullable(),
        /** 由 X 代为登记: who wrote it down for an assisted resident. */
        recordedByName: z.string().nullable(),
        claimedAt: z.string().nullable(),
        onBehalfFlat: z.string().nullable(),
        responses: z.array(z.object({ kind: z.enum(needResponseKinds), note: z.string(), name: z.string(), at: z.string() })),
        events: z.array(
          z.object({ fromState: state.nullable(), toState: state, note: z.string(), at: z.string(), actor: z.string().nullable() }),
        ),
        activity: z
          .object({ id: z.number().int(), title: z.string(), state: z.enum(activityStates), startsAt: z.string(), opens: z.boolean() })
          .nullable(),
        club: z.object({ id: z.number().int(), name: z.string(), status: z.enum(clubStatuses) }).nullable(),
        program: z.object({ key: z.string(), name: bilingual }).nullable(),
        /** The states the reader may move it to: claim, turn into (became-activity), release, solve, decline. */
        steps: z.array(state),
      }),
      'Need',
    ),
    ...errorResponses(404),
  },
});

const respond = defineRoute(residents, {
  method: 'post',
  path: '/api/needs/{id}/responses',
  operationId: 'needs.respond',
  summary: 'Say "我也需要" (me too) or "我能帮忙" (I can help, with a note), or take it back: once per member and kind',
  request: {
    params: idParam,
    ...jsonBody(z.object({ kind: z.enum(needResponseKinds), note: z.string().trim().max(280).optional() })),
  },
  responses: {
    200: json(z.object({ on: z.boolean(), count: z.number().int() }), 'Your response, and how many now say so'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const claim = defineRoute(
  { host: 'community', allow: 'need-steward' },
  {
    method: 'post',
    path: '/api/needs/{id}/claim',
    operationId: 'needs.claim',
    summary: 'Claim an unclaimed need (coordinators, building contacts, club leaders); one claim wins, another is 409',
    request: { params: idParam },
    responses: { 200: json(z.object({ state }), 'Claimed'), ...errorResponses(401, 403, 404, 409) },
  },
);

const turn = defineRoute(
  { host: 'community', allow: ['need-claimant', 'coordinator'] },
  {
    method: 'post',
    path: '/api/needs/{id}/turn-into',
    operationId: 'needs.turnInto',
    summary: 'Turn a claimed need into a draft activity, a club proposal or a program task, linked both ways',
    request: {
      params: idParam,
      ...jsonBody(
        z.discriminatedUnion('kind', [
          z.object({
            kind: z.literal('activity'),
            title: z.string().trim().min(2).max(80),
            description: z.string().trim().max(4000).optional(),
            startsAt: z.iso.datetime({ offset: true }),
            endsAt: z.iso.datetime({ offset: true }),
            place: z.string().trim().max(120).optional(),
            capacity: z.number().int().min(1).max(5000),
            clubId: z.number().int().positive().optional(),
          }),
          z.object({
            kind: z.literal('club'),
            name: z.string().trim().min(2).max(40),
            purpose: z.string().trim().min(4).max(1000),
            programKey: z.string().max(40).optional(),
            meetingPattern: z.string().trim().max(80).optional(),
          }),
          z.object({ kind: z.literal('program-task'), programKey: z.string().max(40), note: z.string().trim().min(2).max(1000) }),
        ]),
      ),
    },
    responses: {
      200: json(
        z.object({
          state,
          activityId: z.number().int().nullable(),
          clubId: z.number().int().nullable(),
          programKey: z.string().nullable(),
        }),
        'Turned into',
      ),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
);

const move = defineRoute(
  { host: 'community', allow: ['need-claimant', 'coordinator', 'owner'] },
  {
    method: 'post',
    path: '/api/needs/{id}/transitions',
    operationId: 'needs.transition',
    summary: 'Mark a need solved, decline it with a reason, or release a claim (the claimant, coordinators; the poster may mark it solved)',
    request: {
      params: idParam,
      ...jsonBody(z.object({ to: z.enum(['unclaimed', 'solved', 'wont-do']), note: z.string().trim().max(1000).optional() })),
    },
    responses: { 200: json(z.object({ state }), 'Moved'), ...errorResponses(400, 401, 403, 404, 409) },
  },
);

const settings = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'put',
    path: '/api/needs/settings',
    operationId: 'needs.updateSettings',
    summary: 'Days an unclaimed need waits before the monthly review takes it up (association administrators)',
    request: jsonBody(z.object({ reviewAfterDays: z.number().int().min(1).max(MAX_REVIEW_AFTER_DAYS) })),
    responses: { 200: json(z.object({ reviewAfterDays: z.number().int() }), 'Saved'), ...errorResponses(400, 401, 403) },
  },
);

const figures = defineRoute(anyone, {
  method: 'get',
  path: '/api/needs/figures',
  operationId: 'needs.figures',
  summary: "The register's figures for the last twelve months in the community's time zone (counts only)",
  responses: {
    200: json(
      z.object({
        months: z.array(z.string()),
        figures: z.array(
          z.object({
            key: z.string(),
            labelZh: z.string(),
            labelEn: z.string(),
            unit: z.enum(['count', 'hours', 'fen', 'percent']),
            values: z.record(z.string(), z.number()),
          }),
        ),
      }),
      'Figures',
    ),
  },
});

const origin = defineRoute(anyone, {
  method: 'get',
  path: '/api/needs/origin',
  operationId: 'needs.origin',
  summary: 'The need an activity or a club came from, if any (for "来自需求登记：…")',
  request: {
    query: z
      .object({ activityId: z.coerce.number().int().positive().optional(), clubId: z.coerce.number().int().positive().optional() })
      .refine((q) => (q.activityId === undefined) !== (q.clubId === undefined), { message: 'Give activityId or clubId' }),
  },
  responses: {
    200: json(z.object({ need: z.object({ id: z.number().int(), title: z.string() }).nullable() }), 'Origin'),
    ...errorResponses(400),
  },
});

/** The roles someone acts in on the route's need, as the lifecycle names them (the roles themselves are resolved in one place). */
async function needActors(roles: RoleResolver): Promise<NeedActor[]> {
  const named: [CommunityRole, NeedActor][] = [
    ['coordinator', 'coordinator'],
    ['need-steward', 'steward'],
    ['need-claimant', 'claimant'],
    ['owner', 'poster'],
  ];
  const actors: NeedActor[] = [];
  for (const [role, actor] of named) if (await roles.holds(role)) actors.push(actor);
  return actors;
}

const actorsOf = (c: AppContext) => needActors(rolesOf(c));

/** On the public page, the steps the reader may take (none for a visitor). */
async function readerSteps(
  c: AppContext,
  id: number,
  viewer: MemberContext | null,
  need: { postedBy: number; claimedBy: number | null; leadsAClub: readonly unknown[] },
) {
  if (!viewer) return [];
  const roles = new RoleResolver(tenantOf(c).db, viewer, { subject: 'need', params: { id: String(id) }, body: null });
  return needActors(roles.knowNeed(id, need).knowLeadsAClub(need.leadsAClub));
}

export const needRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  // The fixed paths come before `/api/needs/{id}`.
  .openapi(figures, async (c) => {
    const db = tenantOf(c).db;
    const { timeZone } = await communitySettings(db);
    const months = lastMonths(new Date(), timeZone);
    return c.json({ months, figures: await runFigureReads(db, needsFigures.reads(db, months, timeZone)) }, 200);
  })
  .openapi(origin, async (c) => c.json({ need: await needOrigin(tenantOf(c).db, c.req.valid('query')) }, 200))
  .openapi(settings, async (c) =>
    c.json({ reviewAfterDays: await setReviewAfterDays(tenantOf(c).db, c.req.valid('json').reviewAfterDays) }, 200),
  )
  .openapi(list, async (c) => c.json(await listNeeds(tenantOf(c).db, new Date(), await viewerOf(c), c.req.valid('query')), 200))
  .openapi(post, async (c) => {
    const { db } = tenantOf(c);
    const { onBehalfOf, ...input } = c.req.valid('json');
    const poster = onBehalfOf ? await assistedActor(db, onBehalfOf) : memberOf(c);
    const id = await postNeed(db, poster, input, onBehalfOf ? memberOf(c).id : undefined);
    if (onBehalfOf) await audit(c, 'assisted.need-posted', { needId: id, memberId: onBehalfOf });
    return c.json({ id }, 201);
  })
  .openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = await viewerOf(c);
    const need = await needDetail(tenantOf(c).db, id, new Date(), viewer);
    const { postedBy, claimedBy, leadsAClub, ...page } = need;
    const steps = await readerSteps(c, id, viewer, { postedBy, claimedBy, leadsAClub });
    return c.json({ ...page, steps: nextNeedStates(need.state, steps) }, 200);
  })
  .openapi(respond, async (c) => {
    const { kind, note } = c.req.valid('json');
    return c.json(await toggleResponse(tenantOf(c).db, c.req.valid('param').id, memberOf(c), kind, note), 200);
  })
  .openapi(claim, async (c) => {
    await claimNeed(tenantOf(c).db, c.req.valid('param').id, memberOf(c));
    return c.json({ state: 'claimed' as const }, 200);
  })
  .openapi(turn, async (c) => {
    const need = await turnNeedInto(tenantOf(c).db, c.req.valid('param').id, memberOf(c), await actorsOf(c), c.req.valid('json'));
    return c.json({ state: need.state, activityId: need.activityId, clubId: need.clubId, programKey: need.programKey }, 200);
  })
  .openapi(move, async (c) => {
    const need = await moveNeed(tenantOf(c).db, c.req.valid('param').id, memberOf(c), await actorsOf(c), c.req.valid('json'));
    return c.json({ state: need.state }, 200);
  });
