import { and, asc, count, eq, exists, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { buildings, memberRoles, members } from '../../db/tenant-schema';
import { notifyMember, notifyMembers } from '../notifications/emit';
import { AppError } from '../../errors';
import type { JoinPolicy } from '../profile/rules';
import { type MemberStatus, statusOnJoining } from './rules';
import type { MemberRoleName, MemberView, PendingMemberView, RoleGrant } from './schema';

async function assertBuilding(db: TenantDb, buildingId: number | undefined, field: string) {
  if (buildingId === undefined) return;
  const found = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, buildingId)).limit(1);
  if (found.length === 0) throw new AppError('validation_failed', 'No such building', { [field]: ['No such building'] });
}

/** Members with their roles: those named by `ids` (whatever their status), or else every active member. */
export async function listMembers(db: TenantDb, ids?: number[]): Promise<MemberView[]> {
  // The same filter selects the members and, by a join, their roles: D1 binds at most 100 values per statement,
  // so a community of thousands cannot list its members' ids in an IN (…).
  const which = ids ? inArray(members.id, ids) : eq(members.status, 'active');
  const [rows, roles] = await db.batch([
    db.select().from(members).where(which).orderBy(asc(members.id)),
    db
      .select({
        memberId: memberRoles.memberId,
        role: memberRoles.role,
        partyKey: memberRoles.partyKey,
        buildingId: memberRoles.buildingId,
      })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .where(which),
  ]);
  return memberViews(rows, roles);
}

/** Members as the API shows them, each with their roles. */
function memberViews(
  rows: (typeof members.$inferSelect)[],
  roles: { memberId: number; role: MemberRoleName; partyKey: string; buildingId: number | null }[],
): MemberView[] {
  return rows.map((m) => ({
    id: m.id,
    displayName: m.displayName,
    buildingId: m.buildingId,
    joinedAt: m.joinedAt,
    status: m.status,
    roles: roles
      .filter((r) => r.memberId === m.id)
      .map((r) => ({ role: r.role, partyKey: r.partyKey === '' ? null : r.partyKey, buildingId: r.buildingId })),
  }));
}

export interface MemberQuery {
  /** Part of the name. */
  q?: string;
  buildingId?: number;
  role?: MemberRoleName;
  limit: number;
  offset: number;
}

/** One page of active members matching a name, a building and a role, with how many match in all (for 3,000+ members). */
export async function searchMembers(db: TenantDb, query: MemberQuery): Promise<{ members: MemberView[]; total: number }> {
  const escaped = query.q?.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const where = and(
    eq(members.status, 'active'),
    escaped ? sql`${members.displayName} LIKE ${`%${escaped}%`} ESCAPE '\\'` : undefined,
    query.buildingId === undefined ? undefined : eq(members.buildingId, query.buildingId),
    query.role === undefined
      ? undefined
      : exists(
          db
            .select({ one: memberRoles.memberId })
            .from(memberRoles)
            .where(and(eq(memberRoles.memberId, members.id), eq(memberRoles.role, query.role))),
        ),
  );
  // The page's ids as a subquery, never as bound values: D1 binds at most 100 per statement and a page holds 500.
  const pageIds = db.select({ id: members.id }).from(members).where(where).orderBy(asc(members.id)).limit(query.limit).offset(query.offset);
  const [rows, roles, totals] = await db.batch([
    db.select().from(members).where(where).orderBy(asc(members.id)).limit(query.limit).offset(query.offset),
    db
      .select({
        memberId: memberRoles.memberId,
        role: memberRoles.role,
        partyKey: memberRoles.partyKey,
        buildingId: memberRoles.buildingId,
      })
      .from(memberRoles)
      .where(inArray(memberRoles.memberId, pageIds)),
    db.select({ n: count() }).from(members).where(where),
  ]);
  return { members: memberViews(rows, roles), total: totals[0]?.n ?? 0 };
}

export async function findMemberByUser(db: TenantDb, userId: string): Promise<MemberView | null> {
  const row = await db.select({ id: members.id }).from(members).where(eq(members.userId, userId)).limit(1);
  if (!row[0]) return null;
  return (await listMembers(db, [row[0].id]))[0] ?? null;
}

/**
 * Joins the community as a resident: active at once where joining is open, pending where a building contact or an
 * administrator approves (they are notified). Joining twice returns the existing membership; someone declined
 * or who left applies again with what they now give.
 */
export async function joinAsResident(
  db: TenantDb,
  userId: string,
  input: { displayName: string; buildingId?: number; household?: string },
  joinPolicy: JoinPolicy,
): Promise<{ member: MemberView; created: boolean }> {
  await assertBuilding(db, input.buildingId, 'buildingId');
  const status = statusOnJoining(joinPolicy);
  const details = { displayName: input.displayName, buildingId: input.buildingId ?? null, household: input.household || null };
  let [row] = await db
    .insert(members)
    .values({ userId, ...details, status })
    .onConflictDoNothing({ target: members.userId })
    .returning({ id: members.id });
  if (!row) {
    // Applying again after a refusal: a conditional write, so a second request at the same moment changes nothing.
    [row] = await db
      .update(members)
      .set({ ...details, status, joinedAt: new Date().toISOString(), approvedBy: null, approvedAt: null })
      .where(and(eq(members.userId, userId), inArray(members.status, ['declined', 'left'])))
      .returning({ id: members.id });
  }
  if (row && status === 'pending') await notifyDeciders(db, row.id, details);
  const member = await findMemberByUser(db, userId);
  if (!member) throw new Error('membership vanished after insert');
  return { member, created: row !== undefined };
}

