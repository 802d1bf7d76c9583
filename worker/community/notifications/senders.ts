import type { Bindings } from '../../env';
import { type SendResult, sendMail } from './email';

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

export const senders: Senders = {
  async email(env, to, message) {
    if (!to.email) return { ok: false, retry: false, error: 'no email address' };
    return sendMail(env, { to: to.email, subject: message.subject, text: message.body, idempotencyKey: message.key });
  },
  async push(_env, to) {
    if (to.pushes.length === 0) return { ok: false, retry: false, error: 'no push subscription' };
    return { ok: false, retry: false, error: 'push is not configured' };
  },
};
