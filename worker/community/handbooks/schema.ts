import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';

/**
 * One chapter of a handbook in one language. `body` is what readers see (published); `draftBody` is an
 * administrator's unpublished text. `baseBody` is the template's text this chapter was last synced with,
 * the common ancestor for upgrades; `edited` is whether the community has changed it since.
 */
export const handbookChapters = sqliteTable(
  'handbook_chapters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    handbook: text('handbook').notNull(),
    key: text('key').notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    draftTitle: text('draft_title'),
    draftBody: text('draft_body'),
    baseVersion: integer('base_version').notNull(),
    baseTitle: text('base_title').notNull(),
    baseBody: text('base_body').notNull(),
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    /** Number of the latest revision; saves must name it, so two editors cannot overwrite each other. */
    revision: integer('revision').notNull().default(1),
    updatedAt: text('updated_at').notNull().default(now),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('handbook_chapters_key').on(t.handbook, t.key, t.locale)],
);

export const handbookRevisions = sqliteTable(
  'handbook_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chapterId: integer('chapter_id')
      .notNull()
      .references(() => handbookChapters.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    summary: text('summary').notNull(),
    kind: text('kind', { enum: ['template', 'edit', 'draft', 'restore', 'upgrade'] }).notNull(),
    published: integer('published', { mode: 'boolean' }).notNull(),
    templateVersion: integer('template_version'),
    authorUserId: text('author_user_id'),
    authorName: text('author_name'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('handbook_revisions_number').on(t.chapterId, t.number), index('handbook_revisions_chapter').on(t.chapterId)],
);
