import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { tenantOf } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { activityHolding } from './service';
import { bookings } from './schema';

const ownerOrAdmin = { host: 'community', allow: ['owner', 'association-admin'] } as const;
const ok = json(z.object({ ok: z.literal(true) }), 'Done');
const idParam = z.object({ id: z.coerce.number().int().positive() });

const cancel = defineRoute(ownerOrAdmin, {
  method: 'delete',
  path: '/api/bookings/{id}',
  operationId: 'bookings.cancel',
  summary:
    'Cancel a booking (whoever made it, or an administrator); a booking that holds an activity is released through the activity (409)',
  request: { params: idParam },
  responses: { 200: ok, ...errorResponses(401, 403, 404, 409) },
});

/** A booking of a shared space, cancelled by whoever made it. */
export const bookingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(cancel, async (c) => {
  const { db } = tenantOf(c);
  const [row] = await db
    .select()
    .from(bookings)
    .where(eq(bookings.id, c.req.valid('param').id));
  if (!row) throw new AppError('not_found', 'No such booking');
  const held = await activityHolding(db, row);
  if (held)
    throw new AppError('conflict', `This booking holds the activity "${held.title}"; change the activity's place or cancel the activity`, {
      activityId: [String(held.id)],
    });
  await db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, row.id));
  return c.json({ ok: true as const }, 200);
});
