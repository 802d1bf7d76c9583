import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { issues } from '../issues/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    issueId: integer('issue_id').references(() => issues.id),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: text('created_at').notNull().default(now),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_member').on(t.memberId, t.readAt)],
);
