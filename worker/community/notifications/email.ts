import type { Bindings } from '../../env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The outbox row's key: a provider that honours it sends a retried request once. */
  idempotencyKey: string;
}

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

/**
 * How email leaves: `capture` keeps it in the outbox only, read at /dev/mailbox (the default when signing in is the
 * development provider); `http` posts it as JSON to a transactional mail provider's endpoint (EMAIL_API_URL, with a
 * bearer key and an Idempotency-Key header), which covers most providers' send APIs; `off` sends nothing.
 */
export function emailMode(env: Bindings): 'capture' | 'http' | 'off' {
  const mode = env.EMAIL_MODE ?? (env.AUTH_MODE === 'dev' ? 'capture' : 'off');
  return mode === 'capture' || mode === 'http' ? mode : 'off';
}

export async function sendMail(env: Bindings, mail: Mail): Promise<SendResult> {
  const mode = emailMode(env);
  if (mode === 'capture') return { ok: true };
  if (mode === 'off' || !env.EMAIL_API_URL || !env.EMAIL_FROM) return { ok: false, retry: false, error: 'email is not configured' };
  const response = await fetch(env.EMAIL_API_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${env.EMAIL_API_KEY ?? ''}`,
      'idempotency-key': mail.idempotencyKey,
    },
    body: JSON.stringify({ from: env.EMAIL_FROM, to: [mail.to], subject: mail.subject, text: mail.text }),
  });
  if (response.ok) return { ok: true };
  // 4xx other than rate limiting will not succeed on a retry.
  return { ok: false, retry: response.status === 429 || response.status >= 500, error: `provider answered ${response.status}` };
}
