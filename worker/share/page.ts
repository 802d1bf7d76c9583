import { AppError } from '../errors';
import type { AppContext } from '../http/context';
import { communityCard, matchPage, matchPicturePage, type PageMatch, platformCard, type ShareCard } from './cards';
import { pageOfPicture, pictureOf, pictureTag } from './image';
import { withShareCard } from './meta';
import { siteInfo, siteInfoScript } from '../site-info';
import { type Dispatch, visitorDataScript } from './page-data';
import { preloadLinks } from './preloads';

/** A path the web app answers with its page (not a file such as /assets/index-3f2a.js or /favicon.ico). */
const isPagePath = (path: string) => !/\.[a-z0-9]{1,8}$/i.test(path);

/** How long a chat app or a cache may keep a picture: its address changes with its text, so an hour is safe. */
const PICTURE_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

function cardOf(c: AppContext, page: PageMatch): Promise<ShareCard> | ShareCard {
  const host = c.get('host');
  return host.kind === 'community' ? communityCard(host.db, page) : platformCard;
}

/**
 * Serves the web app. Its pages carry the share card of what they show, so a link pasted into a chat (WeChat, a
 * messenger, a forum) previews the activity, club, program, decision or handbook chapter by name, as a visitor would
 * see it; what GET /api/site says, so the app draws the page without waiting a round trip for it; on some pages what
 * their API answers a visitor (./page-data.ts); and the page's own code and words to fetch alongside the entry
 * (./preloads.ts).
 */
export async function serveWebApp(c: AppContext, dispatch: Dispatch): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  const url = new URL(c.req.url);
  if (!isPagePath(url.pathname) || !asset.headers.get('content-type')?.includes('text/html')) return asset;
  const community = c.get('host').kind === 'community';
  const [card, site, preloads, data] = await Promise.all([
    cardOf(c, matchPage(url.pathname, url.searchParams)),
    siteInfo(c),
    preloadLinks(c.env.ASSETS, url, community ? 'community' : 'platform'),
    community ? visitorDataScript(url, dispatch) : '',
  ]);
  const page = new Response(asset.body, asset);
  // The page differs from the file now: its validators and length no longer describe it.
  page.headers.delete('etag');
  page.headers.delete('content-length');
  page.headers.set('cache-control', 'no-cache');
  const carded = await withShareCard(page, card, url);
  return new HTMLRewriter()
    .on('head', {
      element(head) {
        // The code's links first, so the browser starts on them before it has read a handbook's worth of data.
        head.append(preloads + siteInfoScript(site) + data, { html: true });
      },
    })
    .transform(carded);
}

/**
 * The picture of a page's share card (its og:image), a 1200×630 PNG drawn from the same public card as the page's
 * tags: a page without a card of its own, or one a visitor may not see, gets the community's picture. Its ETag is
 * the fingerprint of its text, so a revalidation costs one small query and no drawing; drawn pictures are also kept
 * in the Cache API under that fingerprint.
 */
export async function serveCardPicture(c: AppContext): Promise<Response> {
  const url = new URL(c.req.url);
  const path = pageOfPicture(url.pathname);
  if (!path) throw new AppError('not_found', 'No such picture');
  const picture = pictureOf(await cardOf(c, matchPicturePage(path)), path);
  const etag = `"${await pictureTag(picture)}"`;
  const headers = { 'content-type': 'image/png', 'cache-control': PICTURE_CACHE_CONTROL, etag };
  if (
    c.req
      .header('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return new Response(null, { status: 304, headers });

  const cache = await caches.open('share-pictures');
  const key = new Request(`${url.origin}/share/card/${etag.slice(1, -1)}.png`);
  const kept = await cache.match(key);
  if (kept) return new Response(kept.body, { headers });
  const png = await (await import('./render')).renderPicture(c.env.ASSETS, picture);
  c.executionCtx.waitUntil(cache.put(key, new Response(png.slice(), { headers })));
  return new Response(png, { headers });
}
