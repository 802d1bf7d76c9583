import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { audit } from '../../platform/audit';
import { bookingsOfSpace, bookingViewer, bookSpace } from '../bookings/service';
import { binaryBody, IMAGE_TYPES, readUpload, store } from '../media/routes';
import { decideSlotRequest, listSlotRequests, requestSlot, spaceView } from './service';
import { bookingSchema, slotRequestStatuses, spaceSchema, spaces } from './schema';

const residents = { host: 'community', allow: 'member' } as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const listSpaces = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/spaces',
    operationId: 'spaces.list',
    summary: 'Shared spaces with their opening hours, capacity and rules',
    responses: { 200: json(z.object({ spaces: z.array(spaceSchema) }), 'Spaces') },
  },
);

const spaceBody = z.object({
  name: z.string().trim().min(2).max(40),
  capacity: z.number().int().min(1).max(1000),
  opensAt: hhmm,
  closesAt: hhmm,
  rules: z.string().max(2000).optional(),
});
const admins = { host: 'community', allow: 'association-admin' } as const;

const addSpace = defineRoute(admins, {
  method: 'post',
  path: '/api/spaces',
  operationId: 'spaces.create',
  summary: 'Add a shared space (association administrators); opening hours as HH:MM',
  request: jsonBody(spaceBody),
  responses: { 201: json(z.object({ id: z.number().int() }), 'Added'), ...errorResponses(400, 401, 403, 409) },
});

