import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../db/client';
import { buildings } from '../buildings/schema';
import { members } from '../members/schema';
import { volunteers } from '../volunteers/schema';
import { AppError } from '../../errors';
import { communityProfile } from '../profile/schema';
import { daysWithoutVisit, needsOf, todayIn, underFifty, visitOverdue } from './rules';
import { carePairings, careRecipients, careVisits } from './schema';

const volunteer = alias(members, 'volunteer');

/** Each recipient's last visit day (only the recipient named, when one is). */
function lastVisitsRead(db: TenantDb, recipientId?: number) {
  return db
    .select({ recipientId: careVisits.recipientId, last: sql<string>`MAX(${careVisits.visitedOn})`.as('last') })
    .from(careVisits)
    .where(recipientId === undefined ? undefined : eq(careVisits.recipientId, recipientId))
    .groupBy(careVisits.recipientId);
}

async function lastVisits(db: TenantDb) {
  const rows = await lastVisitsRead(db);
  return new Map(rows.map((r) => [r.recipientId, r.last]));
}

/** Open pairings, with the volunteers' names, for the recipient named (all when omitted). */
function openPairings(db: TenantDb, recipientId?: number) {
  return db
    .select({
      id: carePairings.id,
      recipientId: carePairings.recipientId,
      volunteerId: carePairings.volunteerId,
      name: volunteer.displayName,
    })
    .from(carePairings)
    .innerJoin(volunteer, eq(volunteer.id, carePairings.volunteerId))
    .where(and(isNull(carePairings.endedAt), recipientId === undefined ? undefined : eq(carePairings.recipientId, recipientId)))
    .orderBy(asc(carePairings.id));
}

/** The community's time zone and the program's settings, read in the page's batch. */
function settingsRead(db: TenantDb) {
  return db
    .select({ timeZone: communityProfile.timeZone, staleDays: sql<number | null>`(SELECT stale_days FROM care_settings WHERE id = 1)` })
    .from(communityProfile)
    .limit(1);
}

function settingsFrom(rows: { timeZone: string; staleDays: number | null }[]) {
  const row = rows[0];
  if (!row) throw new AppError('not_ready', 'This community is not set up yet');
  return { timeZone: row.timeZone, staleDays: row.staleDays ?? 14 };
}

const visitColumns = {
  id: careVisits.id,
  recipientId: careVisits.recipientId,
  recipientName: sql<string>`${careRecipients.name}`.as('recipient_name'),
  volunteerId: careVisits.volunteerId,
  volunteerName: sql<string>`${volunteer.displayName}`.as('volunteer_name'),
  visitedOn: careVisits.visitedOn,
  minutes: careVisits.minutes,
  done: careVisits.done,
  observations: careVisits.observations,
  concern: careVisits.concern,
  followUp: careVisits.followUp,
  followedUpAt: careVisits.followedUpAt,
  confirmedAt: careVisits.confirmedAt,
};

/**
 * The coordinators' list: every recipient with their flag and pairings, open concerns, visits to confirm, volunteers,
 * in one batch (D1 names a batched row's columns by name, so columns that share one are aliased).
 */
export async function coordinatorOverview(db: TenantDb, now: number) {
  const [settings, recipients, last, pairings, concerns, toConfirm, pool] = await db.batch([
    settingsRead(db),
    db
      .select({
        id: careRecipients.id,
        name: careRecipients.name,
        building: sql<string | null>`${buildings.name}`.as('building'),
        household: careRecipients.household,
        needs: careRecipients.needs,
        preferredTimes: careRecipients.preferredTimes,
        createdAt: careRecipients.createdAt,
      })
      .from(careRecipients)
      .leftJoin(buildings, eq(buildings.id, careRecipients.buildingId))
      .where(isNull(careRecipients.endedAt))
      .orderBy(asc(careRecipients.id)),
    lastVisitsRead(db),
    openPairings(db),
    db
      .select(visitColumns)
      .from(careVisits)
      .innerJoin(careRecipients, eq(careRecipients.id, careVisits.recipientId))
      .innerJoin(volunteer, eq(volunteer.id, careVisits.volunteerId))
      .where(and(eq(careVisits.concern, true), isNull(careVisits.followedUpAt)))
      .orderBy(desc(careVisits.visitedOn)),
    db
      .select(visitColumns)
      .from(careVisits)
      .innerJoin(careRecipients, eq(careRecipients.id, careVisits.recipientId))
      .innerJoin(volunteer, eq(volunteer.id, careVisits.volunteerId))
      .where(isNull(careVisits.confirmedAt))
      .orderBy(asc(careVisits.visitedOn))
      .limit(100),
    db
      .select({
        id: volunteers.memberId,
        name: members.displayName,
        skills: volunteers.skills,
        availability: volunteers.availability,
        ageBand: volunteers.ageBand,
      })
      .from(volunteers)
      .innerJoin(members, eq(members.id, volunteers.memberId))
      .where(eq(members.status, 'active'))
      .orderBy(asc(members.displayName)),
  ]);
  const { timeZone, staleDays } = settingsFrom(settings);
  const today = todayIn(now, timeZone);
  const lastOf = new Map(last.map((r) => [r.recipientId, r.last]));
  const list = recipients.map((r) => {
    const lastVisitOn = lastOf.get(r.id) ?? null;
    return {
      id: r.id,
      name: r.name,
      building: r.building,
      household: r.household,
      needs: needsOf(r.needs),
      preferredTimes: r.preferredTimes,
      lastVisitOn,
      daysWithoutVisit: daysWithoutVisit(lastVisitOn, r.createdAt, today, timeZone),
      overdue: visitOverdue(lastVisitOn, r.createdAt, today, staleDays, timeZone),
      pairings: pairings.filter((p) => p.recipientId === r.id).map(({ id, volunteerId, name }) => ({ id, volunteerId, name })),
      openConcerns: concerns.filter((c) => c.recipientId === r.id).length,
    };
  });
  const pairCount = (id: number) => pairings.filter((p) => p.volunteerId === id).length;
  // The young and middle-aged come first: the program is meant to be carried by them.
  const volunteerList = pool
    .map((v) => ({ ...v, underFifty: underFifty(v.ageBand), pairings: pairCount(v.id) }))
    .sort((a, b) => Number(b.underFifty) - Number(a.underFifty) || a.pairings - b.pairings);
  return { staleDays, recipients: list, concerns, toConfirm, volunteers: volunteerList };
}

