import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { archivedTables } from './catalogue';
import { type Archive, ArchiveError } from './format';
import { quote } from './read';
import { type RemapPlan, remapRows } from './remap';
import type { ArchivedTable, TableData } from './types';

export interface ImportOptions {
  /** keep: ids as in the archive (a restore into an empty database); remap: shifted past what the target holds. */
  ids: 'keep' | 'remap';
  /** Empty every archived table of the target first, in the same batch (a fresh community's onboarding content). */
  replace?: boolean;
  /** Where media files go, and the community prefix of their keys (`<old community id>` → `<new>`). */
  media?: { bucket: R2Bucket; fromPrefix: string; toPrefix: string };
}

export interface ImportReport {
  tables: Record<string, number>;
  rows: number;
  statements: number;
  mediaWritten: number;
  offsets: Record<string, number>;
}

/** Statement text is kept under D1's 100 KB limit (UTF-8: a Chinese character takes three bytes). */
const STATEMENT_CHARS = 30_000;
const ROWS_PER_STATEMENT = 400;

/** A value as an SQL literal. Text is quoted the standard way (a quote doubled); SQLite has no backslash escapes. */
export function literal(value: unknown, where: string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArchiveError(`${where}: a number that is not finite`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') {
    // A NUL cannot sit inside a quoted literal; such text goes in as hex.
    if (value.includes('\u0000')) {
      const hex = [...new TextEncoder().encode(value)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return `CAST(X'${hex}' AS TEXT)`;
    }
    return `'${value.replaceAll("'", "''")}'`;
  }
  throw new ArchiveError(`${where}: a value that is not text, a number or empty`);
}

function checkShape(archive: Archive, byName: Map<string, ArchivedTable>) {
  for (const [name, data] of Object.entries(archive.tables)) {
    const table = byName.get(name);
    if (!table) throw new ArchiveError(`table ${name} is not part of this version of Huzhu`);
    const unknown = data.columns.filter((c) => !table.columns.includes(c));
    if (unknown.length > 0) throw new ArchiveError(`table ${name} has columns this version does not know: ${unknown.join(', ')}`);
    const integers = new Set(
      getTableConfig(table.table)
        .columns.filter((c) => c.columnType === 'SQLiteInteger' || c.columnType === 'SQLiteBoolean')
        .map((c) => c.name),
    );
    data.columns.forEach((column, at) => {
      if (!integers.has(column)) return;
      const bad = data.rows.find((r) => r[at] !== null && !Number.isInteger(r[at]) && typeof r[at] !== 'boolean');
      if (bad) throw new ArchiveError(`table ${name}: column ${column} holds ${JSON.stringify(bad[at])}, not a whole number`);
    });
  }
}

function insertStatements(table: ArchivedTable, columns: string[], rows: unknown[][]): string[] {
  const head = `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES `;
  const out: string[] = [];
  let values: string[] = [];
  let length = head.length;
  const flush = () => {
    if (values.length > 0) out.push(head + values.join(','));
    values = [];
    length = head.length;
  };
  rows.forEach((row, n) => {
    const tuple = `(${row.map((v, i) => literal(v, `${table.name} row ${n + 1} ${columns[i]}`)).join(',')})`;
    if (values.length >= ROWS_PER_STATEMENT || (values.length > 0 && length + tuple.length > STATEMENT_CHARS)) flush();
    values.push(tuple);
    length += tuple.length + 1;
  });
  flush();
  return out;
}

async function maxIds(d1: D1Database, tables: ArchivedTable[]): Promise<Record<string, number>> {
  const withIds = tables.filter((t) => t.integerId);
  const parts = withIds.map((t) => `SELECT ${literal(t.name, t.name)} AS t, COALESCE(MAX(id), 0) AS m FROM ${quote(t.name)}`);
  const offsets: Record<string, number> = {};
  for (let i = 0; i < parts.length; i += 40) {
    const { results } = await d1.prepare(parts.slice(i, i + 40).join(' UNION ALL ')).all<{ t: string; m: number }>();
    for (const r of results) offsets[r.t] = r.m;
  }
  return offsets;
}

/**
 * Writes an archive into a database as ONE batch, so a failure leaves nothing half-written. Tables go in the order
 * of their references; the import only inserts, so the append-only ledger, time bank and amendments are written
 * as history, never edited. A meeting that was closed is written open, its items and positions added, and then
 * closed in the same batch — the same order in which the community wrote it — because a closed meeting takes no
 * positions.
 */
export async function importArchive(d1: D1Database, archive: Archive, options: ImportOptions): Promise<ImportReport> {
  const tables = archivedTables();
  const byName = new Map(tables.map((t) => [t.name, t]));
  checkShape(archive, byName);
  const offsets = options.ids === 'remap' && !options.replace ? await maxIds(d1, tables) : {};
  const plan: RemapPlan = {
    offsets,
    mediaPrefix: options.media ? { from: options.media.fromPrefix, to: options.media.toPrefix } : undefined,
  };
  const sql: string[] = ['PRAGMA defer_foreign_keys = ON'];
  if (options.replace) for (const t of [...tables].reverse()) sql.push(`DELETE FROM ${quote(t.name)}`);
  const report: ImportReport = { tables: {}, rows: 0, statements: 0, mediaWritten: 0, offsets };
  const closedMeetings: unknown[] = [];
  for (const table of tables) {
    const data = archive.tables[table.name];
    if (!data || data.rows.length === 0) continue;
    let rows = remapRows(table, data, plan);
    if (table.name === 'meetings') {
      const status = data.columns.indexOf('status');
      const id = data.columns.indexOf('id');
      rows = rows.map((r) => {
        if (r[status] !== 'closed') return r;
        closedMeetings.push(r[id]);
        const open = [...r];
        open[status] = 'in-progress';
        return open;
      });
    }
    sql.push(...insertStatements(table, data.columns, rows));
    report.tables[table.name] = rows.length;
    report.rows += rows.length;
  }
  if (closedMeetings.length > 0) {
    const byId = new Map<unknown, unknown[]>();
    const meetings = archive.tables.meetings as TableData;
    const idAt = meetings.columns.indexOf('id');
    for (const row of remapRows(byName.get('meetings') as ArchivedTable, meetings, plan)) byId.set(row[idAt], row);
    // The close writes the meeting's final record (minutes and their publication) as the chair's close did.
    const finals = meetings.columns.filter((c) => c !== 'id');
    for (const id of closedMeetings) {
      const row = byId.get(id) ?? [];
      const sets = finals.map((c) => `${quote(c)} = ${literal(row[meetings.columns.indexOf(c)], `meetings ${c}`)}`).join(', ');
      sql.push(`UPDATE "meetings" SET ${sets} WHERE "id" = ${literal(id, 'meetings id')}`);
    }
  }
  report.statements = sql.length;
  try {
    await d1.batch(sql.map((s) => d1.prepare(s)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArchiveError(`the archive does not fit this community's database: ${message.replace(/^D1_ERROR:\s*/, '').slice(0, 300)}`);
  }
  if (options.media) {
    const media = archive.manifest.media;
    for (const m of media) {
      const bytes = m.file ? archive.media[m.file] : undefined;
      if (!bytes) continue;
      const key = m.objectKey.startsWith(`${options.media.fromPrefix}/`)
        ? `${options.media.toPrefix}/${m.objectKey.slice(options.media.fromPrefix.length + 1)}`
        : m.objectKey;
      await options.media.bucket.put(key, bytes, { httpMetadata: { contentType: m.contentType } });
      report.mediaWritten++;
    }
  }
  return report;
}
