import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { buildings } from '../buildings/schema';
import { partyKeys } from '../parties/rules';
import { memberStatuses } from './rules';
import { sensitiveItems } from '../privacy/rules';
import { now } from '../../db/columns';
import { z } from '@hono/zod-openapi';

/** The standing roles a member can hold in the community. */
export const memberRoleNames = [
  'building-contact',
  'club-leader',
  'committee-member',
  'party-representative',
  'association-admin',
  /** Takes in donations, sells and closes the day at the charity shop (彩虹屋); appointed by an administrator. */
  'shop-volunteer',
  /** A volunteer librarian of 明志书屋 (the library program). */
  'librarian',
  /** Coordinates home elder care (居家养老): registrations, pairings, visits and concerns. */
  'care-coordinator',
] as const;
export type MemberRoleName = (typeof memberRoleNames)[number];

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  buildingId: integer('building_id').references(() => buildings.id),
  /** Flat or unit within the building (e.g. 3-201), so members of one household count once in participation. */
  household: text('household'),
  joinedAt: text('joined_at').notNull().default(now),
  /** 'pending' while a community that approves its members has not yet decided; a pending member sees nothing for members. */
  status: text('status', { enum: memberStatuses }).notNull().default('active'),
  /** Who approved the membership, and when; null for open joining. */
  approvedBy: integer('approved_by'),
  approvedAt: text('approved_at'),
  /**
   * Set for an assisted member (代为登记): a resident who does not use the internet, registered by a building contact
   * or an administrator. Nobody signs in as them (their userId is `assisted:…`, which no sign-in produces); others
   * act on their behalf until they claim the record with a one-time code.
   */
  assistedBy: integer('assisted_by'),
  /** An assisted member's phone, optional; seen only by contacts and administrators. */
  phone: text('phone'),
  /** SHA-256 of the one-time claim code, and when it stops working. */
  claimCodeHash: text('claim_code_hash'),
  claimCodeExpiresAt: text('claim_code_expires_at'),
  /** When the resident claimed the record with their own account. */
  claimedAt: text('claimed_at'),
});

/** A member's roles; party representatives name their party, other roles use ''. */
export const memberRoles = sqliteTable(
  'member_roles',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role', { enum: memberRoleNames }).notNull(),
    partyKey: text('party_key').notNull().default(''),
    buildingId: integer('building_id').references(() => buildings.id),
    grantedBy: text('granted_by').notNull(),
    grantedAt: text('granted_at').notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.role, t.partyKey] }),
    // A person speaks for at most one party at a time.
    uniqueIndex('member_roles_one_party').on(t.memberId).where(sql`${t.role} = 'party-representative'`),
  ],
);

/** The roles an administrator may offer through an invitation link. */
export const invitableRoles = ['association-admin', 'building-contact'] as const;
/** open: the link works; requested: someone signed in asked to take the role; confirmed/declined: an administrator decided; revoked. */
export const invitationStatuses = ['open', 'requested', 'confirmed', 'declined', 'revoked'] as const;

/**
 * An invitation to take a role, shared as a link (and its QR code). Whoever opens it signed in asks for the role; an
 * administrator confirms it, so a forwarded link grants nothing by itself. It expires, and can be revoked.
 */
export const roleInvitations = sqliteTable('role_invitations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  token: text('token').notNull().unique(),
  role: text('role', { enum: invitableRoles }).notNull(),
  buildingId: integer('building_id').references(() => buildings.id),
  note: text('note').notNull().default(''),
  status: text('status', { enum: invitationStatuses }).notNull().default('open'),
  createdBy: integer('created_by')
    .notNull()
    .references(() => members.id),
  createdAt: text('created_at').notNull().default(now),
  expiresAt: text('expires_at').notNull(),
  requestedBy: integer('requested_by').references(() => members.id),
  requestedAt: text('requested_at'),
  decidedBy: integer('decided_by').references(() => members.id),
  decidedAt: text('decided_at'),
});

