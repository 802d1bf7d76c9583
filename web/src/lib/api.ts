import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../../worker/app';
import { clerkSessionToken } from './clerk';
import { sessionToken } from './session-token';

/** An error answered by the API, with its code from the one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** The one typed client of the web app; every call carries the session token for this origin. */
/** The session header for this origin (the dev token, or a fresh Clerk token). */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = sessionToken() ?? (await clerkSessionToken());
  return token ? { authorization: `Bearer ${token}` } : {};
}

export const api = hc<AppType>('/', { headers: authHeaders });

type Ok<R> = R extends ClientResponse<infer T, infer S, string> ? (S extends 200 | 201 | 202 ? T : never) : never;

/** Awaits a client call and returns its success body, or throws an ApiError (never swallows one). */
export async function request<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<Ok<R>> {
  let response: R;
  try {
    response = await call;
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (response.ok) return (await response.json()) as Ok<R>;
  let body: { error?: { code?: string; message?: string; details?: Record<string, string[]> } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON: keep the status.
  }
  throw new ApiError(response.status, body.error?.code ?? 'internal', body.error?.message ?? response.statusText, body.error?.details);
}
