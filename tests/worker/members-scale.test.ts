import { describe, expect, it, vi } from 'vitest';
import { community } from './community-fixtures';
import { bodyOf, client, read, tenantD1 } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

describe('a community of hundreds of members', () => {
  it('lists them all with their roles (a statement binds at most 100 values, so no IN over every id)', async () => {
    const c = await community();
    const d1 = await tenantD1(c.slug);
    const rows = Array.from({ length: 180 }, (_, i) =>
      d1.prepare("INSERT INTO members (user_id, display_name, status) VALUES (?, ?, 'active')").bind(`bulk-${i}`, `居民${i}`),
    );
    await d1.batch(rows);
    await d1
      .prepare(
        "INSERT INTO member_roles (member_id, role, party_key, granted_by) SELECT id, 'committee-member', '', 'test' FROM members WHERE user_id = 'bulk-150'",
      )
      .run();
    const list = bodyOf(await read(client(c.host, c.admin.token).api.members.$get({ query: {} })), 200);
    expect(list.members.length).toBeGreaterThanOrEqual(181);
    expect(list.members.find((m) => m.displayName === '居民150')?.roles.map((r) => r.role)).toEqual(['committee-member']);
  });
});
