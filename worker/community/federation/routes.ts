import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { bookings, clubMembers, clubs, committeeMembers, committees, issueEvents, issues, members, spaces } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { clubRole, isAdmin } from '../clubs/service';
import { committeeCases } from '../committees/service';
import { isCoordinator } from '../issues/service';
import { activityHolding, bookingsOfSpace, bookSpace, checkBookingLength, getSpace } from './bookings';

const residents = { host: 'community', allow: 'member' } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const idParam = z.object({ id: z.coerce.number().int().positive() });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const spaceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  capacity: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  rules: z.string(),
});
const bookingSchema = z.object({
  id: z.number().int(),
  spaceId: z.number().int(),
  clubId: z.number().int().nullable(),
  clubName: z.string().nullable(),
  bookedBy: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  seriesId: z.string().nullable(),
  activityId: z.number().int().nullable(),
  activityTitle: z.string().nullable(),
});

const listSpaces = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/spaces',
    summary: 'Shared spaces with their opening hours, capacity and rules',
    responses: { 200: json(z.object({ spaces: z.array(spaceSchema) }), 'Spaces') },
  },
);

const addSpace = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/spaces',
    summary: 'Add a shared space (association administrators)',
    request: jsonBody(
      z.object({
        name: z.string().trim().min(2).max(40),
        capacity: z.number().int().min(1).max(1000),
        opensAt: hhmm,
        closesAt: hhmm,
        rules: z.string().max(2000).optional(),
      }),
    ),
    responses: { 201: json(z.object({ id: z.number().int() }), 'Added'), ...errorResponses(400, 401, 403, 409) },
  },
);

const spaceBookings = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/spaces/{id}/bookings',
    summary: "A space's bookings in a period (default: the next four weeks)",
    request: {
      params: idParam,
      query: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
    },
    responses: { 200: json(z.object({ bookings: z.array(bookingSchema) }), 'Bookings'), ...errorResponses(400, 404) },
  },
);

const book = defineRoute(residents, {
  method: 'post',
  path: '/api/spaces/{id}/bookings',
  summary: 'Book a space, once or weekly; all occurrences or none; an overlap is refused (409) with the clashing bookings',
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        clubId: z.number().int().positive().optional(),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        purpose: z.string().trim().min(2).max(120),
        weeks: z.number().int().min(1).max(26).default(1),
      }),
    ),
  },
  responses: {
    201: json(z.object({ ids: z.array(z.number().int()), seriesId: z.string().nullable() }), 'Booked'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const cancel = defineRoute(residents, {
  method: 'delete',
  path: '/api/bookings/{id}',
  summary:
    'Cancel a booking (whoever made it, or an administrator); a booking that holds an activity is released through the activity (409)',
  request: { params: idParam },
  responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
});

const slotRequest = defineRoute(residents, {
  method: 'post',
  path: '/api/spaces/{id}/slot-requests',
  summary: 'Ask the federation to settle who gets a regular slot two groups want; it becomes an issue referred to the federation',
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        clubId: z.number().int().positive().optional(),
        slot: z.string().trim().min(2).max(80),
        reason: z.string().trim().min(4).max(1000),
      }),
    ),
  },
  responses: { 201: json(z.object({ issueId: z.number().int() }), 'Referred'), ...errorResponses(400, 401, 403, 404) },
});

const federation = defineRoute(residents, {
  method: 'get',
  path: '/api/federation',
  summary: 'The federation: the leaders of active clubs, the shared spaces, and the slot requests before it',
  responses: {
    200: json(
      z.object({
        members: z.array(z.object({ memberId: z.number().int(), displayName: z.string(), clubId: z.number().int(), clubName: z.string() })),
        spaces: z.array(spaceSchema),
        requests: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), createdAt: z.string() })),
      }),
      'Federation',
    ),
    ...errorResponses(401, 403),
  },
});

const committeeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['standing', 'ad-hoc']),
  remit: z.string(),
  proposes: z.boolean(),
  supervises: z.boolean(),
  assists: z.boolean(),
  endsOn: z.string().nullable(),
  members: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.number().int().nullable(),
      name: z.string(),
      external: z.boolean(),
      expertise: z.string(),
      role: z.enum(['chair', 'member']),
    }),
  ),
  /** Issues referred to it for study, with its recommendation once given. */
  studies: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      state: z.string(),
      recommendation: z.string().nullable(),
      recommendedAt: z.string().nullable(),
    }),
  ),
  /** Adopted decisions it was assigned to help carry out. */
  assisting: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), decisionText: z.string().nullable() })),
});

