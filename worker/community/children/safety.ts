/** The safety step before an activity (or course) for children opens: checklist, adult in charge, headcounts; and the parent rota. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { findTemplate } from '../../templates/registry';
import { activities } from '../activities/schema';
import { members } from '../members/schema';
import { communityProfile } from '../profile/schema';
import { clubs } from '../clubs/schema';
import { type ConsentTargetKind, headcountMismatch, isForChildren, readItems, safetyMissing, storeItems } from './rules';
import { rotaClaims, rotaDays, safetyChecks } from './schema';

/** Whether the community's version of the model has the safety step (cuizhuyuan@2's 活动安全检查表 onwards). */
export async function hasSafetyStep(db: TenantDb): Promise<boolean> {
  const [p] = await db
    .select({ key: communityProfile.templateKey, version: communityProfile.templateVersion })
    .from(communityProfile)
    .limit(1);
  const template = p ? findTemplate(`${p.key}@${p.version}`) : undefined;
  return template?.handbooks.some((h) => h.chapters.some((c) => c.key === 'form-safety-checklist')) ?? false;
}

export async function safetyOf(db: TenantDb, kind: ConsentTargetKind, id: number) {
  const [row] = await db
    .select()
    .from(safetyChecks)
    .where(and(eq(safetyChecks.targetKind, kind), eq(safetyChecks.targetId, id)));
  const checkedItems = readItems(row?.checkedItems ?? '');
  const check = row ? { checkedItems, adultName: row.adultName } : null;
  return {
    checkedItems,
    adultName: row?.adultName ?? '',
    adultPhone: row?.adultPhone ?? '',
    headcountStart: row?.headcountStart ?? null,
    headcountEnd: row?.headcountEnd ?? null,
    mismatch: headcountMismatch(row?.headcountStart ?? null, row?.headcountEnd ?? null),
    missing: safetyMissing(check),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** What is missing from the safety step of an activity or course (empty when it may open). Courses call it too. */
export async function safetyGate(db: TenantDb, kind: ConsentTargetKind, id: number): Promise<{ ok: boolean; missing: string[] }> {
  const { missing } = await safetyOf(db, kind, id);
  return { ok: missing.length === 0, missing };
}

/** Whether an activity is for children: marked so, or credited (itself or through its club) to a children's program. */
export async function activityForChildren(db: TenantDb, id: number) {
  const [a] = await db
    .select({ audience: activities.audience, programKey: sql<string | null>`COALESCE(${activities.programKey}, ${clubs.programKey})` })
    .from(activities)
    .leftJoin(clubs, eq(clubs.id, activities.clubId))
    .where(eq(activities.id, id));
  return a !== undefined && isForChildren(a);
}

/** Whether this activity must pass the safety step before it opens: for children, in a community on a model with the step. */
export async function activityNeedsSafety(db: TenantDb, id: number) {
  return (await activityForChildren(db, id)) && (await hasSafetyStep(db));
}

/** Refuses (409, naming what is missing) to open an activity for children whose safety step is not done. */
export async function refuseOpeningUnsafe(db: TenantDb, id: number) {
  if (!(await activityNeedsSafety(db, id))) return;
  const gate = await safetyGate(db, 'activity', id);
  if (!gate.ok)
    throw new AppError('conflict', `Complete the safety checklist before opening sign-ups; missing: ${gate.missing.join(', ')}`, {
      safety: gate.missing,
    });
}

export async function saveChecklist(
  db: TenantDb,
  kind: ConsentTargetKind,
  id: number,
  by: number,
  input: { checkedItems: string[]; adultName: string; adultPhone: string },
) {
  const values = { checkedItems: storeItems(input.checkedItems), adultName: input.adultName, adultPhone: input.adultPhone };
  await db
    .insert(safetyChecks)
    .values({ targetKind: kind, targetId: id, updatedBy: by, ...values })
    .onConflictDoUpdate({
      target: [safetyChecks.targetKind, safetyChecks.targetId],
      set: { ...values, updatedBy: by, updatedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')` },
    });
  return safetyOf(db, kind, id);
}

/** Records the number of children counted at the start or the end; the page flags a difference. */
export async function recordHeadcount(db: TenantDb, kind: ConsentTargetKind, id: number, by: number, at: 'start' | 'end', count: number) {
  const set = at === 'start' ? { headcountStart: count } : { headcountEnd: count };
  await db
    .insert(safetyChecks)
    .values({ targetKind: kind, targetId: id, updatedBy: by, ...set })
    .onConflictDoUpdate({ target: [safetyChecks.targetKind, safetyChecks.targetId], set: { ...set, updatedBy: by } });
  return safetyOf(db, kind, id);
}

export async function rotaOf(db: TenantDb, activityId: number, memberId: number) {
  const [days, claims] = await db.batch([
    db.select().from(rotaDays).where(eq(rotaDays.activityId, activityId)).orderBy(asc(rotaDays.day)),
    db
      .select({ id: rotaClaims.id, rotaDayId: rotaClaims.rotaDayId, memberId: rotaClaims.memberId, name: members.displayName })
      .from(rotaClaims)
      .innerJoin(rotaDays, eq(rotaDays.id, rotaClaims.rotaDayId))
      .innerJoin(members, eq(members.id, rotaClaims.memberId))
      .where(eq(rotaDays.activityId, activityId))
      .orderBy(asc(rotaClaims.id)),
  ]);
  return days.map((d) => {
    const mine = claims.filter((c) => c.rotaDayId === d.id);
    return { ...d, parents: mine.map((c) => ({ claimId: c.id, name: c.name })), mine: mine.some((c) => c.memberId === memberId) };
  });
}

export async function addRotaDays(db: TenantDb, activityId: number, days: { day: string; needed: number; note: string }[]) {
  const [first, ...rest] = days.map((d) =>
    db
      .insert(rotaDays)
      .values({ activityId, ...d })
      .onConflictDoNothing(),
  );
  if (first) await db.batch([first, ...rest]);
}

/** A guardian claims a rota day; one conditional insert keeps the day to the parents it needs. */
export async function claimRotaDay(db: TenantDb, activityId: number, dayId: number, memberId: number) {
  const result = await db.run(sql`
    INSERT INTO rota_claims (rota_day_id, member_id)
    SELECT d.id, ${memberId} FROM rota_days d
     WHERE d.id = ${dayId} AND d.activity_id = ${activityId}
       AND (SELECT COUNT(*) FROM rota_claims c WHERE c.rota_day_id = d.id) < d.needed
    ON CONFLICT (rota_day_id, member_id) DO NOTHING`);
  if (result.meta.changes > 0) return;
  const [day] = await db
    .select({ id: rotaDays.id })
    .from(rotaDays)
    .where(and(eq(rotaDays.id, dayId), eq(rotaDays.activityId, activityId)));
  if (!day) throw new AppError('not_found', 'No such rota day');
  const [already] = await db
    .select({ id: rotaClaims.id })
    .from(rotaClaims)
    .where(and(eq(rotaClaims.rotaDayId, dayId), eq(rotaClaims.memberId, memberId)));
  if (!already) throw new AppError('conflict', 'This day already has the parents it needs');
}
