import { ApiError } from '../../../lib/api';

/** A booking that already holds the space then, as a 409 from the server names it. */
export interface Clash {
  who: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
}

/** The clashing booking in a 409 answer, if the answer carries one. */
export function clashOf(error: unknown): Clash | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict' || !error.details) return null;
  const list: unknown = (error.details as Record<string, unknown>).clashes;
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  if (typeof first !== 'object' || first === null) return null;
  const { who, startsAt, endsAt, purpose } = first as Record<string, unknown>;
  return typeof who === 'string' && typeof startsAt === 'string' && typeof endsAt === 'string' && typeof purpose === 'string'
    ? { who, startsAt, endsAt, purpose }
    : null;
}
