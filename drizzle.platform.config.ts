import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/platform-schema.ts',
  out: './migrations/platform',
});
