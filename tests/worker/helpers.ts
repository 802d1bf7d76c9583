import { exports } from 'cloudflare:workers';

export const PLATFORM = 'localhost';

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/** Calls the Worker through its public fetch handler, as a browser on `host` would. */
export async function call(host: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await exports.default.fetch(
    new Request(`http://${host}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

/** A session token from the development provider, valid only on `host`. */
export async function signIn(userId: string, host = PLATFORM, name = userId): Promise<string> {
  const res = await call(host, '/api/dev/sign-in', { body: { userId, name } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return res.json.token as string;
}

let counter = 0;
export function uniqueSlug(prefix = 'c'): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter}`.slice(0, 32);
}

export function setupBody(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    nameZh: '测试花园',
    nameEn: 'Test Garden',
    slug,
    city: '南京',
    district: '雨花台区',
    households: 1200,
    buildings: 6,
    parties: { residentsCommittee: '测试社区居委会', ownersCommittee: '测试业委会', propertyCompany: '测试物业' },
    template: 'cuizhuyuan@1',
    ...overrides,
  };
}

/** Signs up a community as `founder` and returns its slug and the founder's token for its host. */
export async function createCommunity(founder: string, overrides: Record<string, unknown> = {}) {
  const slug = (overrides.slug as string) ?? uniqueSlug();
  const token = await signIn(founder);
  const res = await call(PLATFORM, '/api/communities', { body: setupBody(slug, overrides), token });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  const host = `${slug}.${PLATFORM}`;
  return { slug, host, founderToken: await signIn(founder, host), response: res };
}
