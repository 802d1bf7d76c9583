import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { Bindings } from '../../worker/env';
import { type MetricsMessage, startSnapshotRun } from '../../worker/metrics/snapshots';
import { type BackupMessage, startBackupRun } from '../../worker/platform/backups/runs';
import { RUN_ID_HEADER, RUN_PART_HEADER } from '../../worker/tenancy/shard-header';
import { sharedRunOf } from '../../worker/tenancy/shared-run';
import { communityId, operatorToken } from './backups-fixtures';
import { createCommunity, dispatch, PLATFORM } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

const uid = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** The bindings as one shard sees them (`SHARD_NAME`), with queues that keep what is sent. */
function shardEnv(shard: string | undefined) {
  const metrics: MetricsMessage[] = [];
  const backups: BackupMessage[] = [];
  const keep =
    <T>(into: T[]) =>
    () => ({
      send: async (body: T) => {
        into.push(body);
      },
      sendBatch: async (messages: Iterable<{ body: T }>) => {
        for (const m of messages) into.push(m.body);
      },
    });
  const testEnv = {
    ...env,
    SHARD_NAME: shard,
    METRICS_QUEUE: keep(metrics)(),
    BACKUP_QUEUE: keep(backups)(),
  } as unknown as Bindings;
  return { env: testEnv, metrics, backups };
}

const activeCount = async () =>
  (await env.PLATFORM_DB.prepare("SELECT COUNT(*) AS n FROM communities WHERE status = 'active' AND database_binding IS NOT NULL").first<{
    n: number;
  }>())!.n;

/**
 * Two communities, the second one's database moved to another shard's slice of the pool for the test, so this
 * Worker (`main`) and "shard-9" each hold one of them.
 */
async function onTwoShards(run: (ids: { here: string; there: string }) => Promise<void>) {
  const [here, there] = await Promise.all([createCommunity(uid('sr-here')), createCommunity(uid('sr-there'))]);
  const binding = (await env.PLATFORM_DB.prepare('SELECT database_binding AS b FROM communities WHERE slug = ?')
    .bind(there.slug)
    .first<{ b: string }>())!.b;
  await env.PLATFORM_DB.prepare("UPDATE database_pool SET shard = 'shard-9' WHERE binding = ?").bind(binding).run();
  try {
    await run({ here: await communityId(here.slug), there: await communityId(there.slug) });
  } finally {
    await env.PLATFORM_DB.prepare("UPDATE database_pool SET shard = 'main' WHERE binding = ?").bind(binding).run();
  }
}

