import { OpenAPIHono, z } from '@hono/zod-openapi';
import { platformDb } from '../db/client';
import type { AppEnv } from '../http/context';
import { identityOf } from '../http/context';
import { json, jsonBody } from '../http/openapi-helpers';
import { defineRoute, errorResponses } from '../http/route';
import { validationHook } from '../http/validation';
import { accountView, setAccountLimit } from './account-limits';
import { audit } from './audit';

/** Operators (platform host): how many communities an account may found. */
const operator = { host: 'platform', allow: 'operator' } as const;

const userParam = z.object({ userId: z.string().min(1).max(120) });

const accountSchema = z
  .object({
    userId: z.string(),
    maxCommunities: z.number().int(),
    isDefault: z.boolean(),
    setBy: z.string().nullable(),
    setAt: z.string().nullable(),
    counted: z.number().int(),
    communities: z.array(
      z.object({ slug: z.string(), nameZh: z.string(), status: z.enum(['provisioning', 'active', 'suspended']), createdAt: z.string() }),
    ),
  })
  .openapi('AccountLimit');

const getAccount = defineRoute(operator, {
  method: 'get',
  path: '/api/operator/accounts/{userId}',
  operationId: 'operator.getAccount',
  summary: "An account's community limit and the communities it founded (operators)",
  request: { params: userParam },
  responses: { 200: json(accountSchema, 'The account'), ...errorResponses(400, 401, 403) },
});

const setLimit = defineRoute(operator, {
  method: 'put',
  path: '/api/operator/accounts/{userId}/community-limit',
  operationId: 'operator.setAccountLimit',
  summary: 'Raise or lower how many communities an account may have being set up or active; null returns it to the default',
  request: {
    params: userParam,
    ...jsonBody(z.object({ maxCommunities: z.number().int().min(0).max(1000).nullable() })),
  },
  responses: { 200: json(accountSchema, 'The account with its new limit'), ...errorResponses(400, 401, 403) },
});

/** Operators' routes for accounts: look one up, set its community limit. */
export const accountRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getAccount, async (c) => c.json(await accountView(platformDb(c.env.PLATFORM_DB), c.req.valid('param').userId), 200))
  .openapi(setLimit, async (c) => {
    const db = platformDb(c.env.PLATFORM_DB);
    const { userId } = c.req.valid('param');
    const { maxCommunities } = c.req.valid('json');
    const before = await accountView(db, userId);
    await setAccountLimit(db, userId, maxCommunities, identityOf(c).userId);
    await audit(c, 'account.community-limit-set', {
      userId,
      from: before.isDefault ? null : before.maxCommunities,
      to: maxCommunities,
    });
    return c.json(await accountView(db, userId), 200);
  });
