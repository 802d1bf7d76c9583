// The JavaScript a first visit to a page needs, from a build (dist/web and Vite's manifest): the entry and what it
// imports, the page's chunk and what it imports, and the words it loads with it in one language (the features that
// app.tsx names beside the page), each gzipped at level 9. For the bundle budget (tests/scripts/bundle-budget.test.ts)
// and scripts/bench-web.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The features app.tsx names for the page whose module is `module` (`src/features/home/this-week/index.tsx`). */
export function wordsOf(appSource, module) {
  const path = module.replace(/^src\//, './').replace(/(\/index)?\.tsx?$/, '');
  for (const call of appSource.matchAll(/page\(\s*\(\)\s*=>\s*import\('([^']+)'\)((?:\s*,\s*'[^']+')*)\s*,?\s*\)/g)) {
    if (call[1] === path) return [...call[2].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  }
  throw new Error(`app.tsx has no page() for ${module}`);
}

/**
 * `{ total, chunks: [{ file, source, gzip }] }` for a first visit to the page `module` in `lang`; `appSource` is
 * web/src/app.tsx's text.
 */
export function firstLoad(dist, module, lang, appSource = readFileSync('web/src/app.tsx', 'utf8')) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  if (!manifest[module]) throw new Error(`${module} is not a chunk of the build`);
  const dictionaries = wordsOf(appSource, module).map((feature) => {
    const key = [`src/features/${feature}/i18n.ts?lang=${lang}`, `src/features/${feature}/i18n/index.ts?lang=${lang}`].find(
      (k) => manifest[k],
    );
    if (!key) throw new Error(`no ${lang} dictionary chunk for ${feature}`);
    return key;
  });
  const seen = new Set();
  const stack = ['index.html', module, ...dictionaries];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key].imports ?? []));
  }
  const chunks = [...seen].map((key) => ({
    file: manifest[key].file,
    source: key,
    gzip: gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length,
  }));
  return { total: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0), chunks: chunks.sort((a, b) => b.gzip - a.gzip) };
}