const listCommittees = defineRoute(residents, {
  method: 'get',
  path: '/api/committees',
  summary:
    'Professional committees and ad hoc groups with their members (outside experts included), the issues they study and the decisions they assist',
  responses: { 200: json(z.object({ committees: z.array(committeeSchema) }), 'Committees'), ...errorResponses(401, 403) },
});

const addCommittee = defineRoute(residents, {
  method: 'post',
  path: '/api/committees',
  summary: 'Set up a standing committee or an ad hoc group (coordinators); an ad hoc group has an end date',
  request: jsonBody(
    z.object({
      name: z.string().trim().min(2).max(40),
      kind: z.enum(['standing', 'ad-hoc']),
      remit: z.string().trim().min(4).max(1000),
      proposes: z.boolean().default(true),
      supervises: z.boolean().default(false),
      assists: z.boolean().default(false),
      endsOn: z.iso.date().optional(),
    }),
  ),
  responses: { 201: json(z.object({ id: z.number().int() }), 'Set up'), ...errorResponses(400, 401, 403, 409) },
});

const addCommitteeMember = defineRoute(residents, {
  method: 'post',
  path: '/api/committees/{id}/members',
  summary: 'Add a resident, or an outside expert by name, to a committee (coordinators)',
  request: {
    params: idParam,
    ...jsonBody(
      z.object({
        memberId: z.number().int().positive().optional(),
        externalName: z.string().trim().min(1).max(40).optional(),
        expertise: z.string().trim().max(80).optional(),
        role: z.enum(['chair', 'member']).default('member'),
      }),
    ),
  },
  responses: { 201: ok, ...errorResponses(400, 401, 403, 404) },
});

