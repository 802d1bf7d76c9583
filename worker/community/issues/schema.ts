import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { issueCategories, issueOutcomes, issueStates } from './rules';
import { buildings } from '../buildings/schema';
import { committees } from '../committees/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/** An issue (议题) raised by a resident, travelling up to a decision and back down to the building. */
export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category', { enum: issueCategories }).notNull(),
    buildingId: integer('building_id').references(() => buildings.id),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => members.id),
    state: text('state', { enum: issueStates }).notNull(),
    /** The body it was referred to. */
    bodyKey: text('body_key'),
    mergedInto: integer('merged_into'),
    outcome: text('outcome', { enum: issueOutcomes }),
    decisionText: text('decision_text'),
    implementationOwner: text('implementation_owner'),
    dueOn: text('due_on'),
    /** The committee studying it, when it was referred to the professional committees. */
    studyCommitteeId: integer('study_committee_id').references(() => committees.id),
    /** The committee's recommendation, which sends the issue on to the joint meeting. */
    recommendation: text('recommendation'),
    recommendedAt: text('recommended_at'),
    /** The committee assigned to assist implementation once the joint meeting adopted a decision. */
    assistCommitteeId: integer('assist_committee_id').references(() => committees.id),
    /** □ 对外匿名: the raiser is shown to nobody but the coordinators, in pages, exports and notifications alike. */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    /** The contact or administrator who recorded it for an assisted member. */
    onBehalfBy: integer('on_behalf_by').references(() => members.id),
    stateSince: text('state_since').notNull().default(now),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('issues_state').on(t.state), index('issues_raised_by').on(t.raisedBy)],
);

export const issueSupports = sqliteTable(
  'issue_supports',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.memberId] })],
);

/** Every step of an issue's path, with who acted and when; the raiser follows it. */
export const issueEvents = sqliteTable(
  'issue_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorMemberId: integer('actor_member_id').references(() => members.id),
    note: text('note').notNull().default(''),
    at: text('at').notNull().default(now),
  },
  (t) => [index('issue_events_issue').on(t.issueId)],
);
