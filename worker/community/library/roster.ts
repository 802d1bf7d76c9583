import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { members } from '../members/schema';
import { wallClock } from '../profile/rules';
import { volunteerHours } from '../volunteers/schema';
import { type DutyPattern, instantAt, monthSlots, nextMonth, rosterMonthProblem } from './rules';
import { libraryDutyClaims, libraryDutySlots } from './schema';
import { notifyFrom } from './statements';

/** Publishes a month's duty slots from a weekly pattern; slots already there are kept as they are. */
export async function publishSlots(
  db: TenantDb,
  actorId: number,
  input: { month: string; pattern: DutyPattern[]; places: number },
  timeZone: string,
  now: number,
) {
  const problem = rosterMonthProblem(input.month, wallClock(now, timeZone).date);
  if (problem) throw new AppError('validation_failed', problem, { month: [problem] });
  input.pattern.forEach((p, i) => {
    if (p.endsAt <= p.startsAt)
      throw new AppError('validation_failed', 'A duty ends after it starts', { [`pattern.${i}.endsAt`]: ['Ends after it starts'] });
  });
  const slots = monthSlots(input.month, input.pattern, timeZone).filter((s) => Date.parse(s.startsAt) > now);
  if (slots.length === 0) return { created: 0 };
  const result = await db
    .insert(libraryDutySlots)
    .values(slots.map((s) => ({ ...s, places: input.places, createdBy: actorId })))
    .onConflictDoNothing({ target: libraryDutySlots.startsAt })
    .returning({ id: libraryDutySlots.id });
  return { created: result.length };
}

/** A month's duty slots with who holds each place; `mine` marks the viewer's own claims. */
export function monthRosterReads(db: TenantDb, month: string, timeZone: string) {
  const from = instantAt(`${month}-01`, '00:00', timeZone);
  const to = instantAt(`${nextMonth(month)}-01`, '00:00', timeZone);
  const inMonth = and(gte(libraryDutySlots.startsAt, from), lt(libraryDutySlots.startsAt, to));
  // One round trip: the month's slots, and their claims found through the same window.
  return [
    db.select().from(libraryDutySlots).where(inMonth).orderBy(asc(libraryDutySlots.startsAt)),
    db
      .select({
        id: libraryDutyClaims.id,
        slotId: libraryDutyClaims.slotId,
        memberId: libraryDutyClaims.memberId,
        name: members.displayName,
        status: libraryDutyClaims.status,
      })
      .from(libraryDutyClaims)
      .innerJoin(libraryDutySlots, eq(libraryDutySlots.id, libraryDutyClaims.slotId))
      .innerJoin(members, eq(members.id, libraryDutyClaims.memberId))
      .where(inMonth)
      .orderBy(asc(libraryDutyClaims.claimedAt)),
  ] as const;
}

/** A month's roster from the rows of `monthRosterReads`, on the community's clock; the viewer's own claims marked. */
export function monthRosterFrom([slots, claims]: BatchResponse<ReturnType<typeof monthRosterReads>>, timeZone: string, viewerId: number) {
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return slots.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    /** The day and hours on the community's clock, as the roster shows them. */
    date: wallClock(s.startsAt, timeZone).date,
    from: hhmm(wallClock(s.startsAt, timeZone).minutes),
    to: hhmm(wallClock(s.endsAt, timeZone).minutes),
    places: s.places,
    claims: claims
      .filter((c) => c.slotId === s.id)
      .map((c) => ({ id: c.id, name: c.name, status: c.status, mine: c.memberId === viewerId })),
  }));
}

/** Claims a place on a future duty slot, while places are free; one place per person per slot. */
export async function claimSlot(db: TenantDb, memberId: number, slotId: number, now: number) {
  const nowIso = new Date(now).toISOString();
  const [slot] = await db.select().from(libraryDutySlots).where(eq(libraryDutySlots.id, slotId));
  if (!slot) throw new AppError('not_found', 'No such duty slot');
  const result = await db.run(sql`INSERT INTO library_duty_claims (slot_id, member_id)
    SELECT s.id, ${memberId} FROM library_duty_slots s
     WHERE s.id = ${slotId} AND s.starts_at > ${nowIso}
       AND (SELECT COUNT(*) FROM library_duty_claims c WHERE c.slot_id = s.id) < s.places
    ON CONFLICT DO NOTHING`);
  if (result.meta.changes === 0) {
    const [mine] = await db
      .select({ id: libraryDutyClaims.id })
      .from(libraryDutyClaims)
      .where(and(eq(libraryDutyClaims.slotId, slotId), eq(libraryDutyClaims.memberId, memberId)));
    if (mine) throw new AppError('conflict', 'You already hold this duty');
    if (slot.startsAt <= nowIso) throw new AppError('conflict', 'This duty has started');
    throw new AppError('conflict', 'Every place on this duty is taken; take one offered for a swap');
  }
  const [row] = await db
    .select({ id: libraryDutyClaims.id })
    .from(libraryDutyClaims)
    .where(and(eq(libraryDutyClaims.slotId, slotId), eq(libraryDutyClaims.memberId, memberId)));
  return { id: row?.id ?? 0 };
}

