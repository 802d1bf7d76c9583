/** A member's delivery settings (email, language, quiet hours, per-kind cadence), and the development mailbox. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../errors';
import type { AppContext, AppEnv } from '../../http/context';
import { memberOf, tenantOf } from '../../http/context';
import { json, jsonBody } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';
import { isLocalHostname } from '../../env';
import { handleDeliveryMessage } from './delivery-queue';
import { deliveryCadences, eventKinds, isHhmm, outboxChannels, outboxStatuses } from './rules';
import { mailbox, readSettings, writeSettings } from './service';

const residents = { host: 'community', allow: 'member' } as const;

const hhmm = z.string().refine(isHhmm, 'Must be HH:MM (00:00–23:59)');
const kind = z.enum(eventKinds as [string, ...string[]]);

const settingsView = z.object({
  email: z.string().nullable(),
  language: z.enum(['zh-CN', 'en']),
  quietStart: z.string().nullable(),
  quietEnd: z.string().nullable(),
  preferences: z.array(z.object({ kind: z.string(), cadence: z.enum(deliveryCadences), chosen: z.boolean() })),
  pushDevices: z.number().int(),
});

export const settingsInput = z
  .object({
    email: z.string().trim().max(254).email().nullable().optional(),
    language: z.enum(['zh-CN', 'en']).optional(),
    quietStart: hhmm.nullable().optional(),
    quietEnd: hhmm.nullable().optional(),
    /** Kinds to set; a kind left out keeps its cadence. */
    preferences: z.partialRecord(kind, z.enum(deliveryCadences)).optional(),
  })
  .refine((v) => (v.quietStart === undefined) === (v.quietEnd === undefined) && (v.quietStart === null) === (v.quietEnd === null), {
    message: 'Quiet hours need both a start and an end (or neither)',
    path: ['quietEnd'],
  });

const getSettings = defineRoute(residents, {
  method: 'get',
  path: '/api/me/notification-settings',
  operationId: 'notifications.getMySettings',
  summary: 'How I hear of things outside the app: email, language, quiet hours and each kind’s cadence',
  responses: { 200: json(settingsView, 'My settings'), ...errorResponses(401, 403) },
});

const putSettings = defineRoute(residents, {
  method: 'put',
  path: '/api/me/notification-settings',
  operationId: 'notifications.updateMySettings',
  summary: 'Change how I hear of things outside the app',
  request: jsonBody(settingsInput),
  responses: { 200: json(settingsView, 'My settings'), ...errorResponses(400, 401, 403) },
});

const mailboxRoute = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'get',
    path: '/api/dev/mailbox',
    operationId: 'dev.readMailbox',
    summary: 'Every email and push this community sent or holds, newest first (dev mode on localhost only)',
    responses: {
      200: json(
        z.object({
          messages: z.array(
            z.object({
              id: z.number().int(),
              key: z.string(),
              channel: z.enum(outboxChannels),
              to: z.string(),
              email: z.string().nullable(),
              subject: z.string(),
              body: z.string(),
              items: z.number().int(),
              status: z.enum(outboxStatuses),
              notBefore: z.string(),
              sentAt: z.string().nullable(),
              lastError: z.string().nullable(),
            }),
          ),
        }),
        'The mailbox',
      ),
      ...errorResponses(404),
    },
  },
);

const deliverNow = defineRoute(
  { host: 'community', allow: 'public' },
  {
    method: 'post',
    path: '/api/dev/deliver',
    operationId: 'dev.deliverNow',
    summary: 'Run this community’s delivery now, optionally as if at another time (dev mode on localhost only)',
    request: jsonBody(z.object({ at: z.string().datetime({ offset: true }).optional() })),
    responses: {
      200: json(
        z.object({ routed: z.number(), digests: z.number(), sent: z.number(), failed: z.number(), fannedOut: z.number() }),
        'What the run did',
      ),
      ...errorResponses(400, 404),
    },
  },
);

/** In dev mode on a local host only; elsewhere these routes do not exist. */
function devOnly(c: AppContext) {
  if (c.get('config').authMode !== 'dev' || !isLocalHostname(new URL(c.req.url).hostname)) throw new AppError('not_found', 'Not found');
}

export const notificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getSettings, async (c) => c.json(await readSettings(tenantOf(c).db, memberOf(c).id), 200))
  .openapi(putSettings, async (c) => {
    const { db } = tenantOf(c);
    await writeSettings(db, memberOf(c).id, c.req.valid('json'));
    return c.json(await readSettings(db, memberOf(c).id), 200);
  })
  .openapi(mailboxRoute, async (c) => {
    devOnly(c);
    return c.json({ messages: await mailbox(tenantOf(c).db) }, 200);
  })
  .openapi(deliverNow, async (c) => {
    devOnly(c);
    const { at } = c.req.valid('json');
    const { community } = tenantOf(c);
    const report = await handleDeliveryMessage(
      c.env,
      { type: 'deliver', communityId: community.id, origin: new URL(c.req.url).origin },
      at ? new Date(at) : new Date(),
    );
    return c.json(report ?? { routed: 0, digests: 0, sent: 0, failed: 0, fannedOut: 0 }, 200);
  });
