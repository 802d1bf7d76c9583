/**
 * The files a page needs before it can draw, named in its HTML as <link rel="modulepreload">: a phone then fetches the
 * page's code and its Chinese words together with the app's entry, instead of a round trip after the entry has run.
 * The table is written at build time from app.tsx's routes and Vite's manifest (scripts/page-preloads.mjs) and read
 * once per isolate; without it (an old build) pages are served as before.
 */
export interface PreloadRoute {
  path: string;
  files: Record<'zh-CN' | 'en', string[]>;
}
export type PreloadTable = Record<'platform' | 'community', PreloadRoute[]>;

let table: Promise<PreloadTable | null> | undefined;

function readTable(assets: Fetcher, origin: string): Promise<PreloadTable | null> {
  table ??= assets
    .fetch(new Request(new URL('/page-preloads.json', origin)))
    .then((res) => (res.ok ? (res.json() as Promise<PreloadTable>) : null))
    .catch(() => null)
    .then((read) => {
      // A table that could not be read is asked for again by the next page, not given up on for the isolate's life.
      if (!read) table = undefined;
      return read;
    });
  return table;
}

/**
 * How well `pattern` (a route path of app.tsx: `/activities/:id`, `*`) fits `path`: null when it does not, else the
 * count of its literal segments, so `/activities/new` wins over `/activities/:id` as it does in the app's router.
 */
export function routeFit(pattern: string, path: string): number | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  let literal = 0;
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part === '*' || part.startsWith('*')) return literal;
    if (i >= have.length) return null;
    if (part.startsWith(':')) continue;
    if (part !== have[i]) return null;
    literal++;
  }
  return want.length === have.length ? literal : null;
}

/** The files to preload for `path` on this kind of host, in Chinese (the language every page starts in). */
export function filesFor(routes: PreloadRoute[], path: string): string[] {
  let best: PreloadRoute | null = null;
  let bestFit = -1;
  for (const route of routes) {
    const fit = routeFit(route.path, path);
    if (fit !== null && fit > bestFit) {
      best = route;
      bestFit = fit;
    }
  }
  // Only the build's own files, by their plain names: nothing from the table reaches the page unchecked.
  return (best?.files['zh-CN'] ?? []).filter((file) => /^\/assets\/[\w.-]+\.js$/.test(file));
}

/** The <link> elements for `path`, or '' when the table is missing or the path is no page. */
export async function preloadLinks(assets: Fetcher, url: URL, host: 'platform' | 'community'): Promise<string> {
  const routes = (await readTable(assets, url.origin))?.[host];
  if (!routes) return '';
  return filesFor(routes, url.pathname)
    .map((file) => `<link rel="modulepreload" crossorigin href="${file}">`)
    .join('');
}
