import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { clubs } from '../clubs/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';
import { monthlyBy, recurrenceUnits, seriesStatuses } from './rules';

/**
 * A recurring activity: its first activity is the template, repeated every `every` weeks or months at the same
 * wall-clock time in the time zone the community had when the series began. Occurrences are ordinary activities
 * (each goes through its own budget approval), linked here rather than on the activity.
 */
export const activitySeries = sqliteTable('activity_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  templateActivityId: integer('template_activity_id')
    .notNull()
    .unique()
    .references(() => activities.id),
  /** The club of the template activity; null for the association's own series. */
  clubId: integer('club_id').references(() => clubs.id),
  title: text('title').notNull(),
  every: integer('every').notNull(),
  unit: text('unit', { enum: recurrenceUnits }).notNull(),
  monthlyBy: text('monthly_by', { enum: monthlyBy }),
  /** The first occurrence's start and end: every later one keeps their wall-clock times. */
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  timeZone: text('time_zone').notNull(),
  /** At most this many occurrences in all, or none starting after this local date; both may be null (open-ended). */
  endCount: integer('end_count'),
  endUntil: text('end_until'),
  status: text('status', { enum: seriesStatuses }).notNull().default('active'),
  createdBy: integer('created_by')
    .notNull()
    .references(() => members.id),
  createdAt: text('created_at').notNull().default(now),
  endedAt: text('ended_at'),
});

/**
 * One occurrence of a series, by its position in the rule (0 is the template). The position is claimed first, so two
 * organisers adding "the next one" at once create it once; the activity is linked when it has been drafted.
 */
export const seriesOccurrences = sqliteTable(
  'series_occurrences',
  {
    seriesId: integer('series_id')
      .notNull()
      .references(() => activitySeries.id),
    position: integer('position').notNull(),
    activityId: integer('activity_id').references(() => activities.id),
    startsAt: text('starts_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.position] }), uniqueIndex('series_occurrences_activity').on(t.activityId)],
);
