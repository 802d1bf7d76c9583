// Runs the Node-side script tests (no Workers runtime): npx vitest run --config tests/scripts/vitest.node.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/scripts/**/*.test.ts'],
  },
});
