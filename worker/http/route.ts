import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { type Access, authorize } from '../auth/access';
import type { AppEnv } from './context';
import { afterSuccess, type Effect } from './effects';
import { type RateLimitedAction, rateLimit } from './rate-limit';
import { errorCodes } from '../errors';
import { type OperationId, securityFor } from './openapi-document';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const errorDescriptions = {
  400: 'Invalid input; `details` names the fields at fault',
  401: 'Not signed in, or the token is not valid for this host',
  403: 'Signed in without the role this needs',
  404: 'Not found (including anything of another community)',
  409: 'Conflict',
  410: 'Community suspended',
  429: 'Too many attempts from this account or address; `Retry-After` gives the seconds to wait',
  503: 'Temporarily unavailable',
} as const;

/** A 429 says when to try again. */
const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
} as const;

/** OpenAPI entries for the error statuses a route can answer with. */
export function errorResponses<S extends keyof typeof errorDescriptions>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: errorDescriptions[s],
        ...(s === 429 ? { headers: retryAfter } : {}),
        content: { 'application/json': { schema: errorSchema } },
      },
    ]),
  ) as unknown as { [K in S]: { description: string; content: { 'application/json': { schema: typeof errorSchema } } } };
}

export interface RouteOptions {
  /** What a successful call changes beyond the route's own records (the metrics it counts towards). */
  affects?: readonly Effect[];
  /** Counts each call against this action's per-account and per-address budgets; the route declares its 429. */
  rateLimit?: RateLimitedAction;
}

/**
 * Declares a route together with who may call it, what it affects and how often it may be called. The access rule
 * and the `operationId` (`feature.verb`) are required, so a route cannot be added without them; the rule is published
 * in the OpenAPI document as `x-access`, and as the route's `security` (none for a public route, a session token
 * otherwise); a rate limit as `x-rate-limit`.
 */
export function defineRoute<
  P extends string,
  R extends Omit<RouteConfig, 'path' | 'middleware' | 'operationId' | 'security'> & { path: P; operationId: OperationId },
>(access: Access, config: R, options: RouteOptions = {}) {
  const effects = options.affects ?? [];
  const middleware: MiddlewareHandler<AppEnv>[] = [authorize(access, config.path)];
  if (options.rateLimit) middleware.push(rateLimit(options.rateLimit));
  if (effects.length > 0) middleware.push(afterSuccess(effects));
  return createRoute({
    ...config,
    middleware: middleware as [MiddlewareHandler<AppEnv>],
    security: securityFor(access),
    'x-access': access,
    ...(effects.length > 0 ? { 'x-affects': effects } : {}),
    ...(options.rateLimit ? { 'x-rate-limit': options.rateLimit } : {}),
  });
}
