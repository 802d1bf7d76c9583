import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { signDevToken } from '../../worker/auth/dev-identity';
import { communitySetupSchema } from '../../worker/platform/community-setup';
import { createCommunityRecord, type ProvisionStep, resumeStalledProvisioning, runProvisioning } from '../../worker/platform/provisioning';
import { migrateTenantDatabase } from '../../worker/tenancy/migrator';
import { claimFreeDatabase, poolStats, registerPoolBindings, tenantDatabase } from '../../worker/tenancy/pool';
import { tenantMigrations } from '../../worker/tenancy/tenant-migrations.generated';
import { bodyOf, client, expectStatus, PLATFORM, rawCall, read, setupBody, signIn, uniqueSlug } from './helpers';

/** A user or community id no other test uses. */
const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

interface CommunityDbRow {
  id: string;
  slug: string;
  status: string;
  provision_step: string;
  provision_error: string | null;
  database_binding: string | null;
}

/** A sign-up recorded in the control plane, with provisioning not yet run. */
async function recordSignUp(founder = uid('founder')) {
  const slug = uniqueSlug('prov');
  const input = communitySetupSchema.parse(setupBody(slug));
  const row = await createCommunityRecord(env, input, { userId: founder, name: '创始人' });
  return { id: row.id, slug, host: `${slug}.localhost`, founder };
}

async function communityRow(id: string): Promise<CommunityDbRow | null> {
  return env.PLATFORM_DB.prepare('SELECT * FROM communities WHERE id = ?').bind(id).first<CommunityDbRow>();
}

async function poolRowsFor(id: string): Promise<string[]> {
  const { results } = await env.PLATFORM_DB.prepare('SELECT binding FROM database_pool WHERE community_id = ?')
    .bind(id)
    .all<{ binding: string }>();
  return results.map((r) => r.binding);
}

async function poolOwnerOf(binding: string): Promise<string | null> {
  const row = await env.PLATFORM_DB.prepare('SELECT community_id FROM database_pool WHERE binding = ?')
    .bind(binding)
    .first<{ community_id: string | null }>();
  return row?.community_id ?? null;
}

