import { createMiddleware } from 'hono/factory';
import type { HTTPException } from 'hono/http-exception';
import { sessionSource } from '../auth/session-token';
import { AppError, errorJson } from '../errors';
import type { AppEnv } from './context';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?:${LABEL}\\.)*${LABEL}\\.?$`, 'i');
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/i;
const HOST_HEADER = /^([^:]*|\[[^\]]*\])(?::\d{1,5})?$/;

const normalise = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** A host name, an IPv4 address or a bracketed IPv6 literal; never quotes, spaces or markup. */
export function isWellFormedHost(hostname: string): boolean {
  return hostname.length <= 253 && (HOST_NAME.test(hostname) || IPV6_LITERAL.test(hostname));
}

/**
 * Refuses a request whose target is not a plain host name, or whose Host header names another host than
 * its target (an absolute-form request line such as `POST http://other.host/api/…`, or a port-only Host).
 * Nothing downstream then sees a host it could misread, and no page ever repeats one.
 */
export const hostGuard = createMiddleware<AppEnv>(async (c, next) => {
  const target = new URL(c.req.url).hostname;
  const header = c.req.header('host');
  const headerHost = header === undefined ? undefined : HOST_HEADER.exec(header.trim())?.[1];
  const agrees = header === undefined || (headerHost !== undefined && normalise(headerHost) === normalise(target));
  if (isWellFormedHost(target) && agrees) return next();
  if (c.req.path.startsWith('/api/')) return errorJson(c, 'bad_request', 'The request names no valid host');
  return c.text('Bad request: the request names no valid host.', 400);
});

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * A session carried by the `__session` cookie acts only for pages of its own origin: any other request that
 * could change something must come from this very origin (`Origin`, and `Sec-Fetch-Site` when the browser
 * sends it). Bearer tokens are set by our own script and are not affected.
 */
export const sameOriginForCookieSessions = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || sessionSource(c) !== 'cookie') return next();
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if (origin === new URL(c.req.url).origin && (site === undefined || site === 'same-origin')) return next();
  return errorJson(c, 'forbidden', 'Requests signed in with the session cookie must come from this site');
});

/** Hono's own refusals of a request body (not JSON; another media type than the operation takes) in the one error shape. */
export function refusalOf(error: HTTPException): AppError | null {
  if (error.status === 400) return new AppError('validation_failed', 'The request body is not valid JSON', { _: [error.message] });
  if (error.status === 415) {
    return new AppError('unsupported_media_type', 'Send the body as application/json', {
      'content-type': ['Must be application/json'],
    });
  }
  return null;
}
