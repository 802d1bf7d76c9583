import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const errorCodes = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_token: 401,
  forbidden: 403,
  not_a_member: 403,
  /** Signed in and applied to join, but a building contact or an administrator has not approved yet. */
  membership_pending: 403,
  community_suspended: 410,
  not_found: 404,
  slug_taken: 409,
  community_limit_reached: 409,
  conflict: 409,
  /** The action stores sensitive information the member has not separately agreed to; `details.items` names it. */
  consent_required: 409,
  unsupported_media_type: 415,
  rate_limited: 429,
  pool_exhausted: 503,
  /** A shard was asked for a community (or a host) it does not serve: the router's map and the shard disagree. */
  wrong_shard: 421,
  not_ready: 503,
  misconfigured: 500,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorCodes;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/**
 * The one error type handlers throw; `onError` turns it into `{ error: { code, message, details? } }`.
 * @example throw new AppError('slug_taken', 'This address is already in use')
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = errorCodes[code];
  }
}

export function errorJson(c: Context, code: ErrorCode, message: string, details?: unknown) {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return c.json(body, errorCodes[code]);
}
