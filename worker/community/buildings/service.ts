import { and, asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { memberRoles, members } from '../members/schema';
import { confirmationProblem, contactCoverage } from './rules';
import { buildings, contactApplications } from './schema';

/** Every building with its confirmed contacts, and the coverage figure; one round trip. */
export async function buildingsWithContacts(db: TenantDb) {
  const [rows, contacts] = await db.batch([
    db
      .select({ id: buildings.id, name: buildings.name, contactsRequired: buildings.contactsRequired, gridWorker: buildings.gridWorker })
      .from(buildings)
      .orderBy(asc(buildings.position)),
    db
      .select({ buildingId: memberRoles.buildingId, memberId: members.id, displayName: members.displayName })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .where(eq(memberRoles.role, 'building-contact')),
  ]);
  const list = rows.map((b) => ({
    ...b,
    contacts: contacts.filter((x) => x.buildingId === b.id).map((x) => ({ id: x.memberId, displayName: x.displayName })),
  }));
  return {
    buildings: list,
    coverage: contactCoverage(list.map((b) => ({ contacts: b.contacts.length, contactsRequired: b.contactsRequired }))),
  };
}

export async function setGridWorker(db: TenantDb, buildingId: number, gridWorker: string | null) {
  const updated = await db.update(buildings).set({ gridWorker }).where(eq(buildings.id, buildingId)).returning({ id: buildings.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such building');
}

/** A resident offers to be a building's contact; one offer waits at a time (a partial unique index keeps it so). */
export async function offerToBeContact(db: TenantDb, memberId: number, buildingId: number) {
  const [b] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, buildingId));
  if (!b) throw new AppError('not_found', 'No such building');
  const [row] = await db
    .insert(contactApplications)
    .values({ memberId, buildingId, status: 'pending' })
    .onConflictDoNothing()
    .returning({ id: contactApplications.id });
  if (!row) throw new AppError('conflict', 'You already have an offer waiting for confirmation');
  return row.id;
}

export async function pendingApplications(db: TenantDb) {
  return db
    .select({
      id: contactApplications.id,
      memberId: contactApplications.memberId,
      displayName: members.displayName,
      buildingId: contactApplications.buildingId,
      buildingName: buildings.name,
      createdAt: contactApplications.createdAt,
    })
    .from(contactApplications)
    .innerJoin(members, eq(members.id, contactApplications.memberId))
    .innerJoin(buildings, eq(buildings.id, contactApplications.buildingId))
    .where(eq(contactApplications.status, 'pending'));
}

/** A coordinator other than the applicant confirms or declines; confirming moves the contact to this building. */
export async function decideApplication(db: TenantDb, id: number, deciderId: number, confirm: boolean) {
  const [application] = await db.select().from(contactApplications).where(eq(contactApplications.id, id));
  if (!application) throw new AppError('not_found', 'No such offer');
  if (application.status !== 'pending') throw new AppError('conflict', 'Already decided');
  const problem = confirmationProblem(application.memberId, deciderId);
  if (problem) throw new AppError('forbidden', problem, { confirm: [problem] });
  const decidedAt = new Date().toISOString();
  const status = confirm ? 'confirmed' : 'declined';
  const update = db
    .update(contactApplications)
    .set({ status, decidedBy: deciderId, decidedAt })
    .where(and(eq(contactApplications.id, id), eq(contactApplications.status, 'pending')));
  if (status === 'declined') {
    await update;
    return;
  }
  // A member is a contact for one building; confirming moves them to this one.
  await db.batch([
    update,
    db.delete(memberRoles).where(and(eq(memberRoles.memberId, application.memberId), eq(memberRoles.role, 'building-contact'))),
    db.insert(memberRoles).values({
      memberId: application.memberId,
      role: 'building-contact',
      partyKey: '',
      buildingId: application.buildingId,
      grantedBy: String(deciderId),
    }),
  ]);
}
