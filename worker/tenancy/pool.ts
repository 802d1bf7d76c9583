import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { platformDb } from '../db/client';
import { databasePool } from '../db/platform-schema';
import type { Bindings } from '../env';

const TENANT_BINDING = /^TENANT_DB_\d{3,6}$/;

/** The Worker this code runs as: `main` when one Worker serves everything, else its shard's name (`shard-1`…). */
export function shardName(env: Pick<Bindings, 'SHARD_NAME'>): string {
  return env.SHARD_NAME?.trim() || 'main';
}

/** Whether this Worker is a shard behind the router (worker/router/), which serves only its own databases. */
export function isRoutedShard(env: Pick<Bindings, 'SHARD_NAME'>): boolean {
  return shardName(env) !== 'main';
}

/** Whether a community database is bound to this Worker (a shard holds only its own slice of the pool). */
export function holdsDatabase(env: Bindings, binding: string): boolean {
  return TENANT_BINDING.test(binding) && (env as unknown as Record<string, unknown>)[binding] !== undefined;
}

/**
 * Narrows a query of communities to those whose database this Worker holds: all of them for a single Worker, the
 * shard's own for a shard, so that every shard's crons and queues work on its own communities only.
 */
export function onThisShard(env: Pick<Bindings, 'SHARD_NAME'>, column: AnyColumn | SQL = sql.raw('database_binding')): SQL {
  return sql`${column} IN (SELECT binding FROM database_pool WHERE shard = ${shardName(env)})`;
}

/** The tenant database bindings this Worker carries, in order. */
export function tenantBindingNames(env: Bindings): string[] {
  return Object.keys(env)
    .filter((name) => TENANT_BINDING.test(name))
    .sort();
}

/** A community's own database, by the binding recorded for it in the control plane. */
export function tenantDatabase(env: Bindings, binding: string): D1Database {
  const d1 = TENANT_BINDING.test(binding) ? (env as unknown as Record<string, D1Database | undefined>)[binding] : undefined;
  if (!d1) throw new Error(`tenant database binding ${binding} is not bound to this Worker`);
  return d1;
}

let registeredFor: WeakRef<object> | undefined;

/**
 * Records every bound tenant database in the pool table. Growing the pool is adding bindings;
 * this picks them up on the next isolate without a migration. Runs once per isolate.
 */
export async function registerPoolBindings(env: Bindings): Promise<void> {
  if (registeredFor?.deref() === env) return;
  const names = tenantBindingNames(env);
  const db = platformDb(env.PLATFORM_DB);
  // Two bound parameters a row, plus the shard in the conflict clause: 40 rows stay under D1's 100 per statement.
  for (let i = 0; i < names.length; i += 40) {
    await db
      .insert(databasePool)
      .values(names.slice(i, i + 40).map((binding) => ({ binding, shard: shardName(env) })))
      .onConflictDoUpdate({
        target: databasePool.binding,
        set: { shard: shardName(env) },
        setWhere: sql`${databasePool.shard} <> excluded.shard`,
      });
  }
  registeredFor = new WeakRef(env);
}

/** How long a database stays set aside while the cron prepares it; a lease older than this was left by a dead run. */
export const LEASE_SECONDS = 120;

/** SQL (over `database_pool`) for "not being prepared right now" (worker/tenancy/warm-pool.ts). */
export const notBeingPrepared = `(preparing_since IS NULL OR preparing_since < strftime('%Y-%m-%dT%H:%M:%fZ','now','-${LEASE_SECONDS} seconds'))`;

/** Neither claimed by a community, nor held by a restore, nor retired. */
const isFree = and(isNull(databasePool.communityId), isNull(databasePool.heldFor), isNull(databasePool.retiredAt))!;
/** Free, bound to the Worker asking (its shard), and not being prepared by the cron (worker/tenancy/warm-pool.ts). */
const isFreeOn = (shard: string) => and(isFree, eq(databasePool.shard, shard), sql.raw(notBeingPrepared))!;

/**
 * Claims one free database in a single conditional UPDATE, so two claims can never receive the same one (D1 runs each
 * statement atomically), an empty one first: for whoever needs a database of their own as it comes (sign-ups use
 * `claimForSignUp`, which prefers a prepared one). Returns null when none is free.
 */
