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
  build: { outDir: '../dist/web', emptyOutDir: true, manifest: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
});
