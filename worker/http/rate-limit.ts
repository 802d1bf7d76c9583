import { createMiddleware } from 'hono/factory';
import { errorJson } from '../errors';
import type { AppEnv } from './context';
import limiters from './rate-limits.json';

/**
 * The Workers Rate Limiting bindings and their budgets, one source for both sides: `scripts/pool-config.mjs` writes
 * them into wrangler.toml as `[[ratelimits]]`, and this module reads them for `Retry-After`. Cloudflare counts per
 * location and approximately, so these are a brake on scripted sign-ups, not exact quotas; locally, miniflare counts
 * in fixed windows of `period` seconds.
 * @see https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/
 */
export const rateLimiters = limiters;
export type RateLimiterName = keyof typeof rateLimiters;

/** The rate-limited actions, each counted per account and per client address, each by its own binding. */
export const rateLimitedActions = {
  'start-community': { perAccount: 'SIGNUP_ACCOUNT_LIMITER', perAddress: 'SIGNUP_IP_LIMITER' },
  'join-community': { perAccount: 'JOIN_ACCOUNT_LIMITER', perAddress: 'JOIN_IP_LIMITER' },
} as const satisfies Record<string, { perAccount: RateLimiterName; perAddress: RateLimiterName }>;
export type RateLimitedAction = keyof typeof rateLimitedActions;

/**
 * The key an address is counted under: an IPv4 address as it is, an IPv6 address by its /64 network, since one
 * subscriber gets a whole /64 and could otherwise take a fresh address per attempt.
 *
 * @example
 * addressKey('2001:db8:0:12::7') // "2001:db8:0:12::/64"
 */
export function addressKey(address: string): string {
  const ip = address.trim().toLowerCase();
  if (!ip.includes(':')) return ip;
  const mappedV4 = ip.match(/:(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (mappedV4?.[1]) return mappedV4[1];
  const [head = '', tail] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts an attempt at `action` against the caller's account and address (Cloudflare's `CF-Connecting-IP`; a request
 * without one, such as a test calling the Worker directly, is counted by account only). Over either budget the
 * answer is 429 `rate_limited` with `Retry-After`: the budget's whole period, after which the count has certainly
 * started again. Runs after `authorize` and before the body is validated, so invalid attempts count too. If the
 * limiter itself fails, the attempt goes through: a brake must not lock everyone out.
 */
export function rateLimit(action: RateLimitedAction) {
  const { perAccount, perAddress } = rateLimitedActions[action];
  return createMiddleware<AppEnv>(async (c, next) => {
    const userId = c.get('identity')?.userId;
    const address = c.req.header('cf-connecting-ip');
    const counted: [RateLimiterName, string][] = [];
    if (userId) counted.push([perAccount, userId]);
    if (address) counted.push([perAddress, addressKey(address)]);
    let refusedBy: RateLimiterName[];
    try {
      const outcomes = await Promise.all(counted.map(([binding, key]) => c.env[binding].limit({ key })));
      refusedBy = counted.filter((_, i) => !outcomes[i]?.success).map(([binding]) => binding);
    } catch (error) {
      console.error('rate limiter failed; letting the attempt through', action, error);
      refusedBy = [];
    }
    if (refusedBy.length === 0) return next();
    const retryAfterSeconds = Math.max(...refusedBy.map((binding) => rateLimiters[binding].period));
    c.header('Retry-After', String(retryAfterSeconds));
    return errorJson(c, 'rate_limited', `Too many attempts; please try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  });
}
