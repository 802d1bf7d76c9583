import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../worker/env';
import { communitySetupSchema } from '../../worker/platform/community-setup';
import { recordSignUp, runProvisioning } from '../../worker/platform/provisioning';
import { claimFreeDatabase, registerPoolBindings, tenantDatabase } from '../../worker/tenancy/pool';
import { countRoundTrips, type RoundTrips } from '../../worker/tenancy/round-trip-counter';
import { tenantMigrations } from '../../worker/tenancy/tenant-migrations.generated';
import {
  defaultTemplate,
  latestSchema,
  prepareFreeDatabases,
  preparedWork,
  readyCount,
  topUpWarmPool,
  writeTemplateRows,
} from '../../worker/tenancy/warm-pool';
import { client, expectStatus, PLATFORM, read, setupBody, signIn, uniqueSlug } from './helpers';

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const template = defaultTemplate()!;
const chapters = template.handbooks.reduce((n, h) => n + h.chapters.length, 0) * 2;

interface PoolRow {
  binding: string;
  community_id: string | null;
  prepared_template: string | null;
  prepared_schema: string | null;
  preparing_since: string | null;
}

const poolRow = (binding: string) =>
  env.PLATFORM_DB.prepare('SELECT * FROM database_pool WHERE binding = ?').bind(binding).first<PoolRow>() as Promise<PoolRow>;

async function count(d1: D1Database, table: string, where = ''): Promise<number> {
  const row = await d1.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** The lowest free database nobody is preparing: the one `prepareFreeDatabases` and an empty claim take next. */
async function lowestFree(): Promise<string> {
  const row = await env.PLATFORM_DB.prepare(
    `SELECT binding FROM database_pool
      WHERE community_id IS NULL AND held_for IS NULL AND retired_at IS NULL AND preparing_since IS NULL AND shard = 'main'
        AND prepared_template IS NULL
      ORDER BY binding LIMIT 1`,
  ).first<{ binding: string }>();
  return row!.binding;
}

async function signUp(countedEnv: Bindings = env, templateId = template.id) {
  const slug = uniqueSlug('warm');
  const founder = uid('founder');
  const parties = { residentsCommittee: '竹园居委会', ownersCommittee: '竹园业委会', propertyCompany: '竹园物业' };
  const input = communitySetupSchema.parse(setupBody(slug, { parties, template: templateId }));
  const record = await recordSignUp(countedEnv, input, { userId: founder, name: '创始人' });
  const row = await runProvisioning(countedEnv, record.community.id, {}, record);
  return { row, slug, founder };
}

/** The Worker's bindings with every database's round trips counted. */
function counted(trips: RoundTrips): Bindings {
  return new Proxy(env, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && (prop === 'PLATFORM_DB' || prop.startsWith('TENANT_DB_'))) {
        return countRoundTrips(value as D1Database, trips);
      }
      return value;
    },
  });
}

