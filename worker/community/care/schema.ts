import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from '../../db/columns';
import { buildings } from '../buildings/schema';
import { members } from '../members/schema';

/** What a care recipient may ask for; a note says the rest. */
export const careNeedKinds = ['companionship', 'shopping', 'phone-help', 'clinic-escort', 'meals', 'housework'] as const;
export type CareNeedKind = (typeof careNeedKinds)[number];

/** Who registered the recipient: the elder themself, a family member, or a contact of their building on their behalf. */
export const careRegisteredAs = ['self', 'family', 'building-contact'] as const;
export type CareRegisteredAs = (typeof careRegisteredAs)[number];

/** How the elder agreed to be registered. */
export const careConsentHow = ['in-person', 'phone', 'written', 'self'] as const;

/** What moved hours in the time bank: a confirmed visit banks them; a gift moves them; a use spends them on care. */
export const timeBankKinds = ['earned', 'gift-out', 'gift-in', 'used'] as const;
export type TimeBankKind = (typeof timeBankKinds)[number];

/** The elder-care program's own settings, one row; missing until someone changes a default. */
export const careSettings = sqliteTable(
  'care_settings',
  {
    id: integer('id').primaryKey(),
    /** A recipient without a visit for this many days is flagged on the coordinators' list. */
    staleDays: integer('stale_days').notNull().default(14),
  },
  (t) => [check('care_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * An elder who receives home care. The record is private: coordinators, the volunteers paired with them and whoever
 * registered them see it (see `recipientVisible`).
 */
export const careRecipients = sqliteTable(
  'care_recipients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    buildingId: integer('building_id').references(() => buildings.id),
    household: text('household').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** The elder's own membership, when they have one. */
    memberId: integer('member_id').references(() => members.id),
    registeredBy: integer('registered_by')
      .notNull()
      .references(() => members.id),
    registeredAs: text('registered_as', { enum: careRegisteredAs }).notNull(),
    consentHow: text('consent_how', { enum: careConsentHow }).notNull(),
    /** The day the elder agreed, on the community's calendar. */
    consentOn: text('consent_on').notNull(),
    /** Comma-separated `careNeedKinds`. */
    needs: text('needs').notNull().default(''),
    needsNote: text('needs_note').notNull().default(''),
    preferredTimes: text('preferred_times').notNull().default(''),
    emergencyName: text('emergency_name').notNull(),
    emergencyPhone: text('emergency_phone').notNull(),
    createdAt: text('created_at').notNull().default(now),
    endedAt: text('ended_at'),
    /** When the retention pass erased the personal content, months after the care ended (see retention/rules.ts). */
    erasedAt: text('erased_at'),
  },
  (t) => [index('care_recipients_registered_by').on(t.registeredBy), index('care_recipients_building').on(t.buildingId)],
);

/** A volunteer paired with a recipient by a coordinator; one open pairing per volunteer and recipient. */
export const carePairings = sqliteTable(
  'care_pairings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => careRecipients.id),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => members.id),
    pairedBy: integer('paired_by')
      .notNull()
      .references(() => members.id),
    pairedAt: text('paired_at').notNull().default(now),
    endedAt: text('ended_at'),
  },
  (t) => [
    uniqueIndex('care_pairings_one_open').on(t.recipientId, t.volunteerId).where(sql`${t.endedAt} IS NULL`),
    index('care_pairings_volunteer').on(t.volunteerId, t.endedAt),
  ],
);

/** A visit a paired volunteer logged; a coordinator confirms it (banking its hours) and follows up a concern. */
export const careVisits = sqliteTable(
  'care_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => careRecipients.id),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => members.id),
    /** The day of the visit, on the community's calendar. */
    visitedOn: text('visited_on').notNull(),
    minutes: integer('minutes').notNull(),
    done: text('done').notNull(),
    observations: text('observations').notNull().default(''),
    concern: integer('concern', { mode: 'boolean' }).notNull().default(false),
    followUp: text('follow_up'),
    followedUpBy: integer('followed_up_by').references(() => members.id),
    followedUpAt: text('followed_up_at'),
    confirmedBy: integer('confirmed_by').references(() => members.id),
    confirmedAt: text('confirmed_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('care_visits_recipient').on(t.recipientId, t.visitedOn),
    index('care_visits_volunteer').on(t.volunteerId),
    // The coordinators' list: open concerns, visits to confirm oldest first; the program's figures read months by day.
    index('care_visits_concerns').on(t.concern, t.followedUpAt),
    index('care_visits_unconfirmed').on(t.confirmedAt, t.visitedOn),
    index('care_visits_day').on(t.visitedOn),
    check('care_visits_minutes', sql`${t.minutes} > 0`),
  ],
);

/**
 * The time bank's ledger, append-only (triggers refuse UPDATE and DELETE): a member's balance is the sum of their
 * rows' minutes. Hours, never money. A visit banks once (`visitId` unique); a gift is two rows sharing `transferKey`.
 */
export const timeBankEntries = sqliteTable(
  'time_bank_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: timeBankKinds }).notNull(),
    /** Positive when banked or received, negative when given or used. */
    minutes: integer('minutes').notNull(),
    visitId: integer('visit_id').references(() => careVisits.id),
    counterpartId: integer('counterpart_id').references(() => members.id),
    transferKey: text('transfer_key'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('time_bank_entries_visit').on(t.visitId),
    uniqueIndex('time_bank_entries_transfer').on(t.transferKey, t.kind),
    index('time_bank_entries_member').on(t.memberId),
    check(
      'time_bank_entries_sign',
      sql`(${t.kind} IN ('earned', 'gift-in') AND ${t.minutes} > 0) OR (${t.kind} IN ('gift-out', 'used') AND ${t.minutes} < 0)`,
    ),
  ],
);
