import solid from 'vite-plugin-solid';
import { defineConfig } from 'vite';
import { shareFonts } from './scripts/share-fonts.mjs';

// The SPA only; the Worker is bundled by wrangler and serves dist/web through Workers Static Assets.
export default defineConfig({
  root: 'web',
  plugins: [solid(), shareFonts()],
  // Clerk's SDK is one large chunk, loaded only where Clerk is the sign-in.
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
});