/**
 * A recipient's full record: needs, consent, emergency contact, pairings and visits, in one batch. Who may read it
 * is on the route.
 */
export async function recipientDetail(db: TenantDb, id: number, now: number) {
  const registrar = alias(members, 'registrar');
  const [settings, rows, pairings, visits, last] = await db.batch([
    settingsRead(db),
    db
      .select({
        r: careRecipients,
        building: sql<string | null>`${buildings.name}`.as('building'),
        registeredByName: sql<string>`${registrar.displayName}`.as('registered_by_name'),
      })
      .from(careRecipients)
      .leftJoin(buildings, eq(buildings.id, careRecipients.buildingId))
      .innerJoin(registrar, eq(registrar.id, careRecipients.registeredBy))
      .where(eq(careRecipients.id, id)),
    openPairings(db, id),
    db
      .select(visitColumns)
      .from(careVisits)
      .innerJoin(careRecipients, eq(careRecipients.id, careVisits.recipientId))
      .innerJoin(volunteer, eq(volunteer.id, careVisits.volunteerId))
      .where(eq(careVisits.recipientId, id))
      .orderBy(desc(careVisits.visitedOn), desc(careVisits.id))
      .limit(200),
    lastVisitsRead(db, id),
  ]);
  const row = rows[0];
  if (!row) return null;
  const { timeZone, staleDays } = settingsFrom(settings);
  const { r } = row;
  const lastVisitOn = last[0]?.last ?? null;
  return {
    id: r.id,
    name: r.name,
    building: row.building,
    household: r.household,
    phone: r.phone,
    registeredBy: { id: r.registeredBy, name: row.registeredByName },
    registeredAs: r.registeredAs,
    consentHow: r.consentHow,
    consentOn: r.consentOn,
    needs: needsOf(r.needs),
    needsNote: r.needsNote,
    preferredTimes: r.preferredTimes,
    emergencyName: r.emergencyName,
    emergencyPhone: r.emergencyPhone,
    createdAt: r.createdAt,
    lastVisitOn,
    overdue: visitOverdue(lastVisitOn, r.createdAt, todayIn(now, timeZone), staleDays, timeZone),
    pairings: pairings.map(({ id: pid, volunteerId, name }) => ({ id: pid, volunteerId, name })),
    visits,
  };
}

/** What a member has to do with elder care: whom they visit (我的结对), and whom they registered. */
export async function myCare(db: TenantDb, memberId: number) {
  // Not a batch: D1 names batched columns by name, and the recipient's and the building's are both `name`.
  const [paired, registered] = await Promise.all([
    db
      .select({ pairingId: carePairings.id, id: careRecipients.id, name: careRecipients.name, building: buildings.name })
      .from(carePairings)
      .innerJoin(careRecipients, eq(careRecipients.id, carePairings.recipientId))
      .leftJoin(buildings, eq(buildings.id, careRecipients.buildingId))
      .where(and(eq(carePairings.volunteerId, memberId), isNull(carePairings.endedAt), isNull(careRecipients.endedAt)))
      .orderBy(asc(careRecipients.name)),
    db
      .select({
        id: careRecipients.id,
        name: careRecipients.name,
        registeredAs: careRecipients.registeredAs,
        createdAt: careRecipients.createdAt,
      })
      .from(careRecipients)
      .where(eq(careRecipients.registeredBy, memberId))
      .orderBy(desc(careRecipients.id)),
  ]);
  const last = await lastVisits(db);
  return {
    paired: paired.map((p) => ({ ...p, lastVisitOn: last.get(p.id) ?? null })),
    registered,
  };
}
