import { html } from 'hono/html';
import type { ShareCard } from './cards';

/**
 * The Open Graph and Twitter tags for a card, every value escaped by `html`: a title typed by a resident can hold
 * quotes or angle brackets and still only ever be text.
 */
export async function shareTags(card: ShareCard, url: string): Promise<string> {
  const tags = await html`<meta name="description" content="${card.description}" />
<meta property="og:type" content="website" />
<meta property="og:site_name" content="${card.site}" />
<meta property="og:title" content="${card.title}" />
<meta property="og:description" content="${card.description}" />
<meta property="og:url" content="${url}" />
<meta property="og:locale" content="zh_CN" />
<meta name="twitter:card" content="summary" />
<meta name="twitter:title" content="${card.title}" />
<meta name="twitter:description" content="${card.description}" />
`;
  return tags.toString();
}

/** The web app's page with the card's title and tags, for crawlers and chat previews that do not run scripts. */
export async function withShareCard(page: Response, card: ShareCard, url: string): Promise<Response> {
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
