import { buildReadableCsv } from './csv';
import { type Archive, type ArchiveMeta, MEDIA_INCLUDED_LIMIT, type MediaEntry, packArchive, readArchive, sha256Hex } from './format';
import { readAllTables } from './read';
import type { TableData } from './types';

/** The media manifest of an archive: every file in media_files with its checksum, and the bytes of those that fit. */
export async function collectMedia(
  tables: Record<string, TableData>,
  bucket: R2Bucket | undefined,
  limit = MEDIA_INCLUDED_LIMIT,
): Promise<{ entries: Omit<MediaEntry, 'file'>[]; files: Record<number, Uint8Array> }> {
  const data = tables.media_files;
  if (!data) return { entries: [], files: {} };
  const col = (name: string) => data.columns.indexOf(name);
  const [id, key, type, size] = [col('id'), col('object_key'), col('content_type'), col('size')];
  const entries: Omit<MediaEntry, 'file'>[] = [];
  const files: Record<number, Uint8Array> = {};
  let carried = 0;
  for (const row of data.rows) {
    const entry = {
      id: Number(row[id]),
      objectKey: String(row[key]),
      contentType: String(row[type]),
      size: Number(row[size]),
      sha256: null as string | null,
    };
    const object = bucket ? await bucket.get(entry.objectKey) : null;
    if (object) {
      const bytes = new Uint8Array(await object.arrayBuffer());
      entry.sha256 = await sha256Hex(bytes);
      if (carried + bytes.byteLength <= limit) {
        files[entry.id] = bytes;
        carried += bytes.byteLength;
      }
    }
    entries.push(entry);
  }
  return { entries, files };
}

/** Packs tables that have been read into an archive file: tables, readable CSVs and media. */
export async function packTables(tables: Record<string, TableData>, meta: ArchiveMeta, media: R2Bucket | undefined): Promise<Uint8Array> {
  return packArchive(meta, tables, buildReadableCsv(tables, meta.timeZone), await collectMedia(tables, media));
}

/** A whole community as an archive file, built in memory (small and medium communities; large ones go in chunks). */
export async function buildArchiveFile(d1: D1Database, meta: ArchiveMeta, media?: R2Bucket): Promise<Uint8Array> {
  return packTables(await readAllTables(d1), meta, media);
}

/** The community as it is now, as an archive (the "current" side of a restore's dry run). */
export async function buildArchive(d1: D1Database, meta: ArchiveMeta, media?: R2Bucket): Promise<Archive> {
  return readArchive(await buildArchiveFile(d1, meta, media));
}
