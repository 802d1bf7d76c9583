import { z } from '@hono/zod-openapi';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Shared public space the federation coordinates (棋牌室, 乒乓球室, 多功能厅, …). */
export const spaces = sqliteTable('spaces', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  capacity: integer('capacity').notNull(),
  /** Opening hours as HH:MM on the community's wall clock (its time zone); closing at or before opening is overnight. */
  opensAt: text('opens_at').notNull(),
  closesAt: text('closes_at').notNull(),
  rules: text('rules').notNull().default(''),
});

export const spaceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  capacity: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  rules: z.string(),
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
