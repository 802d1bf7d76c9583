import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../worker/app';
import { sendPush } from '../../worker/community/notifications/push';
import type { Bindings } from '../../worker/env';
import { as, resident, sharedCommunity, uid } from './community-fixtures';
import { errorOf, expectStatus, PLATFORM, rawCall, read, signIn } from './helpers';

const bytes = (n: number, fill = 7) => btoa(String.fromCharCode(...new Uint8Array(n).fill(fill)));
const b64url = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A made-up but well-formed subscription (a real point is not needed to store one). */
const fakeSubscription = (endpoint = `https://push.example.net/send/${uid('ep')}`) => {
  const point = new Uint8Array(65).fill(9);
  point[0] = 4;
  return { endpoint, keys: { p256dh: b64url(btoa(String.fromCharCode(...point))), auth: b64url(bytes(16)) } };
};

interface CapturedSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

async function captureEndpoint(host = PLATFORM): Promise<CapturedSubscription> {
  const res = await rawCall(host, '/api/dev/push-endpoints', { method: 'POST' });
  expect(res.status).toBe(201);
  return res.json as CapturedSubscription;
}

async function captured(endpoint: string) {
  const url = new URL(endpoint);
  const res = await rawCall(url.host, url.pathname);
  expect(res.status).toBe(200);
  return (res.json as { messages: Record<string, unknown>[] }).messages;
}

const target = (s: CapturedSubscription) => ({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth });

describe('push subscriptions of a member', () => {
  const shared = sharedCommunity();

  it('gives the VAPID public key to the web app', async () => {
    const res = await read(as(shared().host).push.key.$get());
    expectStatus(res, 200);
    expect(res.json.publicKey).toBe(env.VAPID_PUBLIC_KEY);
  });

  it('keeps a subscription, counts my devices, and deletes one by its endpoint', async () => {
    const me = await resident(shared().host, '推送居民');
    const api = as(shared().host, me).me['push-subscriptions'];
    const sub = fakeSubscription();
    const created = await read(api.$post({ json: { ...sub, expirationTime: null } }));
    expectStatus(created, 201);
    expect(created.json).toEqual({ devices: 1, limit: 10, registered: true });
    // The same browser subscribing again updates its one row.
    expectStatus(await read(api.$post({ json: sub })), 201);
    const listed = await read(api.$get({ query: { endpoint: sub.endpoint } }));
    expectStatus(listed, 200);
    expect(listed.json).toEqual({ devices: 1, limit: 10, registered: true });

    const removed = await read(api.$delete({ query: { endpoint: sub.endpoint } }));
    expectStatus(removed, 200);
    expect(removed.json).toEqual({ devices: 0, limit: 10, registered: false, removed: true });
    const again = await read(api.$delete({ query: { endpoint: sub.endpoint } }));
    expectStatus(again, 200);
    expect(again.json.removed).toBe(false);
  });

  it("cannot delete another member's subscription; a shared browser moves to whoever subscribes on it", async () => {
    const first = await resident(shared().host, '甲居民');
    const second = await resident(shared().host, '乙居民');
    const sub = fakeSubscription();
    expectStatus(await read(as(shared().host, first).me['push-subscriptions'].$post({ json: sub })), 201);
    const theirs = await read(as(shared().host, second).me['push-subscriptions'].$delete({ query: { endpoint: sub.endpoint } }));
    expectStatus(theirs, 200);
    expect(theirs.json.removed).toBe(false);
    expect((await read(as(shared().host, first).me['push-subscriptions'].$get({ query: {} }))).json).toMatchObject({ devices: 1 });

    expectStatus(await read(as(shared().host, second).me['push-subscriptions'].$post({ json: sub })), 201);
    expect((await read(as(shared().host, first).me['push-subscriptions'].$get({ query: {} }))).json).toMatchObject({ devices: 0 });
    expect((await read(as(shared().host, second).me['push-subscriptions'].$get({ query: {} }))).json).toMatchObject({ devices: 1 });
  });

  it('takes at most 10 devices per member', async () => {
    const me = await resident(shared().host, '多设备居民');
    const api = as(shared().host, me).me['push-subscriptions'];
    const subs = Array.from({ length: 10 }, () => fakeSubscription());
    for (const sub of subs) expectStatus(await read(api.$post({ json: sub })), 201);
    const eleventh = await read(api.$post({ json: fakeSubscription() }));
    expectStatus(eleventh, 409);
    expect(eleventh.json.error.code).toBe('conflict');
    // Re-subscribing a device already counted is still fine at the limit.
    expectStatus(await read(api.$post({ json: subs[3]! })), 201);
  });

  it('refuses malformed subscriptions with the fields at fault', async () => {
    const me = await resident(shared().host, '格式居民');
    const good = fakeSubscription();
    const cases: [unknown, string][] = [
      [{ ...good, endpoint: 'http://push.example.net/x' }, 'endpoint'],
      [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      [{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, p256dh: `C${good.keys.p256dh.slice(1)}` } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: 'a+b/c' } }, 'keys.auth'],
      [{ ...good, keys: { ...good.keys, auth: b64url(bytes(32)) } }, 'keys.auth'],
      [{ endpoint: good.endpoint }, 'keys'],
    ];
    for (const [body, field] of cases) {
      const res = await rawCall(shared().host, '/api/me/push-subscriptions', { body, token: me.token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(errorOf(res.json).details as object), JSON.stringify(body)).toContain(field);
    }
    const del = await rawCall(shared().host, '/api/me/push-subscriptions?endpoint=ftp%3A%2F%2Fx', { method: 'DELETE', token: me.token });
    expect(del.status).toBe(400);
  });

  it('is for members only', async () => {
    const sub = fakeSubscription();
    const anonymous = await rawCall(shared().host, '/api/me/push-subscriptions', { body: sub });
    expect(anonymous.status).toBe(401);
    const stranger = await signIn(uid('stranger'), shared().host, '路人');
    const notMember = await rawCall(shared().host, '/api/me/push-subscriptions', { body: sub, token: stranger });
    expect(notMember.status).toBe(403);
    expect((await rawCall(shared().host, '/api/me/push-subscriptions', { token: stranger })).status).toBe(403);
  });
});

