import solid from 'vite-plugin-solid';
import { defineConfig } from 'vite';

// The SPA only; the Worker is bundled by wrangler and serves dist/web through Workers Static Assets.
export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
});
