import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { bindingName, idsByName, RATE_LIMITS, renderWranglerToml, unlimited } from '../../scripts/pool-config.mjs';
import { rateLimitedActions, rateLimiters } from '../../worker/http/rate-limit';

describe('pool:config', () => {
  it('declares the platform database and N tenant bindings with the tenant migrations', () => {
    const toml: string = renderWranglerToml(3);
    expect(toml.match(/binding = "TENANT_DB_\d{3}"/g)).toEqual([
      'binding = "TENANT_DB_001"',
      'binding = "TENANT_DB_002"',
      'binding = "TENANT_DB_003"',
    ]);
    expect(toml).toContain('binding = "PLATFORM_DB"');
    expect(toml.match(/migrations_dir = "migrations\/tenant"/g)).toHaveLength(3);
    expect(toml).toContain('run_worker_first = true');
  });

  it('uses real ids from `wrangler d1 list --json` where it has them', () => {
    const ids = idsByName([
      { uuid: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'huzhu-tenant-001' },
      { uuid: 'bbbbbbbb-0000-4000-8000-000000000000', name: 'huzhu-platform' },
      { name: 'broken' },
    ]);
    const toml: string = renderWranglerToml(2, ids);
    expect(toml).toContain('database_id = "aaaaaaaa-0000-4000-8000-000000000001"');
    expect(toml).toContain('database_id = "bbbbbbbb-0000-4000-8000-000000000000"');
    expect(toml).toContain('database_id = "00000000-0000-4000-8000-000000000002"');
  });

  it('names bindings with three digits, and refuses sizes beyond the binding ceiling', () => {
    expect(bindingName(7)).toBe('TENANT_DB_007');
    expect(() => renderWranglerToml(0)).toThrow();
    expect(() => renderWranglerToml(5001)).toThrow();
  });

  it('declares every rate limiter the worker uses, with the budgets the worker reads, and a pool warning threshold', () => {
    expect(RATE_LIMITS).toEqual(rateLimiters);
    const toml: string = renderWranglerToml(2);
    const used = new Set(Object.values(rateLimitedActions).flatMap((a) => [a.perAccount, a.perAddress]));
    expect(new Set(Object.keys(rateLimiters))).toEqual(used);
    for (const [name, { namespaceId, limit, period }] of Object.entries(rateLimiters)) {
      expect([10, 60]).toContain(period);
      expect(toml).toContain(
        `[[ratelimits]]\nname = "${name}"\nnamespace_id = "${namespaceId}"\nsimple = { limit = ${limit}, period = ${period} }\n`,
      );
    }
    expect(new Set(Object.values(rateLimiters).map((r) => r.namespaceId)).size).toBe(Object.keys(rateLimiters).length);
    expect(toml).toContain('POOL_WARN_BELOW = "5"');
  });

  it('lifts the budgets for a benchmark, keeping the bindings', () => {
    const toml: string = renderWranglerToml(2, new Map(), { rateLimits: unlimited() });
    expect(toml.match(/\[\[ratelimits\]\]/g)).toHaveLength(Object.keys(rateLimiters).length);
    expect(toml.match(/simple = \{ limit = 1000000, period = 60 \}/g)).toHaveLength(Object.keys(rateLimiters).length);
  });
});
