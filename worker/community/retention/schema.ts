import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { DEFAULT_CARE_MONTHS } from './rules';

/** The community's retention periods, one row; missing until an admin changes a default (the library's is its own). */
export const retentionSettings = sqliteTable(
  'retention_settings',
  {
    id: integer('id').primaryKey(),
    /** Months after care ends (and after an assisted member's last activity) before the personal content is erased. */
    careMonths: integer('care_months').notNull().default(DEFAULT_CARE_MONTHS),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [check('retention_settings_single_row', sql`${t.id} = 1`)],
);

/** One daily pass: the community's date, and how many rows of each kind it erased (counts only, never whose). */
export const retentionRuns = sqliteTable(
  'retention_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ranAt: text('ran_at').notNull().default(now),
    /** The community's date the pass ran for. */
    day: text('day').notNull(),
    childDetails: integer('child_details').notNull().default(0),
    childNames: integer('child_names').notNull().default(0),
    careRecipients: integer('care_recipients').notNull().default(0),
    careVisits: integer('care_visits').notNull().default(0),
    libraryLoans: integer('library_loans').notNull().default(0),
    assistedPhones: integer('assisted_phones').notNull().default(0),
  },
  (t) => [index('retention_runs_ran_at').on(t.ranAt)],
);
