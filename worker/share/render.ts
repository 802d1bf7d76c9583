import { initWasm, Resvg } from '@resvg/resvg-wasm';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm';
import satori, { init as initSatori } from 'satori/standalone';
import yogaWasm from 'satori/yoga.wasm';
import type { SharePicture } from './cards';
import { type FontWeight, fontsFor } from './fonts';
import { GREEN, HEADING_LIMIT, LINE_LIMIT, PICTURE_HEIGHT, PICTURE_WIDTH, clip } from './image';

// The renderer's WebAssembly loads only where a picture is drawn (page.ts imports this module when one is asked for).
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
