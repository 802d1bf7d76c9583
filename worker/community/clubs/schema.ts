import { clubRoles, clubStatuses, handoverStatuses } from './rules';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from '../members/schema';
import { programs } from '../programs/schema';
import { now } from '../../db/columns';

/** A resident group (自组织). Whoever proposes it is responsible for it; never blank. */
export const clubs = sqliteTable(
  'clubs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    programKey: text('program_key').references(() => programs.key),
    meetingPattern: text('meeting_pattern'),
    status: text('status', { enum: clubStatuses }).notNull(),
    responsibleMemberId: integer('responsible_member_id')
      .notNull()
      .references(() => members.id),
    approvedBy: integer('approved_by').references(() => members.id),
    approvedAt: text('approved_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('clubs_name').on(t.name), index('clubs_status').on(t.status)],
);

export const clubMembers = sqliteTable(
  'club_members',
  {
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role', { enum: clubRoles }).notNull(),
    joinedAt: text('joined_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.memberId] }), index('club_members_member').on(t.memberId)],
);

/** Handing over responsibility is offered by the responsible person and only takes effect when accepted. */
export const clubHandovers = sqliteTable('club_handovers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clubId: integer('club_id')
    .notNull()
    .references(() => clubs.id),
  fromMemberId: integer('from_member_id')
    .notNull()
    .references(() => members.id),
  toMemberId: integer('to_member_id')
    .notNull()
    .references(() => members.id),
  status: text('status', { enum: handoverStatuses }).notNull(),
  offeredAt: text('offered_at').notNull().default(now),
  decidedAt: text('decided_at'),
});
