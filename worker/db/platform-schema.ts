import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Control plane: one row per community, whatever state it is in. */
export const communities = sqliteTable(
  'communities',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    status: text('status', { enum: ['provisioning', 'active', 'suspended'] }).notNull(),
    /** Last provisioning step that completed; resuming starts after it. */
    provisionStep: text('provision_step', {
      enum: ['created', 'database-claimed', 'migrated', 'seeded', 'active'],
    }).notNull(),
    provisionError: text('provision_error'),
    /** The wizard's answers, kept so that an interrupted provisioning can be resumed. */
    setup: text('setup', { mode: 'json' }).notNull(),
    databaseBinding: text('database_binding'),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    founderUserId: text('founder_user_id').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    activatedAt: text('activated_at'),
  },
  (t) => [index('communities_status_idx').on(t.status)],
);

/**
 * One row counting every change to what a host resolves to (a community's address, names, status or database).
 * Triggers bump it (platform migration 0008), so no code path can change a community and forget to say so; each
 * isolate keeps its directory of communities while the count stands still (worker/tenancy/directory.ts).
 */
export const directoryVersion = sqliteTable('directory_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * Pre-bound tenant databases; a community claims one. A database is free only while it is neither claimed, nor held
 * by a restore being filled, nor retired: a restore into a community's own address retires the database it replaces
 * (kept as it was, never handed out again until an operator has checked and wiped it).
 */
export const databasePool = sqliteTable(
  'database_pool',
  {
    binding: text('binding').primaryKey(),
    /**
     * The Worker that holds this binding: `main` for a single Worker, else the shard's name (`shard-1`…). Binding names
     * are unique across shards, so a community's shard follows from its database (worker/router/).
     */
    shard: text('shard').notNull().default('main'),
    communityId: text('community_id').unique(),
    claimedAt: text('claimed_at'),
    registeredAt: text('registered_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** The restore (backup_restores.id) filling this database before it is given to a community. */
    heldFor: text('held_for'),
    retiredAt: text('retired_at'),
    /** The community whose database this was when it was retired. */
    retiredFrom: text('retired_from'),
    /**
     * A free database made ready ahead of sign-ups (worker/tenancy/warm-pool.ts): the template (`key@version`) whose
     * community-independent rows it holds, and the last tenant migration applied; null while it is still empty.
     */
    preparedTemplate: text('prepared_template'),
    preparedSchema: text('prepared_schema'),
    /** While the cron prepares it; no sign-up or restore takes it then, unless this is old (a cron that died). */
    preparingSince: text('preparing_since'),
  },
  (t) => [index('database_pool_shard_idx').on(t.shard, t.communityId)],
);

export const platformRoles = sqliteTable(
  'platform_roles',
  {
    userId: text('user_id').notNull(),
    role: text('role', { enum: ['operator', 'consultant'] }).notNull(),
    grantedAt: text('granted_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** How many pending or active communities one account may found, where an operator has raised it above the default. */
export const accountLimits = sqliteTable('account_limits', {
  userId: text('user_id').primaryKey(),
  maxCommunities: integer('max_communities').notNull(),
  setBy: text('set_by').notNull(),
  setAt: text('set_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** A community's permission for a consultant to read its metrics. */
export const consultantGrants = sqliteTable(
  'consultant_grants',
  {
    communityId: text('community_id').notNull(),
    consultantUserId: text('consultant_user_id').notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedAt: text('granted_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    revokedAt: text('revoked_at'),
  },
  // A consultant's list starts from their grants: found by consultant, not scanned, at thousands of communities.
  (t) => [primaryKey({ columns: [t.communityId, t.consultantUserId] }), index('consultant_grants_consultant_idx').on(t.consultantUserId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    actorUserId: text('actor_user_id'),
    communityId: text('community_id'),
    action: text('action').notNull(),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [index('audit_log_community_idx').on(t.communityId, t.at)],
);

/** How a consultant appears to the association admins who grant them access: a name and an organisation, no more. */
export const consultantProfiles = sqliteTable('consultant_profiles', {
  userId: text('user_id').primaryKey(),
  displayName: text('display_name').notNull(),
  organisation: text('organisation').notNull().default(''),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * A community's figures for one calendar month, computed from its own database. Comparison pages read these
 * rows only, so their cost does not grow with the size of any community's data.
 */
export const metricSnapshots = sqliteTable(
  'metric_snapshots',
  {
    communityId: text('community_id').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    figures: text('figures', { mode: 'json' }).notNull(),
    computedAt: text('computed_at').notNull(),
    runId: text('run_id'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.month] }), index('metric_snapshots_month_idx').on(t.month)],
);

/** One pass over the active communities, so its progress can be followed while the batches run. */
export const snapshotRuns = sqliteTable('snapshot_runs', {
  id: text('id').primaryKey(),
  trigger: text('trigger', { enum: ['schedule', 'operator'] }).notNull(),
  total: integer('total').notNull(),
  done: integer('done').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  startedAt: text('started_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  finishedAt: text('finished_at'),
});

export { partnershipLinks, partnershipSharedItems } from '../community/partnerships/platform-schema';
export { backupRestores, backupRuns, communityBackups } from '../platform/backups/schema';

/**
 * Development only (AUTH_MODE=dev on localhost): push endpoints the platform itself plays the push service for, so
 * Web Push can be followed without a browser vendor's service. The private key is kept to read what arrives.
 */
export const devPushEndpoints = sqliteTable('dev_push_endpoints', {
  token: text('token').primaryKey(),
  privateJwk: text('private_jwk').notNull(),
  authSecret: text('auth_secret').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Development only: what arrived at a captured push endpoint, as sent (headers and the encrypted body). */
export const devPushMessages = sqliteTable(
  'dev_push_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    token: text('token').notNull(),
    headers: text('headers', { mode: 'json' }).notNull(),
    bodyBase64: text('body_base64').notNull(),
    receivedAt: text('received_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('dev_push_messages_token').on(t.token)],
);
