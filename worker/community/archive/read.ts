import { archivedTables } from './catalogue';
import type { ArchivedTable, TableData } from './types';

/** Rows read per query when a table is exported in chunks. */
export const CHUNK_ROWS = 5_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Reads up to `limit` rows of a table from `offset`, in the order they were written, as raw values. */
export async function readRows(d1: D1Database, table: ArchivedTable, offset: number, limit = CHUNK_ROWS): Promise<unknown[][]> {
  // In the order the rows were written (the rowid; `id` is the rowid where there is one), so that an import writes
  // them in the same order, and a page that lists a table's rows as they were added lists them the same way.
  const order = table.integerId ? '"id"' : 'rowid';
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