export const federationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listSpaces, async (c) => c.json({ spaces: await tenantOf(c).db.select().from(spaces).orderBy(asc(spaces.name)) }, 200))
  .openapi(addSpace, async (c) => {
    const rows = await tenantOf(c)
      .db.insert(spaces)
      .values({ ...c.req.valid('json'), rules: c.req.valid('json').rules ?? '' })
      .onConflictDoNothing()
      .returning({ id: spaces.id });
    if (!rows[0]) throw new AppError('conflict', 'A space with this name exists', { name: ['Already exists'] });
    return c.json({ id: rows[0].id }, 201);
  })
  .openapi(spaceBookings, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const from = q.from ? new Date(q.from).toISOString() : new Date(Date.now() - 86400_000).toISOString();
    const to = q.to ? new Date(q.to).toISOString() : new Date(Date.parse(from) + 28 * 86400_000).toISOString();
    const rows = await bookingsOfSpace(db, id, from, to);
    return c.json({ bookings: rows }, 200);
  })
  .openapi(book, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (!(await getSpace(db, id))) throw new AppError('not_found', 'No such space');
    checkBookingLength(body.startsAt, body.endsAt);
    if (body.clubId && (await clubRole(db, body.clubId, me.id)) !== 'leader' && !isAdmin(me))
      throw new AppError('forbidden', "Only the club's leaders book for the club");
    const booked = await bookSpace(db, {
      spaceId: id,
      clubId: body.clubId ?? null,
      bookedBy: me.id,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      purpose: body.purpose,
      weeks: body.weeks,
    });
    return c.json(booked, 201);
  })
  .openapi(cancel, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const [row] = await db
      .select()
      .from(bookings)
      .where(eq(bookings.id, c.req.valid('param').id));
    if (!row) throw new AppError('not_found', 'No such booking');
    if (row.bookedBy !== me.id && !isAdmin(me)) throw new AppError('forbidden', 'Only whoever booked it cancels it');
    const held = await activityHolding(db, row);
    if (held)
      throw new AppError(
        'conflict',
        `This booking holds the activity "${held.title}"; change the activity's place or cancel the activity`,
        { activityId: [String(held.id)] },
      );
    await db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, row.id));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(slotRequest, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const [space] = await db.select().from(spaces).where(eq(spaces.id, id));
    if (!space) throw new AppError('not_found', 'No such space');
    const title = `${space.name}：${body.slot}`.slice(0, 80);
    const [issue] = await db
      .insert(issues)
      .values({ title, description: body.reason, category: 'facilities', raisedBy: me.id, state: 'referred', bodyKey: 'federation' })
      .returning({ id: issues.id });
    await db.insert(issueEvents).values([
      { issueId: issue!.id, fromState: null, toState: 'raised', actorMemberId: me.id },
      { issueId: issue!.id, fromState: 'raised', toState: 'referred', actorMemberId: me.id, note: '提交社群联合会协调公共空间' },
    ]);
    return c.json({ issueId: issue!.id }, 201);
  })
  .openapi(federation, async (c) => {
    const { db } = tenantOf(c);
    const [leaders, spaceRows, requests] = await db.batch([
      db
        // Batched rows are matched by column name: take the ids from club_members, not two "id" columns.
        .select({ memberId: clubMembers.memberId, displayName: members.displayName, clubId: clubMembers.clubId, clubName: clubs.name })
        .from(clubMembers)
        .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
        .innerJoin(members, eq(members.id, clubMembers.memberId))
        .where(and(eq(clubMembers.role, 'leader'), eq(clubs.status, 'active')))
        .orderBy(asc(clubs.name)),
      db.select().from(spaces).orderBy(asc(spaces.name)),
      db
        .select({ id: issues.id, title: issues.title, state: issues.state, createdAt: issues.createdAt })
        .from(issues)
        .where(eq(issues.bodyKey, 'federation'))
        .orderBy(asc(issues.createdAt)),
    ]);
    return c.json({ members: leaders, spaces: spaceRows, requests }, 200);
  })
  .openapi(listCommittees, async (c) => {
    const { db } = tenantOf(c);
    const [rows, people] = await db.batch([
      db.select().from(committees).orderBy(asc(committees.name)),
      db
        .select({
          id: committeeMembers.id,
          committeeId: committeeMembers.committeeId,
          memberId: committeeMembers.memberId,
          displayName: members.displayName,
          externalName: committeeMembers.externalName,
          expertise: committeeMembers.expertise,
          role: committeeMembers.role,
        })
        .from(committeeMembers)
        .leftJoin(members, eq(members.id, committeeMembers.memberId)),
    ]);
    const cases = await committeeCases(db);
    return c.json(
      {
        committees: rows.map((r) => ({
          ...r,
          members: people
            .filter((p) => p.committeeId === r.id)
            .map((p) => ({
              id: p.id,
              memberId: p.memberId,
              name: p.displayName ?? p.externalName ?? '—',
              external: p.externalName !== null,
              expertise: p.expertise,
              role: p.role,
            })),
          studies: cases.studies(r.id),
          assisting: cases.assisting(r.id),
        })),
      },
      200,
    );
  })
  .openapi(addCommittee, async (c) => {
    if (!isCoordinator(memberOf(c))) throw new AppError('forbidden', 'Only coordinators set up committees');
    const body = c.req.valid('json');
    if (body.kind === 'ad-hoc' && !body.endsOn)
      throw new AppError('validation_failed', 'An ad hoc group has an end date', { endsOn: ['Required for an ad hoc group'] });
    const rows = await tenantOf(c)
      .db.insert(committees)
      .values({ ...body, endsOn: body.endsOn ?? null })
      .onConflictDoNothing()
      .returning({ id: committees.id });
    if (!rows[0]) throw new AppError('conflict', 'A committee with this name exists', { name: ['Already exists'] });
    return c.json({ id: rows[0].id }, 201);
  })
  .openapi(addCommitteeMember, async (c) => {
    if (!isCoordinator(memberOf(c))) throw new AppError('forbidden', 'Only coordinators change committees');
    const { db } = tenantOf(c);
    const body = c.req.valid('json');
    const { id } = c.req.valid('param');
    if (Boolean(body.memberId) === Boolean(body.externalName))
      throw new AppError('validation_failed', 'Name a resident or an outside expert', { memberId: ['Give memberId or externalName'] });
    const [committee] = await db.select({ id: committees.id }).from(committees).where(eq(committees.id, id));
    if (!committee) throw new AppError('not_found', 'No such committee');
    if (body.memberId) {
      const [m] = await db.select({ id: members.id }).from(members).where(eq(members.id, body.memberId));
      if (!m) throw new AppError('not_found', 'No such member');
    }
    await db.insert(committeeMembers).values({
      committeeId: id,
      memberId: body.memberId ?? null,
      externalName: body.externalName ?? null,
      expertise: body.expertise ?? '',
      role: body.role,
    });
    return c.json({ ok: true as const }, 201);
  });
