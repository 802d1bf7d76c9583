import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { ledgerTransactions } from '../ledger/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/** A file kept in object storage for this community: an activity photo or a ledger receipt. */
export const mediaFiles = sqliteTable(
  'media_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['activity-photo', 'space-photo', 'receipt'] }).notNull(),
    activityId: integer('activity_id').references(() => activities.id),
    transactionId: integer('transaction_id').references(() => ledgerTransactions.id),
    objectKey: text('object_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('media_files_activity').on(t.activityId), index('media_files_transaction').on(t.transactionId)],
);
