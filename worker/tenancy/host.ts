import { checkSlug } from '../platform/slug';

export type HostKind = { kind: 'platform' } | { kind: 'community'; slug: string } | { kind: 'unknown' };

/**
 * Which site a request is for: the platform's own host, `{slug}.{platform host}`, or neither.
 * Locally `127.0.0.1` is the platform too, since `localhost` is the platform host there.
 */
export function classifyHost(hostname: string, platformHost: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === platformHost || host === `www.${platformHost}`) return { kind: 'platform' };
  if (platformHost === 'localhost' && host === '127.0.0.1') return { kind: 'platform' };
  const suffix = `.${platformHost}`;
  if (!host.endsWith(suffix)) return { kind: 'unknown' };
  const label = host.slice(0, -suffix.length);
  if (label.includes('.') || checkSlug(label) !== null) return { kind: 'unknown' };
  return { kind: 'community', slug: label };
}

/** The public URL of a community's site, keeping the port the platform is reached on. */
export function communityUrl(slug: string, requestUrl: string): string {
  const url = new URL(requestUrl);
  return `${url.protocol}//${slug}.${hostWithoutWww(url.hostname)}${url.port ? `:${url.port}` : ''}/`;
}

function hostWithoutWww(hostname: string): string {
  const host = hostname === '127.0.0.1' ? 'localhost' : hostname;
  return host.startsWith('www.') ? host.slice(4) : host;
}
