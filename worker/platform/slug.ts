/** Addresses that belong to the platform itself, or could be mistaken for it. */
export const reservedSlugs = new Set([
  'www',
  'api',
  'app',
  'admin',
  'platform',
  'static',
  'assets',
  'cdn',
  'mail',
  'smtp',
  'ftp',
  'dev',
  'test',
  'staging',
  'status',
  'help',
  'support',
  'docs',
  'blog',
  'auth',
  'login',
  'signin',
  'sign-in',
  'signup',
  'account',
  'accounts',
  'clerk',
  'dashboard',
  'operator',
  'consultant',
  'huzhu',
  'root',
  'system',
  'localhost',
]);

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,30})[a-z0-9]$/;

export type SlugProblem = 'format' | 'reserved';

/** Checks a community address: a–z, 0–9 and `-`, 3–32 characters, not starting or ending with `-`. */
export function checkSlug(slug: string): SlugProblem | null {
  if (!SLUG_PATTERN.test(slug) || slug.includes('--')) return 'format';
  if (reservedSlugs.has(slug)) return 'reserved';
  return null;
}
