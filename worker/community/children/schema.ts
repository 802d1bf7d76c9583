import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { activities, signups } from '../activities/schema';
import { issues } from '../issues/schema';
import { members } from '../members/schema';
import { consentTargetKinds, stageStates } from './rules';

/** A child a guardian keeps on their own page, to sign up for children's activities and courses. */
export const children = sqliteTable(
  'children',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guardianMemberId: integer('guardian_member_id')
      .notNull()
      .references(() => members.id),
    name: text('name').notNull(),
    /** YYYY-MM: enough to know the age band, no more. */
    birthMonth: text('birth_month').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('children_guardian_name').on(t.guardianMemberId, t.name)],
);

/**
 * A guardian's consent for a child to take part in something (an activity now, a course later). The fact of the
 * consent (who, when, for what) stays; the emergency contact and the notes on allergies or needs are erased by the
 * daily pass once `detailsUntil` (a day on the community's calendar) has passed.
 */
export const childConsents = sqliteTable(
  'child_consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetKind: text('target_kind', { enum: consentTargetKinds }).notNull(),
    targetId: integer('target_id').notNull(),
    childId: integer('child_id')
      .notNull()
      .references(() => children.id),
    givenBy: integer('given_by')
      .notNull()
      .references(() => members.id),
    givenAt: text('given_at').notNull().default(now),
    /** What the consent was for, in the words shown to the guardian (the activity's title). */
    purpose: text('purpose').notNull(),
    emergencyName: text('emergency_name'),
    emergencyPhone: text('emergency_phone'),
    needsNote: text('needs_note'),
    detailsUntil: text('details_until').notNull(),
    erasedAt: text('erased_at'),
  },
  (t) => [uniqueIndex('child_consents_once').on(t.targetKind, t.targetId, t.childId), index('child_consents_until').on(t.detailsUntil)],
);

/** Which child a place on an activity is for; the place itself counts against capacity like any other. */
export const childSignups = sqliteTable('child_signups', {
  signupId: integer('signup_id')
    .primaryKey()
    .references(() => signups.id),
  childId: integer('child_id')
    .notNull()
    .references(() => children.id),
});

/** The safety step of an activity or course for children: the checklist, the adult in charge, the headcounts. */
export const safetyChecks = sqliteTable(
  'safety_checks',
  {
    targetKind: text('target_kind', { enum: consentTargetKinds }).notNull(),
    targetId: integer('target_id').notNull(),
    /** The keys of the checklist items ticked, comma-separated. */
    checkedItems: text('checked_items').notNull().default(''),
    adultName: text('adult_name').notNull().default(''),
    adultPhone: text('adult_phone').notNull().default(''),
    updatedBy: integer('updated_by').references(() => members.id),
    updatedAt: text('updated_at').notNull().default(now),
    headcountStart: integer('headcount_start'),
    headcountEnd: integer('headcount_end'),
  },
  (t) => [primaryKey({ columns: [t.targetKind, t.targetId] })],
);

/** A day of a holiday programme on which parents take turns helping; `needed` parents at most. */
export const rotaDays = sqliteTable(
  'rota_days',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    day: text('day').notNull(),
    needed: integer('needed').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('rota_days_once').on(t.activityId, t.day)],
);

export const rotaClaims = sqliteTable(
  'rota_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rotaDayId: integer('rota_day_id')
      .notNull()
      .references(() => rotaDays.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('rota_claims_once').on(t.rotaDayId, t.memberId)],
);

/** A 小小建筑师 project series, e.g. redesigning a disused roof terrace; the lead is its responsible person. */
export const architectProjects = sqliteTable('architect_projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  leadMemberId: integer('lead_member_id')
    .notNull()
    .references(() => members.id),
  createdAt: text('created_at').notNull().default(now),
});

/** One stage of a project, with its dates and what it should produce; a finished design may go to the joint meeting. */
export const architectStages = sqliteTable(
  'architect_stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => architectProjects.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    output: text('output').notNull().default(''),
    state: text('state', { enum: stageStates }).notNull().default('planned'),
    finishedAt: text('finished_at'),
    /** The issue raised from this stage's finished design; the issue's text links back to the project. */
    issueId: integer('issue_id').references(() => issues.id),
    /** An activity the stage's session is held as (for its photos), if any. */
    activityId: integer('activity_id').references(() => activities.id),
  },
  (t) => [index('architect_stages_project').on(t.projectId, t.position)],
);
