import { generateKeyPairSync } from 'node:crypto';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

// A throwaway key pair: the development provider signs with it, `verifyToken` checks with it.
const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

// A throwaway VAPID pair for Web Push (base64url: the public key's 65-byte point, the private scalar).
const vapid = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const vapidPublicKey = vapid.publicKey.export({ format: 'der', type: 'spki' }).subarray(-65).toString('base64url');
const vapidPrivateKey = vapid.privateKey.export({ format: 'jwk' }).d ?? '';

/** Tenant database bindings for the worker tests, named as the pool expects (TENANT_DB_001 …). */
const testTenantDatabases = Object.fromEntries(
  Array.from({ length: 600 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return [`TENANT_DB_${n}`, `huzhu-tenant-${n}`];
  }),
);

export default defineConfig(async () => {
  const platformMigrations = await readD1Migrations('migrations/platform');
  const tenantMigrations = await readD1Migrations('migrations/tenant');
  return {
    test: {
      // Two workers for the worker, web and script tests (this machine has two cores); the journeys run after them,
      // one file at a time against their one wrangler dev server (the e2e project's group below).
      maxWorkers: 2,
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // The test files share one runtime per worker (isolate: false below), so they share the database pool:
                // wrangler.toml's 32 are enough for a deployment, the suite signs up a few hundred communities.
                d1Databases: testTenantDatabases,
                bindings: {
                  AUTH_MODE: 'dev',
                  PLATFORM_HOST: 'localhost',
                  CLERK_JWT_KEY: keys.publicKey,
                  DEV_JWT_PRIVATE_KEY: keys.privateKey,
                  VAPID_PUBLIC_KEY: vapidPublicKey,
                  VAPID_PRIVATE_KEY: vapidPrivateKey,
                  VAPID_SUBJECT: 'mailto:push-test@localhost',
                  PLATFORM_MIGRATIONS: platformMigrations,
                  TENANT_MIGRATIONS: tenantMigrations,
                  // tests/worker/fuzz.test.ts: cases per operation and the generator's seed (default: 20, random).
                  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
                  // Delivery runs only when a test asks (tests/worker/delivery.test.ts), not in the background of every write.
                  DELIVERY_TRIGGER: 'manual',
                  // Backup runs start only when a test asks (tests/worker/backups.test.ts), not from every cron a test fires.
                  BACKUP_TRIGGER: 'manual',
                  FUZZ_SEED: process.env.FUZZ_SEED ?? '',
                },
              },
            }),
          ],
          test: {
            name: 'worker',
            isolate: false,
            include: ['tests/worker/**/*.test.ts'],
            // Sign-ups migrate a fresh database; on a loaded two-core machine some tests need more than 5 s.
            testTimeout: 30_000,
            setupFiles: ['tests/worker/setup.ts'],
          },
        },
        {
          plugins: [solid()],
          resolve: { conditions: ['development', 'browser'] },
          test: {
            name: 'web',
            environment: 'jsdom',
            testTimeout: 20_000,
            include: ['tests/web/**/*.test.tsx'],
            setupFiles: ['tests/web/setup.ts'],
          },
        },
        {
          test: {
            name: 'node',
            environment: 'node',
            include: ['tests/scripts/**/*.test.ts'],
          },
        },
        {
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/e2e/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
            maxWorkers: 1,
            sequence: { groupOrder: 1 },
          },
        },
      ],
    },
  };
});
