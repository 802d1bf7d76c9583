import { z } from '@hono/zod-openapi';
import { json } from '../../http/openapi-helpers';
import { itemOutcomes, meetingStatuses, POSITIONS } from './rules';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bodies } from '../bodies/schema';
import { committees } from '../committees/schema';
import { issues } from '../issues/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyKey: text('body_key')
      .notNull()
      .references(() => bodies.key),
    title: text('title').notNull(),
    /** The committee that meets, for a meeting of the professional committees. */
    committeeId: integer('committee_id').references(() => committees.id),
    scheduledFor: text('scheduled_for').notNull(),
    status: text('status', { enum: meetingStatuses }).notNull(),
    openedAt: text('opened_at'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    closedAt: text('closed_at'),
    minutes: text('minutes'),
    minutesPublishedAt: text('minutes_published_at'),
    /** When the chair first sent the papers (agenda and items) to everyone who sits at the meeting. */
    papersSentAt: text('papers_sent_at'),
  },
  (t) => [index('meetings_body').on(t.bodyKey, t.scheduledFor)],
);
export type Meeting = typeof meetings.$inferSelect;

/**
 * Who votes at a meeting, fixed when the chair opens it: the member parties of the joint meeting, a committee's
 * members, or the leaders of the active clubs for the federation. Later changes of membership do not rewrite a vote.
 */
export const meetingVoters = sqliteTable(
  'meeting_voters',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** A party key for the joint meeting; `member:<id>` for a resident; `expert:<committee member id>` for an outside expert. */
    voter: text('voter').notNull(),
    kind: text('kind', { enum: ['party', 'member', 'expert'] }).notNull(),
    name: text('name').notNull(),
    /** A party's organisation, a committee member's expertise, or the clubs a federation member leads. */
    detail: text('detail'),
    memberId: integer('member_id').references(() => members.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.voter] })],
);

export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** The voter: a party key, or a member or expert voter key for majority bodies. */
    partyKey: text('party_key').notNull(),
    attended: integer('attended', { mode: 'boolean' }).notNull(),
    recordedBy: integer('recorded_by').references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.partyKey] })],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    issueId: integer('issue_id').references(() => issues.id),
    title: text('title').notNull(),
    presenter: text('presenter').notNull(),
    minutesAllotted: integer('minutes_allotted').notNull(),
    /** Papers for individual preparation (个别酝酿), published to members before the meeting. */
    papers: text('papers').notNull().default(''),
    position: integer('position').notNull(),
    outcome: text('outcome', { enum: itemOutcomes }),
    /** The one published text of the decision (统一口径). */
    decisionText: text('decision_text'),
    /** The blocked or undecided item this one brings back, revised; an item is brought back once. */
    revisedFrom: integer('revised_from'),
    /** The count of positions when the rule was applied, for the minutes. */
    tally: text('tally', { mode: 'json' }).$type<{
      agree: number;
      object: number;
      block: number;
      abstain: number;
      missing: number;
      present: number;
    }>(),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId), uniqueIndex('agenda_items_revised_from').on(t.revisedFrom)],
);

/** One position per party (or member, for majority bodies) per item. */
export const itemStances = sqliteTable(
  'item_stances',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItems.id),
    voter: text('voter').notNull(),
    position: text('position', { enum: POSITIONS }).notNull(),
    reason: text('reason'),
    written: integer('written', { mode: 'boolean' }).notNull().default(false),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.voter] })],
);

export const actionItems = sqliteTable('action_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  itemId: integer('item_id')
    .notNull()
    .references(() => agendaItems.id),
  description: text('description').notNull(),
  owner: text('owner').notNull(),
  dueOn: text('due_on').notNull(),
  doneAt: text('done_at'),
});

/** A correction to a closed meeting's record: added beside the minutes, never editing them; append-only. */
export const minutesAmendments = sqliteTable(
  'minutes_amendments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    text: text('text').notNull(),
    reason: text('reason').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => members.id),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [index('minutes_amendments_meeting').on(t.meetingId)],
);

/** Pieces the meeting routes share. */
export const meetingParam = z.object({ id: z.coerce.number().int().positive() });
export const itemParam = meetingParam.extend({ itemId: z.coerce.number().int().positive() });
export const okResponse = json(z.object({ ok: z.literal(true) }), 'Done');
