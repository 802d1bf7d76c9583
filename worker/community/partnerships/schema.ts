import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activities } from '../activities/schema';
import { now } from '../../db/columns';
import { donationKinds, entryKinds, partnershipKinds, partnershipStates } from './rules';

export { donationKinds, entryKinds, partnershipActions, partnershipKinds, partnershipStates } from './rules';

/**
 * The community's own register of its partnerships. An outside partner (not on Huzhu) lives here only; a partnership
 * with a Huzhu community is kept in the control plane (`linkId`), and this row mirrors its state and goals so that the
 * community's pages and figures read its own database.
 */
export const partnerships = sqliteTable('partnerships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: partnershipKinds }).notNull(),
  linkId: text('link_id').unique(),
  /** Which side this community is on, for a Huzhu link; an outside partnership is always ours. */
  side: text('side', { enum: ['proposer', 'partner'] })
    .notNull()
    .default('proposer'),
  partnerName: text('partner_name').notNull(),
  partnerSlug: text('partner_slug'),
  partnerPlace: text('partner_place').notNull().default(''),
  partnerContact: text('partner_contact').notNull().default(''),
  status: text('status', { enum: partnershipStates }).notNull(),
  goals: text('goals').notNull().default(''),
  startedOn: text('started_on'),
  endedOn: text('ended_on'),
  createdAt: text('created_at').notNull().default(now),
});

/**
 * Visits and donations as this community records them. For a Huzhu partnership each row copies a shared item and
 * carries its id as `ref`, so a second copy is refused by the unique index; money given or received has a ledger
 * transaction with the same ref.
 */
export const partnershipEntries = sqliteTable(
  'partnership_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    ref: text('ref').notNull().unique(),
    kind: text('kind', { enum: entryKinds }).notNull(),
    /** A visit this community held, or a donation it gave (else one it received). */
    ours: integer('ours', { mode: 'boolean' }).notNull(),
    occurredOn: text('occurred_on').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull().default(''),
    residents: integer('residents').notNull().default(0),
    activityId: integer('activity_id').references(() => activities.id),
    donationKind: text('donation_kind', { enum: donationKinds }),
    amountFen: integer('amount_fen').notNull().default(0),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('partnership_entries_partnership').on(t.partnershipId, t.occurredOn), index('partnership_entries_day').on(t.occurredOn)],
);
