import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../db/client';
import { buildings, memberRoles, members, roleInvitations } from '../../db/tenant-schema';
import { notifyMember, notifyMembers } from '../notifications/emit';
import { AppError } from '../../errors';
import type { InvitationView } from './schema';

type InvitationRow = typeof roleInvitations.$inferSelect;

/** An open link whose time has run out is shown as expired; nobody can ask for the role through it any more. */
export function invitationState(row: Pick<InvitationRow, 'status' | 'expiresAt'>, now = new Date().toISOString()) {
  return row.status === 'open' && row.expiresAt <= now ? ('expired' as const) : row.status;
}

/** A random, unguessable token for the link (128 bits, URL-safe). */
function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function createInvitation(
  db: TenantDb,
  input: { role: InvitationRow['role']; buildingId?: number; note?: string; days: number },
  createdBy: number,
) {
  if (input.buildingId !== undefined) {
    const [b] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, input.buildingId));
    if (!b) throw new AppError('validation_failed', 'No such building', { buildingId: ['No such building'] });
  }
  const expiresAt = new Date(Date.now() + input.days * 86400_000).toISOString();
  const [row] = await db
    .insert(roleInvitations)
    .values({ token: newToken(), role: input.role, buildingId: input.buildingId ?? null, note: input.note ?? '', createdBy, expiresAt })
    .returning();
  return row!;
}

const requester = alias(members, 'requester');

/** Every invitation, newest first, with the person who asked for it; requests waiting for a decision first. */
export async function listInvitations(db: TenantDb): Promise<InvitationView[]> {
  const rows = await db
    .select({ invitation: roleInvitations, buildingName: buildings.name, requesterName: requester.displayName })
    .from(roleInvitations)
    .leftJoin(buildings, eq(buildings.id, roleInvitations.buildingId))
    .leftJoin(requester, eq(requester.id, roleInvitations.requestedBy))
    .orderBy(desc(roleInvitations.id))
    .limit(200);
  const now = new Date().toISOString();
  const views = rows.map(({ invitation: i, buildingName, requesterName }) => ({
    id: i.id,
    role: i.role,
    buildingId: i.buildingId,
    buildingName,
    note: i.note,
    status: invitationState(i, now),
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    requestedBy: i.requestedBy === null ? null : { id: i.requestedBy, displayName: requesterName ?? '—' },
    requestedAt: i.requestedAt,
  }));
  return [...views.filter((v) => v.status === 'requested'), ...views.filter((v) => v.status !== 'requested')];
}

async function byToken(db: TenantDb, token: string) {
  const [row] = await db
    .select({ invitation: roleInvitations, buildingName: buildings.name })
    .from(roleInvitations)
    .leftJoin(buildings, eq(buildings.id, roleInvitations.buildingId))
    .where(eq(roleInvitations.token, token));
  if (!row) throw new AppError('not_found', 'No such invitation');
  return row;
}

export async function previewInvitation(db: TenantDb, token: string, memberId: number) {
  const { invitation: i, buildingName } = await byToken(db, token);
  return { role: i.role, buildingName, status: invitationState(i), expiresAt: i.expiresAt, mine: i.requestedBy === memberId };
}

/**
 * The signed-in member who opened the link asks to take the role. One conditional write: of two people opening the
 * same link, only the first asks; nothing is granted until an administrator confirms.
 */
export async function requestInvitation(db: TenantDb, token: string, memberId: number) {
  const { invitation: i } = await byToken(db, token);
  if (i.requestedBy === memberId && i.status === 'requested') return i.id;
  const state = invitationState(i);
  if (state === 'expired') throw new AppError('conflict', 'This invitation has expired; ask for a new one', { token: ['Expired'] });
  if (state !== 'open') throw new AppError('conflict', 'This invitation has already been used or revoked', { token: [state] });
  const now = new Date().toISOString();
  const [updated] = await db
    .update(roleInvitations)
    .set({ status: 'requested', requestedBy: memberId, requestedAt: now })
    .where(and(eq(roleInvitations.id, i.id), eq(roleInvitations.status, 'open')))
    .returning({ id: roleInvitations.id });
  if (!updated) throw new AppError('conflict', 'Someone else has already used this invitation', { token: ['Already used'] });
  const admins = await db.select({ memberId: memberRoles.memberId }).from(memberRoles).where(eq(memberRoles.role, 'association-admin'));
  const [who] = await db.select({ name: members.displayName }).from(members).where(eq(members.id, memberId));
  const recipients = [...new Set(admins.map((a) => a.memberId))].filter((id) => id !== memberId);
  if (recipients.length > 0)
    await notifyMembers(db, recipients, { kind: 'role.invitation-requested', params: { who: who?.name ?? '' }, link: '/members' })[0];
  return i.id;
}

