import { verifyToken } from '@clerk/backend';
import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';

export interface Identity {
  userId: string;
  /** Display name when the token carries one (the development provider always does). */
  name?: string;
}

/** The session token from `Authorization: Bearer …`, or Clerk's `__session` cookie. */
export function readSessionToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  return getCookie(c, '__session');
}

/**
 * Where the session comes from. A browser attaches the cookie to any request, whoever wrote the page
 * that sent it; a Bearer header is only ever set by our own script.
 */
export function sessionSource(c: Context): 'header' | 'cookie' | null {
  if (c.req.header('authorization')) return 'header';
  return getCookie(c, '__session') === undefined ? null : 'cookie';
}

/** The user id of an assisted member's record (代为登记): `assisted:` and a random uuid, which no sign-in produces. */
export const ASSISTED_USER_PREFIX = 'assisted:';
export const isAssistedUserId = (userId: string) => userId.toLowerCase().startsWith(ASSISTED_USER_PREFIX);

/**
 * Verifies a session token the way Clerk does, networkless with the PEM key; the token must have
 * been issued for this very origin (`azp`), so a token for one community does not open another.
 */
export async function verifySessionToken(token: string, jwtKey: string, origin: string): Promise<Identity> {
  const payload = await verifyToken(token, { jwtKey, authorizedParties: [origin] });
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
  // An assisted member's record is held for someone who has no account: no session may ever speak as it.
  if (isAssistedUserId(payload.sub)) throw new Error('token names an assisted record');
  const name = typeof payload.name === 'string' ? payload.name : undefined;
  return { userId: payload.sub, name };
}
