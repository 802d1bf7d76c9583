import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { tenantMigrations } from '../../tenancy/tenant-migrations.generated';

/** The archive format's name and version (docs/export-format.md). A reader refuses versions it does not know. */
export const ARCHIVE_FORMAT = 'huzhu-community-archive';
export const ARCHIVE_VERSION = 1;
/** Media files are carried inside the archive up to this many bytes in all; past it they are listed with checksums only. */
export const MEDIA_INCLUDED_LIMIT = 25 * 1024 * 1024;

export type ArchiveKind = 'export' | 'backup';
export interface ArchiveMeta {
  slug: string;
  name: string;
  timeZone: string;
  exportedAt: string;
  kind: ArchiveKind;
}

/** A table as stored: its column names once, then each row as an array in that order (raw database values). */
export interface TableData {
  columns: string[];
  rows: unknown[][];
}

export interface MediaEntry {
  id: number;
  objectKey: string;
  contentType: string;
  size: number;
  sha256: string | null;
  /** The file's path inside the archive, or null when it is listed only (over the size limit, or missing). */
  file: string | null;
}

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int(),
  meta: z.object({
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
    exportedAt: z.string(),
    kind: z.enum(['export', 'backup']),
  }),
  /** The last tenant migration the exporting database had run. */
  schema: z.object({ migration: z.string() }),
  tables: z.record(z.string(), z.object({ file: z.string(), rows: z.number().int(), sha256: z.string() })),
  csv: z.array(z.string()),
  media: z.array(
    z.object({
      id: z.number().int(),
      objectKey: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      sha256: z.string().nullable(),
      file: z.string().nullable(),
    }),
  ),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;

export interface Archive {
  manifest: ArchiveManifest;
  tables: Record<string, TableData>;
  csv: Record<string, string>;
  media: Record<string, Uint8Array>;
}

/** The migration a database built by this code has run last. */
export function currentMigration(): string {
  return tenantMigrations[tenantMigrations.length - 1]?.name ?? '';
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? strToU8(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One table's file: stable key order and one row per line, so two archives of the same data are byte-identical. */
export function tableJson(name: string, data: TableData): string {
  const rows = data.rows.map((r) => JSON.stringify(r)).join(',\n');
  return `{"table":${JSON.stringify(name)},"columns":${JSON.stringify(data.columns)},"rows":[\n${rows}\n]}\n`;
}

/** Packs an archive into one zip file. The manifest's checksums are computed here from the files written. */
export async function packArchive(
  meta: ArchiveMeta,
  tables: Record<string, TableData>,
  csv: Record<string, string>,
  media: { entries: Omit<MediaEntry, 'file'>[]; files: Record<number, Uint8Array> },
): Promise<Uint8Array> {
  const files: Zippable = {};
  const manifestTables: ArchiveManifest['tables'] = {};
  for (const [name, data] of Object.entries(tables)) {
    const file = `tables/${name}.json`;
    const text = tableJson(name, data);
    files[file] = strToU8(text);
    manifestTables[name] = { file, rows: data.rows.length, sha256: await sha256Hex(text) };
  }
  for (const [name, text] of Object.entries(csv)) files[`csv/${name}.csv`] = strToU8(text);
  const mediaEntries: MediaEntry[] = media.entries.map((e) => {
    const bytes = media.files[e.id];
    if (!bytes) return { ...e, file: null };
    const file = `media/${e.id}`;
    // Photos are already compressed: stored as they are.
    files[file] = [bytes, { level: 0 }];
    return { ...e, file };
  });
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    meta,
    schema: { migration: currentMigration() },
    tables: manifestTables,
    csv: Object.keys(csv),
    media: mediaEntries,
  };
  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  // A fixed time on every entry, so the same data packs to the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** Why an archive cannot be read, in words an administrator can act on. */
export class ArchiveError extends Error {}

const tableFileSchema = z.object({ table: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.unknown())) });

/** Unpacks and checks an archive: the format and version, and every table file against its checksum. */
export async function readArchive(bytes: Uint8Array): Promise<Archive> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ArchiveError('not a zip file');
  }
  const manifestFile = files['manifest.json'];
  if (!manifestFile) throw new ArchiveError('manifest.json is missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(manifestFile));
  } catch {
    throw new ArchiveError('manifest.json is not JSON');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw new ArchiveError('manifest.json is not a Huzhu community archive');
  if (manifest.data.version > ARCHIVE_VERSION) {
    throw new ArchiveError(`archive version ${manifest.data.version} is newer than this Huzhu reads (${ARCHIVE_VERSION})`);
  }
  const tables: Record<string, TableData> = {};
  for (const [name, entry] of Object.entries(manifest.data.tables)) {
    const file = files[entry.file];
    if (!file) throw new ArchiveError(`${entry.file} is missing`);
    const text = strFromU8(file);
    if ((await sha256Hex(text)) !== entry.sha256) throw new ArchiveError(`${entry.file} does not match its checksum`);
    const data = tableFileSchema.safeParse(JSON.parse(text));
    if (!data.success || data.data.table !== name) throw new ArchiveError(`${entry.file} is not a table file`);
    if (data.data.rows.some((r) => r.length !== data.data.columns.length)) throw new ArchiveError(`${entry.file} has a short row`);
    tables[name] = { columns: data.data.columns, rows: data.data.rows };
  }
  const csv: Record<string, string> = {};
  for (const name of manifest.data.csv) {
    const file = files[`csv/${name}.csv`];
    if (file) csv[name] = strFromU8(file);
  }
  const media: Record<string, Uint8Array> = {};
  for (const m of manifest.data.media) {
    if (!m.file) continue;
    const file = files[m.file];
    if (!file) throw new ArchiveError(`${m.file} is missing`);
    if (m.sha256 && (await sha256Hex(file)) !== m.sha256) throw new ArchiveError(`${m.file} does not match its checksum`);
    media[m.file] = file;
  }
  return { manifest: manifest.data, tables, csv, media };
}