describe('the warm pool', () => {
  it('prepares free databases with the schema and the template rows every community shares, and no community rows', async () => {
    await registerPoolBindings(env);
    const report = await prepareFreeDatabases(env, 2);
    expect(report.failed).toEqual([]);
    expect(report.template).toBe(template.id);
    expect(report.prepared).toHaveLength(2);
    for (const binding of report.prepared) {
      expect(await poolRow(binding)).toMatchObject({
        community_id: null,
        prepared_template: template.id,
        prepared_schema: latestSchema(),
        preparing_since: null,
      });
      const d1 = tenantDatabase(env, binding);
      expect(await count(d1, 'd1_migrations')).toBe(tenantMigrations.length);
      expect(await count(d1, 'programs')).toBe(9);
      expect(await count(d1, 'bodies')).toBe(template.model.bodies.length);
      expect(await count(d1, 'parties', 'WHERE organisation_name IS NULL')).toBe(template.model.parties.length);
      expect(await count(d1, 'handbook_chapters')).toBe(chapters);
      expect(await count(d1, 'handbook_revisions')).toBe(chapters);
      for (const table of ['members', 'member_roles', 'community_profile', 'buildings']) expect(await count(d1, table)).toBe(0);
    }
  });

  it('gives a sign-up a prepared database before an empty one, and never one the cron is still preparing', async () => {
    await registerPoolBindings(env);
    // The lowest free database is being prepared (a lease); the next is prepared for real, then the lease lapses.
    const leased = await lowestFree();
    await env.PLATFORM_DB.prepare("UPDATE database_pool SET preparing_since = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE binding = ?")
      .bind(leased)
      .run();
    try {
      expect(await claimFreeDatabase(env.PLATFORM_DB, uid('no-lease'))).not.toBe(leased);
      const { prepared } = await prepareFreeDatabases(env, 1);
      expect(prepared).toHaveLength(1);
      expect(prepared[0]).not.toBe(leased);
    } finally {
      await env.PLATFORM_DB.prepare('UPDATE database_pool SET preparing_since = NULL WHERE binding = ?').bind(leased).run();
    }
    // The empty one sorts first, yet the sign-up takes a prepared one.
    const { row } = await signUp();
    expect(row.status).toBe('active');
    expect(row.databaseBinding).not.toBe(leased);
    expect((await poolRow(row.databaseBinding!)).prepared_template).toBe(template.id);
    // A sign-up for an older template takes an empty database rather than empty a prepared one.
    expect(template.id).not.toBe('cuizhuyuan@1');
    await prepareFreeDatabases(env, 1);
    const older = await signUp(env, 'cuizhuyuan@1');
    expect(older.row.status).toBe('active');
    expect((await poolRow(older.row.databaseBinding!)).prepared_template).toBeNull();
    expect(await count(tenantDatabase(env, older.row.databaseBinding!), 'community_profile', 'WHERE template_version = 1')).toBe(1);
  });

  it('a sign-up on a prepared database is complete: its own rows on the shared ones, in three round trips', async () => {
    await registerPoolBindings(env);
    await prepareFreeDatabases(env, 1);
    const trips: RoundTrips = { count: 0 };
    const countedEnv = counted(trips);
    await registerPoolBindings(countedEnv);
    trips.count = 0;
    const { row, slug, founder } = await signUp(countedEnv);
    // The record with its claim (1), the community's rows (1), active (1).
    expect(trips.count).toBe(3);
    expect(row).toMatchObject({ status: 'active', provisionStep: 'active', provisionError: null });
    expect((await poolRow(row.databaseBinding!)).prepared_template).toBe(template.id);

    const d1 = tenantDatabase(env, row.databaseBinding!);
    expect(await count(d1, 'programs')).toBe(9);
    expect(await count(d1, 'handbook_chapters')).toBe(chapters);
    expect(await count(d1, 'members')).toBe(1);
    expect(await count(d1, 'community_profile')).toBe(1);
    const organisations = await d1
      .prepare('SELECT key, organisation_name AS name FROM parties ORDER BY key')
      .all<{ key: string; name: string }>();
    expect(Object.fromEntries(organisations.results.map((p) => [p.key, p.name]))).toMatchObject({
      'residents-committee': '竹园居委会',
      'owners-committee': '竹园业委会',
      'property-company': '竹园物业',
    });
    const audit = await env.PLATFORM_DB.prepare('SELECT action FROM audit_log WHERE community_id = ? ORDER BY id')
      .bind(row.id)
      .all<{ action: string }>();
    expect(audit.results.map((a) => a.action)).toEqual(['community.created', 'community.activated']);

    // The founder runs it at once: the site, the handbooks and the admin role.
    const token = await signIn(founder, `${slug}.localhost`);
    const site = await read(client(`${slug}.localhost`, token).api.community.$get());
    expectStatus(site, 200);
    expect(site.json.programs).toHaveLength(9);
    const me = await read(client(`${slug}.localhost`, token).api.members.me.$get());
    expectStatus(me, 200);
    expect(me.json.roles.map((r) => r.role)).toContain('association-admin');
  });

  it('writes a template again over rows left by another template or a stopped run, without duplicates', async () => {
    await registerPoolBindings(env);
    const { prepared } = await prepareFreeDatabases(env, 1);
    const d1 = tenantDatabase(env, prepared[0]!);
    // As if another template had been written: other names, a missing chapter.
    await d1.batch([
      d1.prepare("UPDATE programs SET name_zh = '旧名称'"),
      d1.prepare('DELETE FROM handbook_revisions WHERE id = (SELECT MIN(id) FROM handbook_revisions)'),
    ]);
    await writeTemplateRows(d1, template);
    expect(await count(d1, 'programs', "WHERE name_zh = '旧名称'")).toBe(0);
    expect(await count(d1, 'programs')).toBe(9);
    expect(await count(d1, 'handbook_chapters')).toBe(chapters);
    expect(await count(d1, 'handbook_revisions')).toBe(chapters);
  });

  it('knows what a claimed database still needs from what it held', () => {
    const schema = latestSchema();
    expect(preparedWork({ preparedTemplate: template.id, preparedSchema: schema }, template)).toEqual({
      migrate: false,
      writeTemplate: false,
    });
    expect(preparedWork({ preparedTemplate: template.id, preparedSchema: 'older' }, template)).toEqual({
      migrate: true,
      writeTemplate: false,
    });
    expect(preparedWork({ preparedTemplate: null, preparedSchema: null }, template)).toEqual({ migrate: true, writeTemplate: true });
    expect(preparedWork({ preparedTemplate: 'cuizhuyuan@0', preparedSchema: schema }, template)).toEqual({
      migrate: true,
      writeTemplate: true,
    });
  });

  it('the cron tops the pool up to WARM_POOL_TARGET and then does nothing', async () => {
    await registerPoolBindings(env);
    const ready = await readyCount(env);
    const target = { ...env, WARM_POOL_TARGET: String(ready + 2) } as Bindings;
    const first = await topUpWarmPool(target);
    expect(first?.prepared).toHaveLength(2);
    expect(await readyCount(env)).toBe(ready + 2);
    expect(await topUpWarmPool(target)).toBeNull();
  });

  it('lets operators prepare databases now and see how many are ready; others get 403 and bad counts 400', async () => {
    const operator = uid('operator');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
    const ops = client(PLATFORM, await signIn(operator)).api.operator;
    const done = await read(ops.pool.prepare.$post({ json: { count: 1 } }));
    expectStatus(done, 200);
    expect(done.json.prepared).toHaveLength(1);
    const overview = await read(ops.overview.$get());
    expectStatus(overview, 200);
    expect(overview.json.pool.prepared).toBeGreaterThanOrEqual(1);
    expect(overview.json.pool.preparedTarget).toBe(20);
    expect(overview.json.pool.shards[0]?.prepared).toBe(overview.json.pool.prepared);
    expect(overview.json.recent.map((r) => r.action)).toContain('pool.prepared');

    expectStatus(await read(ops.pool.prepare.$post({ json: { count: 0 } })), 400);
    expectStatus(await read(ops.pool.prepare.$post({ json: { count: 51 } })), 400);
    const stranger = client(PLATFORM, await signIn(uid('stranger'))).api.operator;
    expectStatus(await read(stranger.pool.prepare.$post({ json: { count: 1 } })), 403);
  });
});