/** The holder offers their duty for a swap; they keep it until someone takes it. */
export async function offerClaim(db: TenantDb, claimId: number, now: number) {
  const nowIso = new Date(now).toISOString();
  const result = await db.run(sql`UPDATE library_duty_claims SET status = 'offered'
    WHERE id = ${claimId} AND status = 'held'
      AND (SELECT starts_at FROM library_duty_slots s WHERE s.id = library_duty_claims.slot_id) > ${nowIso}`);
  if (result.meta.changes === 0) throw new AppError('conflict', 'Only a duty you hold, before it starts, can be offered');
}

/** Takes over a duty offered for a swap; the person who offered it is told, in the same batch. */
export async function takeClaim(db: TenantDb, memberId: number, claimId: number, now: number, timeZone: string) {
  const nowIso = new Date(now).toISOString();
  const [claim] = await db
    .select({ slotId: libraryDutyClaims.slotId, startsAt: libraryDutySlots.startsAt, name: members.displayName })
    .from(libraryDutyClaims)
    .innerJoin(libraryDutySlots, eq(libraryDutySlots.id, libraryDutyClaims.slotId))
    .innerJoin(members, sql`${members.id} = ${memberId}`)
    .where(eq(libraryDutyClaims.id, claimId));
  if (!claim) throw new AppError('not_found', 'No such duty');
  const takeable = (c: SQL) => sql`${c}.id = ${claimId} AND ${c}.status = 'offered' AND ${c}.member_id <> ${memberId}
    AND (SELECT starts_at FROM library_duty_slots s WHERE s.id = ${c}.slot_id) > ${nowIso}
    AND NOT EXISTS (SELECT 1 FROM library_duty_claims o WHERE o.slot_id = ${c}.slot_id AND o.member_id = ${memberId})`;
  const clock = wallClock(claim.startsAt, timeZone);
  const when = `${clock.date} ${String(Math.floor(clock.minutes / 60)).padStart(2, '0')}:${String(clock.minutes % 60).padStart(2, '0')}`;
  const [, taken] = await db.batch([
    notifyFrom(
      db,
      'library.duty-taken',
      sql`SELECT c.member_id AS member_id, ${`${claim.name}接下了你换出的书屋值班（${when}）。`} AS text_zh,
             ${`${claim.name} took the library duty you offered (${when}).`} AS text_en
        FROM library_duty_claims c WHERE ${takeable(sql`c`)}`,
    ),
    db
      .update(libraryDutyClaims)
      .set({ memberId, status: 'held', claimedAt: nowIso })
      .where(takeable(sql`library_duty_claims`))
      .returning({ id: libraryDutyClaims.id }),
  ]);
  if (taken.length === 0) throw new AppError('conflict', 'This duty is no longer offered, or you already hold one on this shift');
}

/**
 * The lead confirms a duty that was served: the volunteer's hours are recorded, confirmed, for the library program
 * (as the volunteers feature keeps them), in the same batch. Someone else confirms one's own duty.
 */
export async function confirmClaim(db: TenantDb, confirmerId: number, claimId: number, timeZone: string, now: number) {
  const nowIso = new Date(now).toISOString();
  const [claim] = await db
    .select({ memberId: libraryDutyClaims.memberId, startsAt: libraryDutySlots.startsAt, endsAt: libraryDutySlots.endsAt })
    .from(libraryDutyClaims)
    .innerJoin(libraryDutySlots, eq(libraryDutySlots.id, libraryDutyClaims.slotId))
    .where(eq(libraryDutyClaims.id, claimId));
  if (!claim) throw new AppError('not_found', 'No such duty');
  if (claim.memberId === confirmerId) throw new AppError('conflict', 'Another librarian or administrator confirms your own duty');
  const minutes = Math.max(5, Math.min(24 * 60, Math.round((Date.parse(claim.endsAt) - Date.parse(claim.startsAt)) / 60_000)));
  const servedOn = wallClock(claim.startsAt, timeZone).date;
  const confirmable = (c: SQL) => sql`${c}.id = ${claimId} AND ${c}.status IN ('held', 'offered') AND ${c}.member_id <> ${confirmerId}
    AND (SELECT ends_at FROM library_duty_slots s WHERE s.id = ${c}.slot_id) <= ${nowIso}`;
  const [recorded] = await db.batch([
    // Columns in the table's order: id, member, activity, program, served on, minutes, note, recorded by, confirmed, on behalf of, created.
    db
      .insert(volunteerHours)
      .select(
        sql`SELECT NULL, c.member_id, NULL, 'library', ${servedOn}, ${minutes}, '明志书屋值班', ${confirmerId}, ${nowIso}, NULL, ${nowIso}
        FROM library_duty_claims c WHERE ${confirmable(sql`c`)}`,
      )
      .returning({ id: volunteerHours.id }),
    db
      .update(libraryDutyClaims)
      .set({ status: 'confirmed', confirmedBy: confirmerId, confirmedAt: nowIso })
      .where(confirmable(sql`library_duty_claims`)),
  ]);
  if (recorded.length === 0) throw new AppError('conflict', 'Confirm a duty once it has ended, and only once');
  return { minutes };
}
