import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addressKey, rateLimiters } from '../../worker/http/rate-limit';
import { client, createCommunity, errorOf, PLATFORM, rawCall, read, setupBody, signIn, uniqueSlug } from './helpers';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

/** A user id no other test uses. */
const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** A documentation address (RFC 5737) no other test sends from. */
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/**
 * Miniflare counts in fixed windows of `period` seconds; a burst that straddles the window's end would be counted
 * in two. Wait for a fresh window when less than `seconds` are left in this one.
 */
async function withinOneWindow(seconds: number, period = 60) {
  const left = period * 1000 - (Date.now() % (period * 1000));
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

/** Asserts the one error shape of a refusal by a rate limit, with its Retry-After. */
function expectRateLimited(res: { status: number; json: unknown; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('60');
  expect(errorOf(res.json)).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 60 } });
}

const startCommunity = (token: string, body: unknown, from?: string) =>
  rawCall(PLATFORM, '/api/communities', { token, body, headers: from ? { 'cf-connecting-ip': from } : {} });

describe('starting a community is rate-limited', () => {
  it(`per account: after ${rateLimiters.SIGNUP_ACCOUNT_LIMITER.limit} attempts in a minute the next is 429 with Retry-After, and writes nothing`, async () => {
    await withinOneWindow(15);
    const token = await signIn(uid('hasty-founder'));
    for (let i = 0; i < rateLimiters.SIGNUP_ACCOUNT_LIMITER.limit; i++) {
      // Attempts count whether or not the body is valid.
      expect((await startCommunity(token, { nameZh: '' })).status).toBe(400);
    }
    const slug = uniqueSlug('limited');
    expectRateLimited(await startCommunity(token, setupBody(slug)));
    expect((await read(client(PLATFORM).api.communities[':slug'].$get({ param: { slug } }))).status).toBe(404);
    // Another account is not held up by it.
    expect((await startCommunity(await signIn(uid('calm-founder')), { nameZh: '' })).status).toBe(400);
  });

  it(`per address: after ${rateLimiters.SIGNUP_IP_LIMITER.limit} attempts from one address in a minute the next is 429, even from a fresh account`, async () => {
    await withinOneWindow(20);
    const from = address();
    for (let i = 0; i < rateLimiters.SIGNUP_IP_LIMITER.limit; i++) {
      expect((await startCommunity(await signIn(uid('crowd')), { nameZh: '' }, from)).status).toBe(400);
    }
    const fresh = await signIn(uid('fresh'));
    expectRateLimited(await startCommunity(fresh, setupBody(uniqueSlug('crowded')), from));
    // The same account from another address is fine.
    expect((await startCommunity(fresh, { nameZh: '' }, '192.0.2.77')).status).toBe(400);
  });

  it('publishes the limit in the API document: x-rate-limit and a 429 with Retry-After', async () => {
    const doc = (await rawCall(PLATFORM, '/api/openapi.json')).json as {
      paths: Record<string, Record<string, { 'x-rate-limit'?: string; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    for (const [path, method, action] of [
      ['/api/communities', 'post', 'start-community'],
      ['/api/members/me', 'post', 'join-community'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      expect(op?.['x-rate-limit'], path).toBe(action);
      expect(op?.responses['429']?.headers, path).toHaveProperty('Retry-After');
    }
  });
});

describe('joining a community is rate-limited', () => {
  let host: string;
  beforeAll(async () => {
    host = (await createCommunity(uid('join-founder'))).host;
  });

  const join = (token: string, from?: string) =>
    rawCall(host, '/api/members/me', {
      token,
      body: { privacyNoticeVersion: 1, displayName: '新居民' },
      headers: from ? { 'cf-connecting-ip': from } : {},
    });

  it(`per account: joining again and again, after ${rateLimiters.JOIN_ACCOUNT_LIMITER.limit} calls in a minute the next is 429`, async () => {
    await withinOneWindow(15);
    const token = await signIn(uid('eager'), host);
    expect((await join(token)).status).toBe(201);
    for (let i = 1; i < rateLimiters.JOIN_ACCOUNT_LIMITER.limit; i++) expect((await join(token)).status).toBe(200);
    expectRateLimited(await join(token));
  });

  it(`per address: after ${rateLimiters.JOIN_IP_LIMITER.limit} joins from one address in a minute the next is 429, and that person is not a member`, async () => {
    const tokens = await Promise.all(Array.from({ length: rateLimiters.JOIN_IP_LIMITER.limit + 1 }, () => signIn(uid('neighbour'), host)));
    const last = tokens.pop()!;
    await withinOneWindow(30);
    const from = address();
    for (const token of tokens) expect((await join(token, from)).status).toBe(201);
    expectRateLimited(await join(last, from));
    expect((await read(client(host, last).api.members.me.$get())).status).toBe(403);
  });
});

describe('the address a request is counted under', () => {
  it('is an IPv4 address as it is, and an IPv6 address by its /64', () => {
    expect(addressKey(' 203.0.113.9 ')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:0:12::7')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:0DB8:0000:0012:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:198.51.100.4')).toBe('198.51.100.4');
  });
});