async function byId(db: TenantDb, id: number) {
  const [row] = await db.select().from(roleInvitations).where(eq(roleInvitations.id, id));
  if (!row) throw new AppError('not_found', 'No such invitation');
  return row;
}

/**
 * Confirms (grants the role, in the same batch as the decision) or declines a request. Nobody confirms their own
 * request: a conflict of interest, not a role. The decision is conditional on the request still waiting.
 */
export async function decideInvitation(db: TenantDb, id: number, deciderId: number, confirm: boolean, grantedBy: string) {
  const i = await byId(db, id);
  if (i.status !== 'requested' || i.requestedBy === null) throw new AppError('conflict', 'Nobody is waiting on this invitation');
  if (i.requestedBy === deciderId) throw new AppError('forbidden', 'Another administrator confirms your own request');
  const [person] = await db.select({ status: members.status }).from(members).where(eq(members.id, i.requestedBy));
  if (confirm && person?.status !== 'active') throw new AppError('conflict', 'The person is no longer an active member');
  if (confirm && i.role === 'building-contact') {
    const [other] = await db
      .select({ buildingId: memberRoles.buildingId })
      .from(memberRoles)
      .where(and(eq(memberRoles.memberId, i.requestedBy), eq(memberRoles.role, 'building-contact')));
    if (other && other.buildingId !== i.buildingId)
      throw new AppError('conflict', 'This person is already the contact of another building', { role: ['Contact of another building'] });
  }
  const decided = {
    status: confirm ? ('confirmed' as const) : ('declined' as const),
    decidedBy: deciderId,
    decidedAt: new Date().toISOString(),
  };
  const mark = db
    .update(roleInvitations)
    .set(decided)
    .where(and(eq(roleInvitations.id, id), eq(roleInvitations.status, 'requested')))
    .returning({ id: roleInvitations.id });
  const tell = notifyMember(db, i.requestedBy, { kind: 'role.invitation-decided', params: { confirmed: confirm }, link: '/' });
  if (confirm) {
    const [marked] = await db.batch([
      mark,
      // Granted only if this request's decision was the one recorded (two administrators may answer at once).
      db
        .insert(memberRoles)
        .select(
          sql`SELECT ${i.requestedBy}, ${i.role}, '', ${i.buildingId}, ${grantedBy}, ${decided.decidedAt}
              WHERE EXISTS (SELECT 1 FROM role_invitations WHERE id = ${id} AND status = 'confirmed' AND decided_at = ${decided.decidedAt})`,
        )
        .onConflictDoNothing(),
      tell,
    ]);
    if (marked.length === 0) throw new AppError('conflict', 'This request has already been decided');
  } else {
    const [marked] = await db.batch([mark, tell]);
    if (marked.length === 0) throw new AppError('conflict', 'This request has already been decided');
  }
  return { ...decided, memberId: i.requestedBy, role: i.role, buildingId: i.buildingId };
}

/** Revokes a link that has not been decided on: it stops working, and a waiting request lapses. */
export async function revokeInvitation(db: TenantDb, id: number, deciderId: number) {
  await byId(db, id);
  const [row] = await db
    .update(roleInvitations)
    .set({ status: 'revoked', decidedBy: deciderId, decidedAt: new Date().toISOString() })
    .where(and(eq(roleInvitations.id, id), inArray(roleInvitations.status, ['open', 'requested'])))
    .returning({ id: roleInvitations.id });
  if (!row) throw new AppError('conflict', 'This invitation has already been decided or revoked');
}
