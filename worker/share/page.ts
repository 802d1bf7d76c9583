import type { AppContext } from '../http/context';
import { communityCard, platformCard } from './cards';
import { withShareCard } from './meta';

/** A path the web app answers with its page (not a file such as /assets/index-3f2a.js or /favicon.ico). */
const isPagePath = (path: string) => !/\.[a-z0-9]{1,8}$/i.test(path);

/**
 * Serves the web app. Its pages carry the share card of what they show, so a link pasted into a chat (WeChat, a
 * messenger, a forum) previews the activity, club or program by name, as a visitor would see it.
 */
export async function serveWebApp(c: AppContext): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  const url = new URL(c.req.url);
  if (!isPagePath(url.pathname) || !asset.headers.get('content-type')?.includes('text/html')) return asset;
  const host = c.get('host');
  const card = host.kind === 'community' ? await communityCard(host.db, url.pathname) : platformCard;
  const page = new Response(asset.body, asset);
  // The page differs from the file now: its validators and length no longer describe it.
  page.headers.delete('etag');
  page.headers.delete('content-length');
  page.headers.set('cache-control', 'no-cache');
  return withShareCard(page, card, `${url.origin}${url.pathname}`);
}