export async function claimFreeDatabase(platform: D1Database, communityId: string, shard = 'main'): Promise<string | null> {
  const free = isFreeOn(shard);
  const first = sql`(SELECT binding FROM database_pool WHERE ${free} ORDER BY prepared_template IS NOT NULL, binding LIMIT 1)`;
  const [row] = await platformDb(platform)
    .update(databasePool)
    .set({ communityId, claimedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')` })
    .where(and(eq(databasePool.binding, first), free))
    .returning({ binding: databasePool.binding });
  return row?.binding ?? null;
}

export interface Claim {
  binding: string;
  /** Whether this call claimed it; false when the community already held it (a sign-up resumed). */
  fresh: boolean;
  preparedTemplate: string | null;
  preparedSchema: string | null;
}

/**
 * The statements that give a sign-up its database, for one batch: the one it already holds, or else a free one claimed
 * now (a database prepared for its template first, then an empty one, then one prepared for another template), recorded
 * on the community with the step `database-claimed` in the same transaction; then what was claimed. `claimFrom` reads
 * their results. Nothing is claimed for a community that is not (or no longer) being set up.
 */
export function claimStatements(env: Bindings, communityId: string, template: string): D1PreparedStatement[] {
  const free = `community_id IS NULL AND held_for IS NULL AND retired_at IS NULL AND shard = ?3 AND ${notBeingPrepared}`;
  return [
    env.PLATFORM_DB.prepare(
      `UPDATE database_pool SET community_id = ?1, claimed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
        WHERE binding = (SELECT binding FROM database_pool WHERE ${free}
                          ORDER BY CASE WHEN prepared_template = ?2 THEN 0 WHEN prepared_template IS NULL THEN 1 ELSE 2 END, binding
                          LIMIT 1)
          AND ${free}
          AND NOT EXISTS (SELECT 1 FROM database_pool WHERE community_id = ?1)
          AND EXISTS (SELECT 1 FROM communities WHERE id = ?1 AND status = 'provisioning')`,
    ).bind(communityId, template, shardName(env)),
    env.PLATFORM_DB.prepare(
      `UPDATE communities SET database_binding = (SELECT binding FROM database_pool WHERE community_id = ?1),
              provision_step = CASE WHEN provision_step = 'created' THEN 'database-claimed' ELSE provision_step END,
              provision_error = NULL
        WHERE id = ?1 AND status = 'provisioning' AND EXISTS (SELECT 1 FROM database_pool WHERE community_id = ?1)`,
    ).bind(communityId),
    env.PLATFORM_DB.prepare(
      'SELECT binding, prepared_template AS preparedTemplate, prepared_schema AS preparedSchema FROM database_pool WHERE community_id = ?1',
    ).bind(communityId),
  ];
}

/** The claim from the results of `claimStatements`, in order; null when none was free. */
export function claimFrom(results: D1Result[]): Claim | null {
  const [claimed, , held] = results;
  const row = (held?.results as Omit<Claim, 'fresh'>[] | undefined)?.[0];
  return row ? { ...row, fresh: (claimed?.meta.changes ?? 0) > 0 } : null;
}

/** A sign-up's database in one round trip (`claimStatements`). Null when none is free. */
export async function claimForSignUp(env: Bindings, communityId: string, template: string): Promise<Claim | null> {
  return claimFrom(await env.PLATFORM_DB.batch(claimStatements(env, communityId, template)));
}

/**
 * Holds one free database for a restore while the backup is imported into it, in one conditional UPDATE as a claim
 * is; the restore then gives it to a community, or retires it if the import failed. Returns null when none is free.
 */
export async function holdFreeDatabase(platform: D1Database, restoreId: string, shard = 'main'): Promise<string | null> {
  const free = isFreeOn(shard);
  // An empty database first: the prepared ones are worth most to sign-ups (the import empties them all the same).
  const [row] = await platformDb(platform)
    .update(databasePool)
    .set({ heldFor: restoreId, claimedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')` })
    .where(
      and(
        eq(
          databasePool.binding,
          sql`(SELECT binding FROM database_pool WHERE ${free} ORDER BY prepared_template IS NOT NULL, binding LIMIT 1)`,
        ),
        free,
      ),
    )
    .returning({ binding: databasePool.binding });
  return row?.binding ?? null;
}

export interface PoolStats {
  total: number;
  free: number;
  /** Free databases already holding a template's rows, ready for a sign-up to claim (worker/tenancy/warm-pool.ts). */
  prepared: number;
  used: number;
  /** The same counts for each Worker holding part of the pool (`main` alone unless sharded), by name. */
  shards: { shard: string; total: number; free: number; prepared: number; used: number }[];
}

export async function poolStats(platform: D1Database): Promise<PoolStats> {
  const rows = await platformDb(platform)
    .select({
      shard: databasePool.shard,
      total: sql<number>`COUNT(*)`,
      free: sql<number>`COALESCE(SUM(CASE WHEN ${isFree} THEN 1 ELSE 0 END), 0)`,
      prepared: sql<number>`COALESCE(SUM(CASE WHEN ${isFree} AND ${databasePool.preparedTemplate} IS NOT NULL THEN 1 ELSE 0 END), 0)`,
    })
    .from(databasePool)
    .groupBy(databasePool.shard)
    .orderBy(databasePool.shard);
  // Held and retired databases are not free, so they count as used.
  const shards = rows.map((r) => ({
    shard: r.shard,
    total: Number(r.total),
    free: Number(r.free),
    prepared: Number(r.prepared),
    used: Number(r.total) - Number(r.free),
  }));
  const total = shards.reduce((sum, r) => sum + r.total, 0);
  const free = shards.reduce((sum, r) => sum + r.free, 0);
  const prepared = shards.reduce((sum, r) => sum + r.prepared, 0);
  return { total, used: total - free, free, prepared, shards };
}

/** Below this many free databases the operator page warns, unless `POOL_WARN_BELOW` says otherwise. */
export const DEFAULT_POOL_WARN_BELOW = 5;

/** The warning threshold from the `POOL_WARN_BELOW` variable: a whole number, or the default when unset or malformed. */
export function poolWarnBelow(setting: string | undefined): number {
  const value = Number(setting?.trim() || Number.NaN);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_POOL_WARN_BELOW;
}

/** The pool as operators see it: its counts, the threshold, and whether it is low (fewer free than the threshold). */
export function poolHealth(stats: PoolStats, warnBelow: number): PoolStats & { warnBelow: number; low: boolean } {
  return { ...stats, warnBelow, low: stats.free < warnBelow };
}
