/** Web Push subscriptions: the server's VAPID key, and each member's devices that take push notifications. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, count, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { pushSubscriptions } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';

/** Devices per member: a phone, a tablet, a computer or two; more is more likely stale subscriptions than people. */
export const MAX_DEVICES = 10;

/** base64url (padding tolerated, as some browsers add it) of exactly `bytes` bytes. */
const base64urlOf = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Must be base64url')
    .transform((s) => s.replace(/=+$/, ''))
    .refine((s) => s.length === Math.ceil((bytes * 4) / 3), `Must encode ${bytes} bytes`);

const endpointUrl = z
  .string()
  .max(2048)
  .url()
  .refine((s) => s.startsWith('https://'), 'A push endpoint is an https URL');

export const pushSubscriptionInput = z.object({
  endpoint: endpointUrl,
  /** As `PushSubscription.toJSON()` gives it; not used (a push service's 404/410 is what ends a subscription). */
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's P-256 public key: an uncompressed 65-byte point. */
    p256dh: base64urlOf(65).refine((s) => s.startsWith('B'), 'Must be an uncompressed P-256 point'),
    auth: base64urlOf(16),
  }),
});

const devices = z.object({
  devices: z.number().int(),
  limit: z.number().int(),
  /** Whether the endpoint asked about is one of mine (false when none was given). */
  registered: z.boolean(),
});

/** How many devices the member gets push notifications on, and whether `endpoint` is one of them. */
export async function myDevices(db: TenantDb, memberId: number, endpoint?: string) {
  const [row] = await db
    .select({ n: count(), mine: sql<number>`coalesce(max(${pushSubscriptions.endpoint} = ${endpoint ?? ''}), 0)` })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.memberId, memberId));
  return { devices: row?.n ?? 0, limit: MAX_DEVICES, registered: Boolean(row?.mine) };
}

/**
 * Keeps a subscription for the member, within the limit. The endpoint is unique: a browser that subscribed for
 * someone else before (a shared device, another account) now belongs to this member, with fresh keys.
 */
export async function saveSubscription(db: TenantDb, memberId: number, input: z.output<typeof pushSubscriptionInput>) {
  const { endpoint, keys } = input;
  const result = await db.run(sql`INSERT INTO push_subscriptions (member_id, endpoint, p256dh, auth)
    SELECT ${memberId}, ${endpoint}, ${keys.p256dh}, ${keys.auth}
     WHERE (SELECT count(*) FROM push_subscriptions WHERE member_id = ${memberId} AND endpoint <> ${endpoint}) < ${MAX_DEVICES}
    ON CONFLICT (endpoint) DO UPDATE SET member_id = excluded.member_id, p256dh = excluded.p256dh, auth = excluded.auth, failures = 0`);
  if (result.meta.changes === 0) {
    throw new AppError('conflict', `Push notifications are on for ${MAX_DEVICES} devices already; turn them off on one first`, {
      code: 'push_device_limit',
      limit: MAX_DEVICES,
    });
  }
}

export async function removeSubscription(db: TenantDb, memberId: number, endpoint: string) {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.memberId, memberId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}

const residents = { host: 'community', allow: 'member' } as const;

const vapidKey = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/push/key',
    operationId: 'push.getKey',
    summary: "The server's VAPID public key, for PushManager.subscribe (null when push is not set up)",
    responses: { 200: json(z.object({ publicKey: z.string().nullable() }), 'The key, base64url'), ...errorResponses(404) },
  },
);

const listDevices = defineRoute(residents, {
  method: 'get',
  path: '/api/me/push-subscriptions',
  operationId: 'push.countMyDevices',
  summary: 'How many of my devices take push notifications, and whether this one does',
  request: { query: z.object({ endpoint: endpointUrl.optional() }) },
  responses: { 200: json(devices, 'My devices'), ...errorResponses(400, 401, 403) },
});

const subscribe = defineRoute(residents, {
  method: 'post',
  path: '/api/me/push-subscriptions',
  operationId: 'push.subscribe',
  summary: "Get push notifications on this device: the browser's PushSubscription",
  request: jsonBody(pushSubscriptionInput),
  responses: { 201: json(devices, 'Subscribed'), ...errorResponses(400, 401, 403, 409) },
});

const unsubscribe = defineRoute(residents, {
  method: 'delete',
  path: '/api/me/push-subscriptions',
  operationId: 'push.unsubscribe',
  summary: 'Stop push notifications on a device of mine (by its endpoint)',
  request: { query: z.object({ endpoint: endpointUrl }) },
  responses: { 200: json(devices.extend({ removed: z.boolean() }), 'Unsubscribed'), ...errorResponses(400, 401, 403) },
});

export const pushRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(vapidKey, (c) => c.json({ publicKey: c.env.VAPID_PUBLIC_KEY ?? null }, 200))
  .openapi(listDevices, async (c) => c.json(await myDevices(tenantOf(c).db, memberOf(c).id, c.req.valid('query').endpoint), 200))
  .openapi(subscribe, async (c) => {
    const input = c.req.valid('json');
    const { db } = tenantOf(c);
    await saveSubscription(db, memberOf(c).id, input);
    return c.json(await myDevices(db, memberOf(c).id, input.endpoint), 201);
  })
  .openapi(unsubscribe, async (c) => {
    const { endpoint } = c.req.valid('query');
    const { db } = tenantOf(c);
    const removed = await removeSubscription(db, memberOf(c).id, endpoint);
    return c.json({ ...(await myDevices(db, memberOf(c).id, endpoint)), removed }, 200);
  });
