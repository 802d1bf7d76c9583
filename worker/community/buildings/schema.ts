import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from '../members/schema';
import { now } from '../../db/columns';

export const buildings = sqliteTable('buildings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  contactsRequired: integer('contacts_required').notNull().default(2),
  /** The grid worker (网格员) who runs the building's group chat with its contacts. */
  gridWorker: text('grid_worker'),
});

/** A resident's offer to be a building contact; an administrator or a party representative confirms it. */
export const applicationStatuses = ['pending', 'confirmed', 'declined'] as const;

export const contactApplications = sqliteTable(
  'contact_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    buildingId: integer('building_id')
      .notNull()
      .references(() => buildings.id),
    status: text('status', { enum: applicationStatuses }).notNull(),
    decidedBy: integer('decided_by').references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
    decidedAt: text('decided_at'),
  },
  // One offer waiting at a time per person (and so per person and building).
  (t) => [uniqueIndex('contact_applications_one_pending').on(t.memberId).where(sql`${t.status} = 'pending'`)],
);
