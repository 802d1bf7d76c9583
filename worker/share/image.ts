import { initWasm, Resvg } from '@resvg/resvg-wasm';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm';
import satori, { init as initSatori } from 'satori/standalone';
import yogaWasm from 'satori/yoga.wasm';
import type { ShareCard, SharePicture } from './cards';
import { type FontWeight, fontsFor } from './fonts';

/** The size chat apps and social sites expect of a large preview picture (1.91:1). */
export const PICTURE_WIDTH = 1200;
export const PICTURE_HEIGHT = 630;

/** Bumped when the picture's design changes, so that cached pictures and their validators are replaced. */
const DESIGN = 1;

const HEADING_LIMIT = 42;
const LINE_LIMIT = 40;

const GREEN = '#1f6f4a';

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
let engines: Promise<void> | null = null;
function startEngines(): Promise<void> {
  engines ??= Promise.all([initSatori(yogaWasm), startResvg()])
    .then(() => undefined)
    .catch((error: unknown) => {
      engines = null;
      throw error;
    });
  return engines;
}

/** resvg refuses a second initialisation, which a second copy of this module (tests re-evaluate it) would ask for. */
async function startResvg(): Promise<void> {
  try {
    await initWasm(resvgWasm);
  } catch (error) {
    if (!String(error).includes('Already initialized')) throw error;
  }
}

/** An element as satori reads it (the shape of a React element, built without React). Text is never parsed as markup. */
interface Element {
  type: 'div';
  props: { style: Record<string, string | number>; children?: (Element | string)[] | string };
}

const div = (style: Element['props']['style'], children?: Element['props']['children']): Element => ({
  type: 'div',
  props: { style, children },
});

function layout(picture: SharePicture, families: Record<FontWeight, string>): Element {
  // One line each: a long name ends in an ellipsis at the picture's edge.
  const regular = {
    fontFamily: families[400],
    fontWeight: 400,
    display: 'block',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  };
  return div(
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 80px',
      backgroundColor: '#fbf8f1',
      borderTop: `18px solid ${GREEN}`,
      color: '#1c2b23',
    },
    [
      div({ ...regular, fontSize: 34, color: GREEN }, clip(picture.kicker, LINE_LIMIT)),
      div(
        {
          fontFamily: families[700],
          fontWeight: 700,
          display: 'block',
          fontSize: 72,
          lineHeight: 1.25,
          lineClamp: 3,
        },
        clip(picture.heading, HEADING_LIMIT),
      ),
      div({ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' }, [
        div({ ...regular, flexShrink: 1, fontSize: 34, color: '#4a5a51' }, clip(picture.line, LINE_LIMIT)),
        div({ ...regular, flexShrink: 0, marginLeft: 40, fontSize: 30, color: GREEN }, '互助'),
      ]),
    ],
  );
}

/** The picture as a 1200×630 PNG. Fonts come from the Worker's static assets (`assets`), only the slices it needs. */
export async function renderPicture(assets: Fetcher, picture: SharePicture): Promise<Uint8Array<ArrayBuffer>> {
  const texts: { text: string; weight: FontWeight }[] = [
    { text: `${picture.kicker}${picture.line}互助…`, weight: 400 },
    { text: `${picture.heading}…`, weight: 700 },
  ];
  const [{ fonts, families }] = await Promise.all([fontsFor(assets, texts), startEngines()]);
  const svg = await satori(layout(picture, families), { width: PICTURE_WIDTH, height: PICTURE_HEIGHT, fonts });
  const image = new Resvg(svg, { font: { loadSystemFonts: false } });
  try {
    const rendered = image.render();
    try {
      // A copy outside the renderer's memory, which the next picture reuses.
      return new Uint8Array(rendered.asPng());
    } finally {
      rendered.free();
    }
  } finally {
    image.free();
  }
}
