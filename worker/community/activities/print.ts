import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, clubs, members, signups } from '../../db/tenant-schema';
import { isAdmin } from '../../auth/roles';
import type { MemberContext } from '../../http/context';
import { isErasedParticipant } from '../retention/rules';
import { AppError } from '../../errors';
import { communitySettings } from '../profile/service';
import { visibleActivity } from './read';

/**
 * What an activity's poster on the notice board shows: public facts only, never a resident's name (the count of
 * places left stands in for the list). An activity the viewer may not see has no poster, and one that was cancelled
 * has none for anybody: a poster for it would announce something that will not happen.
 */
export async function activityPoster(db: TenantDb, id: number, viewer: MemberContext | null) {
  const { activity, visibility } = await visibleActivity(db, id, viewer);
  if (visibility !== 'full' || activity.state === 'cancelled') throw new AppError('not_found', 'No such activity');
  const [[club], [counted], { timeZone }] = await Promise.all([
    db
      .select({ name: clubs.name })
      .from(clubs)
      .where(eq(clubs.id, activity.clubId ?? -1)),
    db
      .select({ confirmed: sql<number>`COUNT(*)` })
      .from(signups)
      .where(and(eq(signups.activityId, id), eq(signups.status, 'confirmed'))),
    communitySettings(db),
  ]);
  const confirmed = Number(counted?.confirmed ?? 0);
  return {
    id: activity.id,
    title: activity.title,
    description: activity.description,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    place: activity.place,
    state: activity.state,
    clubName: club?.name ?? null,
    feeFen: activity.feeFen,
    capacity: activity.capacity,
    placesLeft: Math.max(0, activity.capacity - confirmed),
    waitlist: activity.waitlist,
    timeZone,
  };
}

/**
 * The sign-in sheet printed for the door: the activity's header and its confirmed participants, then those waiting,
 * each in the order they signed up. A participant brought by a member (a child, a neighbour) is named as given,
 * with the member who holds the place beside them.
 */
export async function signInSheet(db: TenantDb, id: number, viewer: MemberContext | null) {
  const [rows, people, { timeZone }] = await Promise.all([
    db
      .select({
        title: activities.title,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        place: activities.place,
        state: activities.state,
        feeFen: activities.feeFen,
        capacity: activities.capacity,
        clubName: clubs.name,
        responsible: members.displayName,
        responsibleId: activities.responsibleMemberId,
        clubResponsibleId: clubs.responsibleMemberId,
      })
      .from(activities)
      .innerJoin(members, eq(members.id, activities.responsibleMemberId))
      .leftJoin(clubs, eq(clubs.id, activities.clubId))
      .where(eq(activities.id, id)),
    db
      .select({
        signupId: signups.id,
        memberName: members.displayName,
        participant: signups.participant,
        isChild: signups.isChild,
        status: signups.status,
      })
      .from(signups)
      .innerJoin(members, eq(members.id, signups.memberId))
      .where(and(eq(signups.activityId, id), inArray(signups.status, ['confirmed', 'waitlisted'])))
      .orderBy(sql`CASE ${signups.status} WHEN 'confirmed' THEN 0 ELSE 1 END`, asc(signups.createdAt), asc(signups.id)),
    communitySettings(db),
  ]);
  const activity = rows[0];
  if (!activity) throw new AppError('not_found', 'No such activity');
  const { responsibleId, clubResponsibleId, ...header } = activity;
  // Coordinators and building contacts print the sheet too, but a child is named only to the activity's organisers
  // and the admins (children/rules.ts); an erased name (retention) is named to no one.
  const namesChildren = viewer !== null && (viewer.id === responsibleId || viewer.id === clubResponsibleId || isAdmin(viewer));
  const childName = (p: { participant: string; isChild: boolean }) =>
    namesChildren && !isErasedParticipant(p.participant) ? p.participant : '';
  return {
    id,
    ...header,
    timeZone,
    rows: people.map((p) => ({
      signupId: p.signupId,
      name: p.participant === '' ? p.memberName : p.isChild || isErasedParticipant(p.participant) ? childName(p) : p.participant,
      /** The member holding the place, when they signed up someone else. */
      heldBy: p.participant === '' ? null : p.memberName,
      isChild: p.isChild,
      waitlisted: p.status === 'waitlisted',
    })),
  };
}
