import type { Bindings } from '../../env';
import { type SendResult, sendMail } from './email';
import { sendPush } from './push';

export interface OutgoingMessage {
  key: string;
  subject: string;
  body: string;
  /** The page, as an absolute URL, a push opens. */
  url: string;
}

export interface Address {
  email: string | null;
  pushes: { id: number; endpoint: string; p256dh: string; auth: string }[];
}

/** What sending one outbox row did; `gone` lists push subscriptions the service says no longer exist. */
export type ChannelResult = SendResult & { gone?: number[] };

export interface Senders {
  email(env: Bindings, to: Address, message: OutgoingMessage): Promise<ChannelResult>;
  push(env: Bindings, to: Address, message: OutgoingMessage): Promise<ChannelResult>;
}

/** A push carries the subject's words (without the community's 【】 prefix) and the first lines of the body. */
function pushText(message: OutgoingMessage) {
  const title = message.subject.replace(/^【[^】]*】/, '');
  const body = message.body.split('\n').filter(Boolean).slice(0, 3).join('\n');
  return { title, body: body.length > 180 ? `${body.slice(0, 179)}…` : body };
}

export const senders: Senders = {
  async email(env, to, message) {
    if (!to.email) return { ok: false, retry: false, error: 'no email address' };
    return sendMail(env, { to: to.email, subject: message.subject, text: message.body, idempotencyKey: message.key });
  },
  /** Every device of the member; sent if one took it. Devices the push service no longer knows are reported as gone. */
  async push(env, to, message) {
    if (to.pushes.length === 0) return { ok: false, retry: false, error: 'no push subscription' };
    const text = pushText(message);
    const results = await Promise.all(
      to.pushes.map(async (device) => ({
        device,
        result: await sendPush(env, device, { ...text, url: message.url, tag: message.key }, { urgency: 'high' }),
      })),
    );
    const gone = results.filter((r) => !r.result.ok && r.result.gone).map((r) => r.device.id);
    if (results.some((r) => r.result.ok)) return { ok: true, gone };
    const errors = results.map((r) => (r.result.ok ? '' : r.result.error)).join('; ');
    return { ok: false, retry: gone.length < results.length, error: errors, gone };
  },
};
