import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './context';
import { errorJson } from '../errors';

/** Turns a zod failure into a 400 that names each field at fault: `{ "field.path": ["message"] }`. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return errorJson(c, 'validation_failed', `Invalid input: ${Object.keys(fields).join(', ')}`, fields);
};
