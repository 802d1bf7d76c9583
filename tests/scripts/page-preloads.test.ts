import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagePreloads, readRoutes } from '../../scripts/page-preloads.mjs';

const APP = readFileSync('web/src/app.tsx', 'utf8');

describe('the routes read from app.tsx', () => {
  const routes = readRoutes(APP);

  it('finds every <Route> of the file, each under its host, with the page it shows', () => {
    expect(routes).toHaveLength(APP.match(/<Route\b/g)!.length);
    expect(routes.filter((r) => r.host === 'platform').map((r) => r.path)).toContain('/consultant');
    const home = routes.find((r) => r.host === 'community' && r.path === '/');
    expect(home).toMatchObject({ component: 'CommunityHome', module: 'features/home/community-home', features: ['home'] });
    const activity = routes.find((r) => r.host === 'community' && r.path === '/activities/:id');
    expect(activity?.module).toBe('features/activities/activity-detail');
    expect(activity?.features).toContain('activities');
    expect(routes.find((r) => r.host === 'platform' && r.path === '/')?.component).toBe('PlatformHome');
  });

  it('refuses a route whose component is not a page, rather than leaving it out', () => {
    const broken = `${APP}\nconst Odd = () => null;\nconst x = <Match when={site()?.host === 'community'}><Route path="/odd" component={Odd} /></Match>;`;
    expect(() => readRoutes(broken)).toThrow(/\/odd shows Odd/);
  });
});

describe('the files of a page', () => {
  const manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_i18n-1.js'] },
    '_i18n-1.js': { file: 'assets/i18n-1.js', imports: [] },
    '_shared-1.js': { file: 'assets/shared-1.js', imports: ['_i18n-1.js', '_deep-1.js'] },
    '_deep-1.js': { file: 'assets/deep-1.js' },
    'src/features/home/community-home.tsx': { file: 'assets/community-home-1.js', imports: ['_i18n-1.js', 'index.html', '_shared-1.js'] },
    'src/features/home/i18n.ts?lang=zh-CN': { file: 'assets/i18n-zh-1.js' },
    'src/features/home/i18n.ts?lang=en': { file: 'assets/i18n-en-1.js' },
    'src/features/activities/i18n/index.ts?lang=zh-CN': {
      file: 'assets/activities-zh-1.js',
      imports: ['src/features/activities/i18n/parts.ts?lang=zh-CN'],
    },
    'src/features/activities/i18n/parts.ts?lang=zh-CN': { file: 'assets/activities-parts-zh-1.js' },
  };
  const routes = [
    {
      host: 'community' as const,
      path: '/',
      component: 'CommunityHome',
      module: 'features/home/community-home',
      features: ['home', 'activities'],
    },
  ];

  it("are its chunk, what that imports (not what the entry brings), and its features' words in each language", () => {
    const table = pagePreloads(routes, manifest);
    expect(table.community[0]!.files['zh-CN']).toEqual([
      '/assets/community-home-1.js',
      '/assets/shared-1.js',
      '/assets/deep-1.js',
      '/assets/i18n-zh-1.js',
      '/assets/activities-zh-1.js',
      '/assets/activities-parts-zh-1.js',
    ]);
    expect(table.community[0]!.files.en).toEqual([
      '/assets/community-home-1.js',
      '/assets/shared-1.js',
      '/assets/deep-1.js',
      '/assets/i18n-en-1.js',
    ]);
    expect(table.platform).toEqual([]);
  });

  it('leave out what the entry brings when the entry and a shared chunk import each other', () => {
    const cyclic = {
      ...manifest,
      'index.html': { ...manifest['index.html'], imports: ['_i18n-1.js', '_shell-1.js'] },
      '_shell-1.js': { file: 'assets/shell-1.js', imports: ['index.html', '_i18n-1.js'] },
      'src/features/home/community-home.tsx': { ...manifest['src/features/home/community-home.tsx'], imports: ['_shell-1.js'] },
    };
    expect(pagePreloads(routes, cyclic).community[0]!.files.en).toEqual(['/assets/community-home-1.js', '/assets/i18n-en-1.js']);
  });

  it('fail the build when a page has no chunk', () => {
    expect(() => pagePreloads([{ ...routes[0]!, module: 'features/home/gone' }], manifest)).toThrow(/gone/);
  });
});

// `npm test` builds dist/web first; the table there is the one the Worker serves.
describe.runIf(existsSync('dist/web/page-preloads.json'))('the built table, dist/web/page-preloads.json', () => {
  it('names files that exist, for every route of both hosts', () => {
    const table = JSON.parse(readFileSync('dist/web/page-preloads.json', 'utf8'));
    const routes = readRoutes(APP);
    expect(table.community.length + table.platform.length).toBe(routes.length);
    for (const route of [...table.community, ...table.platform]) {
      for (const file of [...route.files['zh-CN'], ...route.files.en]) expect(existsSync(`dist/web${file}`), file).toBe(true);
    }
    const home = table.community.find((r: { path: string }) => r.path === '/');
    expect(home.files['zh-CN'].some((f: string) => /community-home-/.test(f))).toBe(true);
  });
});
