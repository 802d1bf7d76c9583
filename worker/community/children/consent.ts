/** Child profiles, consent records and a child's place on an activity. */
import { and, asc, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { activities, signups } from '../activities/schema';
import { members } from '../members/schema';
import { wallClock } from '../profile/rules';
import { type ConsentTargetKind, childRecordProblem, detailsKept, detailsUntil, detailsVisible } from './rules';
import { childConsents, children, childSignups } from './schema';

export const todayIn = (now: number, timeZone: string) => wallClock(now, timeZone).date;

export function listChildren(db: TenantDb, guardianId: number) {
  return db.select().from(children).where(eq(children.guardianMemberId, guardianId)).orderBy(asc(children.id));
}

export async function addChild(db: TenantDb, guardianId: number, input: { name: string; birthMonth: string }, today: string) {
  const problem = childRecordProblem(input.birthMonth, today);
  if (problem === 'future') throw new AppError('validation_failed', 'A birth month in the future', { birthMonth: ['Not yet born'] });
  if (problem === 'adult')
    throw new AppError('validation_failed', 'Someone of 18 or over joins with an account of their own', { birthMonth: ['18 or over'] });
  const [row] = await db
    .insert(children)
    .values({ guardianMemberId: guardianId, name: input.name, birthMonth: input.birthMonth })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('conflict', 'You already keep a child of this name', { name: ['Already on your page'] });
  return row;
}

export interface ConsentInput {
  targetKind: ConsentTargetKind;
  targetId: number;
  childId: number;
  givenBy: number;
  purpose: string;
  emergencyName: string;
  emergencyPhone: string;
  needsNote: string;
  /** The last day the details are kept (see `detailsUntil` in rules.ts). */
  detailsUntil: string;
}

/**
 * The statements that record a guardian's consent for a child, to put in the caller's batch (an activity sign-up
 * here, a course enrolment in the community university). Giving it again updates the details and the time; the
 * child must be the guardian's, or nothing is written. `when` adds the caller's condition, e.g. that the place the
 * consent is for was taken earlier in the same batch.
 */
export function consentStatements(db: TenantDb, c: ConsentInput, when?: SQL) {
  return [
    db
      .insert(childConsents)
      .select(
        sql`SELECT NULL, ${c.targetKind}, ${c.targetId}, ch.id, ${c.givenBy}, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ${c.purpose},
          ${c.emergencyName}, ${c.emergencyPhone}, ${c.needsNote}, ${c.detailsUntil}, NULL
          FROM children ch WHERE ch.id = ${c.childId} AND ch.guardian_member_id = ${c.givenBy} AND ${when ?? sql`1`}`,
      )
      .onConflictDoUpdate({
        target: [childConsents.targetKind, childConsents.targetId, childConsents.childId],
        set: {
          givenBy: sql`excluded.given_by`,
          givenAt: sql`excluded.given_at`,
          purpose: sql`excluded.purpose`,
          emergencyName: sql`excluded.emergency_name`,
          emergencyPhone: sql`excluded.emergency_phone`,
          needsNote: sql`excluded.needs_note`,
          detailsUntil: sql`excluded.details_until`,
          erasedAt: null,
        },
      }),
  ] as const;
}

export interface ChildSignupInput {
  childId: number;
  emergencyName: string;
  emergencyPhone: string;
  needsNote: string;
  consent: true;
}

/**
 * Signs a guardian's child up for an activity with their consent, in one batch: the place (the same conditional
 * INSERT…SELECT as any sign-up, so capacity and the per-member limit hold), or the cancelled place taken again;
 * which child it is for; and the consent with the emergency contact and notes.
 */
export async function signUpChild(db: TenantDb, activityId: number, guardianId: number, input: ChildSignupInput, timeZone: string) {
  const [[activity], [child]] = await db.batch([
    db.select().from(activities).where(eq(activities.id, activityId)),
    db
      .select()
      .from(children)
      .where(and(eq(children.id, input.childId), eq(children.guardianMemberId, guardianId))),
  ]);
  if (!activity) throw new AppError('not_found', 'No such activity');
  if (!child) throw new AppError('not_found', 'No such child on your page');
  if (activity.state !== 'open') throw new AppError('conflict', 'Sign-up is not open for this activity');
  const participant = child.name;
  const confirmed = sql`(SELECT COUNT(*) FROM signups WHERE activity_id = ${activityId} AND status = 'confirmed')`;
  const held = sql`(SELECT COUNT(*) FROM signups WHERE activity_id = ${activityId} AND member_id = ${guardianId} AND status IN ('confirmed', 'waitlisted'))`;
  const live = sql`SELECT id FROM signups WHERE activity_id = ${activityId} AND member_id = ${guardianId} AND participant = ${participant} AND status IN ('confirmed', 'waitlisted')`;
  await db.batch([
    db
      .insert(signups)
      .select(
        sql`SELECT NULL, ${activityId}, ${guardianId}, ${participant}, 1, CASE WHEN ${confirmed} < a.capacity THEN 'confirmed' ELSE 'waitlisted' END,
          strftime('%Y-%m-%dT%H:%M:%fZ','now'), NULL, NULL, NULL
          FROM activities a
         WHERE a.id = ${activityId} AND a.state = 'open' AND (a.waitlist = 1 OR ${confirmed} < a.capacity) AND ${held} < a.max_places_per_member`,
      )
      .onConflictDoNothing(),
    db
      .update(signups)
      .set({
        status: sql`CASE WHEN ${confirmed} < (SELECT capacity FROM activities WHERE id = ${activityId}) THEN 'confirmed' ELSE 'waitlisted' END`,
        cancelledAt: null,
        isChild: true,
        createdAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      })
      .where(
        sql`${signups.activityId} = ${activityId} AND ${signups.memberId} = ${guardianId} AND ${signups.participant} = ${participant}
          AND ${signups.status} = 'cancelled' AND (SELECT state FROM activities WHERE id = ${activityId}) = 'open'
          AND ((SELECT waitlist FROM activities WHERE id = ${activityId}) = 1 OR ${confirmed} < (SELECT capacity FROM activities WHERE id = ${activityId}))
          AND ${held} < (SELECT max_places_per_member FROM activities WHERE id = ${activityId})`,
      ),
    db
      .insert(childSignups)
      .select(sql`SELECT l.id, ${child.id} FROM (${live}) AS l WHERE 1`)
      .onConflictDoUpdate({ target: childSignups.signupId, set: { childId: sql`excluded.child_id` } }),
    ...consentStatements(db, {
      targetKind: 'activity',
      targetId: activityId,
      childId: child.id,
      givenBy: guardianId,
      purpose: activity.title,
      emergencyName: input.emergencyName,
      emergencyPhone: input.emergencyPhone,
      needsNote: input.needsNote,
      detailsUntil: detailsUntil(activity.endsAt, timeZone),
    }),
  ]);
  const [place] = await db
    .select({ id: signups.id, status: signups.status })
    .from(signups)
    .innerJoin(childSignups, eq(childSignups.signupId, signups.id))
    .where(and(eq(signups.activityId, activityId), eq(childSignups.childId, child.id)));
  if (!place || place.status === 'cancelled')
    throw new AppError('conflict', 'The activity is full, or you hold as many places as one member may');
  return { signupId: place.id, status: place.status, childId: child.id };
}

/** The guardian's children's places and consents, newest activity first; details shown while they are kept. */
export async function childSignupsOf(db: TenantDb, guardianId: number, today: string) {
  const rows = await db
    .select({
      childId: children.id,
      consentId: childConsents.id,
      activityId: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      signupId: sql<number | null>`(SELECT s.id FROM signups s JOIN child_signups cs ON cs.signup_id = s.id
        WHERE cs.child_id = ${children.id} AND s.activity_id = ${activities.id})`,
      status: sql<string | null>`(SELECT s.status FROM signups s JOIN child_signups cs ON cs.signup_id = s.id
        WHERE cs.child_id = ${children.id} AND s.activity_id = ${activities.id})`,
      givenAt: childConsents.givenAt,
      emergencyName: childConsents.emergencyName,
      emergencyPhone: childConsents.emergencyPhone,
      needsNote: childConsents.needsNote,
      detailsUntil: childConsents.detailsUntil,
    })
    .from(childConsents)
    .innerJoin(children, eq(children.id, childConsents.childId))
    .innerJoin(activities, and(eq(childConsents.targetKind, 'activity'), eq(activities.id, childConsents.targetId)))
    .where(eq(children.guardianMemberId, guardianId))
    .orderBy(desc(activities.startsAt));
  return rows.map((r) => withDetails(r, detailsVisible({ organiser: false, guardian: true }, r.detailsUntil, today)));
}

function withDetails<R extends { emergencyName: string | null; emergencyPhone: string | null; needsNote: string | null }>(
  r: R,
  visible: boolean,
) {
  return visible ? r : { ...r, emergencyName: null, emergencyPhone: null, needsNote: null };
}

/** The children signed up for an activity with their consent and details, for its organisers while the details are kept. */
export async function childrenOfActivity(db: TenantDb, activityId: number, today: string) {
  const rows = await db
    .select({
      signupId: signups.id,
      status: signups.status,
      checkedInAt: signups.checkedInAt,
      childName: children.name,
      birthMonth: children.birthMonth,
      guardianName: members.displayName,
      givenAt: childConsents.givenAt,
      purpose: childConsents.purpose,
      emergencyName: childConsents.emergencyName,
      emergencyPhone: childConsents.emergencyPhone,
      needsNote: childConsents.needsNote,
      detailsUntil: childConsents.detailsUntil,
    })
    .from(childSignups)
    .innerJoin(signups, eq(signups.id, childSignups.signupId))
    .innerJoin(children, eq(children.id, childSignups.childId))
    .innerJoin(members, eq(members.id, children.guardianMemberId))
    .leftJoin(
      childConsents,
      and(eq(childConsents.targetKind, 'activity'), eq(childConsents.targetId, signups.activityId), eq(childConsents.childId, children.id)),
    )
    .where(eq(signups.activityId, activityId))
    .orderBy(asc(signups.id));
  // Past its keeping time the place no longer names the child, even to organisers (retention/rules.ts).
  return rows.map((r) =>
    detailsKept(r.detailsUntil ?? '', today)
      ? withDetails(r, detailsVisible({ organiser: true, guardian: false }, r.detailsUntil ?? '', today))
      : { ...withDetails(r, false), childName: `#${r.signupId}`, birthMonth: '' },
  );
}

/** Erases the emergency contacts and notes of consents whose keeping time has passed; the consent itself stays. */
export async function eraseLapsedDetails(db: TenantDb, today: string) {
  const erased = await db
    .update(childConsents)
    .set({ emergencyName: null, emergencyPhone: null, needsNote: null, erasedAt: new Date().toISOString() })
    .where(and(lt(childConsents.detailsUntil, today), isNull(childConsents.erasedAt)))
    .returning({ id: childConsents.id });
  return erased.length;
}
