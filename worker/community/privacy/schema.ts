import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { members } from '../members/schema';
import { sensitiveItems } from './rules';

export { type SensitiveItem, sensitiveItems } from './rules';

/** How a member came to agree to a notice version: when joining, or again after a new version was published. */
export const agreementWays = ['join', 'renewal'] as const;

/**
 * The community's privacy notice (隐私告知), one row per published version. Texts keep the placeholders
 * `{{community}}` and `{{contact}}`, filled when read, so a renamed community's notice stays right.
 */
export const privacyNotices = sqliteTable('privacy_notices', {
  version: integer('version').primaryKey(),
  textZh: text('text_zh').notNull(),
  textEn: text('text_en').notNull(),
  /** Who to ask about one's data: a name, a phone or an office hour, as the community writes it. */
  contact: text('contact').notNull(),
  /** What changed since the version before (for version 1, what the notice is). */
  summaryZh: text('summary_zh').notNull(),
  summaryEn: text('summary_en').notNull().default(''),
  publishedAt: text('published_at').notNull().default(now),
  /** Null for the default text a community starts with. */
  publishedBy: integer('published_by').references(() => members.id),
});

/** The draft an administrator edits before publishing it as the next version; one row, gone once published. */
export const privacyNoticeDraft = sqliteTable(
  'privacy_notice_draft',
  {
    id: integer('id').primaryKey(),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    contact: text('contact').notNull(),
    summaryZh: text('summary_zh').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(now),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [check('privacy_notice_draft_single_row', sql`${t.id} = 1`)],
);

/** A member's agreement to a version of the notice, kept for every version they agreed to. */
export const privacyAgreements = sqliteTable(
  'privacy_agreements',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    noticeVersion: integer('notice_version')
      .notNull()
      .references(() => privacyNotices.version),
    agreedAt: text('agreed_at').notNull().default(now),
    way: text('way', { enum: agreementWays }).notNull(),
    /** The sensitive items agreed to at the same moment, comma-separated (e.g. when joining). */
    items: text('items').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.noticeVersion] }), index('privacy_agreements_version').on(t.noticeVersion)],
);

/**
 * A member's separate consent to one sensitive item: given at `givenAt`, withdrawn at `withdrawnAt`. Giving it again
 * after a withdrawal is a new row, so the history stays; at most one row per member and item is in force.
 */
export const privacyItemConsents = sqliteTable(
  'privacy_item_consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    item: text('item', { enum: sensitiveItems }).notNull(),
    /** The notice version in force when it was given. */
    noticeVersion: integer('notice_version').notNull(),
    givenAt: text('given_at').notNull().default(now),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [uniqueIndex('privacy_item_consents_in_force').on(t.memberId, t.item).where(sql`${t.withdrawnAt} IS NULL`)],
);

const textOf = (max: number) => z.string().trim().max(max);

export const noticeSchema = z
  .object({
    version: z.number().int(),
    /** The texts with the community's name and contact filled in, as Markdown. */
    textZh: z.string(),
    textEn: z.string(),
    contact: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    publishedAt: z.string(),
  })
  .openapi('PrivacyNotice');

export const noticeHistorySchema = z.object({
  versions: z.array(noticeSchema.omit({ textZh: true, textEn: true })),
});

export const itemStateSchema = z.object({
  item: z.enum(sensitiveItems),
  given: z.boolean(),
  givenAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

export const myPrivacySchema = z
  .object({
    currentVersion: z.number().int(),
    /** The latest version this member agreed to, if any. */
    agreedVersion: z.number().int().nullable(),
    agreedAt: z.string().nullable(),
    /** True when a newer version waits for their agreement (the app asks, politely, on every page). */
    needsAgreement: z.boolean(),
    /** What changed in the versions since the one they agreed to, newest first. */
    changes: z.array(z.object({ version: z.number().int(), summaryZh: z.string(), summaryEn: z.string() })),
    items: z.array(itemStateSchema),
  })
  .openapi('MyPrivacy');

export const agreementBodySchema = z.object({ noticeVersion: z.number().int().positive() });
export const itemBodySchema = z.object({ given: z.boolean() });

export const draftSchema = z
  .object({
    /** The next version's number once published. */
    nextVersion: z.number().int(),
    /** False when nobody has saved a draft: the texts are then the current version's. */
    saved: z.boolean(),
    textZh: z.string(),
    textEn: z.string(),
    contact: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi('PrivacyNoticeDraft');

export const draftBodySchema = z.object({
  textZh: textOf(20_000).min(20),
  textEn: textOf(20_000).min(20),
  contact: textOf(200).min(2),
  summaryZh: textOf(500),
  summaryEn: textOf(500).default(''),
});

export const figuresSchema = z
  .object({
    currentVersion: z.number().int(),
    activeMembers: z.number().int(),
    /** Active members whose latest agreement is to the current version. */
    agreedCurrent: z.number().int(),
    /** Active members whose latest agreement is to an earlier version, by version. */
    agreedEarlier: z.array(z.object({ version: z.number().int(), members: z.number().int() })),
    /** Active members with no agreement on record (the founder before agreeing, older members). */
    neverAgreed: z.number().int(),
    /** Active members with each sensitive item in force. */
    items: z.array(z.object({ item: z.enum(sensitiveItems), members: z.number().int() })),
  })
  .openapi('PrivacyFigures');

export type NoticeView = z.infer<typeof noticeSchema>;
export type MyPrivacyView = z.infer<typeof myPrivacySchema>;
export type DraftInput = z.infer<typeof draftBodySchema>;
