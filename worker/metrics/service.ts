import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PlatformDb, TenantDb } from '../db/client';
import { now } from '../db/columns';
import { communities, consultantGrants, consultantProfiles, metricSnapshots, platformRoles } from '../db/platform-schema';
import { members } from '../db/tenant-schema';
import { AppError } from '../errors';
import { auditIfFound, auditStatement } from './audit-statements';
import type { Figures } from './definitions';
import { parseFigures } from './figures';

// ---- What consultants read: snapshots only, never a community's own database ----

export interface Trajectory {
  slug: string;
  name: { zh: string; en: string | null };
  city: string | null;
  computedAt: string | null;
  currentMonth: string;
  months: { month: string; figures: Figures }[];
}

/** Active communities that granted this consultant access and have not revoked it. */
const grantedTo = (consultantUserId: string) =>
  and(eq(consultantGrants.consultantUserId, consultantUserId), isNull(consultantGrants.revokedAt), eq(communities.status, 'active'));

/** The city from the sign-up answers, without reading the rest of them. */
const city = sql<unknown>`json_extract(${communities.setup}, '$.city')`.as('city');
const cityOf = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * Granted communities' figures month by month, in the order asked, in one query. Not granted and not there
 * look the same: if any is missing, nothing about any of them is returned.
 */
export async function trajectories(db: PlatformDb, consultantUserId: string, slugs: readonly string[], at = new Date()) {
  const currentMonth = at.toISOString().slice(0, 7);
  const rows = await db
    .select({
      slug: communities.slug,
      nameZh: communities.nameZh,
      nameEn: communities.nameEn,
      city,
      month: metricSnapshots.month,
      figures: metricSnapshots.figures,
      computedAt: metricSnapshots.computedAt,
    })
    .from(consultantGrants)
    .innerJoin(communities, eq(communities.id, consultantGrants.communityId))
    .leftJoin(metricSnapshots, eq(metricSnapshots.communityId, communities.id))
    .where(and(grantedTo(consultantUserId), inArray(communities.slug, [...slugs])))
    .orderBy(communities.slug, metricSnapshots.month);
  const bySlug = new Map<string, Trajectory>();
  for (const row of rows) {
    let entry = bySlug.get(row.slug);
    if (!entry) {
      entry = {
        slug: row.slug,
        name: { zh: row.nameZh, en: row.nameEn },
        city: cityOf(row.city),
        computedAt: null,
        currentMonth,
        months: [],
      };
      bySlug.set(row.slug, entry);
    }
    if (row.month !== null && row.figures !== null) {
      entry.months.push({ month: row.month, figures: parseFigures(row.figures) });
      if (row.computedAt && (!entry.computedAt || row.computedAt > entry.computedAt)) entry.computedAt = row.computedAt;
    }
  }
  const missing = slugs.filter((s) => !bySlug.has(s));
  if (missing.length > 0)
    throw new AppError('forbidden', 'No access to the figures of one or more of these communities', { slugs: missing });
  return slugs.map((s) => bySlug.get(s)!);
}

// ---- A community's grants (its association admins) ----

/** Consultants registered on the platform: a profile and, still, the role. */
const registeredConsultant = and(eq(platformRoles.userId, consultantProfiles.userId), eq(platformRoles.role, 'consultant'));

/** The community's grants, live first, with the granting admin's name where they are still a member; and who can be granted. */
export async function communityGrants(platform: PlatformDb, tenant: TenantDb, communityId: string) {
  const [grantRows, directory] = await platform.batch([
    platform
      .select({
        userId: consultantGrants.consultantUserId,
        displayName: consultantProfiles.displayName,
        organisation: consultantProfiles.organisation,
        grantedAt: consultantGrants.grantedAt,
        grantedBy: consultantGrants.grantedBy,
        revokedAt: consultantGrants.revokedAt,
      })
      .from(consultantGrants)
      .leftJoin(consultantProfiles, eq(consultantProfiles.userId, consultantGrants.consultantUserId))
      .where(eq(consultantGrants.communityId, communityId))
      .orderBy(sql`${consultantGrants.revokedAt} IS NOT NULL`, desc(consultantGrants.grantedAt)),
    platform
      .select({
        userId: consultantProfiles.userId,
        displayName: consultantProfiles.displayName,
        organisation: consultantProfiles.organisation,
      })
      .from(consultantProfiles)
      .innerJoin(platformRoles, registeredConsultant)
      .orderBy(asc(consultantProfiles.displayName)),
  ]);
  const granters = [...new Set(grantRows.map((g) => g.grantedBy))];
  const names = new Map(
    granters.length === 0
      ? []
      : (
          await tenant
            .select({ userId: members.userId, displayName: members.displayName })
            .from(members)
            .where(inArray(members.userId, granters))
        ).map((m) => [m.userId, m.displayName]),
  );
  return {
    grants: grantRows.map((g) => ({
      userId: g.userId,
      displayName: g.displayName ?? g.userId,
      organisation: g.organisation ?? '',
      grantedAt: g.grantedAt,
      grantedBy: g.grantedBy,
      grantedByName: names.get(g.grantedBy) ?? null,
      revokedAt: g.revokedAt,
    })),
    directory,
  };
}

