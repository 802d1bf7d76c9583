import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/** A resident's private calendar feed; regenerating the token revokes the old URL. */
export const calendarTokens = sqliteTable('calendar_tokens', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  token: text('token').notNull().unique(),
  createdAt: text('created_at').notNull().default(now),
});
