/**
 * Development only: a push service on this machine. It hands out subscriptions whose endpoint is this Worker, keeps
 * what arrives, and shows it decrypted (RFC 8291) with its VAPID token (RFC 8292) checked, so that Web Push can be
 * seen working without a browser vendor's push service. The routes exist only in dev mode on a local host.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { platformDb } from '../../db/client';
import { devPushEndpoints, devPushMessages } from '../../db/platform-schema';
import { type Bindings, isLocalHostname } from '../../env';
import { AppError } from '../../errors';
import type { AppContext, AppEnv } from '../../http/context';
import { json } from '../../http/openapi-helpers';
import { defineRoute, errorResponses } from '../../http/route';
import { validationHook } from '../../http/validation';

const CAPTURE_PATH = /^\/api\/dev\/push-capture\/([a-f0-9]{32})$/;
/** A push service need only take 4096 bytes; a little room for anyone testing the limit. */
const MAX_BODY = 8192;

export function captureTokenOf(url: URL): string | null {
  return CAPTURE_PATH.exec(url.pathname)?.[1] ?? null;
}

export const toBase64Url = (bytes: Uint8Array | ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** A new captured endpoint, as a browser's `PushSubscription.toJSON()` would give it. */
export async function createCaptureEndpoint(env: Bindings, host: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const privateJwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey;
  const publicKey = new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  const token = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  await platformDb(env.PLATFORM_DB)
    .insert(devPushEndpoints)
    .values({ token, privateJwk: JSON.stringify(privateJwk), authSecret: toBase64Url(auth) });
  // https like every push service (RFC 8030 §2); nothing fetches it over the network, sendPush delivers it in-process.
  return {
    endpoint: `https://${host}/api/dev/push-capture/${token}`,
    expirationTime: null,
    keys: { p256dh: toBase64Url(publicKey), auth: toBase64Url(auth) },
  };
}

/** Keeps one message as a push service would receive it: 201, or 410 for an endpoint it does not know. */
export async function receiveCapturedPush(env: Bindings, token: string, endpoint: string, headers: Headers, body: Uint8Array) {
  const db = platformDb(env.PLATFORM_DB);
  const [known] = await db.select({ token: devPushEndpoints.token }).from(devPushEndpoints).where(eq(devPushEndpoints.token, token));
  if (!known) return new Response('No such subscription', { status: 410 });
  if (body.byteLength > MAX_BODY) return new Response('Payload too large', { status: 413 });
  const recorded: Record<string, string> = { ':endpoint': endpoint };
  headers.forEach((value, name) => {
    recorded[name.toLowerCase()] = value;
  });
  await db.insert(devPushMessages).values({ token, headers: recorded, bodyBase64: toBase64Url(body) });
  return new Response(null, { status: 201, headers: { location: `${endpoint}/${crypto.randomUUID()}` } });
}

/** RFC 8291 §3.4 and RFC 8188 §2: the receiving side of aes128gcm, with the subscription's private key. */
async function decrypt(body: Uint8Array, privateJwk: JsonWebKey, authSecret: Uint8Array<ArrayBuffer>): Promise<string> {
  const salt = body.slice(0, 16);
  const keyIdLength = body[20] ?? 0;
  if (keyIdLength !== 65) throw new Error('the header does not carry the sender’s 65-byte public key');
  const senderPublic = body.slice(21, 21 + keyIdLength);
  const ciphertext = body.slice(21 + keyIdLength);
  const privateKey = await crypto.subtle.importKey('jwk', privateJwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const publicJwk = { kty: 'EC', crv: 'P-256', x: privateJwk.x, y: privateJwk.y };
  const receiverPublic = new Uint8Array(
    (await crypto.subtle.exportKey(
      'raw',
      await crypto.subtle.importKey('jwk', publicJwk, { name: 'ECDH', namedCurve: 'P-256' }, true, []),
    )) as ArrayBuffer,
  );
  const sender = await crypto.subtle.importKey('raw', senderPublic, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: sender }, privateKey, 256);
  const hkdf = async (
    ikm: ArrayBuffer | Uint8Array<ArrayBuffer>,
    hkdfSalt: Uint8Array<ArrayBuffer>,
    info: Uint8Array<ArrayBuffer>,
    bytes: number,
  ) =>
    crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info },
      await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']),
      bytes * 8,
    );
  const ikm = await hkdf(shared, authSecret, concat(utf8('WebPush: info\0'), receiverPublic, senderPublic), 32);
  const cek = await hkdf(ikm, salt, utf8('Content-Encoding: aes128gcm\0'), 16);
  const nonce = await hkdf(ikm, salt, utf8('Content-Encoding: nonce\0'), 12);
  const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt']);
  const padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce }, key, ciphertext));
  // The plaintext ends with the last record's delimiter (2), then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('the record does not end with the last-record delimiter');
  return new TextDecoder().decode(padded.slice(0, end));
}

const vapidClaims = z.object({ aud: z.string(), exp: z.number(), sub: z.string() });

/**
 * RFC 8292: `Authorization: vapid t=<JWT>, k=<public key>`. Valid when `k` is this server's VAPID key, the ES256
 * signature verifies with it, `aud` is the endpoint's origin, `exp` is in the future but within 24 h of arrival,
 * and `sub` is a mailto: or https: contact.
 */
