import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { donationKinds, entryKinds, partnershipStates } from './rules';

const platformNow = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * A partnership between two communities on Huzhu, kept in the control plane because it belongs to neither: one
 * community's administrator proposes it, the other's accepts or declines. Members are named by their id in their own
 * community's database, and only to write that community's own records; no name crosses over.
 */
export const partnershipLinks = sqliteTable(
  'partnership_links',
  {
    id: text('id').primaryKey(),
    proposerCommunityId: text('proposer_community_id').notNull(),
    partnerCommunityId: text('partner_community_id').notNull(),
    /** The two community ids in order, so one open link per pair holds by the partial unique index. */
    pairKey: text('pair_key').notNull(),
    status: text('status', { enum: partnershipStates }).notNull().default('proposed'),
    goals: text('goals').notNull().default(''),
    /** The administrator who proposed, as a member id of the proposing community. */
    proposerMemberId: integer('proposer_member_id').notNull(),
    /** The administrator who answered, as a member id of the community asked. */
    partnerMemberId: integer('partner_member_id'),
    proposedAt: text('proposed_at').notNull().default(platformNow),
    /** The day it became active, on the accepting community's calendar. */
    startedOn: text('started_on'),
    respondedAt: text('responded_at'),
    endedOn: text('ended_on'),
    endedBy: text('ended_by_community_id'),
  },
  (t) => [
    uniqueIndex('partnership_links_open_pair').on(t.pairKey).where(sql`status IN ('proposed', 'active')`),
    index('partnership_links_proposer').on(t.proposerCommunityId),
    index('partnership_links_partner').on(t.partnerCommunityId),
  ],
);

/**
 * What a partnership shares between the two sites: an exchange visit (an activity of the community that held it) or a
 * designated donation (given by one to the other). Its id is the shared reference that both communities' own records
 * and ledger entries carry, so writing it again on either side changes nothing.
 */
export const partnershipSharedItems = sqliteTable(
  'partnership_shared_items',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id')
      .notNull()
      .references(() => partnershipLinks.id),
    kind: text('kind', { enum: entryKinds }).notNull(),
    /** The community that held the visit, or gave the donation. */
    byCommunityId: text('by_community_id').notNull(),
    /** A day on the recording community's calendar (YYYY-MM-DD). */
    occurredOn: text('occurred_on').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull().default(''),
    /** Residents involved in a visit: a count, never names. */
    residents: integer('residents').notNull().default(0),
    /** The activity the visit is, in the holding community's own database. */
    activityId: integer('activity_id'),
    donationKind: text('donation_kind', { enum: donationKinds }),
    /** Money given, or the goods' estimated value, in fen. */
    amountFen: integer('amount_fen').notNull().default(0),
    createdAt: text('created_at').notNull().default(platformNow),
  },
  (t) => [index('partnership_shared_items_link').on(t.linkId)],
);
