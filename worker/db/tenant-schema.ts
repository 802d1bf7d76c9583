import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The community's own facts; exactly one row. */
export const communityProfile = sqliteTable(
  'community_profile',
  {
    id: integer('id').primaryKey(),
    communityId: text('community_id').notNull(),
    slug: text('slug').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    city: text('city').notNull(),
    district: text('district'),
    households: integer('households').notNull(),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** When the community's association was founded (a fact the handbooks cite). */
    foundedOn: text('founded_on'),
    surplusRatePercent: integer('surplus_rate_percent'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [check('community_profile_single_row', sql`${t.id} = 1`)],
);

export const programs = sqliteTable('programs', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
});

/** The four parties (居委会, 业委会, 物业, 互助会), named as the community names them. */
export const parties = sqliteTable('parties', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  titleZh: text('title_zh').notNull(),
  titleEn: text('title_en').notNull(),
  organisationName: text('organisation_name'),
  remitZh: text('remit_zh').notNull(),
  remitEn: text('remit_en').notNull(),
});

/** The four coordination bodies of the four-level structure. */
export const bodies = sqliteTable('bodies', {
  key: text('key').primaryKey(),
  level: integer('level').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  decisionRule: text('decision_rule', { enum: ['unanimity', 'majority'] }),
  cadence: text('cadence', { enum: ['monthly'] }),
});

export const bodyParties = sqliteTable(
  'body_parties',
  {
    bodyKey: text('body_key')
      .notNull()
      .references(() => bodies.key),
    partyKey: text('party_key')
      .notNull()
      .references(() => parties.key),
  },
  (t) => [primaryKey({ columns: [t.bodyKey, t.partyKey] })],
);

export const buildings = sqliteTable('buildings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  contactsRequired: integer('contacts_required').notNull().default(2),
});

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  buildingId: integer('building_id').references(() => buildings.id),
  joinedAt: text('joined_at').notNull().default(now),
});

/** A member's roles; party representatives name their party, other roles use ''. */
export const memberRoles = sqliteTable(
  'member_roles',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role', {
      enum: ['building-contact', 'club-leader', 'committee-member', 'party-representative', 'association-admin'],
    }).notNull(),
    partyKey: text('party_key').notNull().default(''),
    buildingId: integer('building_id').references(() => buildings.id),
    grantedBy: text('granted_by').notNull(),
    grantedAt: text('granted_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.role, t.partyKey] })],
);

/** The community's canvas: four systems and nine modules, filled in during onboarding. */
export const canvasEntries = sqliteTable('canvas_entries', {
  key: text('key').primaryKey(),
  section: text('section', { enum: ['system', 'module'] }).notNull(),
  position: integer('position').notNull(),
  content: text('content').notNull().default(''),
  updatedAt: text('updated_at'),
});

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
