import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ArchivedTable } from './types';
import * as schema from '../../db/tenant-schema';

export type { ArchivedTable } from './types';

/**
 * Tables that are not the community's data but the machinery's, and never travel in an archive: the email outbox
 * (pending sends; importing it would send them again) and the archive jobs themselves.
 */
export const notArchived = new Set(['outbox', 'archive_exports']);

/**
 * Integer columns that hold another row's id without a declared foreign key (kept loose on purpose: optional links,
 * or ids written before the row they point at exists). Import remaps them like foreign keys. A test walks the schema
 * and fails for an `…_id` / `…_by` integer column that is neither declared nor listed here nor in `notReferences`.
 */
export const looseReferences: Record<string, Record<string, string>> = {
  members: { approved_by: 'members', assisted_by: 'members' },
  spaces: { photo_id: 'media_files' },
  course_enrolments: { child_id: 'children' },
  ledger_transactions: { reverses_id: 'ledger_transactions' },
  slot_requests: { club_id: 'clubs' },
};

/** `…_id` / `…_by` integer columns that are not ids of a tenant row (counts, external numbers). */
export const notReferences: Record<string, string[]> = {};

function describe(table: SQLiteTable): ArchivedTable {
  const config = getTableConfig(table);
  const columns = config.columns.map((c) => c.name);
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const primaryKey = single.length > 0 ? single : composite;
  const idColumn = config.columns.find((c) => c.primary && c.name === 'id');
  const references: Record<string, string> = {};
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    const [column] = ref.columns;
    if (ref.columns.length === 1 && column) references[column.name] = getTableConfig(ref.foreignTable).name;
  }
  for (const [column, target] of Object.entries(looseReferences[config.name] ?? {})) references[column] = target;
  return {
    name: config.name,
    table,
    columns,
    primaryKey,
    integerId: idColumn?.columnType === 'SQLiteInteger',
    references,
  };
}

/** Orders tables so that each comes after the tables it references (self-references aside). */
function dependencyOrder(tables: ArchivedTable[]): ArchivedTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: ArchivedTable[] = [];
  const visit = (t: ArchivedTable) => {
    if (done.has(t.name) || visiting.has(t.name)) return;
    visiting.add(t.name);
    for (const target of Object.values(t.references)) {
      const dep = byName.get(target);
      if (dep && dep.name !== t.name) visit(dep);
    }
    visiting.delete(t.name);
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return ordered;
}

let cached: ArchivedTable[] | undefined;

/** Every tenant table that an archive carries, in an order that inserts safely (referenced tables first). */
export function archivedTables(): ArchivedTable[] {
  if (!cached) {
    const tables = (Object.values(schema) as unknown[])
      .filter((v): v is SQLiteTable => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v)
      .map(describe)
      .filter((t) => !notArchived.has(t.name));
    cached = dependencyOrder(tables);
  }
  return cached;
}
