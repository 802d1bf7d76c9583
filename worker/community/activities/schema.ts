import { z } from '@hono/zod-openapi';
import { json } from '../../http/openapi-helpers';
import { activityStates, audiences, signupStatuses } from './rules';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clubs } from '../clubs/schema';
import { members } from '../members/schema';
import { programs } from '../programs/schema';
import { now } from '../../db/columns';

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null for an activity of the hub (the association itself). */
    clubId: integer('club_id').references(() => clubs.id),
    /**
     * The program the activity counts for: its club's program unless chosen, or the one a hub activity chose. Older
     * rows have none; readers then fall back to the club's program.
     */
    programKey: text('program_key').references(() => programs.key),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    responsibleMemberId: integer('responsible_member_id')
      .notNull()
      .references(() => members.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    waitlist: integer('waitlist', { mode: 'boolean' }).notNull().default(true),
    /** Places one member may hold on this activity, for themself and the people they bring. */
    maxPlacesPerMember: integer('max_places_per_member').notNull().default(4),
    audience: text('audience', { enum: audiences }).notNull(),
    state: text('state', {
      enum: activityStates,
    }).notNull(),
    expectedParticipants: integer('expected_participants').notNull(),
    surplusRatePercent: integer('surplus_rate_percent').notNull(),
    /** Per-person fee in fen, derived from the budget when it is submitted. */
    feeFen: integer('fee_fen').notNull().default(0),
    /** Why a budget that does not cover costs plus surplus may go ahead (e.g. paid from the club fund). */
    exceptionReason: text('exception_reason'),
    approvedBy: integer('approved_by').references(() => members.id),
    approvedAt: text('approved_at'),
    cancelledReason: text('cancelled_reason'),
    checkinToken: text('checkin_token').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('activities_starts').on(t.startsAt),
    index('activities_club').on(t.clubId, t.startsAt),
    index('activities_program').on(t.programKey, t.startsAt),
  ],
);

export const activityCostLines = sqliteTable(
  'activity_cost_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind', { enum: ['planned', 'actual'] }).notNull(),
    label: text('label').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [index('activity_cost_lines_activity').on(t.activityId, t.kind)],
);

/** One place on an activity: the member themself (participant '') or someone they sign up, e.g. a child. */
export const signups = sqliteTable(
  'signups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    participant: text('participant').notNull().default(''),
    isChild: integer('is_child', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: signupStatuses }).notNull(),
    createdAt: text('created_at').notNull().default(now),
    cancelledAt: text('cancelled_at'),
    checkedInAt: text('checked_in_at'),
    /** The contact or administrator who signed up an assisted member on their behalf. */
    onBehalfBy: integer('on_behalf_by').references(() => members.id),
  },
  (t) => [
    uniqueIndex('signups_once').on(t.activityId, t.memberId, t.participant),
    index('signups_activity_status').on(t.activityId, t.status),
    index('signups_member').on(t.memberId),
  ],
);

export const activitySettlements = sqliteTable('activity_settlements', {
  activityId: integer('activity_id')
    .primaryKey()
    .references(() => activities.id),
  incomeFen: integer('income_fen').notNull(),
  costFen: integer('cost_fen').notNull(),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => members.id),
  recordedAt: text('recorded_at').notNull().default(now),
});

export const activityReviews = sqliteTable(
  'activity_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The responsible person's review, or a participant's rating. */
    kind: text('kind', { enum: ['summary', 'rating'] }).notNull(),
    wentWell: text('went_well'),
    toChange: text('to_change'),
    rating: integer('rating'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('activity_reviews_once').on(t.activityId, t.memberId, t.kind)],
);

/** Pieces the activity routes share. */
export const activityIdParam = z.object({ id: z.coerce.number().int().positive() });
export const okResponse = json(z.object({ ok: z.literal(true) }), 'Done');
export const fenInput = z.number().int().min(0).max(1_000_000_000);
export const costLineInput = z.object({ label: z.string().trim().min(1).max(60), amountFen: fenInput });
