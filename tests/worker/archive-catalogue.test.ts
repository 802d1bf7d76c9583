import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { archivedTables, notArchived } from '../../worker/community/archive/catalogue';
import { memberKeyColumns, polymorphic, remapLink, remapRows } from '../../worker/community/archive/remap';
import * as schema from '../../worker/db/tenant-schema';

describe('the archive catalogue', () => {
  it('carries every tenant table but the machinery, each after the tables it references', () => {
    const names = archivedTables().map((t) => t.name);
    const all = Object.values(schema).map((t) => getTableConfig(t).name);
    expect(new Set(names)).toEqual(new Set(all.filter((n) => !notArchived.has(n))));
    for (const [at, t] of archivedTables().entries()) {
      for (const target of Object.values(t.references)) {
        if (target !== t.name) expect(names.indexOf(target), `${t.name} references ${target}`).toBeLessThan(at);
      }
    }
  });

  it('knows where every id-like column points, so an import can move it (a new one fails here until declared)', () => {
    const unknown: string[] = [];
    for (const t of archivedTables()) {
      for (const c of getTableConfig(t.table).columns) {
        if (c.columnType !== 'SQLiteInteger' || !/(_id|_by)$/.test(c.name)) continue;
        if (c.name in t.references || c.name in (polymorphic[t.name] ?? {})) continue;
        unknown.push(`${t.name}.${c.name}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe('remapping ids', () => {
  const clubs = archivedTables().find((t) => t.name === 'club_members');
  it('moves ids and every reference by the target table’s shift, and leaves nulls alone', () => {
    const members = archivedTables().find((t) => t.name === 'members');
    if (!members || !clubs) throw new Error('missing tables');
    const rows = remapRows(
      members,
      { columns: ['id', 'user_id', 'building_id', 'approved_by', 'assisted_by'], rows: [[1, 'u1', 2, null, 1]] },
      { offsets: { members: 100, buildings: 10 } },
    );
    expect(rows).toEqual([[101, 'u1', 12, null, 101]]);
    expect(
      remapRows(clubs, { columns: ['club_id', 'member_id', 'role'], rows: [[3, 4, 'member']] }, { offsets: { clubs: 5, members: 7 } }),
    ).toEqual([[8, 11, 'member']]);
  });

  it('follows a kind column, member voter keys and notification links', () => {
    const consents = archivedTables().find((t) => t.name === 'child_consents');
    const voters = archivedTables().find((t) => t.name === 'meeting_voters');
    if (!consents || !voters) throw new Error('missing tables');
    const plan = { offsets: { activities: 10, courses: 20, members: 3, meetings: 1, children: 0 } };
    expect(
      remapRows(
        consents,
        {
          columns: ['target_kind', 'target_id'],
          rows: [
            ['activity', 1],
            ['course', 1],
          ],
        },
        plan,
      ),
    ).toEqual([
      ['activity', 11],
      ['course', 21],
    ]);
    expect(memberKeyColumns.meeting_voters).toContain('voter');
    expect(
      remapRows(
        voters,
        {
          columns: ['meeting_id', 'voter'],
          rows: [
            [1, 'member:4'],
            [1, 'residents'],
          ],
        },
        plan,
      ),
    ).toEqual([
      [2, 'member:7'],
      [2, 'residents'],
    ]);
    expect(remapLink('/activities/5?tab=photos', plan.offsets)).toBe('/activities/15?tab=photos');
    expect(remapLink('/handbooks/association', plan.offsets)).toBe('/handbooks/association');
    expect(remapLink(null, plan.offsets)).toBe(null);
  });

  it('moves media keys to the new community’s prefix', () => {
    const media = archivedTables().find((t) => t.name === 'media_files');
    if (!media) throw new Error('missing table');
    const rows = remapRows(
      media,
      { columns: ['id', 'object_key'], rows: [[1, 'old/activity-photo/x']] },
      {
        offsets: {},
        mediaPrefix: { from: 'old', to: 'new' },
      },
    );
    expect(rows).toEqual([[1, 'new/activity-photo/x']]);
  });
});
