import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { platformDb, tenantDb } from '../db/client';
import { auditLog, communities } from '../db/platform-schema';
import { communityProfile } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { AppError } from '../errors';
import { handbookSeedBatches, templateSeedStatements } from '../templates/instantiate';
import { findTemplate, latestTemplate } from '../templates/registry';
import { migrateTenantDatabase } from '../tenancy/migrator';
import { claimFreeDatabase, claimedDatabase, onThisShard, registerPoolBindings, shardName, tenantDatabase } from '../tenancy/pool';
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
  const db = platformDb(env.PLATFORM_DB);
  const template = input.template ? findTemplate(input.template) : latestTemplate('cuizhuyuan');
  if (!template) throw new AppError('validation_failed', 'Unknown template', { template: ['Unknown template'] });
  const id = crypto.randomUUID();
  const nameEn = input.nameEn && input.nameEn.length > 0 ? input.nameEn : null;
  const setup = toStoredSetup(input, founder.name ?? input.nameZh);
  await db.run(sql`
    INSERT INTO communities (id, slug, name_zh, name_en, status, provision_step, setup, template_key, template_version, founder_user_id)
    SELECT ${id}, ${input.slug}, ${input.nameZh}, ${nameEn}, 'provisioning', 'created', ${JSON.stringify(setup)},
           ${template.key}, ${template.version}, ${founder.userId}
     WHERE ${mayFoundAnother(founder.userId)}
    ON CONFLICT (slug) DO NOTHING`);
  const community = await db.query.communities.findFirst({ where: eq(communities.id, id) });
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
  await db.insert(auditLog).values({
    actorUserId: founder.userId,
    communityId: community.id,
    action: 'community.created',
    detail: { slug: community.slug, template: template.id },
  });
  return community;
}

async function setStep(env: Bindings, id: string, step: ProvisionStep, extra: Partial<CommunityRow> = {}) {
  await platformDb(env.PLATFORM_DB)
    .update(communities)
    .set({ provisionStep: step, provisionError: null, ...extra })
    .where(eq(communities.id, id));
}

/**
 * Runs (or resumes) provisioning until the community is active. Every step is idempotent, so a
 * crash at any point is finished by calling this again; residents see nothing until `active`.
 */
export async function runProvisioning(env: Bindings, communityId: string, hooks: ProvisionHooks = {}): Promise<CommunityRow> {
  const db = platformDb(env.PLATFORM_DB);
  const load = async () => {
    const row = await db.query.communities.findFirst({ where: eq(communities.id, communityId) });
    if (!row) throw new AppError('not_found', 'No such community');
    return row;
  };
  let community = await load();
  if (community.status !== 'provisioning') return community;
  try {
    await hooks.beforeStep?.('database-claimed');
    let binding = community.databaseBinding ?? (await claimedDatabase(env.PLATFORM_DB, communityId));
    if (!binding) {
      await registerPoolBindings(env);
      binding = await claimFreeDatabase(env.PLATFORM_DB, communityId, shardName(env));
      if (!binding) {
        // Nothing was claimed, so nothing is lost: release the address for a later try.
        await db.delete(communities).where(and(eq(communities.id, communityId), eq(communities.status, 'provisioning')));
        throw new AppError(
          'pool_exhausted',
          'No database is free for a new community right now. The operators have been told; please try again later.',
        );
      }
    }
    if (community.provisionStep === 'created' || community.databaseBinding !== binding) {
      await setStep(env, communityId, 'database-claimed', { databaseBinding: binding });
    }
    const d1 = tenantDatabase(env, binding);

    await hooks.beforeStep?.('migrated');
    await migrateTenantDatabase(d1);
    await setStep(env, communityId, 'migrated');

    await hooks.beforeStep?.('seeded');
    const tenant = tenantDb(d1);
    const seeded = await tenant.select({ id: communityProfile.id }).from(communityProfile).limit(1);
    if (seeded.length === 0) {
      const template = findTemplate(`${community.templateKey}@${community.templateVersion}`);
      if (!template) throw new Error(`template ${community.templateKey}@${community.templateVersion} is missing`);
      for (const batch of handbookSeedBatches(d1, template)) await d1.batch(batch);
      const [first, ...rest] = templateSeedStatements(tenant, template, {
        communityId,
        slug: community.slug,
        nameZh: community.nameZh,
        nameEn: community.nameEn,
        setup: community.setup as StoredSetup,
        founderUserId: community.founderUserId,
      });
      if (first) await tenant.batch([first, ...rest]);
    }
    await setStep(env, communityId, 'seeded');

    await hooks.beforeStep?.('active');
    await db.batch([
      db
        .update(communities)
        .set({ status: 'active', provisionStep: 'active', provisionError: null, activatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
        .where(and(eq(communities.id, communityId), eq(communities.status, 'provisioning'))),
      db.insert(auditLog).values({
        actorUserId: community.founderUserId,
        communityId,
        action: 'community.activated',
        detail: { binding },
      }),
    ]);
    community = await load();
    return community;
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
