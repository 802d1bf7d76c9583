import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { createCommunity, dispatch, PLATFORM, rawCall, setupBody, signIn, uniqueSlug } from './helpers';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** Sends a request through the Worker's fetch handler; `direct` hands it to the app itself, as for URLs workerd will not dispatch. */
async function send(url: string, init: RequestInit = {}, direct = false) {
  const request = new Request(url, init);
  const response = direct ? await app.fetch(request, env, createExecutionContext()) : await dispatch(request);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json, headers: response.headers };
}

const expectErrorShape = (json: unknown, code: string) => {
  expect(json).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(Object.keys(json as object)).toEqual(['error']);
};

describe('requests naming a strange host', () => {
  it('refuses an absolute-form target that names another host than the Host header (400), running nothing', async () => {
    const founder = uid('absolute');
    const token = await signIn(founder);
    const slug = uniqueSlug('abs');
    const res = await send(`http://other.host/api/communities`, {
      method: 'POST',
      headers: { host: PLATFORM, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(setupBody(slug)),
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.json, 'bad_request');
    expect((await rawCall(PLATFORM, `/api/communities/${slug}`, { token })).status).not.toBe(200);
  });

  it.each([
    ['quotes', '"evil"'],
    ['angle brackets', '<script>alert(1)</script>'],
    ['spaces', 'a b.localhost'],
    ['a port only', ':8787'],
    ['a bad port', 'localhost:abc'],
  ])('answers 400, not 500, to a Host header with %s, and never repeats it', async (_name, host) => {
    for (const path of ['/', '/api/health', '/clubs']) {
      const res = await send(`http://${PLATFORM}${path}`, { headers: { host } });
      expect(res.status, path).toBe(400);
      expect(res.text).not.toContain(host);
      expect(res.headers.get('content-type') ?? '').not.toContain('text/html');
    }
  });

  it.each([
    ['quotes', 'http://"evil"/'],
    ['a quote in a community label', "http://a'b.localhost/"],
    ['braces', 'http://{x}.localhost/api/health'],
  ])('answers 400 to a request whose URL host has %s, and never repeats it', async (_name, url) => {
    const res = await send(url, {}, true);
    expect(res.status).toBe(400);
    expect(res.text).not.toContain(new URL(url).hostname);
  });

  it('still serves the ordinary hosts, with or without a port in the Host header', async () => {
    expect((await send(`http://${PLATFORM}/api/health`)).status).toBe(200);
    expect((await send(`http://${PLATFORM}:8787/api/health`, { headers: { host: `${PLATFORM}:8787` } })).status).toBe(200);
    expect((await send(`http://${PLATFORM.toUpperCase()}/api/health`, { headers: { host: 'LOCALHOST.' } })).status).toBe(200);
    // An unknown but well-formed host is the "no such community" page, as before.
    const unknown = await send('http://nobody-here.localhost/', { headers: { host: 'nobody-here.localhost' } });
    expect(unknown.status).toBe(404);
  });
});

describe('bodies in another media type than JSON', () => {
  let host: string;
  let strangerToken: string;

  beforeAll(async () => {
    const created = await createCommunity(uid('media-founder'));
    host = created.host;
    strangerToken = await signIn(uid('media-stranger'), host, '路人');
  });

  const joinBody = JSON.stringify({ privacyNoticeVersion: 1, displayName: '路人' });

  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('answers 415 unsupported_media_type to JSON sent as %s, and writes nothing', async (_name, type) => {
    const res = await send(`http://${host}/api/members/me`, {
      method: 'POST',
      headers: { authorization: `Bearer ${strangerToken}`, 'content-type': type },
      body: joinBody,
    });
    expect(res.status).toBe(415);
    expectErrorShape(res.json, 'unsupported_media_type');
    expect((await rawCall(host, '/api/members/me', { token: strangerToken })).status).toBe(403);
  });

  it('answers 415 to a body with no content type at all, on a community and on the platform', async () => {
    const bytes = new TextEncoder().encode(joinBody);
    const res = await send(`http://${host}/api/members/me`, {
      method: 'POST',
      headers: { authorization: `Bearer ${strangerToken}` },
      body: bytes,
    });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.status).toBe(415);
    expectErrorShape(res.json, 'unsupported_media_type');
    expect((await rawCall(host, '/api/members/me', { token: strangerToken })).status).toBe(403);

    const founderToken = await signIn(uid('media-platform'));
    const signUp = await send(`http://${PLATFORM}/api/communities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${founderToken}`, 'content-type': 'text/plain' },
      body: JSON.stringify(setupBody(uniqueSlug('plain'))),
    });
    expect(signUp.status).toBe(415);
    expectErrorShape(signUp.json, 'unsupported_media_type');
  });

  it('still takes JSON (with a charset too) and still takes raw image uploads on the media routes', async () => {
    const joined = await send(`http://${host}/api/members/me`, {
      method: 'POST',
      headers: { authorization: `Bearer ${strangerToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: joinBody,
    });
    expect(joined.status).toBe(201);
    const upload = await send(`http://${host}/api/activities/999999/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${strangerToken}`, 'content-type': 'image/png' },
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    // Past the media-type guard: the route's own access rule answers (no role towards an activity that is not there).
    expect(upload.status).toBe(403);
    expectErrorShape(upload.json, 'forbidden');
  });
});

describe('sessions carried by the cookie', () => {
  let host: string;
  let origin: string;

  beforeAll(async () => {
    host = (await createCommunity(uid('cookie-founder'))).host;
    origin = `http://${host}`;
  });

  async function joinWithCookie(userId: string, headers: Record<string, string>) {
    const token = await signIn(userId, host, '邻居');
    const res = await send(`${origin}/api/members/me`, {
      method: 'POST',
      headers: { cookie: `__session=${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ privacyNoticeVersion: 1, displayName: '邻居' }),
    });
    const member = await rawCall(host, '/api/members/me', { token });
    return { res, joined: member.status === 200, token };
  }

  it.each([
    ['another site', { origin: 'http://evil.example' }],
    ['another community of the platform', { origin: 'http://someone-else.localhost' }],
    ['the same host over https', { origin: 'https://HOST' }],
    ['the same host on another port', { origin: 'http://HOST:8080' }],
    ['no Origin at all', {}],
    ['an opaque origin', { origin: 'null' }],
    ['the right Origin but Sec-Fetch-Site cross-site', { origin: 'SELF', 'sec-fetch-site': 'cross-site' }],
    ['the right Origin but Sec-Fetch-Site same-site', { origin: 'SELF', 'sec-fetch-site': 'same-site' }],
  ])('refuses a write from %s with 403 in the error shape, and writes nothing', async (_name, given) => {
    const headers = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [k, v === 'SELF' ? origin : v.replace('HOST', host)]),
    ) as Record<string, string>;
    const { res, joined } = await joinWithCookie(uid('cookie-refused'), headers);
    expect(res.status).toBe(403);
    expectErrorShape(res.json, 'forbidden');
    expect(joined).toBe(false);
  });

  it('accepts a write from its own origin', async () => {
    const plain = await joinWithCookie(uid('cookie-ok'), { origin });
    expect(plain.res.status).toBe(201);
    const fetched = await joinWithCookie(uid('cookie-ok'), { origin, 'sec-fetch-site': 'same-origin' });
    expect(fetched.res.status).toBe(201);
  });

  it('leaves reads with the cookie, and writes with a Bearer token, as they were', async () => {
    const { token } = await joinWithCookie(uid('cookie-read'), { origin });
    const read = await send(`${origin}/api/members/me`, { headers: { cookie: `__session=${token}`, origin: 'http://evil.example' } });
    expect(read.status).toBe(200);
    const bearer = await signIn(uid('bearer'), host, '邻居');
    const write = await send(`${origin}/api/members/me`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ privacyNoticeVersion: 1, displayName: '邻居' }),
    });
    expect(write.status).toBe(201);
  });
});
