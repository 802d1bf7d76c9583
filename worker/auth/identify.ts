import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/context';
import { readSessionToken, verifySessionToken } from './session-token';

/** Verifies the session token if one was sent; access rules decide later whether one is needed. */
export const identify = createMiddleware<AppEnv>(async (c, next) => {
  c.set('identity', null);
  c.set('tokenRejected', false);
  const token = readSessionToken(c);
  if (token) {
    try {
      c.set('identity', await verifySessionToken(token, c.get('config').jwtKey, new URL(c.req.url).origin));
    } catch {
      c.set('tokenRejected', true);
    }
  }
  return next();
});
