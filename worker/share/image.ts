import type { ShareCard, SharePicture } from './cards';

/** The size chat apps and social sites expect of a large preview picture (1.91:1). */
export const PICTURE_WIDTH = 1200;
export const PICTURE_HEIGHT = 630;

/** Bumped when the picture's design changes, so that cached pictures and their validators are replaced. */
export const DESIGN = 1;

export const HEADING_LIMIT = 42;
export const LINE_LIMIT = 40;

export const GREEN = '#1f6f4a';

/** The picture of a card; a card without one (a card kind added later) shows its title. */
export function pictureOf(card: ShareCard, path: string): SharePicture {
  return card.picture ?? { path, kicker: card.site, heading: card.title, line: '' };
}

/** At most `limit` characters on one line, with an ellipsis when cut (counted in code points, not UTF-16 units). */
export function clip(text: string, limit: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : chars.join('');
}

/** Where the picture of a page is served: /share/card.png for the home page, /share/card/<page>.png for the others. */
export function pictureAddress(path: string): string {
  const page = path.replace(/\/+$/, '');
  return page ? `/share/card${page}.png` : '/share/card.png';
}

/** The page a picture address stands for (the inverse of `pictureAddress`), or null for any other path. */
export function pageOfPicture(address: string): string | null {
  if (address === '/share/card.png') return '/';
  const page = /^\/share\/card(\/[^.]+)\.png$/.exec(address);
  return page ? page[1]! : null;
}

/**
 * A short fingerprint of everything the picture shows: its ETag, and the `v` of its address in the page's tags, so a
 * chat app that keeps pictures by address fetches a new one when the title changes.
 */
export async function pictureTag(picture: SharePicture): Promise<string> {
  const text = JSON.stringify([DESIGN, picture.kicker, picture.heading, picture.line]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

// The renderers compile their WebAssembly once per isolate.
