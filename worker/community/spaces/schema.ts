import { z } from '@hono/zod-openapi';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { issues } from '../issues/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';

/** Shared public space the federation coordinates (棋牌室, 乒乓球室, 多功能厅, …). */
export const spaces = sqliteTable('spaces', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  capacity: integer('capacity').notNull(),
  /** Opening hours as HH:MM on the community's wall clock (its time zone); closing at or before opening is overnight. */
  opensAt: text('opens_at').notNull(),
  closesAt: text('closes_at').notNull(),
  rules: text('rules').notNull().default(''),
  /** Its photo, a `space-photo` in media_files (served at /api/photos/{id}); null until one is added. */
  photoId: integer('photo_id'),
});

export const slotRequestStatuses = ['pending', 'granted', 'declined'] as const;

/** A request for a regular slot, referred to the federation as an issue; the federation (a coordinator) grants or declines it. */
export const slotRequests = sqliteTable('slot_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  spaceId: integer('space_id')
    .notNull()
    .references(() => spaces.id),
  issueId: integer('issue_id')
    .notNull()
    .references(() => issues.id),
  clubId: integer('club_id'),
  slot: text('slot').notNull(),
  reason: text('reason').notNull(),
  requestedBy: integer('requested_by')
    .notNull()
    .references(() => members.id),
  createdAt: text('created_at').notNull().default(now),
  status: text('status', { enum: slotRequestStatuses }).notNull().default('pending'),
  decidedBy: integer('decided_by').references(() => members.id),
  decidedAt: text('decided_at'),
  decisionNote: text('decision_note'),
});

export const spaceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  capacity: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  rules: z.string(),
  photoId: z.number().int().nullable(),
  /** Where its photo is served, or null. */
  photoUrl: z.string().nullable(),
});
/** A booking as a viewer may see it (`bookingView` in bookings/rules.ts decides). */
export const bookingSchema = z.object({
  id: z.number().int(),
  spaceId: z.number().int(),
  clubId: z.number().int().nullable(),
  clubName: z.string().nullable(),
  /** The resident who booked it, for members; for visitors the club's name, or null for a resident's own booking. */
  bookedBy: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Null when it would name an activity the viewer may not see. */
  purpose: z.string().nullable(),
  /** How many people were expected; null for bookings made before it was asked, and for an activity's booking. */
  people: z.number().int().nullable(),
  seriesId: z.string().nullable(),
  activityId: z.number().int().nullable(),
  activityTitle: z.string().nullable(),
});
