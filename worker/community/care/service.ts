import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { buildings } from '../buildings/schema';
import { members } from '../members/schema';
import { requireConsent } from '../privacy/service';
import { buildingContactIds, coordinatorIds, notifyFrom } from './notify';
import { registrationProblem, visitDayProblem } from './rules';
import {
  type CareNeedKind,
  type CareRegisteredAs,
  type careConsentHow,
  carePairings,
  careRecipients,
  careSettings,
  careVisits,
  timeBankEntries,
} from './schema';

export interface CareSettings {
  staleDays: number;
}

/** The program's settings, with the defaults when none were saved. */
export async function careRules(db: TenantDb): Promise<CareSettings> {
  const [row] = await db.select({ staleDays: careSettings.staleDays }).from(careSettings).where(eq(careSettings.id, 1));
  return { staleDays: row?.staleDays ?? 14 };
}

export async function updateCareRules(db: TenantDb, settings: CareSettings) {
  await db
    .insert(careSettings)
    .values({ id: 1, ...settings })
    .onConflictDoUpdate({ target: careSettings.id, set: settings });
  return settings;
}

export interface RecipientInput {
  name: string;
  buildingId?: number | null;
  household?: string;
  phone?: string;
  registeredAs: CareRegisteredAs;
  consentHow: (typeof careConsentHow)[number];
  consentOn: string;
  needs: CareNeedKind[];
  needsNote?: string;
  preferredTimes?: string;
  emergencyName: string;
  emergencyPhone: string;
}

/** Registers an elder with the consent recorded: who registered them, as whom, how and when they agreed. */
export async function registerRecipient(db: TenantDb, registeredBy: number, input: RecipientInput, today: string): Promise<number> {
  const problem = registrationProblem(input);
  if (problem) throw new AppError('validation_failed', problem.message, { [problem.field]: [problem.message] });
  if (input.consentOn > today) {
    throw new AppError('validation_failed', 'Consent is recorded once given', { consentOn: ['Consent is recorded once given'] });
  }
  if (input.buildingId) {
    const [building] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, input.buildingId));
    if (!building) throw new AppError('validation_failed', 'No such building', { buildingId: ['No such building'] });
  }
  // Registering oneself needs one's own separate consent to care records (and to the phone, if given); registering
  // someone else rests on their consent, which `consentHow` and `consentOn` record as the registrant confirmed it.
  await requireConsent(db, registeredBy, { kind: 'register-care', registeredAs: input.registeredAs, phone: input.phone });
  const [row] = await db
    .insert(careRecipients)
    .values({
      name: input.name,
      buildingId: input.buildingId ?? null,
      household: input.household ?? '',
      phone: input.phone ?? '',
      memberId: input.registeredAs === 'self' ? registeredBy : null,
      registeredBy,
      registeredAs: input.registeredAs,
      consentHow: input.consentHow,
      consentOn: input.consentOn,
      needs: input.needs.join(','),
      needsNote: input.needsNote ?? '',
      preferredTimes: input.preferredTimes ?? '',
      emergencyName: input.emergencyName,
      emergencyPhone: input.emergencyPhone,
    })
    .returning({ id: careRecipients.id });
  return row!.id;
}

/** The recipient, or 404 (another community's recipient does not exist here). */
export async function recipientOr404(db: TenantDb, id: number) {
  const [row] = await db.select().from(careRecipients).where(eq(careRecipients.id, id));
  if (!row) throw new AppError('not_found', 'No such care recipient');
  return row;
}

/**
 * Pairs a registered volunteer with the recipient: one conditional insert, so only someone on the volunteer
 * register is paired, and a pairing already open is not made twice.
 */
export async function pair(db: TenantDb, coordinatorId: number, recipientId: number, volunteerId: number): Promise<number> {
  const recipient = await recipientOr404(db, recipientId);
  if (recipient.endedAt) throw new AppError('conflict', 'This recipient no longer receives care');
  const rows = await db
    .insert(carePairings)
    .select(
      sql`SELECT NULL, ${recipientId}, v.member_id, ${coordinatorId}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL
            FROM volunteers v JOIN members m ON m.id = v.member_id WHERE v.member_id = ${volunteerId} AND m.status = 'active'`,
    )
    .onConflictDoNothing()
    .returning({ id: carePairings.id });
  if (rows[0]) return rows[0].id;
  const [open] = await db
    .select({ id: carePairings.id })
    .from(carePairings)
    .where(and(eq(carePairings.recipientId, recipientId), eq(carePairings.volunteerId, volunteerId), isNull(carePairings.endedAt)));
  if (open) throw new AppError('conflict', 'They are already paired');
  throw new AppError('validation_failed', 'Pair someone on the volunteer register', { volunteerId: ['Not a registered volunteer'] });
}

