import { strFromU8 } from 'fflate';
import { packTables } from './build';
import { archivedTables } from './catalogue';
import { type ArchiveMeta, sha256Hex } from './format';
import { CHUNK_ROWS, quote, readRows } from './read';
import type { TableData } from './types';

/**
 * Where a chunked export has got to: the table (by its place in `archivedTables()`), and within it the last id
 * written (tables with integer ids are read by key, so rows added meanwhile cannot shift the pages) or the offset.
 */
export interface ArchiveCursor {
  table: number;
  offset: number;
  after?: number;
}

export interface ChunkResult {
  next: ArchiveCursor | null;
  rows: number;
  tablesDone: number;
  tablesTotal: number;
}

const partKey = (prefix: string, table: number, part: number) =>
  `${prefix}/part-${String(table).padStart(3, '0')}-${String(part).padStart(6, '0')}.json`;

/** Writes the next chunk (≤ CHUNK_ROWS rows of one table) of the database under R2 `prefix`. `next: null`: all written. */
export async function archiveChunk(d1: D1Database, bucket: R2Bucket, prefix: string, cursor: ArchiveCursor): Promise<ChunkResult> {
  const tables = archivedTables();
  const table = tables[cursor.table];
  if (!table) return { next: null, rows: 0, tablesDone: tables.length, tablesTotal: tables.length };
  let rows: unknown[][];
  if (table.integerId) {
    const idAt = table.columns.indexOf('id');
    rows = await d1
      .prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE "id" > ?1 ORDER BY "id" LIMIT ?2`)
      .bind(cursor.after ?? -1, CHUNK_ROWS)
      .raw();
    const last = rows[rows.length - 1];
    cursor = { ...cursor, after: last ? Number(last[idAt]) : cursor.after };
  } else {
    rows = await readRows(d1, table, cursor.offset);
  }
  const part = Math.floor(cursor.offset / CHUNK_ROWS);
  await bucket.put(partKey(prefix, cursor.table, part), JSON.stringify({ table: table.name, columns: table.columns, rows }));
  const more = rows.length === CHUNK_ROWS;
  const next: ArchiveCursor | null = more
    ? { table: cursor.table, offset: cursor.offset + CHUNK_ROWS, after: cursor.after }
    : cursor.table + 1 < tables.length
      ? { table: cursor.table + 1, offset: 0 }
      : null;
  return { next, rows: rows.length, tablesDone: more ? cursor.table : cursor.table + 1, tablesTotal: tables.length };
}

/** Every object key under a prefix (R2 lists a thousand at a time). */
async function listKeys(bucket: R2Bucket, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: `${prefix}/`, cursor });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys.sort();
}

/** Builds the archive file from the chunks under `prefix`, writes it to `outKey`, and removes the chunks. */
export async function assembleArchive(
  bucket: R2Bucket,
  media: R2Bucket | undefined,
  prefix: string,
  outKey: string,
  meta: ArchiveMeta,
): Promise<{ size: number; sha256: string }> {
  const tables: Record<string, TableData> = {};
  for (const t of archivedTables()) tables[t.name] = { columns: t.columns, rows: [] };
  const keys = await listKeys(bucket, prefix);
  for (const key of keys) {
    const object = await bucket.get(key);
    if (!object) continue;
    const part = JSON.parse(strFromU8(new Uint8Array(await object.arrayBuffer()))) as { table: string; rows: unknown[][] };
    tables[part.table]?.rows.push(...part.rows);
  }
  const file = await packTables(tables, meta, media);
  await bucket.put(outKey, file, { httpMetadata: { contentType: 'application/zip' } });
  for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000));
  return { size: file.byteLength, sha256: await sha256Hex(file) };
}
