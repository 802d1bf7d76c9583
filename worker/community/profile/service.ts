import { asc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { bodies, bodyParties, buildings, communityProfile, memberRoles, members, parties, programs } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import { contactCoverage } from '../buildings/rules';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from './rules';
import type { CommunityOverview, CommunitySettings } from './schema';

/** Everything the community's home page shows, read in one round trip. */
export async function communityOverview(db: TenantDb): Promise<CommunityOverview> {
  const [profileRows, programRows, partyRows, bodyRows, bodyPartyRows, buildingRows, memberCount] = await db.batch([
    db.select().from(communityProfile).limit(1),
    db.select().from(programs).orderBy(asc(programs.position)),
    db.select().from(parties).orderBy(asc(parties.position)),
    db.select().from(bodies).orderBy(asc(bodies.level)),
    db.select().from(bodyParties),
    db
      .select({
        id: buildings.id,
        name: buildings.name,
        contactsRequired: buildings.contactsRequired,
        contacts: sql<number>`(SELECT COUNT(*) FROM ${memberRoles} WHERE ${memberRoles.role} = 'building-contact' AND ${memberRoles.buildingId} = ${buildings.id})`,
      })
      .from(buildings)
      .orderBy(asc(buildings.position)),
    db.select({ n: sql<number>`COUNT(*)` }).from(members).where(eq(members.status, 'active')),
  ]);
  const profile = profileRows[0];
  if (!profile) throw new AppError('not_ready', 'This community is not set up yet');
  return {
    slug: profile.slug,
    name: { zh: profile.nameZh, en: profile.nameEn },
    city: profile.city,
    district: profile.district,
    households: profile.households,
    template: { key: profile.templateKey, version: profile.templateVersion },
    memberCount: memberCount[0]?.n ?? 0,
    joinPolicy: profile.joinPolicy,
    programs: programRows.map((p) => ({
      key: p.key,
      name: { zh: p.nameZh, en: p.nameEn },
      description: { zh: p.descriptionZh, en: p.descriptionEn },
      enabled: p.enabled,
    })),
    parties: partyRows.map((p) => ({
      key: p.key,
      title: { zh: p.titleZh, en: p.titleEn },
      organisationName: p.organisationName,
      remit: { zh: p.remitZh, en: p.remitEn },
    })),
    bodies: bodyRows.map((b) => ({
      key: b.key,
      level: b.level,
      name: { zh: b.nameZh, en: b.nameEn },
      description: { zh: b.descriptionZh, en: b.descriptionEn },
      decisionRule: b.decisionRule,
      cadence: b.cadence,
      parties: bodyPartyRows.filter((m) => m.bodyKey === b.key).map((m) => m.partyKey),
    })),
    buildings: buildingRows.map((b) => ({ ...b, contacts: Number(b.contacts) })),
    coverage: contactCoverage(buildingRows.map((b) => ({ contacts: Number(b.contacts), contactsRequired: b.contactsRequired }))),
  };
}

/** The zone the community's times are shown in; Asia/Shanghai while it is not set up yet (the site info never fails for it). */
export async function communityTimeZone(db: TenantDb): Promise<string> {
  const [row] = await db.select({ timeZone: communityProfile.timeZone }).from(communityProfile).limit(1);
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The read of the settings other features consult, to run in a page's own batch (`settingsFrom` reads its rows). */
export function settingsRead(db: TenantDb) {
  return db
    .select({
      timeZone: communityProfile.timeZone,
      joinPolicy: communityProfile.joinPolicy,
      organiserNamesPublic: communityProfile.organiserNamesPublic,
      figuresForMembers: communityProfile.figuresForMembers,
      decisionRule: communityProfile.decisionRule,
      consentDays: communityProfile.consentDays,
    })
    .from(communityProfile)
    .limit(1);
}

/** The settings from the rows of `settingsRead`. */
export function settingsFrom<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (!row) throw new AppError('not_ready', 'This community is not set up yet');
  return row;
}

/** The settings other features consult: the community's time zone, how people join, and what visitors see. */
export async function communitySettings(db: TenantDb) {
  return settingsFrom(await settingsRead(db));
}

/** Changes the settings given (a time zone is stored by its canonical name) and returns them all. */
export async function updateCommunitySettings(db: TenantDb, changes: Partial<CommunitySettings>): Promise<CommunitySettings> {
  const values = { ...changes, ...(changes.timeZone === undefined ? {} : { timeZone: canonicalTimeZone(changes.timeZone) }) };
  if (Object.keys(values).length > 0) await db.update(communityProfile).set(values).where(eq(communityProfile.id, 1));
  return communitySettings(db);
}
