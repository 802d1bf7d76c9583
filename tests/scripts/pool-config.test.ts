import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { bindingName, idsByName, renderWranglerToml } from '../../scripts/pool-config.mjs';

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
});
