import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { buildings, memberRoles, members } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberView, RoleGrant } from './schema';

async function assertBuilding(db: TenantDb, buildingId: number | undefined, field: string) {
  if (buildingId === undefined) return;
  const found = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, buildingId)).limit(1);
  if (found.length === 0) throw new AppError('validation_failed', 'No such building', { [field]: ['No such building'] });
}

export async function listMembers(db: TenantDb, ids?: number[]): Promise<MemberView[]> {
  const rows = await db
    .select()
    .from(members)
    .where(ids ? inArray(members.id, ids) : undefined)
    .orderBy(asc(members.id));
  if (rows.length === 0) return [];
  const roles = await db
    .select()
    .from(memberRoles)
    .where(
      inArray(
        memberRoles.memberId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((m) => ({
    id: m.id,
    displayName: m.displayName,
    buildingId: m.buildingId,
    joinedAt: m.joinedAt,
    roles: roles
      .filter((r) => r.memberId === m.id)
      .map((r) => ({ role: r.role, partyKey: r.partyKey === '' ? null : r.partyKey, buildingId: r.buildingId })),
  }));
}

export async function findMemberByUser(db: TenantDb, userId: string): Promise<MemberView | null> {
  const row = await db.select({ id: members.id }).from(members).where(eq(members.userId, userId)).limit(1);
  if (!row[0]) return null;
  return (await listMembers(db, [row[0].id]))[0] ?? null;
}

/** Joins the community as a resident; joining twice returns the existing membership. */
export async function joinAsResident(
  db: TenantDb,
  userId: string,
  input: { displayName: string; buildingId?: number; household?: string },
): Promise<{ member: MemberView; created: boolean }> {
  await assertBuilding(db, input.buildingId, 'buildingId');
  const inserted = await db
    .insert(members)
    .values({ userId, displayName: input.displayName, buildingId: input.buildingId ?? null, household: input.household || null })
    .onConflictDoNothing({ target: members.userId })
    .returning({ id: members.id });
  const member = await findMemberByUser(db, userId);
  if (!member) throw new Error('membership vanished after insert');
  return { member, created: inserted.length > 0 };
}

/** Replaces a member's roles in one batch; the last association admin cannot remove themself. */
export async function setMemberRoles(db: TenantDb, memberId: number, grants: RoleGrant[], grantedBy: string): Promise<MemberView> {
  const existing = await listMembers(db, [memberId]);
  if (existing.length === 0) throw new AppError('not_found', 'No such member');
  for (const [i, grant] of grants.entries()) await assertBuilding(db, grant.buildingId, `roles.${i}.buildingId`);
  const keepsAdmin = grants.some((g) => g.role === 'association-admin');
  if (!keepsAdmin && existing[0]?.roles.some((r) => r.role === 'association-admin')) {
    const admins = await db.select({ id: memberRoles.memberId }).from(memberRoles).where(eq(memberRoles.role, 'association-admin'));
    if (admins.length <= 1) throw new AppError('conflict', 'A community needs at least one association administrator');
  }
  // A party's representative is appointed through the party and accepts; this route neither grants nor removes it.
  const representing = existing[0]?.roles.filter((r) => r.role === 'party-representative') ?? [];
  for (const [i, grant] of grants.entries()) {
    if (grant.role === 'party-representative' && !representing.some((r) => r.partyKey === grant.partyKey))
      throw new AppError('validation_failed', "Appoint a party's representative through the party; they accept it themselves", {
        [`roles.${i}.role`]: ['Use the party appointment'],
      });
  }
  if (grants.some((g) => g.role === 'association-admin') && representing.some((r) => r.partyKey !== 'association'))
    throw new AppError('conflict', 'This person speaks for another party; an administrator speaks for the association', {
      roles: ['Represents another party'],
    });
  const unique = new Map(grants.filter((g) => g.role !== 'party-representative').map((g) => [`${g.role}:${g.partyKey ?? ''}`, g]));
  const rows = [...unique.values()].map((g) => ({
    memberId,
    role: g.role,
    partyKey: g.partyKey ?? '',
    buildingId: g.buildingId ?? null,
    grantedBy,
  }));
  const remove = db.delete(memberRoles).where(and(eq(memberRoles.memberId, memberId), ne(memberRoles.role, 'party-representative')));
  if (rows.length > 0) await db.batch([remove, db.insert(memberRoles).values(rows)]);
  else await remove;
  return (await listMembers(db, [memberId]))[0] as MemberView;
}
