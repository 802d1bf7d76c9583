import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/** Professional committees: standing sections and ad hoc groups that propose, supervise and assist. */
export const committees = sqliteTable('committees', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['standing', 'ad-hoc'] }).notNull(),
  remit: text('remit').notNull(),
  proposes: integer('proposes', { mode: 'boolean' }).notNull().default(true),
  supervises: integer('supervises', { mode: 'boolean' }).notNull().default(false),
  assists: integer('assists', { mode: 'boolean' }).notNull().default(false),
  endsOn: text('ends_on'),
  /** When it was closed: a closed committee keeps its record but holds no new meetings and takes no new members. */
  closedAt: text('closed_at'),
  createdAt: text('created_at').notNull().default(now),
});

/** Members are residents, or outside experts (a lawyer, a social worker) who are not residents. */
export const committeeMembers = sqliteTable('committee_members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  committeeId: integer('committee_id')
    .notNull()
    .references(() => committees.id),
  memberId: integer('member_id').references(() => members.id),
  externalName: text('external_name'),
  expertise: text('expertise').notNull().default(''),
  role: text('role', { enum: ['chair', 'member'] }).notNull(),
});