interface GrantChange {
  communityId: string;
  consultantUserId: string;
  /** The admin making the change. */
  actor: string;
}

/** Grants a registered consultant access (again, if it was revoked; a live grant is left as it is) and logs it. */
export async function grantAccess(db: PlatformDb, { communityId, consultantUserId, actor }: GrantChange): Promise<void> {
  const [known] = await db
    .select({ userId: consultantProfiles.userId })
    .from(consultantProfiles)
    .innerJoin(platformRoles, registeredConsultant)
    .where(eq(consultantProfiles.userId, consultantUserId))
    .limit(1);
  if (!known) throw new AppError('not_found', 'No consultant with this id is registered on the platform');
  await db.batch([
    db
      .insert(consultantGrants)
      .values({ communityId, consultantUserId, grantedBy: actor })
      .onConflictDoUpdate({
        target: [consultantGrants.communityId, consultantGrants.consultantUserId],
        set: { grantedBy: actor, grantedAt: now, revokedAt: null },
        setWhere: isNotNull(consultantGrants.revokedAt),
      }),
    auditStatement(db, { actorUserId: actor, communityId, action: 'consultant.granted', detail: { consultantUserId } }),
  ]);
}

/** Revokes a live grant; the audit row and the revocation go together, or neither does. */
export async function revokeAccess(db: PlatformDb, { communityId, consultantUserId, actor }: GrantChange): Promise<void> {
  const live = and(
    eq(consultantGrants.communityId, communityId),
    eq(consultantGrants.consultantUserId, consultantUserId),
    isNull(consultantGrants.revokedAt),
  );
  const [, revoked] = await db.batch([
    auditIfFound(
      db,
      { actorUserId: actor, communityId, action: 'consultant.revoked', detail: { consultantUserId } },
      consultantGrants,
      live,
    ),
    db.update(consultantGrants).set({ revokedAt: now }).where(live).returning({ userId: consultantGrants.consultantUserId }),
  ]);
  if (revoked.length === 0) throw new AppError('not_found', 'This consultant has no access to revoke');
}

// ---- Operators: who is a consultant ----

/** Registered consultants with how many communities currently grant each access. */
export async function listConsultants(db: PlatformDb) {
  return db
    .select({
      userId: consultantProfiles.userId,
      displayName: consultantProfiles.displayName,
      organisation: consultantProfiles.organisation,
      createdAt: consultantProfiles.createdAt,
      grants: db.$count(
        consultantGrants,
        and(eq(consultantGrants.consultantUserId, consultantProfiles.userId), isNull(consultantGrants.revokedAt)),
      ),
    })
    .from(consultantProfiles)
    .innerJoin(platformRoles, registeredConsultant)
    .orderBy(asc(consultantProfiles.displayName));
}

/** Gives a signed-up person the consultant role with the name and organisation admins will see (or updates them), and logs it. */
export async function registerConsultant(
  db: PlatformDb,
  actor: string,
  userId: string,
  profile: { displayName: string; organisation: string },
): Promise<void> {
  await db.batch([
    db
      .insert(consultantProfiles)
      .values({ userId, ...profile })
      .onConflictDoUpdate({ target: consultantProfiles.userId, set: profile }),
    db.insert(platformRoles).values({ userId, role: 'consultant' }).onConflictDoNothing(),
    auditStatement(db, {
      actorUserId: actor,
      communityId: null,
      action: 'consultant.registered',
      detail: { consultantUserId: userId, ...profile },
    }),
  ]);
}

/** Takes the consultant role away (their grants stop working at once); the audit row goes with it or not at all. */
export async function removeConsultant(db: PlatformDb, actor: string, userId: string): Promise<void> {
  const isConsultant = and(eq(platformRoles.userId, userId), eq(platformRoles.role, 'consultant'));
  const [, removed] = await db.batch([
    auditIfFound(
      db,
      { actorUserId: actor, communityId: null, action: 'consultant.removed', detail: { consultantUserId: userId } },
      platformRoles,
      isConsultant,
    ),
    db.delete(platformRoles).where(isConsultant).returning({ userId: platformRoles.userId }),
  ]);
  if (removed.length === 0) throw new AppError('not_found', 'This person is not a consultant');
}
