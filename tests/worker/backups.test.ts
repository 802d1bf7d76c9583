import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { buildArchive } from '../../worker/community/archive/build';
import { type Archive, readArchive } from '../../worker/community/archive/format';
import worker from '../../worker/index';
import { DAILY_METRICS_CRON } from '../../worker/metrics/snapshots';
import { backupKey } from '../../worker/platform/backups/rules';
import { handleBackupMessage, startBackupRun } from '../../worker/platform/backups/runs';
import { backUp, backupOf, communityId, drain, operatorToken, queueKeepingEnv } from './backups-fixtures';
import { bodyOf, client, createCommunity, expectStatus, PLATFORM, read, tenantD1, uniqueSlug } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function objectDays(id: string): Promise<string[]> {
  const { objects } = await env.BACKUPS.list({ prefix: `backups/${id}/` });
  return objects.map((o) => o.key.slice(o.key.lastIndexOf('/') + 1, -4)).sort();
}

async function addMember(slug: string, userId: string, name: string) {
  await (await tenantD1(slug)).prepare('INSERT INTO members (user_id, display_name) VALUES (?, ?)').bind(userId, name).run();
}

const memberCount = async (host: string) => bodyOf(await read(client(host).api.community.$get()), 200).memberCount;

describe('daily backups', () => {
  it('a run backs up several communities chunk by chunk, its progress advancing, each archive landing in R2', async () => {
    const communities = await Promise.all([createCommunity(uid('bk-a')), createCommunity(uid('bk-b')), createCommunity(uid('bk-c'))]);
    const slugs = communities.map((c) => c.slug);
    const { env: testEnv, sent } = queueKeepingEnv();
    const { runId, total } = await startBackupRun(testEnv, 'operator', { slugs });
    expect(total).toBe(3);
    expect(sent).toHaveLength(3);
    const first = await backupOf(runId, slugs[0]!);
    expect(first).toMatchObject({ status: 'queued', tables_done: 0 });

    const progress: number[] = [];
    await drain(testEnv, sent, new Date(), async () => {
      progress.push((await backupOf(runId, slugs[0]!))!.tables_done);
    });
    // Tables done only ever grows, through values between none and all.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const done = await backupOf(runId, slugs[0]!);
    expect(progress.some((n) => n > 0 && n < done!.tables_total)).toBe(true);

    const run = await env.PLATFORM_DB.prepare('SELECT total, finished_at FROM backup_runs WHERE id = ?')
      .bind(runId)
      .first<{ total: number; finished_at: string | null }>();
    expect(run).toMatchObject({ total: 3 });
    expect(run?.finished_at).not.toBeNull();
    for (const slug of slugs) {
      const backup = await backupOf(runId, slug);
      expect(backup).toMatchObject({ status: 'done', tables_done: backup!.tables_total });
      expect(backup!.r2_key).toBe(backupKey(await communityId(slug), new Date().toISOString().slice(0, 10)));
      const object = await env.BACKUPS.get(backup!.r2_key!);
      const bytes = new Uint8Array(await object!.arrayBuffer());
      expect(bytes.byteLength).toBe(backup!.size);
      const archive = await readArchive(bytes);
      expect(archive.manifest.meta).toMatchObject({ slug, kind: 'backup' });
      expect(archive.tables.members?.rows.length).toBe(1);
      expect(backup!.rows).toBeGreaterThan(0);
    }
    // The chunks were removed once the zip was built.
    const chunks = await env.BACKUPS.list({ prefix: `backup-chunks/${first!.id}` });
    expect(chunks.objects).toEqual([]);
  });

  it('a message delivered twice does its step once', async () => {
    const { slug } = await createCommunity(uid('bk-twice'));
    const { env: testEnv, sent } = queueKeepingEnv();
    const { runId } = await startBackupRun(testEnv, 'operator', { slugs: [slug] });
    const message = sent.shift()!;
    expect(await handleBackupMessage(testEnv, message)).toBe('advanced');
    const after = await backupOf(runId, slug);
    expect(await handleBackupMessage(testEnv, message)).toBe('skipped');
    expect(await backupOf(runId, slug)).toEqual(after);
    expect(sent).toHaveLength(1);
    await drain(testEnv, sent);
    const done = await backupOf(runId, slug);
    expect(done?.status).toBe('done');
    // The last message again, after the end: nothing happens.
    expect(await handleBackupMessage(testEnv, { kind: 'assemble', backupId: done!.id })).toBe('skipped');
  });

  it('after a backup, retention deletes the archives past 30 daily and 12 monthly, and nothing else', async () => {
    const { slug } = await createCommunity(uid('bk-keep'));
    const id = await communityId(slug);
    const old = [
      '2025-06-01',
      '2025-11-15',
      '2026-09-01',
      '2026-09-02',
      '2026-10-01',
      '2026-10-02',
      '2026-10-20',
      '2026-11-01',
      '2026-11-03',
      '2026-11-04',
      '2026-12-02',
    ];
    for (const day of old) await env.BACKUPS.put(backupKey(id, day), 'an older archive');
    await backUp([slug], new Date('2026-12-03T03:17:00Z'));
    expect(await objectDays(id)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01', '2026-11-04', '2026-12-02', '2026-12-03']);
  });

  it('the daily cron starts a backup run of every active community; with BACKUP_TRIGGER=manual it does not', async () => {
    const { env: testEnv, sent } = queueKeepingEnv();
    const count = async () =>
      (await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM backup_runs WHERE trigger = 'schedule'").first<{ n: number }>())!.n;
    const before = await count();
    const quietMetrics = { send: async () => undefined, sendBatch: async () => undefined } as unknown as typeof env.METRICS_QUEUE;
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: DAILY_METRICS_CRON, scheduledTime: Date.now() }),
      { ...env, METRICS_QUEUE: quietMetrics },
      ctx,
    );
    await worker.scheduled(
      createScheduledController({ cron: DAILY_METRICS_CRON, scheduledTime: Date.now() }),
      { ...testEnv, BACKUP_TRIGGER: undefined, METRICS_QUEUE: quietMetrics },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(await count()).toBe(before + 1);
    const active = await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM communities WHERE status = 'active'").first<{ n: number }>();
    expect(sent.length).toBe(active!.n);
    // The test does not run those backups: they are marked failed so that no later test finds them under way.
    await env.PLATFORM_DB.batch([
      env.PLATFORM_DB.prepare("UPDATE community_backups SET status = 'failed' WHERE status = 'queued'"),
      env.PLATFORM_DB.prepare("UPDATE backup_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE finished_at IS NULL"),
    ]);
  });
});

