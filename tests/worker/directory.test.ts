import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_FRESH_MS, CHECK_STALE_MS, Directory } from '../../worker/tenancy/directory';
import { countRoundTrips, type RoundTrips } from '../../worker/tenancy/round-trip-counter';

const stamp = Date.now().toString(36);
const slugOf = (n: number) => `dir-${stamp}-${n}`;

async function insertCommunity(slug: string, status: 'provisioning' | 'active' | 'suspended' = 'active') {
  await env.PLATFORM_DB.prepare(
    `INSERT INTO communities (id, slug, name_zh, status, provision_step, setup, database_binding, template_key, template_version, founder_user_id)
     VALUES (?, ?, '目录花园', ?, 'active', '{}', 'TENANT_DB_001', 'cuizhuyuan', 1, 'directory-founder')`,
  )
    .bind(`id-${slug}`, slug, status)
    .run();
}

const setStatus = (slug: string, status: string) =>
  env.PLATFORM_DB.prepare('UPDATE communities SET status = ? WHERE slug = ?').bind(status, slug).run();

async function version(): Promise<number> {
  const row = await env.PLATFORM_DB.prepare('SELECT version FROM directory_version WHERE id = 1').first<{ version: number }>();
  return row!.version;
}

/** A directory on a clock the test moves, reading through a database that counts its round trips. */
function fixture() {
  let now = 1_000_000;
  const trips: RoundTrips = { count: 0 };
  const platform = countRoundTrips(env.PLATFORM_DB, trips);
  const directory = new Directory(() => now);
  return {
    directory,
    trips,
    lookup: (slug: string, background?: (check: Promise<unknown>) => void) => directory.lookup(platform, slug, background),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the directory of communities each isolate keeps', () => {
  beforeAll(async () => {
    for (let n = 0; n < 60; n++) await insertCommunity(slugOf(n));
  });

  it('reads each community once, then answers from memory; when a check is due, one read covers them all', async () => {
    const f = fixture();
    for (let n = 0; n < 60; n++) expect((await f.lookup(slugOf(n)))?.slug).toBe(slugOf(n));
    // The first lookup also read the version; every other one read its entry and the version in one batch.
    expect(f.trips.count).toBe(61);
    expect(f.directory.size).toBe(60);

    f.trips.count = 0;
    f.advance(CHECK_FRESH_MS - 1);
    for (let round = 0; round < 3; round++) for (let n = 0; n < 60; n++) await f.lookup(slugOf(n));
    expect(f.trips.count).toBe(0);

    f.advance(CHECK_FRESH_MS);
    for (let round = 0; round < 3; round++) for (let n = 0; n < 60; n++) await f.lookup(slugOf(n));
    expect(f.trips.count).toBe(1);
  });

  it('sees a suspension made by any path within the check interval, with no one telling it', async () => {
    const f = fixture();
    const slug = slugOf(10);
    expect((await f.lookup(slug))?.status).toBe('active');
    await setStatus(slug, 'suspended');
    try {
      f.advance(CHECK_FRESH_MS + 1);
      expect((await f.lookup(slug))?.status).toBe('suspended');
      expect(f.directory.size).toBe(0);
    } finally {
      await setStatus(slug, 'active');
    }
  });

  it('hands a due check to the background and answers from memory, then drops what the new version outdates', async () => {
    const f = fixture();
    const slug = slugOf(11);
    await f.lookup(slug);
    await f.lookup(slugOf(12));
    await setStatus(slug, 'suspended');
    try {
      f.advance(CHECK_FRESH_MS + 1);
      const checks: Promise<unknown>[] = [];
      expect((await f.lookup(slug, (check) => checks.push(check)))?.status).toBe('active');
      expect(checks).toHaveLength(1);
      await Promise.all(checks);
      // The version moved: every kept entry is dropped, and the next lookup reads the truth.
      expect(f.directory.size).toBe(0);
      expect((await f.lookup(slug))?.status).toBe('suspended');
      expect((await f.lookup(slugOf(12)))?.status).toBe('active');
    } finally {
      await setStatus(slug, 'active');
    }
  });

  it('never trusts memory after a long idle: the check runs before the answer, background or not', async () => {
    const f = fixture();
    const slug = slugOf(13);
    await f.lookup(slug);
    await setStatus(slug, 'suspended');
    try {
      f.advance(CHECK_STALE_MS + 1);
      const checks: Promise<unknown>[] = [];
      expect((await f.lookup(slug, (check) => checks.push(check)))?.status).toBe('suspended');
      expect(checks).toHaveLength(0);
    } finally {
      await setStatus(slug, 'active');
    }
  });

  it('keeps only active communities, so a new one is seen the moment it becomes active', async () => {
    const f = fixture();
    const slug = slugOf(100);
    await insertCommunity(slug, 'provisioning');
    expect((await f.lookup(slug))?.status).toBe('provisioning');
    expect(f.directory.size).toBe(0);
    await setStatus(slug, 'active');
    expect((await f.lookup(slug))?.status).toBe('active');
    expect(f.directory.size).toBe(1);
    expect(await f.lookup(`${slug}-nowhere`)).toBeNull();
  });

  it('counts every change a host could be served wrongly by, and nothing else', async () => {
    const slug = slugOf(20);
    const step = async (statement: string, ...values: unknown[]) => {
      const before = await version();
      await env.PLATFORM_DB.prepare(statement)
        .bind(...values)
        .run();
      return (await version()) - before;
    };
    // Provisioning steps, unchanged values and a new community coming active change nothing any isolate keeps.
    expect(await step("UPDATE communities SET provision_step = 'active' WHERE slug = ?", slug)).toBe(0);
    expect(await step("UPDATE communities SET status = 'active', name_zh = '目录花园' WHERE slug = ?", slug)).toBe(0);
    await insertCommunity(slugOf(101), 'provisioning');
    expect(await step("UPDATE communities SET status = 'active', database_binding = 'TENANT_DB_002' WHERE slug = ?", slugOf(101))).toBe(0);
    // What a kept entry holds does.
    expect(await step("UPDATE communities SET name_zh = '改名花园' WHERE slug = ?", slug)).toBe(1);
    expect(await step("UPDATE communities SET name_en = 'Renamed' WHERE slug = ?", slug)).toBe(1);
    expect(await step("UPDATE communities SET database_binding = 'TENANT_DB_003' WHERE slug = ?", slug)).toBe(1);
    expect(await step('UPDATE communities SET slug = ? WHERE slug = ?', `${slug}-moved`, slug)).toBe(1);
    expect(await step("UPDATE communities SET status = 'suspended' WHERE slug = ?", `${slug}-moved`)).toBe(1);
    expect(await step('DELETE FROM communities WHERE slug = ?', slugOf(101))).toBe(1);
    // A suspended community's deletion: no isolate kept it.
    expect(await step('DELETE FROM communities WHERE slug = ?', `${slug}-moved`)).toBe(0);
  });
});