describe('sendPush', () => {
  afterEach(() => vi.restoreAllMocks());

  it('delivers to a captured endpoint, which decrypts the same message and verifies the VAPID token', async () => {
    const sub = await captureEndpoint();
    expect(sub.endpoint).toMatch(/^https:\/\/localhost\/api\/dev\/push-capture\/[a-f0-9]{32}$/);
    const message = { title: '报修有进展', body: '您报修的电梯已派人处理 — the lift is being fixed', url: '/issues/12', tag: 'issue-12' };
    const before = Math.floor(Date.now() / 1000);
    const result = await sendPush(env, target(sub), message, { ttl: 3600, urgency: 'high', topic: 'issue-12' });
    expect(result).toEqual({ ok: true });

    const [received, ...rest] = await captured(sub.endpoint);
    expect(rest).toEqual([]);
    expect(received).toMatchObject({
      payload: message,
      error: null,
      contentEncoding: 'aes128gcm',
      ttl: '3600',
      urgency: 'high',
      topic: 'issue-12',
      vapidValid: true,
    });
    const vapid = received?.vapid as { aud: string; exp: number; sub: string };
    expect(vapid.aud).toBe(new URL(sub.endpoint).origin);
    expect(vapid.sub).toBe(env.VAPID_SUBJECT);
    expect(vapid.exp).toBeGreaterThan(before);
    expect(vapid.exp).toBeLessThanOrEqual(before + 24 * 3600 + 5);
  });

  it('is not valid VAPID when signed with another key', async () => {
    const sub = await captureEndpoint();
    const other = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])) as CryptoKeyPair;
    const jwk = (await crypto.subtle.exportKey('jwk', other.privateKey)) as JsonWebKey;
    const raw = new Uint8Array((await crypto.subtle.exportKey('raw', other.publicKey)) as ArrayBuffer);
    const otherEnv = { ...env, VAPID_PUBLIC_KEY: b64url(btoa(String.fromCharCode(...raw))), VAPID_PRIVATE_KEY: jwk.d } as Bindings;
    expect(await sendPush(otherEnv, target(sub), { title: 't', body: 'b', url: '/' })).toEqual({ ok: true });
    const [received] = await captured(sub.endpoint);
    expect(received).toMatchObject({ payload: { title: 't', body: 'b', url: '/' }, vapidValid: false });
  });

  it('says gone when the push service no longer knows the subscription (410)', async () => {
    const sub = await captureEndpoint();
    const unknown = { ...target(sub), endpoint: sub.endpoint.replace(/[a-f0-9]{32}$/, 'f'.repeat(32)) };
    const result = await sendPush(env, unknown, { title: 't', body: 'b', url: '/' });
    expect(result).toMatchObject({ ok: false, gone: true, status: 410 });
  });

  it('posts to a real push service with the Web Push headers, and reads 404/410 as gone and 5xx as not', async () => {
    const sub = await captureEndpoint();
    const endpoint = 'https://fcm.googleapis.com/fcm/send/abc123';
    const calls: Request[] = [];
    const answers = [new Response(null, { status: 201 }), new Response('gone', { status: 410 }), new Response('nope', { status: 404 })];
    answers.push(new Response('busy', { status: 503 }));
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      calls.push(new Request(input, init));
      return answers.shift() ?? new Response(null, { status: 500 });
    });
    const push = () => sendPush(env, { ...target(sub), endpoint }, { title: 't', body: 'b', url: '/' }, { topic: 'news' });
    expect(await push()).toEqual({ ok: true });
    expect(await push()).toMatchObject({ ok: false, gone: true, status: 410 });
    expect(await push()).toMatchObject({ ok: false, gone: true, status: 404 });
    expect(await push()).toMatchObject({ ok: false, gone: false, status: 503 });
    const first = calls[0]!;
    expect(first.url).toBe(endpoint);
    expect(first.method).toBe('POST');
    expect(first.headers.get('content-encoding')).toBe('aes128gcm');
    expect(first.headers.get('ttl')).toBe(String(24 * 3600));
    expect(first.headers.get('urgency')).toBe('normal');
    expect(first.headers.get('topic')).toBe('news');
    expect(first.headers.get('authorization')).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${env.VAPID_PUBLIC_KEY}$`));
  });

  it('answers not ok, without throwing, when the keys are not configured or the network fails', async () => {
    const sub = await captureEndpoint();
    const bare = { ...env, VAPID_PRIVATE_KEY: undefined } as Bindings;
    expect(await sendPush(bare, target(sub), { title: 't', body: 'b', url: '/' })).toMatchObject({ ok: false, gone: false, status: 0 });
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('network down'));
    const result = await sendPush(env, { ...target(sub), endpoint: 'https://push.example.net/x' }, { title: 't', body: 'b', url: '/' });
    expect(result).toMatchObject({ ok: false, gone: false, status: 0 });
  });
});

describe('the captured push endpoint', () => {
  it('takes a push over HTTP like a push service (201, 410 when unknown)', async () => {
    const sub = await captureEndpoint();
    const path = new URL(sub.endpoint).pathname;
    const res = await rawCall(PLATFORM, path, {
      method: 'POST',
      body: 'not encrypted',
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.status).toBe(201);
    const [received] = await captured(sub.endpoint);
    expect(received).toMatchObject({ payload: null, vapidValid: false });
    expect(received?.error).toMatch(/decrypt/);
    const unknown = await rawCall(PLATFORM, path.replace(/[a-f0-9]{32}$/, '0'.repeat(32)), { method: 'POST', body: 'x' });
    expect(unknown.status).toBe(410);
  });

  it('does not exist outside dev mode', async () => {
    const call = async (url: string, init: RequestInit = {}) =>
      (await app.fetch(new Request(url, init), { ...env, AUTH_MODE: 'clerk' }, createExecutionContext())).status;
    expect(await call('http://localhost/api/dev/push-endpoints', { method: 'POST' })).toBe(404);
    expect(await call(`http://localhost/api/dev/push-capture/${'a'.repeat(32)}`)).toBe(404);
    expect(await call(`http://localhost/api/dev/push-capture/${'a'.repeat(32)}`, { method: 'POST', body: 'x' })).toBe(404);
    const sub = await captureEndpoint();
    // Nor does sendPush deliver in-process: it would go to the network.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 201 }));
    await sendPush({ ...env, AUTH_MODE: 'clerk' } as Bindings, target(sub), { title: 't', body: 'b', url: '/' });
    expect(fetchSpy).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
  });
});
