import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/** A volunteer's self-declared age band, so the program can count how many young and middle-aged people take part. */
export const ageBands = ['under-30', '30-49', '50-64', '65-plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export const volunteers = sqliteTable('volunteers', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  skills: text('skills').notNull().default(''),
  availability: text('availability').notNull().default(''),
  /** Optional and self-declared; null when the volunteer would rather not say. */
  ageBand: text('age_band', { enum: ageBands }),
  registeredAt: text('registered_at').notNull().default(now),
});

/** Hours are recorded by the responsible person and confirmed by the volunteer. */
export const volunteerHours = sqliteTable(
  'volunteer_hours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    activityId: integer('activity_id').references(() => activities.id),
    programKey: text('program_key'),
    servedOn: text('served_on').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    confirmedAt: text('confirmed_at'),
    /** For an assisted member's hours: the contact or administrator who recorded and confirmed them on their behalf. */
    onBehalfBy: integer('on_behalf_by').references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('volunteer_hours_member').on(t.memberId)],
);