describe('the run headers the router sets', () => {
  const id = crypto.randomUUID();
  const headers = (part: string, runId: string = id) => new Headers({ [RUN_ID_HEADER]: runId, [RUN_PART_HEADER]: part });

  it('are honoured only by a shard behind the router, and only when well formed', () => {
    expect(sharedRunOf({ SHARD_NAME: 'shard-2' }, headers('join'))).toEqual({ id, part: 'join' });
    expect(sharedRunOf({ SHARD_NAME: 'shard-1' }, headers('lead'))).toEqual({ id, part: 'lead' });
    expect(sharedRunOf({ SHARD_NAME: undefined }, headers('lead'))).toBeUndefined();
    expect(sharedRunOf({ SHARD_NAME: 'shard-1' }, headers('boss'))).toBeUndefined();
    expect(sharedRunOf({ SHARD_NAME: 'shard-1' }, headers('lead', 'not-a-run'))).toBeUndefined();
    expect(sharedRunOf({ SHARD_NAME: 'shard-1' }, new Headers())).toBeUndefined();
  });

  it('are ignored by a single Worker: a run named by a client is a new run of its own', async () => {
    await createCommunity(uid('sr-single'));
    const { token } = await operatorToken();
    for (const path of ['/api/operator/metrics/runs', '/api/operator/backups/runs']) {
      const named = crypto.randomUUID();
      const res = await dispatch(`http://${PLATFORM}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          [RUN_ID_HEADER]: named,
          [RUN_PART_HEADER]: 'join',
        },
        body: '{}',
      });
      expect(res.status, path).toBe(202);
      const started = (await res.json()) as { runId: string; total: number };
      expect(started.runId).not.toBe(named);
      expect(started.total).toBe(await activeCount());
    }
  });
});

describe('a metrics run shared by every shard', () => {
  it("is recorded once by its lead with every shard's communities, and each shard queues only its own", async () => {
    await onTwoShards(async ({ here, there }) => {
      const run = { id: crypto.randomUUID(), part: 'lead' as const };
      const lead = shardEnv(undefined);
      const total = await activeCount();
      expect(await startSnapshotRun(lead.env, 'operator', run)).toEqual({ runId: run.id, total });
      const leadIds = lead.metrics.flatMap((m) => (m.kind === 'run' ? m.communityIds : []));
      expect(leadIds).toContain(here);
      expect(leadIds).not.toContain(there);
      expect(leadIds).toHaveLength(total - 1);

      const other = shardEnv('shard-9');
      expect(await startSnapshotRun(other.env, 'operator', { ...run, part: 'join' })).toEqual({ runId: run.id, total });
      expect(other.metrics).toEqual([{ kind: 'run', runId: run.id, communityIds: [there] }]);
      // A lead sent twice adds no second run either.
      await startSnapshotRun(lead.env, 'operator', run);
      const rows = await env.PLATFORM_DB.prepare('SELECT total, finished_at FROM snapshot_runs WHERE id = ?').bind(run.id).all();
      expect(rows.results).toEqual([{ total, finished_at: null }]);
    });
  });

  it('queues nothing for a run that no lead recorded', async () => {
    const other = shardEnv('shard-9');
    const runId = crypto.randomUUID();
    expect(await startSnapshotRun(other.env, 'operator', { id: runId, part: 'join' })).toEqual({ runId, total: 0 });
    expect(other.metrics).toEqual([]);
  });
});

describe('a backup run shared by every shard', () => {
  it("records every shard's backups in the lead's batch; a joining shard adds none and queues the ones it holds", async () => {
    await onTwoShards(async ({ here, there }) => {
      const run = { id: crypto.randomUUID(), part: 'lead' as const };
      const total = await activeCount();
      const lead = shardEnv(undefined);
      expect(await startBackupRun(lead.env, 'operator', { shared: run })).toEqual({ runId: run.id, total });
      const rows = await env.PLATFORM_DB.prepare('SELECT id, community_id AS community FROM community_backups WHERE run_id = ?')
        .bind(run.id)
        .all<{ id: string; community: string }>();
      expect(rows.results).toHaveLength(total);
      const backupOf = (community: string) => rows.results.find((r) => r.community === community)!.id;
      const leadQueued = lead.backups.map((m) => m.backupId);
      expect(leadQueued).toContain(backupOf(here));
      expect(leadQueued).not.toContain(backupOf(there));
      expect(leadQueued).toHaveLength(total - 1);

      const other = shardEnv('shard-9');
      expect(await startBackupRun(other.env, 'operator', { shared: { ...run, part: 'join' } })).toEqual({ runId: run.id, total });
      expect(other.backups).toEqual([{ kind: 'chunk', backupId: backupOf(there), cursor: { table: 0, offset: 0 } }]);
      // A lead sent twice records nothing more.
      await startBackupRun(lead.env, 'operator', { shared: run });
      const after = await env.PLATFORM_DB.prepare(
        'SELECT (SELECT COUNT(*) FROM community_backups WHERE run_id = ?1) AS backups, (SELECT total FROM backup_runs WHERE id = ?1) AS total',
      )
        .bind(run.id)
        .first();
      expect(after).toEqual({ backups: total, total });
    });
  });

  it('queues nothing for a run that no lead recorded', async () => {
    const other = shardEnv('shard-9');
    const runId = crypto.randomUUID();
    expect(await startBackupRun(other.env, 'operator', { shared: { id: runId, part: 'join' } })).toEqual({ runId, total: 0 });
    expect(other.backups).toEqual([]);
  });
});
