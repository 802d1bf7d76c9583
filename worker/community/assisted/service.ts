import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { ASSISTED_USER_PREFIX } from '../../auth/session-token';
import type { TenantDb } from '../../db/client';
import { activities, buildings, issues, members, needs, signups, volunteerHours } from '../../db/tenant-schema';
import { carryConsentStatements } from '../privacy/service';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { assistedScope, CLAIM_CODE_DAYS, claimCodeFrom, isClaimCodeShaped, normaliseClaimCode, seesAssistedPhone } from './rules';

export interface AssistedInput {
  displayName: string;
  buildingId: number;
  household?: string;
  phone?: string;
}

/**
 * The assisted resident as the actor of a flow done on their behalf. The route's role (`assisted-steward`) has
 * already established that they are an assisted resident who has not claimed the record.
 */
export async function assistedActor(db: TenantDb, id: number): Promise<MemberContext> {
  const [row] = await db
    .select({ id: members.id, displayName: members.displayName, status: members.status })
    .from(members)
    .where(and(eq(members.id, id), isNotNull(members.assistedBy), isNull(members.claimedAt)));
  if (!row) throw new AppError('not_found', 'No such resident');
  return { ...row, roles: [] };
}

/** Whether a sign-up belongs to an assisted resident (a check-in by their contact is then audited). */
export async function signupIsAssisted(db: TenantDb, signupId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: members.id })
    .from(signups)
    .innerJoin(members, eq(members.id, signups.memberId))
    .where(and(eq(signups.id, signupId), isNotNull(members.assistedBy), isNull(members.claimedAt)));
  return row?.id ?? null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored form of a claim code: its SHA-256, so the table never holds a code that works. */
export const claimCodeHash = (code: string) => sha256Hex(`huzhu-claim:${normaliseClaimCode(code)}`);

async function requireBuilding(db: TenantDb, buildingId: number) {
  const [b] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, buildingId));
  if (!b) throw new AppError('validation_failed', 'No such building', { buildingId: ['No such building'] });
}

/** Registers a resident who does not use the internet; their record is a member nobody signs in as. */
export async function registerAssisted(db: TenantDb, by: MemberContext, input: AssistedInput): Promise<number> {
  await requireBuilding(db, input.buildingId);
  const [row] = await db
    .insert(members)
    .values({
      userId: `${ASSISTED_USER_PREFIX}${crypto.randomUUID()}`,
      displayName: input.displayName,
      buildingId: input.buildingId,
      household: input.household?.trim() || null,
      phone: input.phone?.trim() || null,
      status: 'active',
      assistedBy: by.id,
    })
    .returning({ id: members.id });
  return row!.id;
}