/** Every table's rows as an archive holds them, with what names the community (its id, address, name) set aside. */
function normalised(archive: Archive, communityIdValue: string) {
  const out: Record<string, unknown[][]> = {};
  for (const [name, data] of Object.entries(archive.tables)) {
    const skip = new Set(name === 'community_profile' ? ['community_id', 'slug', 'name_zh', 'name_en'] : []);
    const key = data.columns.indexOf('object_key');
    out[name] = data.rows.map((r) =>
      r.filter((_, i) => !skip.has(data.columns[i]!)).map((v, i) => (i === key ? String(v).replace(`${communityIdValue}/`, '') : v)),
    );
  }
  return out;
}

const meta = (slug: string) => ({ slug, name: slug, timeZone: 'Asia/Shanghai', exportedAt: 'now', kind: 'export' as const });

describe('restoring a backup', () => {
  it('into a new community: the copy holds the same data, is active, and its home page serves', async () => {
    const source = await createCommunity(uid('bk-src'));
    await addMember(source.slug, uid('neighbour'), '钱多多');
    const runId = await backUp([source.slug]);
    const backup = await backupOf(runId, source.slug);
    const { token, operator } = await operatorToken();
    const slug = uniqueSlug('copy');
    const restored = await read(
      client(PLATFORM, token).api.operator.backups[':backupId'].restore.$post({
        param: { backupId: backup!.id },
        json: { target: 'new', slug, nameZh: '恢复的副本' },
      }),
    );
    expectStatus(restored, 200);
    expect(restored.json).toMatchObject({ status: 'done', target: 'new', newSlug: slug });

    const row = await env.PLATFORM_DB.prepare(
      'SELECT id, status, name_zh, founder_user_id, database_binding FROM communities WHERE slug = ?',
    )
      .bind(slug)
      .first<{ id: string; status: string; name_zh: string; founder_user_id: string; database_binding: string }>();
    expect(row).toMatchObject({
      status: 'active',
      name_zh: '恢复的副本',
      founder_user_id: operator,
      database_binding: restored.json.databaseBinding,
    });
    const pool = await env.PLATFORM_DB.prepare('SELECT community_id, held_for FROM database_pool WHERE binding = ?')
      .bind(row!.database_binding)
      .first();
    expect(pool).toEqual({ community_id: row!.id, held_for: null });

    const sourceArchive = await buildArchive(await tenantD1(source.slug), meta(source.slug));
    const copyArchive = await buildArchive(await tenantD1(slug), meta(slug));
    expect(normalised(copyArchive, row!.id)).toEqual(normalised(sourceArchive, await communityId(source.slug)));

    const home = bodyOf(await read(client(`${slug}.${PLATFORM}`).api.community.$get()), 200);
    expect(home).toMatchObject({ memberCount: 2 });
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id FROM audit_log WHERE action = 'backup.restored-as-new' AND community_id = ?",
    )
      .bind(row!.id)
      .first();
    expect(audit).toEqual({ actor_user_id: operator });
  });

  it('a dry run lists what the backup would bring back and changes nothing; restoring into its own address swaps the database', async () => {
    const community = await createCommunity(uid('bk-own'));
    const neighbour = uid('neighbour');
    await addMember(community.slug, neighbour, '孙小红');
    const runId = await backUp([community.slug]);
    const backup = await backupOf(runId, community.slug);
    // After the backup, the neighbour's membership is deleted by mistake.
    await (await tenantD1(community.slug)).prepare('DELETE FROM members WHERE user_id = ?').bind(neighbour).run();
    expect(await memberCount(community.host)).toBe(1);
    const before = await env.PLATFORM_DB.prepare('SELECT id, database_binding FROM communities WHERE slug = ?')
      .bind(community.slug)
      .first<{ id: string; database_binding: string }>();

    const { token, operator } = await operatorToken();
    const ops = client(PLATFORM, token).api.operator.backups[':backupId'];
    const dry = bodyOf(await read(ops['dry-run'].$post({ param: { backupId: backup!.id } })), 200);
    const members = dry.tables.find((t) => t.table === 'members');
    expect(members).toMatchObject({ added: 1, removed: 0, changed: 0 });
    expect(await memberCount(community.host)).toBe(1);
    expect(await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?').bind(community.slug).first()).toEqual({
      database_binding: before!.database_binding,
    });

    const restored = await read(ops.restore.$post({ param: { backupId: backup!.id }, json: { target: 'own' } }));
    expectStatus(restored, 200);
    expect(restored.json).toMatchObject({ status: 'done', target: 'own', retiredBinding: before!.database_binding });
    expect(restored.json.databaseBinding).not.toBe(before!.database_binding);
    const after = await env.PLATFORM_DB.prepare('SELECT database_binding FROM communities WHERE slug = ?').bind(community.slug).first();
    expect(after).toEqual({ database_binding: restored.json.databaseBinding });
    // The old database is kept as it was, retired: never handed out again.
    const retired = await env.PLATFORM_DB.prepare('SELECT community_id, retired_at, retired_from FROM database_pool WHERE binding = ?')
      .bind(before!.database_binding)
      .first<{ community_id: string | null; retired_at: string | null; retired_from: string }>();
    expect(retired).toMatchObject({ community_id: null, retired_from: before!.id });
    expect(retired?.retired_at).not.toBeNull();
    // The community serves the restored data at once: the neighbour is back.
    expect(await memberCount(community.host)).toBe(2);
    const audit = await env.PLATFORM_DB.prepare(
      "SELECT actor_user_id, detail FROM audit_log WHERE action = 'backup.restored' AND community_id = ?",
    )
      .bind(before!.id)
      .first<{ actor_user_id: string; detail: string }>();
    expect(audit?.actor_user_id).toBe(operator);
    expect(JSON.parse(audit!.detail)).toMatchObject({ retired: before!.database_binding });

    const listed = bodyOf(
      await read(client(PLATFORM, token).api.operator.backups.communities[':slug'].$get({ param: { slug: community.slug } })),
      200,
    );
    expect(listed.backups.map((b) => b.id)).toContain(backup!.id);
    expect(listed.restores[0]).toMatchObject({ status: 'done', target: 'own' });
    const overview = bodyOf(await read(client(PLATFORM, token).api.operator.backups.$get()), 200);
    expect(overview.retired.map((r) => r.binding)).toContain(before!.database_binding);
  });

  it('refuses an address that is taken, and a backup that does not exist', async () => {
    const community = await createCommunity(uid('bk-refuse'));
    const runId = await backUp([community.slug]);
    const backup = await backupOf(runId, community.slug);
    const { token } = await operatorToken();
    const ops = client(PLATFORM, token).api.operator.backups[':backupId'];
    const taken = await read(
      ops.restore.$post({ param: { backupId: backup!.id }, json: { target: 'new', slug: community.slug, nameZh: '重名' } }),
    );
    expect(taken.status).toBe(409);
    expect((await read(ops['dry-run'].$post({ param: { backupId: 'no-such-backup' } }))).status).toBe(404);
  });
});

describe('the demo', () => {
  it('seeds finished backups of the demo communities, yesterday and today, which the operators can dry-run', async () => {
    expectStatus(await read(client(PLATFORM).api.dev.seed.$post()), 200);
    const { token } = await operatorToken();
    const ops = client(PLATFORM, token).api.operator.backups;
    const list = bodyOf(await read(ops.communities[':slug'].$get({ param: { slug: 'cuizhuyuan' } })), 200);
    const done = list.backups.filter((b) => b.status === 'done');
    expect(new Set(done.map((b) => b.day)).size).toBeGreaterThanOrEqual(2);
    const dry = bodyOf(await read(ops[':backupId']['dry-run'].$post({ param: { backupId: done[0]!.id } })), 200);
    expect(dry.community.slug).toBe('cuizhuyuan');
  });
});
