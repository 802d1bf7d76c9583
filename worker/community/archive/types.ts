import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** A tenant table as the archive sees it: its database name, columns, key and the tables it points at. */
export interface ArchivedTable {
  name: string;
  table: SQLiteTable;
  /** Column names in the database, in the schema's order. */
  columns: string[];
  /** Primary key columns (the rowid alias `id` for most tables). */
  primaryKey: string[];
  /** True when the key is a single integer `id` that the database assigns: such ids can be remapped on import. */
  integerId: boolean;
  /** column → table it references by a declared foreign key or a loose reference (always that table's `id`). */
  references: Record<string, string>;
}

export type { TableData } from './format';
