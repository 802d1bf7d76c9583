import { html } from 'hono/html';
import type { ShareCard } from './cards';
import { PICTURE_HEIGHT, PICTURE_WIDTH, pictureAddress, pictureOf, pictureTag } from './image';

/** The absolute address of a card's picture, on the page's own host, with its text's fingerprint as `v`. */
export async function pictureUrl(card: ShareCard, page: URL): Promise<string> {
  const picture = pictureOf(card, page.pathname);
  return `${page.origin}${pictureAddress(picture.path)}?v=${await pictureTag(picture)}`;
}

/**
 * The Open Graph and Twitter tags for a card, every value escaped by `html`: a title typed by a resident can hold
 * quotes or angle brackets and still only ever be text.
 */
export async function shareTags(card: ShareCard, page: URL): Promise<string> {
  const url = `${page.origin}${card.address ?? page.pathname}`;
  const image = await pictureUrl(card, page);
  const tags = await html`<meta name="description" content="${card.description}" />
<meta property="og:type" content="website" />
<meta property="og:site_name" content="${card.site}" />
<meta property="og:title" content="${card.title}" />
<meta property="og:description" content="${card.description}" />
<meta property="og:url" content="${url}" />
<meta property="og:locale" content="zh_CN" />
<meta property="og:image" content="${image}" />
<meta property="og:image:type" content="image/png" />
<meta property="og:image:width" content="${PICTURE_WIDTH}" />
<meta property="og:image:height" content="${PICTURE_HEIGHT}" />
<meta property="og:image:alt" content="${card.title}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:title" content="${card.title}" />
<meta name="twitter:description" content="${card.description}" />
<meta name="twitter:image" content="${image}" />
<meta name="twitter:image:alt" content="${card.title}" />
`;
  return tags.toString();
}

/** The web app's page with the card's title and tags, for crawlers and chat previews that do not run scripts. */
export async function withShareCard(page: Response, card: ShareCard, url: URL): Promise<Response> {
  if (!page.headers.get('content-type')?.includes('text/html')) return page;
  const tags = await shareTags(card, url);
  return new HTMLRewriter()
    .on('head > title', {
      element(title) {
        title.setInnerContent(card.title);
      },
    })
    .on('head', {
      element(head) {
        head.append(tags, { html: true });
      },
    })
    .transform(page);
}
