import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// The control plane is migrated the way wrangler migrates it; tenant databases are migrated by the worker itself.
await applyD1Migrations(env.PLATFORM_DB, env.PLATFORM_MIGRATIONS);
