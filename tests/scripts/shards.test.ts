import { describe, expect, it } from 'vitest';
import { backupRunScope, destinationOf, shardBinding, shardList } from '../../worker/router/rules';
// @ts-expect-error plain ESM script without types
import { firstBindingOf, renderShardedConfigs, SHARD_STRIDE } from '../../scripts/shard-config.mjs';

describe('where the router sends a request', () => {
  it('sends a community host to that community, whatever the path', () => {
    expect(destinationOf({ kind: 'community', slug: 'cuizhuyuan' }, 'GET', '/api/communities')).toEqual({
      kind: 'community',
      slug: 'cuizhuyuan',
    });
  });

  it('sends a sign-up to a shard with room, and requests about one community or one backup to its shard', () => {
    const platform = { kind: 'platform' } as const;
    expect(destinationOf(platform, 'POST', '/api/communities')).toEqual({ kind: 'sign-up' });
    expect(destinationOf(platform, 'GET', '/api/communities')).toEqual({ kind: 'control' });
    expect(destinationOf(platform, 'POST', '/api/communities/dafang/resume')).toEqual({ kind: 'community', slug: 'dafang' });
    expect(destinationOf(platform, 'GET', '/api/operator/backups/communities/dafang')).toEqual({ kind: 'community', slug: 'dafang' });
    expect(destinationOf(platform, 'POST', '/api/operator/backups/b-17/restore')).toEqual({ kind: 'backup', backupId: 'b-17' });
    expect(destinationOf(platform, 'GET', '/api/operator/overview')).toEqual({ kind: 'control' });
  });

  it("sends an operator's run of snapshots or backups to every shard, and reading their progress to the first", () => {
    const platform = { kind: 'platform' } as const;
    expect(destinationOf(platform, 'POST', '/api/operator/metrics/runs')).toEqual({ kind: 'every-shard', run: 'metrics' });
    expect(destinationOf(platform, 'POST', '/api/operator/backups/runs')).toEqual({ kind: 'every-shard', run: 'backups' });
    expect(destinationOf(platform, 'GET', '/api/operator/metrics/runs/latest')).toEqual({ kind: 'control' });
    expect(destinationOf(platform, 'GET', '/api/operator/backups')).toEqual({ kind: 'control' });
    // On a community's own host the path means nothing special.
    expect(destinationOf({ kind: 'community', slug: 'dafang' }, 'POST', '/api/operator/metrics/runs')).toEqual({
      kind: 'community',
      slug: 'dafang',
    });
  });

  it('reads whom a backup run is for: every community, one (on its shard), or a body the first shard refuses', () => {
    expect(backupRunScope('{}')).toEqual({ kind: 'every' });
    expect(backupRunScope('{"slug":"dafang"}')).toEqual({ kind: 'one', slug: 'dafang' });
    for (const body of ['', 'nonsense', '[]', 'null', '{"slug":7}']) expect(backupRunScope(body), body).toEqual({ kind: 'invalid' });
  });

  it('reads the list of shards and refuses a malformed one', () => {
    expect(shardList(' shard-1, shard-2 ,')).toEqual(['shard-1', 'shard-2']);
    expect(shardList(undefined)).toEqual([]);
    expect(() => shardList('shard-1,main')).toThrow(/main/);
    expect(shardBinding('shard-12')).toBe('SHARD_12');
  });
});

describe('the configs of a sharded deployment', () => {
  const files = renderShardedConfigs({ shards: 2, perShard: 3 }) as Record<string, string>;

  it('gives the router the platform database and one service binding per shard, and no community database', () => {
    const router = files['wrangler.router.toml']!;
    expect(router).toContain('main = "worker/router/index.ts"');
    expect(router).toContain('SHARDS = "shard-1,shard-2"');
    expect(router).toMatch(/binding = "SHARD_1"\nservice = "huzhu-shard-1"/);
    expect(router).toMatch(/binding = "SHARD_2"\nservice = "huzhu-shard-2"/);
    expect(router).not.toContain('TENANT_DB_');
  });

  it('gives each shard its own binding numbers, queues and name, and no public address', () => {
    const one = files['wrangler.shard-1.toml']!;
    const two = files['wrangler.shard-2.toml']!;
    const bindings = (text: string) => [...text.matchAll(/binding = "(TENANT_DB_\d+)"/g)].map((m) => m[1]);
    expect(bindings(one)).toEqual(['TENANT_DB_001', 'TENANT_DB_002', 'TENANT_DB_003']);
    expect(bindings(two)).toEqual([
      `TENANT_DB_${firstBindingOf(2)}`,
      `TENANT_DB_${firstBindingOf(2) + 1}`,
      `TENANT_DB_${firstBindingOf(2) + 2}`,
    ]);
    expect(firstBindingOf(2)).toBe(SHARD_STRIDE + 1);
    for (const [text, name] of [
      [one, 'shard-1'],
      [two, 'shard-2'],
    ] as const) {
      expect(text).toContain(`name = "huzhu-${name}"`);
      expect(text).toContain('workers_dev = false');
      expect(text).toContain(`SHARD_NAME = "${name}"`);
      expect(text).toContain(`queue = "huzhu-metrics-${name}"`);
      expect(text).toContain('AUTH_MODE = "clerk"');
    }
  });

  it('refuses more databases on one shard than its range of binding numbers holds', () => {
    expect(() => renderShardedConfigs({ shards: 2, perShard: SHARD_STRIDE + 1 })).toThrow(/per-shard/);
    expect(() => renderShardedConfigs({ shards: 0, perShard: 3 })).toThrow(/shards/);
  });
});
