import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as tenantSchema from '../../worker/db/tenant-schema';
import { isPersonal, personalDataCatalogue } from '../../worker/community/personal-data/catalogue';
import { confirmsDeletion, leaveProblem } from '../../worker/community/personal-data/rules';

/** A column whose name says it names a member, whatever its type. */
const memberNamePattern = /member|_by$|voter|user_id|guardian/;

const tables = (Object.values(tenantSchema) as unknown[]).flatMap((value) => (value instanceof SQLiteTable ? [getTableConfig(value)] : []));

/** The columns of `table` that point at a member: a foreign key to members.id, or a name that says so. */
function memberColumns(table: (typeof tables)[number]): string[] {
  const byKey = table.foreignKeys.flatMap((fk) => {
    const ref = fk.reference();
    return getTableConfig(ref.foreignTable).name === 'members' ? ref.columns.map((c) => c.name) : [];
  });
  const byName = table.columns.map((c) => c.name).filter((name) => memberNamePattern.test(name));
  const own = table.name === 'members' ? ['id'] : [];
  return [...new Set([...byKey, ...byName, ...own])];
}

describe('the personal-data catalogue covers the schema', () => {
  it('lists every tenant table, and no table that is not in the schema', () => {
    const names = tables.map((t) => t.name).sort();
    expect(names.filter((n) => !(n in personalDataCatalogue))).toEqual([]);
    expect(Object.keys(personalDataCatalogue).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('declares every column that references a member (by foreign key or by name)', () => {
    const missing: string[] = [];
    for (const table of tables) {
      const entry = personalDataCatalogue[table.name];
      const declared = [...(entry && isPersonal(entry) ? Object.keys(entry.members) : []), ...Object.keys(entry?.notMembers ?? {})];
      for (const column of memberColumns(table)) if (!declared.includes(column)) missing.push(`${table.name}.${column}`);
    }
    expect(missing).toEqual([]);
  });

  it('names only columns that exist, and reaches rows only through tables that hold personal data', () => {
    const wrong: string[] = [];
    for (const table of tables) {
      const entry = personalDataCatalogue[table.name];
      if (!entry || !isPersonal(entry)) continue;
      const columns = new Set(table.columns.map((c) => c.name));
      const named = [
        ...Object.keys(entry.members),
        ...(entry.subject ?? []),
        ...Object.keys(entry.personal ?? {}),
        ...(entry.secret ?? []),
        ...(entry.via ? [entry.via.column] : []),
      ];
      for (const c of [...named, ...Object.keys(entry.notMembers ?? {})]) if (!columns.has(c)) wrong.push(`${table.name}.${c}`);
      for (const c of entry.subject ?? []) if (!(c in entry.members)) wrong.push(`${table.name}.${c} (subject, not a member column)`);
      if (entry.via) {
        const parent = personalDataCatalogue[entry.via.table];
        if (!parent || !isPersonal(parent)) wrong.push(`${table.name} via ${entry.via.table}`);
      }
      if (entry.onDelete === 'anonymise' && Object.keys(entry.personal ?? {}).length === 0)
        wrong.push(`${table.name} (anonymises nothing)`);
      if ((entry.onDelete === 'anonymise' || entry.onDelete === 'delete') && (entry.subject ?? []).length === 0 && !entry.via)
        wrong.push(`${table.name} (erases rows about nobody)`);
    }
    expect(wrong).toEqual([]);
  });

  it('fails for a new table with a member column until the catalogue covers it', () => {
    const uncovered = { name: 'tool_lending', foreignKeys: [], columns: [{ name: 'id' }, { name: 'borrower_member_id' }] };
    const columns = memberColumns(uncovered as unknown as (typeof tables)[number]);
    expect(columns).toEqual(['borrower_member_id']);
    expect('tool_lending' in personalDataCatalogue).toBe(false);
  });
});

describe('leaving rules', () => {
  it('keeps the last association administrator until another is appointed', () => {
    expect(leaveProblem(1, [1])).toMatch(/only association administrator/);
    expect(leaveProblem(1, [1, 2])).toBeNull();
    expect(leaveProblem(3, [1])).toBeNull();
  });

  it('confirms deletion only with the words typed out', () => {
    expect(confirmsDeletion(' 删除我的数据 ')).toBe(true);
    expect(confirmsDeletion('Delete  my data')).toBe(true);
    expect(confirmsDeletion('删除')).toBe(false);
  });
});
