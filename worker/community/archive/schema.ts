import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { members } from '../members/schema';

export const exportStatuses = ['running', 'ready', 'failed'] as const;

/**
 * An administrator's export of the whole community: written chunk by chunk into R2 (through the queue when large),
 * then packed into one zip. The download link carries a random token (only its hash is kept) and expires.
 * Not part of any archive itself.
 */
export const archiveExports = sqliteTable('archive_exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  requestedBy: integer('requested_by')
    .notNull()
    .references(() => members.id),
  status: text('status', { enum: exportStatuses }).notNull().default('running'),
  /** Where the chunked export has got to (JSON of an ArchiveCursor); 'packing' while the zip is made; null when finished. */
  cursor: text('cursor'),
  tablesDone: integer('tables_done').notNull().default(0),
  tablesTotal: integer('tables_total').notNull(),
  rows: integer('rows').notNull().default(0),
  objectKey: text('object_key'),
  size: integer('size'),
  sha256: text('sha256'),
  tokenHash: text('token_hash').notNull(),
  error: text('error'),
  createdAt: text('created_at').notNull().default(now),
  finishedAt: text('finished_at'),
  /** The download link stops working, and the file is deleted, after this instant. */
  expiresAt: text('expires_at').notNull(),
});
