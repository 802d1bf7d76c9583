import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const programs = sqliteTable('programs', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
});
