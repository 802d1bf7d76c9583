import { buildPushPayload } from '@block65/webcrypto-web-push';
import { type Bindings, isLocalHostname } from '../../env';
import { captureTokenOf, receiveCapturedPush } from './push-capture';

/** A browser's push subscription, as stored in `push_subscriptions`. */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** What the service worker shows: the notification's title and text, and the page it opens. */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
  /** Replaces an earlier notification with the same tag on the device. */
  tag?: string;
}

export type PushResult = { ok: true } | { ok: false; gone: boolean; status: number; error: string };

export interface PushOptions {
  /** Seconds the push service keeps the message for an offline device (default a day). */
  ttl?: number;
  urgency?: 'normal' | 'high';
  /** A newer message with the same topic replaces one still waiting at the push service. */
  topic?: string;
}

const DAY = 24 * 60 * 60;

/**
 * Encrypts (RFC 8291 aes128gcm) and sends one message with VAPID (RFC 8292) auth; `gone` when the service answers
 * 404/410, and the subscription should be deleted. Never throws: a missing key, a bad subscription or a network
 * failure is `{ ok: false, gone: false }` (status 0 when no push service answered).
 *
 * @example
 * const result = await sendPush(env, subscription, { title: '报修有进展', body: '…', url: '/issues/12' }, { topic: 'issue-12' });
 * if (!result.ok && result.gone) await deleteSubscription(subscription.endpoint);
 */
export async function sendPush(env: Bindings, target: PushTarget, message: PushMessage, options: PushOptions = {}): Promise<PushResult> {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY || !env.VAPID_SUBJECT) {
    return { ok: false, gone: false, status: 0, error: 'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT must be set' };
  }
  let request: Awaited<ReturnType<typeof buildPushPayload>>;
  try {
    request = await buildPushPayload(
      {
        data: { title: message.title, body: message.body, url: message.url, ...(message.tag ? { tag: message.tag } : {}) },
        options: {
          ttl: Math.min(Math.max(Math.round(options.ttl ?? DAY), 0), 28 * DAY),
          urgency: options.urgency ?? 'normal',
          ...(options.topic ? { topic: options.topic } : {}),
        },
      },
      { endpoint: target.endpoint, expirationTime: null, keys: { p256dh: target.p256dh, auth: target.auth } },
      { subject: env.VAPID_SUBJECT, publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY },
    );
  } catch (error) {
    return { ok: false, gone: false, status: 0, error: `Could not build the push message: ${(error as Error).message}` };
  }
  let response: Response;
  try {
    response = await deliver(env, target.endpoint, request);
  } catch (error) {
    return { ok: false, gone: false, status: 0, error: `The push service could not be reached: ${(error as Error).message}` };
  }
  if (response.ok) return { ok: true };
  const detail = (await response.text().catch(() => '')).slice(0, 200);
  return {
    ok: false,
    gone: response.status === 404 || response.status === 410,
    status: response.status,
    error: `The push service answered ${response.status}${detail ? `: ${detail}` : ''}`,
  };
}

type BuiltRequest = Awaited<ReturnType<typeof buildPushPayload>>;

/**
 * Posts to the push service. Locally in dev mode, a captured endpoint (`/api/dev/push-capture/…` on a local host)
 * is delivered in-process: a Worker fetching its own local host does not reach itself in every runtime.
 */
function deliver(env: Bindings, endpoint: string, request: BuiltRequest): Promise<Response> {
  const url = new URL(endpoint);
  const token = captureTokenOf(url);
  if (env.AUTH_MODE === 'dev' && isLocalHostname(env.PLATFORM_HOST) && isLocalHostname(url.hostname) && token) {
    return receiveCapturedPush(env, token, endpoint, new Headers(request.headers), request.body);
  }
  return fetch(endpoint, { method: 'POST', headers: request.headers, body: request.body });
}
