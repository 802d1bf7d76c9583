import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members } from '../members/schema';
import { now } from '../../db/columns';
import { consentSubjects, objectionResolutions, windowOutcomes } from './rules';

/**
 * A plan (a proposed club, a submitted activity budget) waiting for the administrators' consent; one per plan,
 * opened again when the plan comes back after being returned.
 */
export const consentWindows = sqliteTable(
  'consent_windows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subject: text('subject', { enum: consentSubjects }).notNull(),
    subjectId: integer('subject_id').notNull(),
    openedAt: text('opened_at').notNull().default(now),
    /** The proposer's last revision, which started the window again. */
    restartedAt: text('restarted_at'),
    /** The administrators asked when the window opened (member ids). */
    asked: text('asked', { mode: 'json' }).$type<number[]>().notNull(),
    outcome: text('outcome', { enum: windowOutcomes }),
    decidedAt: text('decided_at'),
  },
  (t) => [uniqueIndex('consent_windows_subject').on(t.subject, t.subjectId), index('consent_windows_open').on(t.outcome)],
);

/** An administrator's objection, with the reason; it stands until the plan is revised or the objector withdraws it. */
export const consentObjections = sqliteTable(
  'consent_objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    windowId: integer('window_id')
      .notNull()
      .references(() => consentWindows.id),
    objectorMemberId: integer('objector_member_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason').notNull(),
    raisedAt: text('raised_at').notNull().default(now),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution', { enum: objectionResolutions }),
  },
  (t) => [index('consent_objections_window').on(t.windowId)],
);