async function checkVapid(env: Bindings, headers: Record<string, string>, receivedAt: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(headers.authorization ?? '');
  if (!match?.[1] || !match[2] || !env.VAPID_PUBLIC_KEY) return { vapidValid: false, vapid: null };
  const [header, payload, signature] = match[1].split('.') as [string, string, string];
  const claims = vapidClaims.safeParse(JSON.parse(new TextDecoder().decode(fromBase64Url(payload))));
  if (!claims.success) return { vapidValid: false, vapid: null };
  const key = await crypto.subtle.importKey('raw', fromBase64Url(env.VAPID_PUBLIC_KEY), { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'verify',
  ]);
  const signed = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    fromBase64Url(signature),
    utf8(`${header}.${payload}`),
  );
  const arrived = Math.floor(Date.parse(receivedAt) / 1000);
  const { aud, exp, sub } = claims.data;
  const endpoint = headers[':endpoint'];
  const valid =
    signed &&
    match[2] === env.VAPID_PUBLIC_KEY &&
    endpoint !== undefined &&
    aud === new URL(endpoint).origin &&
    exp > arrived &&
    exp <= arrived + 24 * 60 * 60 &&
    /^(mailto:|https:)/.test(sub);
  return { vapidValid: valid, vapid: claims.data };
}

/** What arrived at a captured endpoint, oldest first, decrypted; `null` when the endpoint does not exist. */
export async function capturedPushes(env: Bindings, token: string) {
  const db = platformDb(env.PLATFORM_DB);
  const [endpoint] = await db.select().from(devPushEndpoints).where(eq(devPushEndpoints.token, token));
  if (!endpoint) return null;
  const rows = await db.select().from(devPushMessages).where(eq(devPushMessages.token, token)).orderBy(asc(devPushMessages.id));
  const privateJwk = JSON.parse(endpoint.privateJwk) as JsonWebKey;
  return Promise.all(
    rows.map(async (row) => {
      const headers = z.record(z.string(), z.string()).parse(row.headers);
      const opened = await decrypt(fromBase64Url(row.bodyBase64), privateJwk, fromBase64Url(endpoint.authSecret)).then(
        (text) => ({ text, error: null }),
        (error: Error) => ({ text: null, error: `Could not decrypt: ${error.message}` }),
      );
      let payload: unknown = null;
      try {
        payload = opened.text === null ? null : JSON.parse(opened.text);
      } catch {
        payload = null;
      }
      return {
        receivedAt: row.receivedAt,
        ttl: headers.ttl ?? null,
        urgency: headers.urgency ?? null,
        topic: headers.topic ?? null,
        contentEncoding: headers['content-encoding'] ?? null,
        text: opened.text,
        payload,
        error: opened.error,
        ...(await checkVapid(env, headers, row.receivedAt)),
      };
    }),
  );
}

/** In dev mode on a local host only; elsewhere these routes do not exist. */
function devOnly(c: AppContext) {
  if (c.get('config').authMode !== 'dev' || !isLocalHostname(new URL(c.req.url).hostname)) throw new AppError('not_found', 'Not found');
}

const tokenParam = z.object({ token: z.string().regex(/^[a-f0-9]{32}$/) });
const subscriptionJson = z.object({
  endpoint: z.string(),
  expirationTime: z.null(),
  keys: z.object({ p256dh: z.string(), auth: z.string() }),
});

const createEndpoint = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'post',
    path: '/api/dev/push-endpoints',
    operationId: 'dev.createPushEndpoint',
    summary: 'A captured push endpoint: a subscription whose messages this server keeps (dev mode on localhost only)',
    responses: { 201: json(subscriptionJson, 'A push subscription, as PushSubscription.toJSON() gives it'), ...errorResponses(404) },
  },
);

const receive = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'post',
    path: '/api/dev/push-capture/{token}',
    operationId: 'dev.receivePush',
    summary: 'The captured endpoint itself: takes an encrypted Web Push message like a push service (dev mode on localhost only)',
    request: { params: tokenParam },
    responses: {
      201: { description: 'Kept' },
      404: { description: 'Not found (outside dev mode)' },
      410: { description: 'No such subscription' },
      413: { description: 'Larger than a push service takes' },
    },
  },
);

const list = defineRoute(
  { host: 'any', allow: 'public' },
  {
    method: 'get',
    path: '/api/dev/push-capture/{token}',
    operationId: 'dev.listPushes',
    summary: 'What arrived at a captured endpoint, decrypted, with its VAPID token checked (dev mode on localhost only)',
    request: { params: tokenParam },
    responses: {
      200: json(
        z.object({
          messages: z.array(
            z.object({
              receivedAt: z.string(),
              ttl: z.string().nullable(),
              urgency: z.string().nullable(),
              topic: z.string().nullable(),
              contentEncoding: z.string().nullable(),
              text: z.string().nullable(),
              payload: z.unknown(),
              error: z.string().nullable(),
              vapidValid: z.boolean(),
              vapid: vapidClaims.nullable(),
            }),
          ),
        }),
        'Messages, oldest first',
      ),
      ...errorResponses(400, 404),
    },
  },
);

const captureApp = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
// Before validation, so that outside dev mode every route here is a plain 404.
captureApp.use('/api/dev/push-*', async (c, next) => {
  devOnly(c);
  await next();
});

export const pushCaptureRoutes = captureApp
  .openapi(createEndpoint, async (c) => c.json(await createCaptureEndpoint(c.env, new URL(c.req.url).host), 201))
  .openapi(receive, async (c) => {
    const url = new URL(c.req.url);
    const body = new Uint8Array(await c.req.arrayBuffer());
    // The endpoint as handed out (https), although the local server answers it on http.
    const endpoint = `https://${url.host}${url.pathname}`;
    return receiveCapturedPush(c.env, c.req.valid('param').token, endpoint, c.req.raw.headers, body);
  })
  .openapi(list, async (c) => {
    const messages = await capturedPushes(c.env, c.req.valid('param').token);
    if (!messages) throw new AppError('not_found', 'No such captured endpoint');
    return c.json({ messages }, 200);
  });
