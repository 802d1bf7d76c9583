import { z } from '@hono/zod-openapi';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Shared public space the federation coordinates (棋牌室, 乒乓球室, 多功能厅, …). */
export const spaces = sqliteTable('spaces', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  capacity: integer('capacity').notNull(),
  /** Opening hours as HH:MM, local time. */
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
export const bookingSchema = z.object({
  id: z.number().int(),
  spaceId: z.number().int(),
  clubId: z.number().int().nullable(),
  clubName: z.string().nullable(),
  bookedBy: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  seriesId: z.string().nullable(),
  activityId: z.number().int().nullable(),
  activityTitle: z.string().nullable(),
});
