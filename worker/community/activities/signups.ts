import { and, count, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../db/client';
import { activities, members, signups } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { activityForChildren } from '../children/safety';
import { clubRole } from '../clubs/service';
import { eventTime, notifyFrom } from '../notifications/emit';
import { communitySettings } from '../profile/service';
import { getActivity } from './service';

/**
 * Signs a member (or someone they bring, e.g. a child) up. One INSERT…SELECT decides confirmed or
 * waitlisted from the current count; D1 runs each statement atomically, so under any concurrency
 * exactly `capacity` places are confirmed, and the unique index stops double sign-ups.
 */
export async function signUp(
  db: TenantDb,
  id: number,
  member: MemberContext,
  input: { participant?: string; isChild?: boolean },
  /** The contact or administrator signing up `member`, an assisted resident (代为登记). */
  onBehalfBy?: number,
) {
  const activity = await getActivity(db, id);
  const participant = input.participant?.trim() ?? '';
  const isChild = input.isChild ?? false;
  if (activity.state !== 'open') throw new AppError('conflict', 'Sign-up is not open for this activity');
  if (activity.audience === 'members' && activity.clubId && (await clubRole(db, activity.clubId, member.id)) === null) {
    throw new AppError('forbidden', 'This activity is for club members; join the club first');
  }
  // A child's place on an activity for children goes through the guardian's consent and an emergency contact
  // (children.signUp); the plain sign-up takes adults only there, and no one at all when the audience is children.
  if ((isChild || activity.audience === 'children') && (await activityForChildren(db, id))) {
    const route = `POST /api/activities/${id}/child-signups`;
    throw new AppError(
      'validation_failed',
      `This activity is for children: a guardian signs a child up with consent and an emergency contact at ${route}`,
      { isChild: [`Sign a child up with consent at ${route}`] },
    );
  }
  if (isChild && participant === '')
    throw new AppError('validation_failed', "Give the child's name", { participant: ["Give the child's name"] });
  const confirmedCount = sql`(SELECT COUNT(*) FROM signups WHERE activity_id = ${id} AND status = 'confirmed')`;
  // Places this member holds (confirmed or waiting) for themself and the people they bring; checked in the same
  // statement as the insert, so two sign-ups at once cannot both pass the limit.
  const heldByMember = sql`(SELECT COUNT(*) FROM signups WHERE activity_id = ${id} AND member_id = ${member.id} AND status IN ('confirmed', 'waitlisted'))`;
  const limitReached = () =>
    new AppError(
      'conflict',
      `You may hold at most ${activity.maxPlacesPerMember} places on this activity, for yourself and those you bring`,
      {
        participant: [`At most ${activity.maxPlacesPerMember} places per member`],
      },
    );
  const result = await db.run(sql`
    INSERT INTO signups (activity_id, member_id, participant, is_child, on_behalf_by, status)
    SELECT ${id}, ${member.id}, ${participant}, ${isChild ? 1 : 0}, ${onBehalfBy ?? null},
           CASE WHEN ${confirmedCount} < a.capacity THEN 'confirmed' ELSE 'waitlisted' END
      FROM activities a
     WHERE a.id = ${id} AND a.state = 'open' AND (a.waitlist = 1 OR ${confirmedCount} < a.capacity)
       AND ${heldByMember} < a.max_places_per_member
    ON CONFLICT (activity_id, member_id, participant) DO NOTHING`);
  const [row] = await db
    .select()
    .from(signups)
    .where(and(eq(signups.activityId, id), eq(signups.memberId, member.id), eq(signups.participant, participant)));
  if (!row)
    throw (await placesHeld(db, id, member.id)) >= activity.maxPlacesPerMember
      ? limitReached()
      : new AppError('conflict', 'The activity is full');
  if (result.meta.changes === 0 && row.status !== 'cancelled') return { signup: row, created: false };
  if (row.status === 'cancelled') {
    // Signing up again after cancelling: by the same rule, at the back of the queue (created_at is reset).
    const capacity = sql`(SELECT capacity FROM activities WHERE id = ${id})`;
    const again = await db
      .update(signups)
      .set({
        status: sql`CASE WHEN ${confirmedCount} < ${capacity} THEN 'confirmed' ELSE 'waitlisted' END`,
        cancelledAt: null,
        onBehalfBy: onBehalfBy ?? null,
        createdAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      })
      .where(
        sql`${signups.id} = ${row.id} AND ${signups.status} = 'cancelled' AND ((SELECT waitlist FROM activities WHERE id = ${id}) = 1 OR ${confirmedCount} < ${capacity})
            AND ${heldByMember} < (SELECT max_places_per_member FROM activities WHERE id = ${id})`,
      )
      .returning();
    if (!again[0])
      throw (await placesHeld(db, id, member.id)) >= activity.maxPlacesPerMember
        ? limitReached()
        : new AppError('conflict', 'The activity is full');
    return { signup: again[0], created: true };
  }
  return { signup: row, created: true };
}

/** Places a member holds on an activity (confirmed or waiting), for themself and those they bring. */
async function placesHeld(db: TenantDb, activityId: number, memberId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(signups)
    .where(and(eq(signups.activityId, activityId), eq(signups.memberId, memberId), inArray(signups.status, ['confirmed', 'waitlisted'])));
  return Number(row?.n ?? 0);
}

/** Cancels a place and, in the same batch, promotes the first on the waitlist if a place is free. */
export async function cancelSignup(db: TenantDb, id: number, signupId: number, member: MemberContext) {
  const [row] = await db
    .select()
    .from(signups)
    .where(and(eq(signups.id, signupId), eq(signups.activityId, id)));
  if (!row) throw new AppError('not_found', 'No such sign-up');
  const activity = await getActivity(db, id);
  const { timeZone } = await communitySettings(db);
  // The first waiting place, if a place is free once this one is cancelled: read by the notification just before
  // the promotion writes it, so both see the same row in the one batch.
  const promoted = sql`${signups.id} = (SELECT id FROM signups WHERE activity_id = ${id} AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1)
            AND (SELECT COUNT(*) FROM signups WHERE activity_id = ${id} AND status = 'confirmed') < (SELECT capacity FROM activities WHERE id = ${id})`;
  await db.batch([
    db
      .update(signups)
      .set({ status: 'cancelled', cancelledAt: new Date().toISOString() })
      .where(and(eq(signups.id, signupId), inArray(signups.status, ['confirmed', 'waitlisted']))),
    notifyFrom(
      db,
      {
        kind: 'activity.waitlist-promoted',
        params: { activity: activity.title, when: eventTime(activity.startsAt, timeZone) },
        link: `/activities/${id}`,
      },
      sql`SELECT ${signups.memberId} AS member_id FROM ${signups} WHERE ${promoted} AND ${signups.memberId} <> ${member.id}`,
    ),
    db.update(signups).set({ status: 'confirmed' }).where(promoted),
  ]);
}

const recorder = alias(members, 'recorder');

export async function signupList(db: TenantDb, id: number, _member: MemberContext) {
  const _activity = await getActivity(db, id);
  return db
    .select({
      id: signups.id,
      memberId: signups.memberId,
      displayName: members.displayName,
      participant: signups.participant,
      isChild: signups.isChild,
      status: signups.status,
      checkedInAt: signups.checkedInAt,
      createdAt: signups.createdAt,
      onBehalfName: recorder.displayName,
    })
    .from(signups)
    .innerJoin(members, eq(members.id, signups.memberId))
    .leftJoin(recorder, eq(recorder.id, signups.onBehalfBy))
    .where(eq(signups.activityId, id))
    .orderBy(asc(signups.id));
}

/** Check-in by the activity's QR code (the member checks in their own places) or by the organiser from the list. */
export async function checkIn(db: TenantDb, id: number, member: MemberContext, by: { token: string } | { signupId: number }) {
  const activity = await getActivity(db, id);
  if (!['open', 'closed', 'held'].includes(activity.state)) throw new AppError('conflict', 'Check-in is not open for this activity');
  const now = new Date().toISOString();
  if ('token' in by) {
    if (by.token !== activity.checkinToken) throw new AppError('forbidden', 'This check-in code is not valid');
    const updated = await db
      .update(signups)
      .set({ checkedInAt: now })
      .where(and(eq(signups.activityId, id), eq(signups.memberId, member.id), eq(signups.status, 'confirmed')))
      .returning({ id: signups.id });
    if (updated.length === 0) throw new AppError('not_found', 'You have no confirmed place on this activity');
    return updated.length;
  }
  const updated = await db
    .update(signups)
    .set({ checkedInAt: now })
    .where(and(eq(signups.id, by.signupId), eq(signups.activityId, id), eq(signups.status, 'confirmed')))
    .returning({ id: signups.id });
  if (updated.length === 0) throw new AppError('not_found', 'No confirmed sign-up with that id');
  return 1;
}

/** The member's own places, newest activity first. */
export function mySignups(db: TenantDb, memberId: number) {
  return (
    db
      // Batched rows are matched by column name, so take the activity id from signups, not a second "id".
      .select({
        signupId: signups.id,
        status: signups.status,
        participant: signups.participant,
        activityId: signups.activityId,
        title: activities.title,
        startsAt: activities.startsAt,
        place: activities.place,
        state: activities.state,
      })
      .from(signups)
      .innerJoin(activities, eq(activities.id, signups.activityId))
      .where(and(eq(signups.memberId, memberId), inArray(signups.status, ['confirmed', 'waitlisted'])))
      .orderBy(desc(activities.startsAt))
      .limit(50)
  );
}