/** Tells who may decide on an application: the contacts of the building the person named, and the administrators. */
async function notifyDeciders(db: TenantDb, applicantId: number, applicant: { displayName: string; buildingId: number | null }) {
  const building = applicant.buildingId;
  const [deciders, buildingRows] = await db.batch([
    db
      .select({ memberId: memberRoles.memberId, role: memberRoles.role })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .where(
        and(
          eq(members.status, 'active'),
          or(
            eq(memberRoles.role, 'association-admin'),
            building === null ? undefined : and(eq(memberRoles.role, 'building-contact'), eq(memberRoles.buildingId, building)),
          ) as SQL,
        ),
      ),
    db
      .select({ name: buildings.name })
      .from(buildings)
      .where(eq(buildings.id, building ?? -1)),
  ]);
  const buildingName = buildingRows[0]?.name ?? null;
  const recipients = new Map<number, 'admin' | 'contact'>();
  for (const d of deciders) {
    if (d.role === 'association-admin') recipients.set(d.memberId, 'admin');
    else if (!recipients.has(d.memberId)) recipients.set(d.memberId, 'contact');
  }
  recipients.delete(applicantId);
  if (recipients.size === 0) return;
  const who = {
    zh: buildingName ? `${applicant.displayName}（${buildingName}）` : applicant.displayName,
    en: buildingName ? `${applicant.displayName} (${buildingName})` : applicant.displayName,
  };
  const [first, ...rest] = (['admin', 'contact'] as const).flatMap((page) =>
    notifyMembers(
      db,
      [...recipients].filter(([, as]) => as === page).map(([id]) => id),
      { kind: 'member.application', params: { who, page }, link: page === 'admin' ? '/members' : '/buildings' },
    ),
  );
  if (first) await db.batch([first, ...rest]);
}

/** Applications waiting for a decision, oldest first: every one, or those naming one building. The flat stays private. */
export async function listPendingMembers(db: TenantDb, buildingId?: number): Promise<PendingMemberView[]> {
  return db
    .select({
      id: members.id,
      displayName: members.displayName,
      buildingId: members.buildingId,
      buildingName: buildings.name,
      appliedAt: members.joinedAt,
    })
    .from(members)
    .leftJoin(buildings, eq(buildings.id, members.buildingId))
    .where(and(eq(members.status, 'pending'), buildingId === undefined ? undefined : eq(members.buildingId, buildingId)))
    .orderBy(asc(members.joinedAt), asc(members.id));
}

/**
 * Approves (active, with who and when) or declines a pending application, and tells the person. Who may decide is
 * declared on the route; the write is conditional on the application still waiting, so two deciders cannot both act.
 */
export async function decideMembership(db: TenantDb, memberId: number, deciderId: number, approve: boolean): Promise<MemberStatus> {
  const [applicant] = await db.select({ status: members.status }).from(members).where(eq(members.id, memberId));
  if (!applicant) throw new AppError('not_found', 'No such member');
  if (applicant.status !== 'pending') throw new AppError('conflict', 'This application has already been decided');
  const status: MemberStatus = approve ? 'active' : 'declined';
  const decidedAt = new Date().toISOString();
  const [updated] = await db
    .update(members)
    .set(approve ? { status, approvedBy: deciderId, approvedAt: decidedAt } : { status })
    .where(and(eq(members.id, memberId), eq(members.status, 'pending')))
    .returning({ id: members.id });
  if (!updated) throw new AppError('conflict', 'This application has already been decided');
  // Only the request whose decision was recorded welcomes the new member. A declined person is not a member and reads
  // no notifications: they learn the answer from their own status (GET /api/me) and may apply again.
  if (approve) await notifyMember(db, memberId, { kind: 'member.welcome', params: {}, link: '/' });
  return status;
}

/** Replaces a member's roles in one batch; the last association admin cannot remove themself. */
export async function setMemberRoles(
  db: TenantDb,
  memberId: number,
  grants: RoleGrant[],
  grantedBy: string,
): Promise<{ member: MemberView; granted: RoleChange[]; removed: RoleChange[] }> {
  const existing = await listMembers(db, [memberId]);
  if (existing.length === 0) throw new AppError('not_found', 'No such member');
  if (existing[0]?.status !== 'active') throw new AppError('conflict', 'Approve this person as a member before giving them roles');
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
  const member = (await listMembers(db, [memberId]))[0] as MemberView;
  return { member, ...roleChanges(existing[0]?.roles ?? [], member.roles) };
}

export type RoleChange = { role: MemberRoleName; buildingId: number | null };

/** What a change of roles granted and removed, for the audit log. */
export function roleChanges(before: MemberView['roles'], after: MemberView['roles']) {
  const key = (r: MemberView['roles'][number]) => `${r.role}:${r.partyKey ?? ''}:${r.buildingId ?? ''}`;
  const pick = (r: MemberView['roles'][number]): RoleChange => ({ role: r.role, buildingId: r.buildingId });
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return { granted: after.filter((r) => !had.has(key(r))).map(pick), removed: before.filter((r) => !has.has(key(r))).map(pick) };
}
