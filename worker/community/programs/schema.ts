import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { programSections } from './rules';

export const programs = sqliteTable('programs', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
});

/**
 * One section of a program's page (purpose, roles, how to run it, what to measure) in one language, in the
 * community's own words. A section without a row shows the template's text; the row is written on the first edit.
 */
export const programTexts = sqliteTable(
  'program_texts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programKey: text('program_key')
      .notNull()
      .references(() => programs.key),
    section: text('section', { enum: programSections }).notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull(),
    body: text('body').notNull(),
    /** Number of the latest revision; saves must name it, so two editors cannot overwrite each other. */
    revision: integer('revision').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('program_texts_section').on(t.programKey, t.section, t.locale)],
);

/** Every published text of a section, with who wrote it and when; revision 1 is the template's text. */
export const programTextRevisions = sqliteTable(
  'program_text_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    textId: integer('text_id')
      .notNull()
      .references(() => programTexts.id),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    summary: text('summary').notNull(),
    kind: text('kind', { enum: ['template', 'edit', 'restore'] }).notNull(),
    authorUserId: text('author_user_id'),
    authorName: text('author_name'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('program_text_revisions_number').on(t.textId, t.number), index('program_text_revisions_text').on(t.textId)],
);
