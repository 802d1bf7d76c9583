/** What a push from the server asks the service worker to show (the outbox sends `{ title, body, url, tag? }`). */
export interface PushMessage {
  title: string;
  body: string;
  /** A path on this site, e.g. `/activities/12`; never another origin. */
  url: string;
  tag?: string;
}

const DEFAULT_TITLE = '互助';

/**
 * Reads a push's payload. A payload that is not the expected JSON still shows something (its text, or the site's
 * name) rather than nothing, and a link elsewhere than this site becomes the home page.
 */
export function readPushMessage(text: string | null, origin: string): PushMessage {
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    return { title: DEFAULT_TITLE, body: text ?? '', url: '/' };
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    title: str(record.title) || DEFAULT_TITLE,
    body: str(record.body),
    url: sameOriginPath(str(record.url), origin),
    ...(str(record.tag) ? { tag: str(record.tag) } : {}),
  };
}

/** `url` as a path of `origin`, or `/` when it points anywhere else. */
export function sameOriginPath(url: string, origin: string): string {
  if (!url) return '/';
  try {
    const parsed = new URL(url, origin);
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : '/';
  } catch {
    return '/';
  }
}
