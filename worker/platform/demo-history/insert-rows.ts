/** Typed rows and Drizzle queries as plain D1 statements, so a whole history goes into one batch. */
import { getTableColumns, getTableName, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** D1 binds at most 100 parameters; one JSON parameter per chunk carries any number of rows instead. */
const ROWS_PER_STATEMENT = 2000;

/**
 * Inserts typed rows as `INSERT … SELECT … FROM json_each(?)`: the column names come from the Drizzle table,
 * so a renamed column fails here at compile time, and each chunk is one statement with one parameter.
 */
export function insertRows<T extends SQLiteTable>(d1: D1Database, table: T, rows: InferInsertModel<T>[]): D1PreparedStatement[] {
  const first = rows[0];
  if (!first) return [];
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  // The generator gives every row of a table the same keys (null where there is nothing), so the first one speaks for all.
  const keys = Object.keys(first);
  const names = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  const values = keys.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ');
  const sql = `INSERT INTO "${getTableName(table)}" (${names}) SELECT ${values} FROM json_each(?1)`;
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) =>
      keys.map((k) => {
        const v = (row as Record<string, unknown>)[k];
        return typeof v === 'boolean' ? Number(v) : (v ?? null);
      }),
    );
    statements.push(d1.prepare(sql).bind(JSON.stringify(chunk)));
  }
  return statements;
}

/** A Drizzle query as a plain D1 statement, so it can join the same batch. */
export function prepared(d1: D1Database, query: { toSQL(): { sql: string; params: unknown[] } }): D1PreparedStatement {
  const { sql, params } = query.toSQL();
  return d1.prepare(sql).bind(...params);
}
