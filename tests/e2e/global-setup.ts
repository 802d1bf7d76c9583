import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { startLocalServer } from '../../scripts/local-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    e2ePort: number;
  }
}

/** A real wrangler dev server on its own port and its own fresh local D1 state. */
export default async function setup(project: TestProject) {
  // E2E_PORT lets two checkouts on one machine run their journeys side by side.
  const port = Number(process.env.E2E_PORT) || 8799;
  const persistTo = mkdtempSync(join(tmpdir(), 'huzhu-e2e-'));
  const server = await startLocalServer({ port, persistTo, build: false, seed: true, quiet: true });
  project.provide('e2ePort', port);
  return () => {
    server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
