// Lints the API document as a deployment outside dev mode serves it, without a server: the Worker's app runs in
// Node (tsx compiles its TypeScript; nothing it imports needs the Workers runtime to build the document), answers
// GET /api/openapi.json on a platform host, and Redocly lints the result with redocly.yaml.
// The document is kept in dist/openapi.json for a look.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const { app } = await tsImport('../worker/app.ts', import.meta.url);

const host = 'huzhu.example.org';
// The platform host needs no database; the key is never used, as the document needs no sign-in.
const env = { PLATFORM_HOST: host, AUTH_MODE: 'clerk', CLERK_JWT_KEY: 'unused' };
const response = await app.request(`https://${host}/api/openapi.json`, {}, env);
const text = await response.text();
if (response.status !== 200) {
  console.error(`GET /api/openapi.json answered ${response.status}: ${text}`);
  process.exit(1);
}
const document = JSON.parse(text);
mkdirSync(`${root}dist`, { recursive: true });
const file = `${root}dist/openapi.json`;
writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.keys(item)).length;
console.log(`dist/openapi.json: ${operations} operations`);

const result = spawnSync(
  process.execPath,
  [`${root}node_modules/@redocly/cli/bin/cli.js`, 'lint', file, '--config', `${root}redocly.yaml`],
  {
    stdio: 'inherit',
    cwd: root,
    // No telemetry and no update check: CI has no network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
  },
);
process.exit(result.status ?? 1);
