import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { clubs } from '../clubs/schema';
import { members } from '../members/schema';
import { programs } from '../programs/schema';
import { now } from '../../db/columns';
import { DEFAULT_REVIEW_AFTER_DAYS, needBeneficiaries, needCategories, needOutcomes, needResponseKinds, needStates } from './rules';

// The need's kinds are declared with its lifecycle in rules.ts, which the web app imports without the tables.
export { type NeedCategory, type NeedResponseKind, needBeneficiaries, needCategories, needResponseKinds } from './rules';

/**
 * A need (需求) a resident writes down, for a coordinator or a club to take on. The links to what it became live
 * here, so activities and clubs stay as they are.
 */
export const needs = sqliteTable(
  'needs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category', { enum: needCategories }).notNull(),
    beneficiary: text('beneficiary', { enum: needBeneficiaries }).notNull(),
    postedBy: integer('posted_by')
      .notNull()
      .references(() => members.id),
    /** A neighbour who is not online, for whom the poster wrote the need down: seen by coordinators and the poster only. */
    onBehalfName: text('on_behalf_name'),
    onBehalfFlat: text('on_behalf_flat'),
    state: text('state', { enum: needStates }).notNull().default('unclaimed'),
    claimedBy: integer('claimed_by').references(() => members.id),
    claimedAt: text('claimed_at'),
    outcome: text('outcome', { enum: needOutcomes }),
    activityId: integer('activity_id').references(() => activities.id),
    clubId: integer('club_id').references(() => clubs.id),
    programKey: text('program_key').references(() => programs.key),
    /** The program task's note, how it was solved, or why it will not be done. */
    closingNote: text('closing_note'),
    /** The contact or administrator who recorded it for an assisted member (the member is postedBy). */
    onBehalfBy: integer('on_behalf_by').references(() => members.id),
    stateSince: text('state_since').notNull().default(now),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('needs_state').on(t.state),
    index('needs_activity').on(t.activityId),
    index('needs_club').on(t.clubId),
    check('needs_on_behalf_is_a_neighbour', sql`${t.onBehalfName} IS NULL OR ${t.beneficiary} = 'neighbour'`),
  ],
);

/** "Me too" and "I can help", once per member and kind. */
export const needResponses = sqliteTable(
  'need_responses',
  {
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: needResponseKinds }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.needId, t.memberId, t.kind] })],
);

/** Every step of a need's path, with who acted and when. */
export const needEvents = sqliteTable(
  'need_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    needId: integer('need_id')
      .notNull()
      .references(() => needs.id),
    fromState: text('from_state', { enum: needStates }),
    toState: text('to_state', { enum: needStates }).notNull(),
    actorMemberId: integer('actor_member_id').references(() => members.id),
    note: text('note').notNull().default(''),
    at: text('at').notNull().default(now),
  },
  (t) => [index('need_events_need').on(t.needId), index('need_events_to_state').on(t.toState, t.at)],
);

/** The register's own setting: days an unclaimed need waits before the monthly review takes it up. One row. */
export const needSettings = sqliteTable(
  'need_settings',
  {
    id: integer('id').primaryKey(),
    reviewAfterDays: integer('review_after_days').notNull().default(DEFAULT_REVIEW_AFTER_DAYS),
  },
  (t) => [check('need_settings_single_row', sql`${t.id} = 1`)],
);
