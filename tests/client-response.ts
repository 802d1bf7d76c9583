import type { ClientResponse } from 'hono/client';
import { expect } from 'vitest';

/** A response read once: its status discriminates the JSON body typed for that status. */
export type Read<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? { status: S; json: F extends 'json' ? T : unknown; text: string; headers: Headers }
    : never;

/** Awaits a typed client call and reads its body once (JSON when it parses, the text always). */
export async function read<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<Read<R>> {
  const response = await call;
  const text = await response.text();
  return { status: response.status, json: parseJson(text), text, headers: response.headers } as Read<R>;
}

/** Asserts the status (showing the body when it differs) and narrows the response to that status's body. */
export function expectStatus<R extends { status: number; text: string }, S extends R['status']>(
  response: R,
  status: S,
): asserts response is Extract<R, { status: S }> {
  expect(response.status, response.text).toBe(status);
}

/** Asserts the status (showing the body when it differs) and returns the body typed for that status. */
export function bodyOf<R extends { status: number; text: string; json: unknown }, S extends R['status']>(
  response: R,
  status: S,
): Extract<R, { status: S }>['json'] {
  expectStatus(response, status);
  return response.json;
}

/** The body as JSON, or null when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