/** Ends an open pairing of the recipient. */
export async function endPairing(db: TenantDb, recipientId: number, pairingId: number) {
  const rows = await db
    .update(carePairings)
    .set({ endedAt: new Date().toISOString() })
    .where(and(eq(carePairings.id, pairingId), eq(carePairings.recipientId, recipientId), isNull(carePairings.endedAt)))
    .returning({ id: carePairings.id });
  if (rows.length === 0) throw new AppError('not_found', 'No such open pairing');
}

export interface VisitInput {
  visitedOn: string;
  minutes: number;
  done: string;
  observations?: string;
  concern: boolean;
}

/**
 * Logs a visit by a paired volunteer (the route declares who). A concern notifies the coordinators and the
 * recipient's building contacts in the same batch.
 */
export async function logVisit(db: TenantDb, volunteerId: number, recipientId: number, input: VisitInput, today: string) {
  const problem = visitDayProblem(input.visitedOn, today);
  if (problem) throw new AppError('validation_failed', problem, { visitedOn: [problem] });
  const recipient = await recipientOr404(db, recipientId);
  const [volunteer] = await db.select({ name: members.displayName }).from(members).where(eq(members.id, volunteerId));
  const insert = db
    .insert(careVisits)
    .values({
      recipientId,
      volunteerId,
      visitedOn: input.visitedOn,
      minutes: input.minutes,
      done: input.done,
      observations: input.observations ?? '',
      concern: input.concern,
    })
    .returning({ id: careVisits.id });
  if (!input.concern) return (await insert)[0]!.id;
  const who = volunteer?.name ?? '';
  const zh = `居家养老：${who}探访${recipient.name}（${input.visitedOn}）时发现需要关注的情况，请协调员尽快跟进。`;
  const en = `Elder care: ${who} raised a concern after visiting ${recipient.name} on ${input.visitedOn}; coordinators follow it up.`;
  const toContacts = sql`SELECT member_id, ${zh} AS text_zh, ${en} AS text_en FROM (${buildingContactIds(recipientId)})
    WHERE member_id NOT IN (${coordinatorIds})`;
  const [rows] = await db.batch([
    insert,
    notifyFrom(db, 'care.concern', sql`SELECT member_id, ${zh} AS text_zh, ${en} AS text_en FROM (${coordinatorIds})`),
    notifyFrom(db, 'care.concern', toContacts),
  ]);
  return rows[0]!.id;
}

/** The visit of the recipient, or 404. */
async function visitOr404(db: TenantDb, recipientId: number, visitId: number) {
  const [row] = await db
    .select()
    .from(careVisits)
    .where(and(eq(careVisits.id, visitId), eq(careVisits.recipientId, recipientId)));
  if (!row) throw new AppError('not_found', 'No such visit');
  return row;
}

/**
 * A coordinator confirms a visit: its hours go into the volunteer's time bank. The confirmation is a conditional
 * update and the banking an insert keyed by the visit, in one batch: confirming twice banks once.
 */
export async function confirmVisit(db: TenantDb, coordinatorId: number, recipientId: number, visitId: number) {
  const visit = await visitOr404(db, recipientId, visitId);
  if (visit.volunteerId === coordinatorId) {
    throw new AppError('conflict', 'Another coordinator confirms your own visits');
  }
  const at = new Date().toISOString();
  const [confirmed] = await db.batch([
    db
      .update(careVisits)
      .set({ confirmedBy: coordinatorId, confirmedAt: at })
      .where(and(eq(careVisits.id, visitId), isNull(careVisits.confirmedAt)))
      .returning({ id: careVisits.id }),
    db
      .insert(timeBankEntries)
      .select(
        sql`SELECT NULL, v.volunteer_id, 'earned', v.minutes, v.id, NULL, NULL, '', ${at}
              FROM care_visits v WHERE v.id = ${visitId} AND v.confirmed_at IS NOT NULL`,
      )
      .onConflictDoNothing(),
  ]);
  if (confirmed.length === 0) throw new AppError('conflict', 'This visit is already confirmed');
}

/** A coordinator records how a concern was followed up; once. */
export async function followUpConcern(db: TenantDb, coordinatorId: number, recipientId: number, visitId: number, note: string) {
  const visit = await visitOr404(db, recipientId, visitId);
  if (!visit.concern) throw new AppError('conflict', 'This visit raised no concern');
  const rows = await db
    .update(careVisits)
    .set({ followUp: note, followedUpBy: coordinatorId, followedUpAt: new Date().toISOString() })
    .where(and(eq(careVisits.id, visitId), eq(careVisits.concern, true), isNull(careVisits.followedUpAt)))
    .returning({ id: careVisits.id });
  if (rows.length === 0) throw new AppError('conflict', 'This concern is already followed up');
}
