import { fileURLToPath } from 'node:url';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vite';
import { dictionaryLanguages } from './scripts/dictionary-languages.mjs';
import { pagePreloadsPlugin } from './scripts/page-preloads.mjs';
import { shareFonts } from './scripts/share-fonts.mjs';
import { VitePWA } from 'vite-plugin-pwa';

// The SPA only; the Worker is bundled by wrangler and serves dist/web through Workers Static Assets.
export default defineConfig({
  root: 'web',
  plugins: [
    solid(),
    dictionaryLanguages(),
    pagePreloadsPlugin(),
    shareFonts(),
    // The site installs as an app: its manifest, and our own service worker (web/sw) with the list of the build's
    // files injected, so the app shell opens offline. index.tsx registers it; handbooks and push are in the worker.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'service-worker.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Clerk's SDK (1.5 MB) signs in through Clerk's servers, so it is of no use offline; the browser caches it.
        globIgnores: ['**/clerk-*.js'],
        maximumFileSizeToCacheInBytes: 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: '互助 Huzhu',
        short_name: '互助',
        description: '社区互助会的活动、手册和事务 · Your community association: activities, handbooks and business',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // --bamboo and --paper in web/src/styles.css.
        theme_color: '#1f6f4a',
        background_color: '#f7f4ec',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
    }),
  ],
  // Clerk's SDK is one large chunk, loaded only where Clerk is the sign-in.
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups() } } },
  },
});

/**
 * How the app's code is cut into files. Left alone, the bundler gives each set of pages that share a module a chunk
 * of its own: a page loads only its code, but in many small files. An activity loaded 15 shared chunks (most under
 * 1 KB gzipped) besides the entry, the page and its words, and a phone on a slow line, six connections to a host,
 * fetches them in waves of round trips. Three groups; a module goes to the first (highest priority) that takes it:
 *  - `index`: everything the entry runs (the framework, the router, the i18n, the header), one file where there were
 *    three.
 *  - `common`: the small parts most pages use (error message, member gate, actions, tables: what 10 or more lazily
 *    loaded modules share), one file loaded with the page instead of one file each. Pages that need only some of it
 *    load all of it; / and /this-week are held to their budget by tests/scripts/bundle-budget.test.ts, which is also
 *    what notices if a large library (Markdown, charts) comes to be used by enough pages to be pulled in here.
 *  - `activity-shared`: what the activity page (the page residents are sent to most) shares with other pages: the
 *    budget table, print links, the need it answers, the share button and their rules, one file. A page that uses one
 *    of these (the activity editor, a need, a child's safety page…) loads the whole file, a few KB. The same test
 *    holds the activity page to 12 files, so that it notices if the page moves and this group no longer finds it.
 * Pages, dictionaries and the other modules loaded with import() stay out of the groups: each is still its own file,
 * and each language's words stay apart (scripts/dictionary-languages.mjs). So does Clerk's SDK (the service worker
 * leaves clerk-*.js out by name).
 */
function chunkGroups() {
  type Graph = { getModuleInfo(id: string): { importedIds: readonly string[]; dynamicImporters: readonly string[] } | null };
  const activityPage = fileURLToPath(new URL('./web/src/features/activities/activity-detail/index.tsx', import.meta.url));
  const keepApart = (id: string) => /node_modules[\\/]@clerk[\\/]|\?lang=/.test(id);
  const loadedByImport = (id: string, graph: Graph) => (graph.getModuleInfo(id)?.dynamicImporters.length ?? 0) > 0;
  // The app's own modules the activity page imports, directly or not, per build. Packages are left out: the bundler
  // keeps only the parts of a package that are used, which a walk over the imports cannot tell.
  const activityModules = new WeakMap<Graph, Set<string>>();
  const importedByActivityPage = (id: string, graph: Graph) => {
    let modules = activityModules.get(graph);
    if (!modules) {
      modules = new Set();
      for (const stack = [activityPage]; stack.length > 0; ) {
        const next = stack.pop()!;
        if (modules.has(next) || next.includes('node_modules')) continue;
        modules.add(next);
        stack.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
      }
      activityModules.set(graph, modules);
    }
    return modules.has(id);
  };
  return [
    { name: 'index', priority: 3, tags: ['$initial' as const], test: (id: string) => !keepApart(id) },
    { name: 'common', priority: 2, minShareCount: 10, test: (id: string) => !keepApart(id) },
    {
      name: (id: string, graph: Graph) =>
        importedByActivityPage(id, graph) && !loadedByImport(id, graph) && !keepApart(id) ? 'activity-shared' : null,
      debugName: 'activity-shared',
      priority: 1,
      minShareCount: 2,
    },
  ];
}
