import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepLanguage } from '../../scripts/dictionary-languages.mjs';
import { firstLoad, wordsOf } from '../../scripts/first-load.mjs';

// Reads the build that `npm test` makes before the tests (vite build → dist/web, with Vite's manifest).
const DIST = 'dist/web';
/** The JavaScript, gzipped, that a resident's phone may fetch on a first visit to the pages they open most. */
const BUDGET_KB = 45;
const PAGES = {
  '/': 'src/features/home/community-home.tsx',
  '/this-week': 'src/features/home/this-week/index.tsx',
};

/**
 * The page residents are sent to most (a link in a group chat), and the files its first visit may fetch: the entry,
 * the page and what it imports, its words. A phone on a slow line opens six connections to a host and fetches more
 * files than that in waves of round trips (vite.config.ts groups the small shared modules).
 */
const ACTIVITY = 'src/features/activities/activity-detail/index.tsx';
const ACTIVITY_FILES = 12;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const built = existsSync(`${DIST}/.vite/manifest.json`);

describe.runIf(built)('the JavaScript of a first visit, from dist/web', () => {
  for (const [path, module] of Object.entries(PAGES)) {
    it(`${path} needs at most ${BUDGET_KB} KB gzipped (entry, page and its Chinese words)`, () => {
      const load = firstLoad(DIST, module, 'zh-CN');
      const chunks = load.chunks.map((chunk) => `  ${kb(chunk.gzip).padStart(8)}  ${chunk.file}  (${chunk.source})`).join('\n');
      expect(
        load.total,
        `${path} loads ${kb(load.total)} of JavaScript, over the ${BUDGET_KB} KB budget:\n${chunks}\n`,
      ).toBeLessThanOrEqual(BUDGET_KB * 1024);
    });
  }

  it(`an activity needs at most ${ACTIVITY_FILES} files, in either language`, () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const files = new Set(firstLoad(DIST, ACTIVITY, lang).chunks.map((chunk) => chunk.file));
      expect(files.size, `an activity loads ${files.size} files in ${lang}:\n  ${[...files].join('\n  ')}\n`).toBeLessThanOrEqual(
        ACTIVITY_FILES,
      );
    }
  });

  it("counts the page's own words, in one language only", () => {
    const load = firstLoad(DIST, PAGES['/this-week'], 'zh-CN');
    const sources = load.chunks.map((chunk) => chunk.source);
    expect(sources).toContain('index.html');
    expect(sources).toContain('src/features/home/i18n.ts?lang=zh-CN');
    expect(sources).not.toContain('src/features/home/i18n.ts?lang=en');
    const text = (source: string) => readFileSync(`${DIST}/${load.chunks.find((c) => c.source === source)?.file}`, 'utf8');
    expect(text('src/features/home/i18n.ts?lang=zh-CN')).toContain('本周活动');
    expect(text('src/features/home/i18n.ts?lang=zh-CN')).not.toContain('This week');
    const english = firstLoad(DIST, PAGES['/this-week'], 'en').chunks.find((c) => c.source === 'src/features/home/i18n.ts?lang=en');
    const englishText = readFileSync(`${DIST}/${english?.file}`, 'utf8');
    expect(englishText).toContain('This week');
    expect(englishText).not.toContain('本周活动');
  });
});

describe('what a first visit counts', () => {
  it('needs a build to measure', () => {
    // `npm test` builds first; run `npx vite build` before running this file alone.
    expect(built, `${DIST}/.vite/manifest.json is missing: build the web app first`).toBe(true);
  });

  it('reads the features app.tsx names beside a page, however the line is wrapped', () => {
    const app = `const A = page(() => import('./features/home/community-home'), 'home');
const B = page(
  () => import('./features/home/this-week'),
  'activities',
  'home',
);
const C = page(() => import('./features/platform/sign-in'));`;
    expect(wordsOf(app, 'src/features/home/community-home.tsx')).toEqual(['home']);
    expect(wordsOf(app, 'src/features/home/this-week/index.tsx')).toEqual(['activities', 'home']);
    expect(wordsOf(app, 'src/features/platform/sign-in.tsx')).toEqual([]);
    expect(() => wordsOf(app, 'src/features/clubs/clubs.tsx')).toThrow(/no page\(\)/);
  });

  it("keeps one language of a feature's dictionary", () => {
    const source = `import type { Translation } from '../../i18n/translation';
import * as parts from './parts';

/** Words. */
export const zh = { week: { title: '本周活动', ...parts.zh } };

export const en: Translation<typeof zh> = {
  week: { title: 'This week', ...parts.en },
};
`;
    const english = keepLanguage(source, 'en');
    expect(english).toContain("title: 'This week'");
    expect(english).not.toContain('本周活动');
    expect(english).toContain("import * as parts from './parts'");
    const chinese = keepLanguage(source, 'zh-CN');
    expect(chinese).toContain('本周活动');
    expect(chinese).not.toContain('This week');
  });
});