const editSpace = defineRoute(admins, {
  method: 'put',
  path: '/api/spaces/{id}',
  operationId: 'spaces.update',
  summary: "Change a space's name, capacity, opening hours (HH:MM) and rules (association administrators)",
  request: { params: idParam, ...jsonBody(spaceBody) },
  responses: { 200: json(spaceSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
});

const uploadSpacePhoto = defineRoute(admins, {
  method: 'post',
  path: '/api/spaces/{id}/photo',
  operationId: 'spaces.uploadPhoto',
  summary: "Set a space's photo (association administrators); JPEG, PNG or WebP, up to 5 MB, served at /api/photos/{id}",
  request: { params: idParam, ...binaryBody(IMAGE_TYPES) },
  responses: { 201: json(z.object({ id: z.number().int(), url: z.string() }), 'Stored'), ...errorResponses(400, 401, 403, 404) },
});

const slotRequestSchema = z.object({
  id: z.number().int(),
  spaceId: z.number().int(),
  spaceName: z.string(),
  issueId: z.number().int(),
  clubName: z.string().nullable(),
  slot: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  createdAt: z.string(),
  status: z.enum(slotRequestStatuses),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

const listSlotRequestsRoute = defineRoute(residents, {
  method: 'get',
  path: '/api/spaces/slot-requests',
  operationId: 'spaces.listSlotRequests',
  summary: 'Requests for regular slots before the federation, waiting ones first (members; optionally for one space)',
  request: { query: z.object({ spaceId: z.coerce.number().int().positive().optional() }) },
  responses: { 200: json(z.object({ requests: z.array(slotRequestSchema) }), 'Slot requests'), ...errorResponses(400, 401, 403) },
});

const decideSlot = defineRoute(
  { host: 'community', allow: 'coordinator' },
  {
    method: 'post',
    path: '/api/slot-requests/{id}/decision',
    operationId: 'spaces.decideSlotRequest',
    summary: "The federation's answer to a slot request (coordinators): grant or decline; its issue is decided with the outcome",
    request: {
      params: idParam,
      ...jsonBody(z.object({ grant: z.boolean(), note: z.string().trim().max(500).optional() })),
    },
    responses: {
      200: json(z.object({ status: z.enum(slotRequestStatuses) }), 'Decided'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
  { affects: ['metrics'] },
);

const spaceBookings = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/spaces/{id}/bookings',
    operationId: 'spaces.listBookings',
    summary:
      "A space's bookings in a period (default: the next four weeks); residents' names only for members, and an activity's title only for those who may see the activity",
    request: {
      params: idParam,
      query: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
    },
    responses: { 200: json(z.object({ bookings: z.array(bookingSchema) }), 'Bookings'), ...errorResponses(400, 404) },
  },
);

const book = defineRoute(
  { ...residents, body: { field: 'clubId', allow: ['club-responsible', 'association-admin'] } },
  {
    method: 'post',
    path: '/api/spaces/{id}/bookings',
    operationId: 'spaces.book',
    summary:
      "Book a space, once or weekly, for up to its capacity and within its opening hours on the community's wall clock; all occurrences or none; an overlap is refused (409) naming who holds the slot",
    request: {
      params: idParam,
      ...jsonBody(
        z.object({
          clubId: z.number().int().positive().optional(),
          startsAt: z.iso.datetime({ offset: true }),
          endsAt: z.iso.datetime({ offset: true }),
          purpose: z.string().trim().min(2).max(120),
          /** How many people will use the space: at most its capacity. */
          people: z.number().int().min(1).max(1000),
          weeks: z.number().int().min(1).max(26).default(1),
        }),
      ),
    },
    responses: {
      201: json(z.object({ ids: z.array(z.number().int()), seriesId: z.string().nullable() }), 'Booked'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  },
);

const slotRequest = defineRoute(residents, {
  method: 'post',
  path: '/api/spaces/{id}/slot-requests',
  operationId: 'spaces.requestSlot',
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

/** Shared spaces, their calendars and bookings, and slot requests to the federation. */
export const spaceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listSpaces, async (c) =>
    c.json({ spaces: (await tenantOf(c).db.select().from(spaces).orderBy(asc(spaces.name))).map(spaceView) }, 200),
  )
  .openapi(addSpace, async (c) => {
    const body = c.req.valid('json');
    const rows = await tenantOf(c)
      .db.insert(spaces)
      .values({ ...body, rules: body.rules ?? '' })
      .onConflictDoNothing()
      .returning({ id: spaces.id });
    if (!rows[0]) throw new AppError('conflict', 'A space with this name exists', { name: ['Already exists'] });
    await audit(c, 'space.created', { spaceId: rows[0].id, name: body.name });
    return c.json({ id: rows[0].id }, 201);
  })
  .openapi(editSpace, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const [clash] = await db
      .select({ id: spaces.id })
      .from(spaces)
      .where(and(eq(spaces.name, body.name), ne(spaces.id, id)));
    if (clash) throw new AppError('conflict', 'A space with this name exists', { name: ['Already exists'] });
    const [row] = await db
      .update(spaces)
      .set({ ...body, rules: body.rules ?? '' })
      .where(eq(spaces.id, id))
      .returning();
    if (!row) throw new AppError('not_found', 'No such space');
    await audit(c, 'space.updated', { spaceId: id, ...body });
    return c.json(spaceView(row), 200);
  })
  .openapi(uploadSpacePhoto, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, id));
    if (!space) throw new AppError('not_found', 'No such space');
    const photoId = await store(c, 'space-photo', {}, await readUpload(c, IMAGE_TYPES));
    await db.update(spaces).set({ photoId }).where(eq(spaces.id, id));
    await audit(c, 'space.updated', { spaceId: id, photoId });
    return c.json({ id: photoId, url: `/api/photos/${photoId}` }, 201);
  })
  .openapi(listSlotRequestsRoute, async (c) =>
    c.json({ requests: await listSlotRequests(tenantOf(c).db, c.req.valid('query').spaceId) }, 200),
  )
  .openapi(decideSlot, async (c) => {
    const { id } = c.req.valid('param');
    const { grant, note } = c.req.valid('json');
    const result = await decideSlotRequest(tenantOf(c).db, id, memberOf(c).id, grant, note);
    await audit(c, grant ? 'space.slot-granted' : 'space.slot-declined', { slotRequestId: id, ...result });
    return c.json({ status: result.status }, 200);
  })
  .openapi(spaceBookings, async (c) => {
    const { db } = tenantOf(c);
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const from = q.from ? new Date(q.from).toISOString() : new Date(Date.now() - 86400_000).toISOString();
    const to = q.to ? new Date(q.to).toISOString() : new Date(Date.parse(from) + 28 * 86400_000).toISOString();
    const viewer = await bookingViewer(db, c.get('identity')?.userId ?? null);
    return c.json({ bookings: await bookingsOfSpace(db, id, from, to, viewer) }, 200);
  })
  .openapi(book, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const booked = await bookSpace(db, {
      spaceId: id,
      clubId: body.clubId ?? null,
      bookedBy: me.id,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      purpose: body.purpose,
      people: body.people,
      weeks: body.weeks,
    });
    return c.json(booked, 201);
  })
  .openapi(slotRequest, async (c) => {
    const { db } = tenantOf(c);
    const me = memberOf(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const [space] = await db.select().from(spaces).where(eq(spaces.id, id));
    if (!space) throw new AppError('not_found', 'No such space');
    const title = `${space.name}：${body.slot}`.slice(0, 80);
    const issueId = await requestSlot(db, me.id, title, { spaceId: id, clubId: body.clubId ?? null, slot: body.slot, reason: body.reason });
    return c.json({ issueId }, 201);
  });
