import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { z } from '@hono/zod-openapi';
import { DEFAULT_TIME_ZONE, isTimeZone, joinPolicies } from './rules';
import { DEFAULT_CONSENT_DAYS, MAX_CONSENT_DAYS, decisionRules } from '../consent/rules';

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
    /** Residents as the community declares them (not members on Huzhu); null until given. */
    residents: integer('residents'),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    /** When the community's association was founded (a fact the handbooks cite). */
    foundedOn: text('founded_on'),
    surplusRatePercent: integer('surplus_rate_percent'),
    /** Days an issue may wait in each state before it is flagged, as the community sets them. */
    issueWaitLimits: text('issue_wait_limits', { mode: 'json' }).$type<Record<string, number>>(),
    /** The IANA time zone the community lives in; every time is shown and read in it. */
    timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
    /** Whether anyone signed in may join at once ('open') or a building contact or an admin approves each member. */
    joinPolicy: text('join_policy', { enum: joinPolicies }).notNull().default('open'),
    /** Whether visitors who are not signed in see the names of activities' organisers and clubs' responsible persons. */
    organiserNamesPublic: integer('organiser_names_public', { mode: 'boolean' }).notNull().default(false),
    /** Whether every member (not only administrators and coordinators) sees the association's own figures page. */
    figuresForMembers: integer('figures_for_members', { mode: 'boolean' }).notNull().default(false),
    /** How the association approves clubs and activity budgets: one administrator, or all of them by consent. */
    decisionRule: text('decision_rule', { enum: decisionRules }).notNull().default('single'),
    /** Under consent: the days administrators have to object before silence approves. */
    consentDays: integer('consent_days').notNull().default(DEFAULT_CONSENT_DAYS),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [check('community_profile_single_row', sql`${t.id} = 1`)],
);

const bilingual = { zh: z.string(), en: z.string() };

export const programSchema = z.object({
  key: z.string(),
  name: z.object(bilingual),
  description: z.object(bilingual),
  enabled: z.boolean(),
});

export const partySchema = z.object({
  key: z.string(),
  title: z.object(bilingual),
  organisationName: z.string().nullable(),
  remit: z.object(bilingual),
});

export const bodySchema = z.object({
  key: z.string(),
  level: z.number().int(),
  name: z.object(bilingual),
  description: z.object(bilingual),
  decisionRule: z.enum(['unanimity', 'majority']).nullable(),
  cadence: z.enum(['monthly']).nullable(),
  parties: z.array(z.string()),
});

export const buildingSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  contacts: z.number().int(),
  contactsRequired: z.number().int(),
});

export const communityOverviewSchema = z
  .object({
    slug: z.string(),
    name: z.object({ zh: z.string(), en: z.string().nullable() }),
    city: z.string(),
    district: z.string().nullable(),
    households: z.number().int(),
    template: z.object({ key: z.string(), version: z.number().int() }),
    /** Active members only: applicants waiting for approval are not counted. */
    memberCount: z.number().int(),
    /** How people join: at once ('open'), or approved by their building's contact or an administrator ('approval'). */
    joinPolicy: z.enum(joinPolicies),
    programs: z.array(programSchema),
    parties: z.array(partySchema),
    bodies: z.array(bodySchema),
    buildings: z.array(buildingSchema),
    coverage: z.object({ buildings: z.number().int(), covered: z.number().int(), share: z.number() }),
  })
  .openapi('CommunityOverview');

export type CommunityOverview = z.infer<typeof communityOverviewSchema>;

/** How people join, what visitors see, and the community's time zone (association administrators set them). */
export const communitySettingsSchema = z
  .object({
    joinPolicy: z.enum(joinPolicies),
    organiserNamesPublic: z.boolean(),
    /** Whether every member sees where the association stands (its figures page), not only administrators and coordinators. */
    figuresForMembers: z.boolean(),
    timeZone: z.string(),
    /** How clubs and activity budgets are approved: by one administrator, or by all of them by consent. */
    decisionRule: z.enum(decisionRules),
    /** Under consent: days to object before silence approves. */
    consentDays: z.number().int(),
  })
  .openapi('CommunitySettings');

export const communitySettingsChangeSchema = z
  .object({
    joinPolicy: z.enum(joinPolicies),
    organiserNamesPublic: z.boolean(),
    figuresForMembers: z.boolean(),
    /** An IANA time zone, e.g. Asia/Shanghai. */
    timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'Not a known time zone; use an IANA name such as Asia/Shanghai'),
    decisionRule: z.enum(decisionRules),
    consentDays: z.number().int().min(1).max(MAX_CONSENT_DAYS),
  })
  .partial();

export type CommunitySettings = z.infer<typeof communitySettingsSchema>;
