import { archivedTables } from './catalogue';
import type { ArchivedTable, TableData } from './types';

/** Rows read per query when a table is exported in chunks. */
export const CHUNK_ROWS = 5_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Reads up to `limit` rows of a table from `offset`, in key order, as raw values. */
export async function readRows(d1: D1Database, table: ArchivedTable, offset: number, limit = CHUNK_ROWS): Promise<unknown[][]> {
  const order = (table.primaryKey.length > 0 ? table.primaryKey : ['rowid']).map(quote).join(', ');
  return d1
    .prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${order} LIMIT ?1 OFFSET ?2`)
    .bind(limit, offset)
    .raw();
}

/** Reads every archived table whole. For a community of a few thousand households this is tens of queries. */
export async function readAllTables(d1: D1Database): Promise<Record<string, TableData>> {
  const out: Record<string, TableData> = {};
  for (const table of archivedTables()) {
    const rows: unknown[][] = [];
    for (let offset = 0; ; offset += CHUNK_ROWS) {
      const chunk = await readRows(d1, table, offset);
      rows.push(...chunk);
      if (chunk.length < CHUNK_ROWS) break;
    }
    out[table.name] = { columns: table.columns, rows };
  }
  return out;
}

export { quote };
