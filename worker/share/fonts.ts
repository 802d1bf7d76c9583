/**
 * The fonts of the share-card pictures: Noto Sans SC, shipped with the web app's files in slices of a few hundred
 * characters each (scripts/share-fonts.mjs writes them at build time). A picture loads only the slices that hold its
 * characters, from the Worker's own static assets: no request leaves the Worker, and the bundle carries no font.
 */

/** The weights the picture uses, as the build ships them. */
export type FontWeight = 400 | 700;

interface Slice {
  name: string;
  /** Inclusive code point ranges, sorted as the font's CSS lists them. */
  ranges: [number, number][];
}

interface Ranges {
  weights: number[];
  slices: Slice[];
}

/** What the renderer takes: the font's data under a name that is unique to the slice. */
export interface LoadedFont {
  name: string;
  data: ArrayBuffer;
  weight: FontWeight;
}

const FONTS_PATH = '/share-fonts';
/**
 * Slices kept between requests, the least recently used dropped first: the renderer keeps each one parsed while it is kept,
 * about 0.6 MB a slice, so 32 stay well inside an isolate's 128 MB and still cover the common characters.
 */
const KEPT_SLICES = 32;

let ranges: Promise<Ranges> | null = null;
const kept = new Map<string, Promise<ArrayBuffer>>();

/**
 * A static asset, or an error: with single-page-application fallback a missing file would come back as the web
 * app's index.html with status 200, so the type is checked too.
 */
async function asset(assets: Fetcher, path: string): Promise<Response> {
  const res = await assets.fetch(new Request(`https://assets.invalid${path}`));
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || type.includes('text/html')) {
    await res.body?.cancel();
    throw new Error(`share font asset ${path} is missing (status ${res.status}, ${type}): run the web build`);
  }
  return res;
}

function loadRanges(assets: Fetcher): Promise<Ranges> {
  ranges ??= asset(assets, `${FONTS_PATH}/ranges.json`)
    .then((res) => res.json<Ranges>())
    .catch((error: unknown) => {
      ranges = null;
      throw error;
    });
  return ranges;
}

function loadSlice(assets: Fetcher, weight: FontWeight, slice: string): Promise<ArrayBuffer> {
  const key = `${weight}/${slice}`;
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const loading = asset(assets, `${FONTS_PATH}/${key}.woff`).then((res) => res.arrayBuffer());
  loading.catch(() => kept.delete(key));
  kept.set(key, loading);
  if (kept.size > KEPT_SLICES) kept.delete(kept.keys().next().value!);
  return loading;
}

/** The name of the slice that holds `codePoint`, if any does. */
export function sliceOf(slices: Slice[], codePoint: number): string | undefined {
  return slices.find((slice) => slice.ranges.some(([from, to]) => codePoint >= from && codePoint <= to))?.name;
}

/**
 * The fonts that draw `texts`, each text in its weight, and the font-family list to give each weight. Characters no
 * slice holds (most emoji) are left to the renderer, which draws nothing for them.
 */
export async function fontsFor(
  assets: Fetcher,
  texts: { text: string; weight: FontWeight }[],
): Promise<{ fonts: LoadedFont[]; families: Record<FontWeight, string> }> {
  const { slices } = await loadRanges(assets);
  const wanted = new Map<string, { weight: FontWeight; slice: string }>();
  for (const { text, weight } of texts) {
    for (const char of text) {
      const slice = sliceOf(slices, char.codePointAt(0)!);
      if (slice) wanted.set(`${weight}/${slice}`, { weight, slice });
    }
  }
  const fonts = await Promise.all(
    [...wanted.values()].map(async ({ weight, slice }) => ({
      name: `noto-${weight}-${slice}`,
      weight,
      data: await loadSlice(assets, weight, slice),
    })),
  );
  const familyOf = (weight: FontWeight) =>
    fonts
      .filter((font) => font.weight === weight)
      .map((font) => `"${font.name}"`)
      .join(', ');
  return { fonts, families: { 400: familyOf(400), 700: familyOf(700) } };
}