export async function updateAssisted(db: TenantDb, id: number, input: Partial<AssistedInput>) {
  if (input.buildingId !== undefined) await requireBuilding(db, input.buildingId);
  const set = {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.buildingId !== undefined ? { buildingId: input.buildingId } : {}),
    ...(input.household !== undefined ? { household: input.household.trim() || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone.trim() || null } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db
    .update(members)
    .set(set)
    .where(and(eq(members.id, id), isNotNull(members.assistedBy), isNull(members.claimedAt)));
}

const registrar = alias(members, 'registrar');

/** The assisted residents a member acts for (an administrator: all; a contact: their buildings'), unclaimed first. */
export async function listAssisted(db: TenantDb, viewer: MemberContext, nowIso: string) {
  const scope = assistedScope(viewer.roles);
  if (scope !== 'all' && scope.length === 0) return [];
  const rows = await db
    .select({
      id: members.id,
      displayName: members.displayName,
      buildingId: members.buildingId,
      buildingName: buildings.name,
      household: members.household,
      phone: members.phone,
      registeredBy: registrar.displayName,
      registeredAt: members.joinedAt,
      claimedAt: members.claimedAt,
      codeExpiresAt: members.claimCodeExpiresAt,
    })
    .from(members)
    .leftJoin(buildings, eq(buildings.id, members.buildingId))
    .leftJoin(registrar, eq(registrar.id, members.assistedBy))
    .where(and(isNotNull(members.assistedBy), scope === 'all' ? undefined : inArray(members.buildingId, scope)))
    .orderBy(sql`${members.claimedAt} IS NOT NULL`, asc(members.displayName))
    .limit(500);
  return rows.map(({ codeExpiresAt, ...r }) => ({
    ...r,
    phone: seesAssistedPhone(scope, r.buildingId) ? r.phone : null,
    openClaimCode: codeExpiresAt !== null && codeExpiresAt > nowIso,
  }));
}

export async function assistedOne(db: TenantDb, id: number, nowIso: string) {
  const [row] = await db
    .select({
      id: members.id,
      displayName: members.displayName,
      buildingId: members.buildingId,
      buildingName: buildings.name,
      household: members.household,
      phone: members.phone,
      registeredBy: registrar.displayName,
      registeredAt: members.joinedAt,
      claimedAt: members.claimedAt,
      codeExpiresAt: members.claimCodeExpiresAt,
    })
    .from(members)
    .leftJoin(buildings, eq(buildings.id, members.buildingId))
    .leftJoin(registrar, eq(registrar.id, members.assistedBy))
    .where(and(eq(members.id, id), isNotNull(members.assistedBy)));
  if (!row) throw new AppError('not_found', 'No such resident');
  const { codeExpiresAt, ...rest } = row;
  return { ...rest, openClaimCode: codeExpiresAt !== null && codeExpiresAt > nowIso, codeExpiresAt };
}

const recorder = alias(members, 'recorder');

/**
 * What a member has done, with who recorded each thing on their behalf (null when they did it themself): their
 * places, issues, needs and hours. The same member id before and after claiming, so the history is theirs.
 */
export async function historyOf(db: TenantDb, memberId: number) {
  const [places, raised, posted, hours] = await db.batch([
    db
      .select({
        signupId: signups.id,
        activityId: signups.activityId,
        title: activities.title,
        startsAt: activities.startsAt,
        place: activities.place,
        status: signups.status,
        checkedInAt: signups.checkedInAt,
        onBehalfBy: recorder.displayName,
      })
      .from(signups)
      .innerJoin(activities, eq(activities.id, signups.activityId))
      .leftJoin(recorder, eq(recorder.id, signups.onBehalfBy))
      .where(and(eq(signups.memberId, memberId), ne(signups.status, 'cancelled')))
      .orderBy(desc(activities.startsAt))
      .limit(50),
    db
      .select({ id: issues.id, title: issues.title, state: issues.state, createdAt: issues.createdAt, onBehalfBy: recorder.displayName })
      .from(issues)
      .leftJoin(recorder, eq(recorder.id, issues.onBehalfBy))
      .where(eq(issues.raisedBy, memberId))
      .orderBy(desc(issues.createdAt))
      .limit(50),
    db
      .select({ id: needs.id, title: needs.title, state: needs.state, createdAt: needs.createdAt, onBehalfBy: recorder.displayName })
      .from(needs)
      .leftJoin(recorder, eq(recorder.id, needs.onBehalfBy))
      .where(eq(needs.postedBy, memberId))
      .orderBy(desc(needs.createdAt))
      .limit(50),
    db
      .select({
        id: volunteerHours.id,
        servedOn: volunteerHours.servedOn,
        minutes: volunteerHours.minutes,
        note: volunteerHours.note,
        activityTitle: activities.title,
        confirmed: sql<number>`${volunteerHours.confirmedAt} IS NOT NULL`,
        onBehalfBy: recorder.displayName,
      })
      .from(volunteerHours)
      .leftJoin(activities, eq(activities.id, volunteerHours.activityId))
      .leftJoin(recorder, eq(recorder.id, volunteerHours.onBehalfBy))
      .where(eq(volunteerHours.memberId, memberId))
      .orderBy(desc(volunteerHours.servedOn))
      .limit(50),
  ]);
  return {
    signups: places,
    issues: raised,
    needs: posted,
    hours: hours.map((h) => ({ ...h, confirmed: Boolean(h.confirmed) })),
  };
}

/** Makes a new one-time code (replacing any earlier one) and returns it; only its hash is kept. */
export async function issueClaimCode(db: TenantDb, id: number, now: number) {
  const code = claimCodeFrom((n) => crypto.getRandomValues(new Uint8Array(n)));
  const expiresAt = new Date(now + CLAIM_CODE_DAYS * 86400_000).toISOString();
  const updated = await db
    .update(members)
    .set({ claimCodeHash: await claimCodeHash(code), claimCodeExpiresAt: expiresAt })
    .where(and(eq(members.id, id), isNotNull(members.assistedBy), isNull(members.claimedAt)))
    .returning({ id: members.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such resident waiting to claim their record');
  return { code, expiresAt };
}

/** Compares two hex digests in time that does not depend on where they differ. */
function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type ClaimOutcome = { ok: true; memberId: number; displayName: string } | { ok: false; reason: 'invalid' | 'already-member' };

/**
 * The person signed in as `userId` takes over the record the code was made for. The record is found by the code's
 * hash (an equality lookup on a hash tells a guesser nothing about the code) and the hash is compared again in
 * constant time. One batch: an application of theirs still waiting (or declined) makes way, and the record becomes
 * theirs only if the code is still unused and unexpired at that moment, so a code works once.
 */
export async function claimRecord(db: TenantDb, userId: string, typed: string, nowIso: string): Promise<ClaimOutcome> {
  const code = normaliseClaimCode(typed);
  if (!isClaimCodeShaped(code)) return { ok: false, reason: 'invalid' };
  const hash = await claimCodeHash(code);
  const [record] = await db
    .select({ id: members.id, hash: members.claimCodeHash, displayName: members.displayName })
    .from(members)
    .where(
      and(
        eq(members.claimCodeHash, hash),
        gt(members.claimCodeExpiresAt, nowIso),
        isNotNull(members.assistedBy),
        isNull(members.claimedAt),
      ),
    );
  if (!record?.hash || !sameDigest(record.hash, hash)) return { ok: false, reason: 'invalid' };
  const [existing] = await db.select({ id: members.id, status: members.status }).from(members).where(eq(members.userId, userId));
  if (existing?.status === 'active') return { ok: false, reason: 'already-member' };
  const stillOpen = sql`EXISTS (SELECT 1 FROM members WHERE id = ${record.id} AND claim_code_hash = ${hash} AND claim_code_expires_at > ${nowIso} AND claimed_at IS NULL)`;
  const [, , , claimed] = await db.batch([
    // Their consent to the privacy notice (given when they applied) follows them to the record they claim.
    ...carryConsentStatements(db, userId, record.id, stillOpen),
    db.delete(members).where(and(eq(members.userId, userId), ne(members.status, 'active'), stillOpen)),
    db
      .update(members)
      .set({ userId, claimedAt: nowIso, claimCodeHash: null, claimCodeExpiresAt: null, phone: null })
      .where(
        and(eq(members.id, record.id), eq(members.claimCodeHash, hash), gt(members.claimCodeExpiresAt, nowIso), isNull(members.claimedAt)),
      )
      .returning({ id: members.id }),
  ]);
  if (claimed.length === 0) return { ok: false, reason: 'invalid' };
  return { ok: true, memberId: record.id, displayName: record.displayName };
}

export interface AssistedHoursInput {
  activityId?: number;
  servedOn: string;
  minutes: number;
  note?: string;
}

/**
 * Hours an assisted resident gave, recorded by their contact and confirmed at once: the resident cannot confirm them
 * online, and the contact saw the work done.
 */
export async function recordAssistedHours(db: TenantDb, memberId: number, by: MemberContext, input: AssistedHoursInput) {
  if (input.activityId !== undefined) {
    const [a] = await db.select({ id: activities.id }).from(activities).where(eq(activities.id, input.activityId));
    if (!a) throw new AppError('validation_failed', 'No such activity', { activityId: ['No such activity'] });
  }
  const stamp = new Date().toISOString();
  const [row] = await db
    .insert(volunteerHours)
    .values({
      memberId,
      activityId: input.activityId ?? null,
      servedOn: input.servedOn,
      minutes: input.minutes,
      note: input.note ?? '',
      recordedBy: by.id,
      confirmedAt: stamp,
      onBehalfBy: by.id,
    })
    .returning({ id: volunteerHours.id });
  return row!.id;
}