export const roleGrantSchema = z
  .object({
    role: z.enum(memberRoleNames),
    partyKey: z.enum(partyKeys).optional(),
    buildingId: z.number().int().positive().optional(),
  })
  .superRefine((grant, ctx) => {
    if (grant.role === 'party-representative' && !grant.partyKey) {
      ctx.addIssue({ code: 'custom', path: ['partyKey'], message: 'A party representative must name the party' });
    }
    if (grant.role === 'building-contact' && !grant.buildingId) {
      ctx.addIssue({ code: 'custom', path: ['buildingId'], message: 'A building contact must name the building' });
    }
  });

export const memberSchema = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    buildingId: z.number().int().nullable(),
    joinedAt: z.string(),
    /** 'pending' while the community's building contact or an administrator has not decided; 'declined' if they said no. */
    status: z.enum(memberStatuses),
    roles: z.array(z.object({ role: z.enum(memberRoleNames), partyKey: z.string().nullable(), buildingId: z.number().int().nullable() })),
  })
  .openapi('Member');

export const joinBodySchema = z.object({
  displayName: z.string().trim().min(1).max(40),
  buildingId: z.number().int().positive().optional(),
  /** Flat or unit in the building (e.g. 3-201): members of one household count once in participation figures. */
  household: z
    .string()
    .trim()
    .max(20)
    .regex(/^[0-9A-Za-z\-#室号单元栋楼 ]*$/u, 'Use the flat number, e.g. 3-201')
    .optional(),
  /** The version of the privacy notice (隐私告知) the person read and agreed to; it must be the current one. */
  privacyNoticeVersion: z.number({ error: 'Read the privacy notice and agree to it to join' }).int().positive(),
  /** The sensitive items they also agreed to, each a separate opt-in (they can give them later under 我的隐私). */
  sensitiveItems: z.array(z.enum(sensitiveItems)).max(sensitiveItems.length).optional(),
});

/** An application to join that waits for a building contact or an administrator. */
export const pendingMemberSchema = z
  .object({
    id: z.number().int(),
    displayName: z.string(),
    buildingId: z.number().int().nullable(),
    buildingName: z.string().nullable(),
    appliedAt: z.string(),
  })
  .openapi('PendingMember');

export const decisionBodySchema = z.object({ approve: z.boolean() });

export const setRolesBodySchema = z.object({ roles: z.array(roleGrantSchema).max(20) });

export type MemberView = z.infer<typeof memberSchema>;
export type PendingMemberView = z.infer<typeof pendingMemberSchema>;
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const memberQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  buildingId: z.coerce.number().int().positive().optional(),
  role: z.enum(memberRoleNames).optional(),
  /** A page of at most 500 (the default: everyone in a small community; the members page asks for 50). */
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

export const createInvitationBodySchema = z
  .object({
    role: z.enum(invitableRoles),
    buildingId: z.number().int().positive().optional(),
    /** Who it is meant for, as a reminder for the administrators (e.g. "3栋 王阿姨"). */
    note: z.string().trim().max(80).optional(),
    /** Days the link works: 14 unless told. */
    days: z.number().int().min(1).max(60).default(14),
  })
  .superRefine((body, ctx) => {
    if (body.role === 'building-contact' && !body.buildingId)
      ctx.addIssue({ code: 'custom', path: ['buildingId'], message: 'A building contact must name the building' });
    if (body.role !== 'building-contact' && body.buildingId)
      ctx.addIssue({ code: 'custom', path: ['buildingId'], message: 'Only a building contact names a building' });
  });

export const invitationSchema = z
  .object({
    id: z.number().int(),
    role: z.enum(invitableRoles),
    buildingId: z.number().int().nullable(),
    buildingName: z.string().nullable(),
    note: z.string(),
    /** 'expired' when the link's time ran out before anyone asked. */
    status: z.enum([...invitationStatuses, 'expired']),
    createdAt: z.string(),
    expiresAt: z.string(),
    requestedBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
    requestedAt: z.string().nullable(),
  })
  .openapi('RoleInvitation');

/** What the person who opens a link sees: the role offered, never who else asked. */
export const invitationPreviewSchema = z
  .object({
    role: z.enum(invitableRoles),
    buildingName: z.string().nullable(),
    status: z.enum([...invitationStatuses, 'expired']),
    expiresAt: z.string(),
    /** Whether the caller is the person who asked for it. */
    mine: z.boolean(),
  })
  .openapi('RoleInvitationPreview');

export type InvitationView = z.infer<typeof invitationSchema>;
