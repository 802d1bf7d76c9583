import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { memberRoles, members } from '../members/schema';
import { appointmentProblem, type PartyKey } from './rules';
import { parties, partyAppointments } from './schema';

/** The representatives and open offers of one party, newest first. */
export async function listAppointments(db: TenantDb, partyKey: PartyKey) {
  return db
    .select({
      id: partyAppointments.id,
      memberId: partyAppointments.memberId,
      displayName: members.displayName,
      status: partyAppointments.status,
      createdAt: partyAppointments.createdAt,
      decidedAt: partyAppointments.decidedAt,
    })
    .from(partyAppointments)
    .innerJoin(members, eq(members.id, partyAppointments.memberId))
    .where(eq(partyAppointments.partyKey, partyKey))
    .orderBy(desc(partyAppointments.id))
    .limit(50);
}

/** Offers addressed to a member that still wait for an answer. */
export async function openOffersFor(db: TenantDb, memberId: number) {
  const rows = await db
    .select({
      id: partyAppointments.id,
      partyKey: partyAppointments.partyKey,
      titleZh: parties.titleZh,
      titleEn: parties.titleEn,
      createdAt: partyAppointments.createdAt,
    })
    .from(partyAppointments)
    .innerJoin(parties, eq(parties.key, partyAppointments.partyKey))
    .where(and(eq(partyAppointments.memberId, memberId), eq(partyAppointments.status, 'offered')));
  return rows.map(({ titleZh, titleEn, ...r }) => ({ ...r, partyTitle: { zh: titleZh, en: titleEn } }));
}

/** An administrator offers to appoint someone else; nothing changes until the appointee accepts. */
export async function offerAppointment(db: TenantDb, partyKey: PartyKey, memberId: number, appointedBy: number) {
  const [appointee] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.status, 'active')));
  if (!appointee) throw new AppError('validation_failed', 'No such member', { memberId: ['No such member'] });
  const roles = await db
    .select({ role: memberRoles.role, partyKey: memberRoles.partyKey })
    .from(memberRoles)
    .where(eq(memberRoles.memberId, memberId));
  const problem = appointmentProblem({ partyKey, appointee: memberId, appointedBy, roles });
  if (problem) throw new AppError(problem.code, problem.message, { memberId: [problem.message] });
  const [row] = await db
    .insert(partyAppointments)
    .values({ partyKey, memberId, appointedBy, status: 'offered' })
    .onConflictDoNothing()
    .returning({ id: partyAppointments.id });
  if (!row) throw new AppError('conflict', 'This person already has an offer for this party', { memberId: ['Offer already made'] });
  return row.id;
}

/**
 * The appointee answers. Accepting writes the role and the record together; a person already speaking for another
 * party is refused by the database (one party per person), and nothing is written.
 */
export async function answerAppointment(db: TenantDb, appointmentId: number, accept: boolean) {
  const [offer] = await db.select().from(partyAppointments).where(eq(partyAppointments.id, appointmentId));
  if (offer?.status !== 'offered') throw new AppError('conflict', 'This offer is no longer open');
  const decidedAt = new Date().toISOString();
  const close = db
    .update(partyAppointments)
    .set({ status: accept ? 'accepted' : 'declined', decidedAt })
    .where(and(eq(partyAppointments.id, appointmentId), eq(partyAppointments.status, 'offered')))
    .returning({ id: partyAppointments.id });
  if (!accept) {
    await close;
    return offer;
  }
  try {
    const [closed] = await db.batch([
      close,
      db.insert(memberRoles).select(
        sql`SELECT ${offer.memberId}, 'party-representative', ${offer.partyKey}, NULL, ${String(offer.appointedBy)}, ${decidedAt}
            WHERE EXISTS (SELECT 1 FROM party_appointments WHERE id = ${appointmentId} AND status = 'accepted' AND decided_at = ${decidedAt})`,
      ),
    ]);
    if (closed.length === 0) throw new AppError('conflict', 'This offer is no longer open');
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (String(error).includes('UNIQUE'))
      throw new AppError('conflict', 'You already speak for a party; step down there first', { accept: ['Already a representative'] });
    throw error;
  }
  return offer;
}

/** An administrator ends a representative's term; the record of the appointment stays. */
export async function removeRepresentative(db: TenantDb, partyKey: PartyKey, memberId: number, endedBy: number) {
  const [removed] = await db.batch([
    db
      .delete(memberRoles)
      .where(and(eq(memberRoles.memberId, memberId), eq(memberRoles.role, 'party-representative'), eq(memberRoles.partyKey, partyKey)))
      .returning({ memberId: memberRoles.memberId }),
    db
      .update(partyAppointments)
      .set({ status: 'ended', endedBy, decidedAt: new Date().toISOString() })
      .where(
        and(eq(partyAppointments.memberId, memberId), eq(partyAppointments.partyKey, partyKey), eq(partyAppointments.status, 'accepted')),
      ),
  ]);
  if (removed.length === 0) throw new AppError('not_found', 'This person does not represent this party');
}
