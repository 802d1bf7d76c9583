import { tenantDb } from '../db/client';
import type { Bindings } from '../env';
import { handbookSeedBatches, templateBaseStatements, templateResetStatements } from '../templates/instantiate';
import type { TemplatePackage } from '../templates/package-schema';
import { latestTemplate } from '../templates/registry';
import { migrateTenantDatabase } from './migrator';
import { notBeingPrepared, registerPoolBindings, shardName, tenantDatabase } from './pool';
import { tenantMigrations } from './tenant-migrations.generated';

/**
 * The warm pool. Most of a sign-up's work is the same for every community: the schema (a hundred tables) and the
 * template's handbooks, programs and structure. The cron does that work on free databases ahead of time, so a
 * sign-up that claims one writes only its own few rows. A database prepared for an older template or schema is still
 * usable: the sign-up migrates it, or empties the template's rows first (templateResetStatements).
 */

/** The last tenant migration this code knows; a prepared database that records it needs no migration check. */
export const latestSchema = (): string => tenantMigrations[tenantMigrations.length - 1]?.name ?? '';

const FREE = 'community_id IS NULL AND held_for IS NULL AND retired_at IS NULL';

/** The template the cron prepares for: the one a sign-up gets unless it names another. */
export const defaultTemplate = () => latestTemplate('cuizhuyuan');

/**
 * What a database claimed from the pool still needs, from what it held when free: a migration check unless it records
 * the latest schema, and the template's rows unless it holds exactly this template's.
 */
export function preparedWork(pool: { preparedTemplate: string | null; preparedSchema: string | null }, template: TemplatePackage) {
  const holdsTemplate = pool.preparedTemplate === template.id;
  return { migrate: !holdsTemplate || pool.preparedSchema !== latestSchema(), writeTemplate: !holdsTemplate };
}

/**
 * Writes a template's community-independent rows, first emptying whatever template rows are there: another
 * template's, or a part written by a run that stopped. Only for a database holding no community's rows yet.
 */
export async function writeTemplateRows(d1: D1Database, template: TemplatePackage): Promise<void> {
  await d1.batch(templateResetStatements(d1));
  for (const batch of handbookSeedBatches(d1, template)) await d1.batch(batch);
  const [first, ...rest] = templateBaseStatements(tenantDb(d1), template);
  if (first) await tenantDb(d1).batch([first, ...rest]);
}

/** The most one call prepares (an operator's "prepare now" included), so one invocation stays short. */
export const PREPARE_AT_MOST = 50;

export interface PrepareReport {
  template: string;
  prepared: string[];
  failed: { binding: string; error: string }[];
}

/**
 * Prepares up to `limit` free databases of this Worker's shard for `template`: those still empty, or prepared for
 * another template or an older schema. Each is leased first (one conditional UPDATE), so no sign-up or restore takes
 * it half-written, and marked prepared only once it is complete; a failure leaves the lease to expire.
 */
export async function prepareFreeDatabases(env: Bindings, limit = 10, template = defaultTemplate()): Promise<PrepareReport> {
  if (!template) throw new Error('no template to prepare databases for');
  await registerPoolBindings(env);
  const id = template.id;
  const schema = latestSchema();
  const { results: leased } = await env.PLATFORM_DB.prepare(
    `UPDATE database_pool SET preparing_since = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      WHERE binding IN (
        SELECT binding FROM database_pool
         WHERE ${FREE} AND shard = ?1 AND ${notBeingPrepared}
           AND (prepared_template IS NULL OR prepared_template <> ?2 OR prepared_schema IS NOT ?3)
         ORDER BY binding LIMIT ?4)
        AND ${FREE} AND ${notBeingPrepared}
      RETURNING binding, prepared_template AS preparedTemplate, prepared_schema AS preparedSchema`,
  )
    .bind(shardName(env), id, schema, limit)
    .all<{ binding: string; preparedTemplate: string | null; preparedSchema: string | null }>();
  const report: PrepareReport = { template: id, prepared: [], failed: [] };
  for (const row of leased) {
    try {
      const d1 = tenantDatabase(env, row.binding);
      await migrateTenantDatabase(d1);
      if (preparedWork(row, template).writeTemplate) await writeTemplateRows(d1, template);
      await env.PLATFORM_DB.prepare(
        `UPDATE database_pool SET prepared_template = ?2, prepared_schema = ?3, preparing_since = NULL WHERE binding = ?1 AND ${FREE}`,
      )
        .bind(row.binding, id, schema)
        .run();
      report.prepared.push(row.binding);
    } catch (error) {
      report.failed.push({ binding: row.binding, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** How many prepared databases each Worker keeps ready unless `WARM_POOL_TARGET` says otherwise. */
export const DEFAULT_WARM_POOL_TARGET = 20;

/** The target from the `WARM_POOL_TARGET` variable: a whole number, or the default when unset or malformed. */
export function warmPoolTarget(setting: string | undefined): number {
  const value = Number(setting?.trim() || Number.NaN);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_WARM_POOL_TARGET;
}

/** Free databases of this shard ready for `template` as it is now (its rows and the latest schema). */
export async function readyCount(env: Bindings, template = defaultTemplate()): Promise<number> {
  if (!template) return 0;
  const row = await env.PLATFORM_DB.prepare(
    `SELECT COUNT(*) AS n FROM database_pool
      WHERE ${FREE} AND shard = ?1 AND prepared_template = ?2 AND prepared_schema = ?3`,
  )
    .bind(shardName(env), template.id, latestSchema())
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * The cron's step: prepares free databases until `WARM_POOL_TARGET` are ready for the default template, at most
 * `perRun` in one invocation (each is a few D1 round trips and about 100 ms), so a run stays short.
 */
export async function topUpWarmPool(env: Bindings, perRun = 10): Promise<PrepareReport | null> {
  const missing = warmPoolTarget(env.WARM_POOL_TARGET) - (await readyCount(env));
  if (missing <= 0) return null;
  return prepareFreeDatabases(env, Math.min(perRun, missing));
}
