import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The community's canvas: four systems and nine modules, filled in during onboarding. */
export const canvasEntries = sqliteTable('canvas_entries', {
  key: text('key').primaryKey(),
  section: text('section', { enum: ['system', 'module'] }).notNull(),
  position: integer('position').notNull(),
  content: text('content').notNull().default(''),
  updatedAt: text('updated_at'),
});
