// Ships the fonts of the share-card pictures (worker/share/image.ts) with the web app's files: Noto Sans SC, as
// @fontsource slices it by Unicode range, in the two weights the picture uses, as WOFF (the renderer does not read
// WOFF2). Beside them, share-fonts/ranges.json says which characters each slice holds, so the Worker loads only the
// few slices a card's text needs (a slice is 3–55 kB; the whole family is 4.7 MB a weight, too much for one request).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const FAMILY = 'noto-sans-sc';
const WEIGHTS = [400, 700];
/** The coarse subset repeats the numbered slices in one 1.5 MB file; the slices are enough. */
const SKIPPED = new Set(['chinese-simplified']);

/** `U+4e00-4e5f,U+ff01` → [[0x4e00, 0x4e5f], [0xff01, 0xff01]]. */
export function parseUnicodeRange(text) {
  return text.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
  });
}

/** Copies the slices into `outDir`/share-fonts/<weight>/<slice>.woff and writes the ranges beside them. */
export function writeShareFonts(outDir) {
  const packageDir = dirname(require.resolve(`@fontsource/${FAMILY}/package.json`));
  const unicode = JSON.parse(readFileSync(join(packageDir, 'unicode.json'), 'utf8'));
  const slices = Object.entries(unicode)
    .map(([key, ranges]) => ({ name: key.replace(/^\[(\d+)\]$/, '$1'), ranges: parseUnicodeRange(ranges) }))
    .filter((slice) => !SKIPPED.has(slice.name));
  const target = join(outDir, 'share-fonts');
  for (const weight of WEIGHTS) {
    mkdirSync(join(target, String(weight)), { recursive: true });
    for (const slice of slices) {
      copyFileSync(
        join(packageDir, 'files', `${FAMILY}-${slice.name}-${weight}-normal.woff`),
        join(target, String(weight), `${slice.name}.woff`),
      );
    }
  }
  writeFileSync(join(target, 'ranges.json'), JSON.stringify({ weights: WEIGHTS, slices }));
}

/** A Vite plugin that writes the share fonts into the build's output folder. */
export function shareFonts() {
  let outDir = '';
  return {
    name: 'huzhu-share-fonts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      writeShareFonts(outDir);
    },
  };
}