async function count(d1: D1Database, table: string): Promise<number> {
  const row = await d1.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

const crashBefore = (step: string) => ({
  beforeStep: (s: string) => {
    if (s === step) throw new Error(`simulated crash before ${step}`);
  },
});

/** Asserts residents see only the "being set up" answer: 503 on the API and the HTML page. */
async function expectNotReady(host: string) {
  const api = await read(client(host).api.community.$get());
  expectStatus(api, 503);
  expect(api.json.error.code).toBe('not_ready');
  // The web app's page, not an API route.
  const page = await rawCall(host, '/');
  expect(page.status).toBe(503);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(page.text).toContain('社区正在创建中');
  // Sign-in is not served there either, so the token is minted directly for that origin.
  const token = await signDevToken(env.DEV_JWT_PRIVATE_KEY!, { userId: uid('early'), name: 'Early', origin: `http://${host}` });
  const join = await read(client(host, token).api.members.me.$post({ json: { privacyNoticeVersion: 1, displayName: '早到的人' } }));
  expect(join.status).toBe(503);
}

/** Asserts a finished community: active, 9 programs, only the founder as member, in its own database. */
async function expectFinished(id: string, host: string) {
  const row = await communityRow(id);
  expect(row).toMatchObject({ status: 'active', provision_step: 'active' });
  expect(row?.database_binding).toBeTruthy();
  const d1 = tenantDatabase(env, row!.database_binding!);
  expect(await count(d1, 'programs')).toBe(9);
  expect(await count(d1, 'members')).toBe(1);
  expect(await count(d1, 'member_roles')).toBe(1);
  expect(await count(d1, 'community_profile')).toBe(1);
  expect(await count(d1, 'd1_migrations')).toBe(tenantMigrations.length);
  const site = await read(client(host).api.community.$get());
  expectStatus(site, 200);
  expect(site.json.programs).toHaveLength(9);
  expect(site.json.memberCount).toBe(1);
  expect(await poolRowsFor(id)).toEqual([row!.database_binding]);
  return row!;
}

// ---------------------------------------------------------------------------------------------

describe('provisioning interrupted before each step', () => {
  const steps: Exclude<ProvisionStep, 'created'>[] = ['database-claimed', 'migrated', 'seeded', 'active'];

  it.each(steps)(
    'a crash before %s leaves the community invisible to residents and is finished by resuming, without duplicates',
    async (step) => {
      const signUp = await recordSignUp();
      await expect(runProvisioning(env, signUp.id, crashBefore(step))).rejects.toThrow(`simulated crash before ${step}`);

      const stalled = await communityRow(signUp.id);
      expect(stalled?.status).toBe('provisioning');
      expect(stalled?.provision_error).toContain('simulated crash');
      await expectNotReady(signUp.host);

      const claimed = await poolRowsFor(signUp.id);
      if (step === 'database-claimed') {
        expect(claimed).toEqual([]);
        expect(stalled?.database_binding).toBeNull();
      } else {
        expect(claimed).toHaveLength(1);
        expect(stalled?.database_binding).toBe(claimed[0]);
        expect(await poolOwnerOf(claimed[0]!)).toBe(signUp.id);
        const { results: sharing } = await env.PLATFORM_DB.prepare('SELECT id FROM communities WHERE database_binding = ?')
          .bind(claimed[0])
          .all<{ id: string }>();
        expect(sharing.map((r) => r.id)).toEqual([signUp.id]);
      }

      const resumed = await runProvisioning(env, signUp.id);
      expect(resumed.status).toBe('active');
      const finished = await expectFinished(signUp.id, signUp.host);
      if (claimed.length > 0) expect(finished.database_binding).toBe(claimed[0]);
      expect(finished.provision_error).toBeNull();

      // Running it once more changes nothing.
      await runProvisioning(env, signUp.id);
      await expectFinished(signUp.id, signUp.host);
    },
  );

  it('reuses a database claimed before the community row recorded it (crash between claim and record), without a second claim', async () => {
    await registerPoolBindings(env);
    const signUp = await recordSignUp();
    const binding = await claimFreeDatabase(env.PLATFORM_DB, signUp.id);
    expect(binding).toBeTruthy();
    expect((await communityRow(signUp.id))?.database_binding).toBeNull();
    const before = await poolStats(env.PLATFORM_DB);

    const done = await runProvisioning(env, signUp.id);
    expect(done.databaseBinding).toBe(binding);
    expect((await poolStats(env.PLATFORM_DB)).used).toBe(before.used);
    expect(await poolRowsFor(signUp.id)).toEqual([binding]);
    await expectFinished(signUp.id, signUp.host);
  });
});

describe('simultaneous runs of one provisioning', () => {
  it('end with one database, one claim and no duplicated seed (e.g. the cron resuming while the sign-up request still runs)', async () => {
    const signUp = await recordSignUp();
    const before = await poolStats(env.PLATFORM_DB);
    const outcomes = await Promise.allSettled([
      runProvisioning(env, signUp.id),
      runProvisioning(env, signUp.id),
      runProvisioning(env, signUp.id),
    ]);
    // The losers may fail (their claim hits the unique community_id), but never claim a second database.
    expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
    await expectFinished(signUp.id, signUp.host);
    expect((await poolStats(env.PLATFORM_DB)).used).toBe(before.used + 1);
  });
});

describe('an exhausted database pool', () => {
  it('answers 503 pool_exhausted, frees the address again and shows free: 0 to operators', async () => {
    await registerPoolBindings(env);
    const tag = uid('dummy');
    try {
      let claimed = 0;
      while (await claimFreeDatabase(env.PLATFORM_DB, `${tag}-${claimed}`)) claimed++;
      expect((await poolStats(env.PLATFORM_DB)).free).toBe(0);

      const founder = uid('founder');
      const token = await signIn(founder);
      const slug = uniqueSlug('full');
      const signUp = () => read(client(PLATFORM, token).api.communities.$post({ json: setupBody(slug) }));
      const res = await signUp();
      expectStatus(res, 503);
      expect(res.json.error.code).toBe('pool_exhausted');
      expect((await read(client(PLATFORM).api.communities[':slug'].$get({ param: { slug } }))).status).toBe(404);
      expect((await read(client(`${slug}.localhost`).api.community.$get())).status).toBe(404);

      const operator = uid('operator');
      await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
      const overview = await read(client(PLATFORM, await signIn(operator)).api.operator.overview.$get());
      expectStatus(overview, 200);
      expect(overview.json.pool.free).toBe(0);
      expect(overview.json.pool.used).toBe(overview.json.pool.total);
      expect(overview.json.communities.map((c) => c.slug)).not.toContain(slug);

      // Once a database is free again, the same address can be taken.
      await env.PLATFORM_DB.prepare('UPDATE database_pool SET community_id = NULL, claimed_at = NULL WHERE community_id = ?')
        .bind(`${tag}-0`)
        .run();
      const retry = await signUp();
      expect(retry.status).toBe(201);
    } finally {
      // Give the dummy claims back so that other tests in this file are not starved.
      await env.PLATFORM_DB.prepare('UPDATE database_pool SET community_id = NULL, claimed_at = NULL WHERE community_id LIKE ?')
        .bind(`${tag}-%`)
        .run();
    }
  });
});

describe('resuming stalled sign-ups', () => {
  it('lets the founder finish a stalled community through POST /api/communities/{slug}/resume, and refuses strangers (403)', async () => {
    const signUp = await recordSignUp();
    await expect(runProvisioning(env, signUp.id, crashBefore('seeded'))).rejects.toThrow();

    const resume = (token?: string) =>
      read(client(PLATFORM, token).api.communities[':slug'].resume.$post({ param: { slug: signUp.slug } }));
    expect((await resume()).status).toBe(401);
    const stranger = await resume(await signIn(uid('stranger')));
    expectStatus(stranger, 403);
    expect(stranger.json.error.code).toBe('forbidden');
    expect((await communityRow(signUp.id))?.status).toBe('provisioning');

    const founderRes = await resume(await signIn(signUp.founder));
    expect(founderRes.status).toBe(200);
    expect(founderRes.json).toMatchObject({ slug: signUp.slug, status: 'active', step: 'active', error: null });
    await expectFinished(signUp.id, signUp.host);
  });

  it('lets an operator resume a stalled community too', async () => {
    const signUp = await recordSignUp();
    await expect(runProvisioning(env, signUp.id, crashBefore('migrated'))).rejects.toThrow();
    const operator = uid('operator');
    await env.PLATFORM_DB.prepare("INSERT INTO platform_roles (user_id, role) VALUES (?, 'operator')").bind(operator).run();
    const res = bodyOf(
      await read(client(PLATFORM, await signIn(operator)).api.communities[':slug'].resume.$post({ param: { slug: signUp.slug } })),
      200,
    );
    expect(res.status).toBe('active');
    await expectFinished(signUp.id, signUp.host);
  });

  it('resumeStalledProvisioning(env, 0) finishes every stalled community', async () => {
    const untouched = await recordSignUp();
    const crashed = await recordSignUp();
    await expect(runProvisioning(env, crashed.id, crashBefore('active'))).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const finished = await resumeStalledProvisioning(env, 0);
    expect(finished).toBeGreaterThanOrEqual(2);
    await expectFinished(untouched.id, untouched.host);
    await expectFinished(crashed.id, crashed.host);
  });
});

// ---------------------------------------------------------------------------------------------

describe('tenant migrator', () => {
  /** A tenant database of the pool that no community will get, for migrator experiments. */
  async function scratchDatabase(): Promise<D1Database> {
    await registerPoolBindings(env);
    const binding = await claimFreeDatabase(env.PLATFORM_DB, uid('migrator-scratch'));
    if (!binding) throw new Error('no free database for the migrator test');
    return tenantDatabase(env, binding);
  }

  async function tableExists(d1: D1Database, name: string): Promise<boolean> {
    const row = await d1.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").bind(name).first();
    return row !== null;
  }

  async function recorded(d1: D1Database): Promise<string[]> {
    const { results } = await d1.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>();
    return results.map((r) => r.name);
  }

  it('applies the tenant migrations once and records them in d1_migrations; a second run applies nothing', async () => {
    const d1 = await scratchDatabase();
    const names = tenantMigrations.map((m) => m.name);
    expect(await migrateTenantDatabase(d1)).toEqual(names);
    expect(await recorded(d1)).toEqual(names);
    expect(await tableExists(d1, 'members')).toBe(true);
    expect(await migrateTenantDatabase(d1)).toEqual([]);
    expect(await recorded(d1)).toEqual(names);
  });

  it('applies a new migration once, together with its record', async () => {
    const d1 = await scratchDatabase();
    await migrateTenantDatabase(d1);
    const extra = [
      ...tenantMigrations,
      { name: '9999_test.sql', sql: 'CREATE TABLE t (x int);--> statement-breakpoint\nINSERT INTO t VALUES (1);' },
    ];
    expect(await migrateTenantDatabase(d1, extra)).toEqual(['9999_test.sql']);
    expect(await count(d1, 't')).toBe(1);
    expect(await recorded(d1)).toEqual([...tenantMigrations.map((m) => m.name), '9999_test.sql']);
    expect(await migrateTenantDatabase(d1, extra)).toEqual([]);
    expect(await count(d1, 't')).toBe(1);
  });

  it('leaves nothing behind when a statement of a migration fails: neither earlier statements nor the record', async () => {
    const d1 = await scratchDatabase();
    await migrateTenantDatabase(d1);
    const broken = [
      ...tenantMigrations,
      {
        name: '9998_broken.sql',
        sql: 'CREATE TABLE half_done (x int);--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
      },
    ];
    await expect(migrateTenantDatabase(d1, broken)).rejects.toThrow();
    expect(await tableExists(d1, 'half_done')).toBe(false);
    expect(await recorded(d1)).not.toContain('9998_broken.sql');

    // A data change in a failing migration is rolled back too.
    const brokenData = [
      ...tenantMigrations,
      {
        name: '9997_broken_data.sql',
        sql: "INSERT INTO canvas_entries (key, section, position) VALUES ('x', 'y', 1);--> statement-breakpoint\nSELECT * FROM nowhere;",
      },
    ];
    await expect(migrateTenantDatabase(d1, brokenData)).rejects.toThrow();
    expect(await count(d1, 'canvas_entries')).toBe(0);
    expect(await recorded(d1)).toEqual(tenantMigrations.map((m) => m.name));
  });

  it('applies every pending migration in one transaction: a later one failing leaves the earlier ones unapplied', async () => {
    const d1 = await scratchDatabase();
    await migrateTenantDatabase(d1);
    const two = [
      ...tenantMigrations,
      { name: '9996_fine.sql', sql: 'CREATE TABLE fine_one (x int);' },
      { name: '9995_broken.sql', sql: 'INSERT INTO no_such_table VALUES (1);' },
    ];
    await expect(migrateTenantDatabase(d1, two)).rejects.toThrow();
    expect(await tableExists(d1, 'fine_one')).toBe(false);
    expect(await recorded(d1)).toEqual(tenantMigrations.map((m) => m.name));
    // Mended, both go in together.
    const mended = [...two.slice(0, -1), { name: '9995_broken.sql', sql: 'CREATE TABLE mended (x int);' }];
    expect(await migrateTenantDatabase(d1, mended)).toEqual(['9996_fine.sql', '9995_broken.sql']);
    expect(await tableExists(d1, 'fine_one')).toBe(true);
  });

  it('embeds exactly the migration files of migrations/tenant', () => {
    const normalise = (s: string) => s.replace(/;\s*$/, '').replace(/\s+/g, ' ').trim();
    const files = env.TENANT_MIGRATIONS;
    expect(tenantMigrations.map((m) => m.name)).toEqual(files.map((f) => f.name));
    expect(files.length).toBeGreaterThan(0);
    for (const [i, embedded] of tenantMigrations.entries()) {
      const statements = embedded.sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
        .map(normalise);
      const queries = files[i]!.queries.map(normalise).filter((q) => q.length > 0);
      expect(statements, embedded.name).toEqual(queries);
      expect(statements.join(';\n'), embedded.name).toBe(queries.join(';\n'));
    }
  });
});
