import { asc } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { bodies, buildings, communityProfile, parties, programs } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { CommunityFacts } from '../../templates/placeholders';

/** The reads of the community's facts, to run in a page's own batch (`factsFrom` reads their rows). */
export function communityFactsReads(db: TenantDb) {
  return [
    db.select().from(communityProfile).limit(1),
    db.select({ name: buildings.name, contactsRequired: buildings.contactsRequired }).from(buildings).orderBy(asc(buildings.position)),
    db.select({ key: parties.key, organisationName: parties.organisationName }).from(parties),
    db.select().from(programs).orderBy(asc(programs.position)),
    db.select({ key: bodies.key, nameZh: bodies.nameZh, nameEn: bodies.nameEn }).from(bodies).orderBy(asc(bodies.level)),
  ] as const;
}

/** The community's facts that template text may cite, read in one round trip. */
export async function communityFacts(db: TenantDb) {
  return factsFrom(await db.batch(communityFactsReads(db)));
}

/** The facts from the rows of `communityFactsReads`. */
export function factsFrom([profileRows, buildingRows, partyRows, programRows, bodyRows]: BatchResponse<
  ReturnType<typeof communityFactsReads>
>): CommunityFacts & { templateKey: string; templateVersion: number; residents: number | null } {
  const profile = profileRows[0];
  if (!profile) throw new AppError('not_ready', 'This community is not set up yet');
  return {
    templateKey: profile.templateKey,
    templateVersion: profile.templateVersion,
    name: { zh: profile.nameZh, en: profile.nameEn },
    city: profile.city,
    district: profile.district,
    households: profile.households,
    residents: profile.residents,
    foundedOn: profile.foundedOn,
    surplusRatePercent: profile.surplusRatePercent,
    buildings: buildingRows.map((b) => b.name),
    contactsRequired: buildingRows[0]?.contactsRequired ?? 2,
    parties: Object.fromEntries(partyRows.map((p) => [p.key, p.organisationName])),
    programs: programRows.map((p) => ({ key: p.key, name: { zh: p.nameZh, en: p.nameEn }, enabled: p.enabled })),
    bodies: bodyRows.map((b) => ({ key: b.key, name: { zh: b.nameZh, en: b.nameEn } })),
  };
}
