import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { buildings } from '../buildings/schema';
import { partyKeys } from '../parties/rules';
import { memberStatuses } from './rules';
import { now } from '../../db/columns';
import { z } from '@hono/zod-openapi';

/** The standing roles a member can hold in the community. */
export const memberRoleNames = [
  'building-contact',
  'club-leader',
  'committee-member',
  'party-representative',
  'association-admin',
] as const;

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
