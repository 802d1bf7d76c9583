import { and, eq, getTableColumns, isNull, or, type SQL, sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { platformDb, tenantDb } from '../db/client';
import { communities } from '../db/platform-schema';
import { communityProfile } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { AppError } from '../errors';
import { communitySeedStatements } from '../templates/instantiate';
import { findTemplate, latestTemplate } from '../templates/registry';
import { migrateTenantDatabase } from '../tenancy/migrator';
import { type Claim, claimForSignUp, claimFrom, claimStatements, onThisShard, registerPoolBindings, tenantDatabase } from '../tenancy/pool';
import { preparedWork, writeTemplateRows } from '../tenancy/warm-pool';
import { accountView, mayFoundAnother } from './account-limits';
import { type CommunitySetupInput, type StoredSetup, toStoredSetup } from './community-setup';

/** The steps of provisioning, in order; a community records the last one it completed. */
export const provisionSteps = ['created', 'database-claimed', 'migrated', 'seeded', 'active'] as const;
export type ProvisionStep = (typeof provisionSteps)[number];

export interface ProvisionHooks {
  /** Called before each step runs; tests throw here to simulate a crash at that point. */
  beforeStep?: (step: Exclude<ProvisionStep, 'created'>) => void | Promise<void>;
}

export type CommunityRow = typeof communities.$inferSelect;

/**
 * Records the sign-up in the control plane (status `provisioning`); the slug is taken from here on. One INSERT…SELECT
 * claims the slug and checks the founder's community limit together, so concurrent sign-ups cannot exceed it.
 */
export async function createCommunityRecord(
  env: Bindings,
  input: CommunitySetupInput,
  founder: { userId: string; name?: string },
): Promise<CommunityRow> {
  return (await recordSignUp(env, input, founder, false)).community;
}

/**
 * Records the sign-up as `createCommunityRecord` does and, with `claim`, gives it a database in the same round trip
 * (`claimStatements`); `runProvisioning` then goes on from that claim. The claim is null when none was free.
 */
export async function recordSignUp(
  env: Bindings,
  input: CommunitySetupInput,
  founder: { userId: string; name?: string },
  claim = true,
): Promise<{ community: CommunityRow; claim: Claim | null }> {
  const db = platformDb(env.PLATFORM_DB);
  const template = input.template ? findTemplate(input.template) : latestTemplate('cuizhuyuan');
  if (!template) throw new AppError('validation_failed', 'Unknown template', { template: ['Unknown template'] });
  const id = crypto.randomUUID();
  const nameEn = input.nameEn && input.nameEn.length > 0 ? input.nameEn : null;
  const setup = toStoredSetup(input, founder.name ?? input.nameZh);
  // The address, its audit entry (only if it was taken now) and the row read back in one round trip, with the claim of a
  // database between them when asked for.
  const platform = env.PLATFORM_DB;
  if (claim) await registerPoolBindings(env);
  const insert = sql`
    INSERT INTO communities (id, slug, name_zh, name_en, status, provision_step, setup, template_key, template_version, founder_user_id)
    SELECT ${id}, ${input.slug}, ${input.nameZh}, ${nameEn}, 'provisioning', 'created', ${JSON.stringify(setup)},
           ${template.key}, ${template.version}, ${founder.userId}
     WHERE ${mayFoundAnother(founder.userId)}
    ON CONFLICT (slug) DO NOTHING`;
  const claiming = claim ? claimStatements(env, id, template.id) : [];
  const results = await platform.batch([
    statement(platform, insert),
    platform
      .prepare(
        `INSERT INTO audit_log (actor_user_id, community_id, action, detail)
         SELECT ?2, id, 'community.created', ?3 FROM communities WHERE id = ?1`,
      )
      .bind(id, founder.userId, JSON.stringify({ slug: input.slug, template: template.id })),
    ...claiming,
    platform.prepare('SELECT * FROM communities WHERE id = ?1').bind(id),
  ]);
  const raw = results[results.length - 1]?.results[0] as Record<string, unknown> | undefined;
  const community = raw ? communityFromRow(raw) : undefined;
  if (!community) {
    const taken = await db.query.communities.findFirst({ columns: { id: true }, where: eq(communities.slug, input.slug) });
    if (taken) throw new AppError('slug_taken', 'This address is already taken', { slug: ['This address is already taken'] });
    const account = await accountView(db, founder.userId);
    throw new AppError(
      'community_limit_reached',
      `This account already has ${account.counted} communities being set up or active, its limit; the operators can raise it`,
      { limit: account.maxCommunities, counted: account.counted },
    );
  }
  return { community, claim: claim ? claimFrom(results.slice(2, 2 + claiming.length)) : null };
}

const communityColumns = getTableColumns(communities);

/** A `communities` row as D1 returns it (by column name), in the shape Drizzle reads it (JSON parsed, camelCase). */
function communityFromRow(raw: Record<string, unknown>): CommunityRow {
  const entries = Object.entries(communityColumns).map(([key, column]) => {
    const value = raw[column.name];
    return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
  });
  return Object.fromEntries(entries) as CommunityRow;
}

/** A Drizzle `sql` fragment as a D1 statement, for a batch that mixes it with plain ones. */
function statement(d1: D1Database, query: SQL): D1PreparedStatement {
  const { sql: text, params } = new SQLiteSyncDialect().sqlToQuery(query);
  return d1.prepare(text).bind(...params);
}

async function setStep(env: Bindings, id: string, step: ProvisionStep, extra: Partial<CommunityRow> = {}) {
  await platformDb(env.PLATFORM_DB)
    .update(communities)
    .set({ provisionStep: step, provisionError: null, ...extra })
    .where(eq(communities.id, id));
}

/**
 * Runs (or resumes) provisioning until the community is active. Every step is idempotent, so a crash at any point is
 * finished by calling this again; residents see nothing until `active`. A sign-up that claims a database the cron
 * prepared (worker/tenancy/warm-pool.ts) writes only its own rows: three round trips from sign-up to active, the
 * record and the claim in one (`recordSignUp`).
 */
export async function runProvisioning(
  env: Bindings,
  communityId: string,
  hooks: ProvisionHooks = {},
  known?: { community: CommunityRow; claim: Claim | null },
): Promise<CommunityRow> {
  const db = platformDb(env.PLATFORM_DB);
  const load = async () => {
    const row = await db.query.communities.findFirst({ where: eq(communities.id, communityId) });
    if (!row) throw new AppError('not_found', 'No such community');
    return row;
  };
  const community = known?.community ?? (await load());
  if (community.status !== 'provisioning') return community;
  try {
    const template = findTemplate(`${community.templateKey}@${community.templateVersion}`);
    if (!template) throw new Error(`template ${community.templateKey}@${community.templateVersion} is missing`);

    await hooks.beforeStep?.('database-claimed');
    await registerPoolBindings(env);
    const claim = known?.claim ?? (await claimForSignUp(env, communityId, template.id));
    if (!claim) {
      // Nothing was claimed, so nothing is lost: release the address for a later try.
      await db.delete(communities).where(and(eq(communities.id, communityId), eq(communities.status, 'provisioning')));
      throw new AppError(
        'pool_exhausted',
        'No database is free for a new community right now. The operators have been told; please try again later.',
      );
    }
    const d1 = tenantDatabase(env, claim.binding);
    const tenant = tenantDb(d1);
    const work = preparedWork(claim, template);
    // Steps are recorded where they take time, so an operator sees where a slow sign-up stopped.
    const record = (step: ProvisionStep) => (work.writeTemplate ? setStep(env, communityId, step) : undefined);

    await hooks.beforeStep?.('migrated');
    if (work.migrate || !claim.fresh) await migrateTenantDatabase(d1);
    await record('migrated');

    await hooks.beforeStep?.('seeded');
    // A database claimed just now holds no community's rows; one held already may have been seeded before a crash.
    const seeded = !claim.fresh && (await tenant.select({ id: communityProfile.id }).from(communityProfile).limit(1)).length > 0;
    if (!seeded) {
      if (work.writeTemplate) await writeTemplateRows(d1, template);
      const [first, ...rest] = communitySeedStatements(tenant, template, {
        communityId,
        slug: community.slug,
        nameZh: community.nameZh,
        nameEn: community.nameEn,
        setup: community.setup as StoredSetup,
        founderUserId: community.founderUserId,
      });
      if (first) await tenant.batch([first, ...rest]);
    }
    await record('seeded');

    await hooks.beforeStep?.('active');
    // Activated and audited in one round trip; the audit entry only if this call was the one that activated it.
    const [activated] = await env.PLATFORM_DB.batch([
      env.PLATFORM_DB.prepare(
        `UPDATE communities SET status = 'active', provision_step = 'active', provision_error = NULL,
                activated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
          WHERE id = ?1 AND status = 'provisioning' RETURNING *`,
      ).bind(communityId),
      env.PLATFORM_DB.prepare(
        `INSERT INTO audit_log (actor_user_id, community_id, action, detail)
         SELECT ?2, id, 'community.activated', ?3 FROM communities WHERE id = ?1 AND changes() > 0`,
      ).bind(communityId, community.founderUserId, JSON.stringify({ binding: claim.binding })),
    ]);
    const row = activated?.results[0] as Record<string, unknown> | undefined;
    return row ? communityFromRow(row) : await load();
  } catch (error) {
    if (!(error instanceof AppError)) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(communities)
        .set({ provisionError: message.slice(0, 500) })
        .where(and(eq(communities.id, communityId), eq(communities.status, 'provisioning')))
        .catch(() => undefined);
    }
    throw error;
  }
}

/** Communities left in `provisioning` for a while, e.g. by a crashed request; the cron finishes them. */
export async function resumeStalledProvisioning(env: Bindings, olderThanSeconds = 60): Promise<number> {
  const db = platformDb(env.PLATFORM_DB);
  const stalled = await db
    .select({ id: communities.id })
    .from(communities)
    .where(
      and(
        eq(communities.status, 'provisioning'),
        // A shard resumes its own, and any sign-up that stopped before it had a database.
        or(isNull(communities.databaseBinding), onThisShard(env, communities.databaseBinding)),
        sql`${communities.createdAt} < strftime('%Y-%m-%dT%H:%M:%fZ','now', ${`-${olderThanSeconds} seconds`})`,
      ),
    );
  let finished = 0;
  for (const { id } of stalled) {
    try {
      await runProvisioning(env, id);
      finished++;
    } catch (error) {
      console.error('resuming provisioning failed', id, error);
    }
  }
  return finished;
}
