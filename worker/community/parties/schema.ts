import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { members } from '../members/schema';

import { appointmentStatuses, partyKeys } from './rules';

/** The four parties (居委会, 业委会, 物业, 互助会), named as the community names them. */
export const parties = sqliteTable('parties', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  organisationName: text('organisation_name'),
  remitZh: text('remit_zh').notNull(),
  remitEn: text('remit_en').notNull(),
});

/** Appointing a party's representative: offered by an administrator, accepted by the appointee; every step is kept. */
export const partyAppointments = sqliteTable(
  'party_appointments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partyKey: text('party_key', { enum: partyKeys }).notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    appointedBy: integer('appointed_by')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: appointmentStatuses }).notNull(),
    createdAt: text('created_at').notNull().default(now),
    decidedAt: text('decided_at'),
    endedBy: integer('ended_by').references(() => members.id),
  },
  (t) => [
    // One open offer per person and party; a second offer is a conflict, not a duplicate.
    uniqueIndex('party_appointments_one_open').on(t.partyKey, t.memberId).where(sql`${t.status} = 'offered'`),
    index('party_appointments_member').on(t.memberId),
  ],
);
