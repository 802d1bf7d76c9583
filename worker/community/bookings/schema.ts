import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { clubs } from '../clubs/schema';
import { members } from '../members/schema';
import { spaces } from '../spaces/schema';
import { now } from '../../db/columns';

/** A booking; a trigger refuses any overlap with an active booking of the same space. */
export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    clubId: integer('club_id').references(() => clubs.id),
    bookedBy: integer('booked_by')
      .notNull()
      .references(() => members.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    purpose: text('purpose').notNull(),
    /** How many people the booker expects; held to the space's capacity. Null for bookings made before it was asked. */
    people: integer('people'),
    /** Occurrences of one weekly booking share a series. */
    seriesId: text('series_id'),
    /** Set when the booking holds the room for a club activity; the activity's place and time follow it. */
    activityId: integer('activity_id').references(() => activities.id),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('bookings_space_time').on(t.spaceId, t.startsAt), index('bookings_activity').on(t.activityId)],
);
