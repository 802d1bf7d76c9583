import { OpenAPIHono, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { bookingsOfSpace, bookingViewer, bookSpace } from '../bookings/service';
import { requestSlot } from './service';
import { bookingSchema, spaceSchema, spaces } from './schema';

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

const addSpace = defineRoute(
  { host: 'community', allow: 'association-admin' },
  {
    method: 'post',
    path: '/api/spaces',
    operationId: 'spaces.create',
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
    const issueId = await requestSlot(db, me.id, title, body.reason);
    return c.json({ issueId }, 201);
  });
