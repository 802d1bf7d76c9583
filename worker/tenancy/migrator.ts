import { tenantMigrations } from './tenant-migrations.generated';

/** Same table wrangler's `d1 migrations apply` and the tests' `applyD1Migrations` use. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)`;

export interface Migration {
  name: string;
  sql: string;
}

function splitStatements(sql: string): string[] {
  return sql
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

async function appliedNames(d1: D1Database): Promise<Set<string>> {
  const { results } = await d1.prepare('SELECT name FROM d1_migrations').all<{ name: string }>();
  return new Set(results.map((r) => r.name));
}

/**
 * Brings one tenant database up to date. Every pending migration and its record run in one batch, which D1
 * executes as one transaction: the database is either brought fully up to date or left as it was, and a fresh
 * database gets its whole schema in one round trip instead of one per migration. Returns the names it applied.
 */
export async function migrateTenantDatabase(d1: D1Database, migrations: ReadonlyArray<Migration> = tenantMigrations): Promise<string[]> {
  await d1.prepare(CREATE_MIGRATIONS_TABLE).run();
  const applied = await appliedNames(d1);
  const pending = migrations.filter((m) => !applied.has(m.name));
  if (pending.length === 0) return [];
  const statements = pending.flatMap((migration) => [
    ...splitStatements(migration.sql).map((s) => d1.prepare(s)),
    d1.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(migration.name),
  ]);
  try {
    await d1.batch(statements);
  } catch (error) {
    // Another isolate may have applied them at the same moment; that is fine.
    const now = await appliedNames(d1);
    if (!pending.every((m) => now.has(m.name))) throw error;
  }
  return pending.map((m) => m.name);
}

const upToDate = new Set<string>();

/** Migrates a community's database before its first request in this isolate; later requests skip the check. */
export async function ensureTenantMigrated(binding: string, d1: D1Database): Promise<void> {
  if (upToDate.has(binding)) return;
  await migrateTenantDatabase(d1);
  upToDate.add(binding);
}
