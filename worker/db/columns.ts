import { sql } from 'drizzle-orm';

/** The database's current time, as an ISO string in UTC, for `created_at`-style defaults. */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
