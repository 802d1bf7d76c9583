import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantDb } from '../db/client';
import type { MemberContext } from '../http/context';
import { activities, signups } from '../community/activities/schema';
import { bookings } from '../community/bookings/schema';
import { architectProjects, childSignups } from '../community/children/schema';
import { clubHandovers, clubMembers, clubs } from '../community/clubs/schema';
import { committeeMembers } from '../community/committees/schema';
import { communityProfile } from '../community/profile/schema';
import { carePairings, careRecipients } from '../community/care/schema';
import { consentObjections, consentWindows } from '../community/consent/schema';
import { courseEnrolments, courses } from '../community/courses/schema';
import { issues } from '../community/issues/schema';
import { libraryDutyClaims, libraryLoans, libraryReservations } from '../community/library/schema';
import { members } from '../community/members/schema';
import { meetings } from '../community/meetings/schema';
import { needs } from '../community/needs/schema';
import { partyAppointments } from '../community/parties/schema';
import { activitySeries } from '../community/series/schema';
import { volunteerHours } from '../community/volunteers/schema';
export {
  type CommunityRole,
  communityRoles,
  isAdmin,
  isCoordinator,
  isLibrarian,
  type Scope,
  type Subject,
  speaksFor,
  subjectOf,
} from './role-catalogue';
import { type CommunityRole, isAdmin, isCoordinator, isLibrarian, positiveInt, type Scope, speaksFor } from './role-catalogue';

/** The read behind the `need-steward` role's "leads an active club", for a handler to run in its own batch. */
export function leadsAClubRead(db: TenantDb, memberId: number) {
  return db
    .select({ id: clubs.id })
    .from(clubs)
    .where(and(eq(clubs.responsibleMemberId, memberId), eq(clubs.status, 'active')))
    .limit(1);
}

/**
 * Answers "does this member hold this role here?", reading what it needs once per request: the route's object is
 * loaded at most once however many roles ask about it.
 */
export class RoleResolver {
  private cache = new Map<string, Promise<unknown>>();

  constructor(
    private db: TenantDb,
    private member: MemberContext,
    private scope: Scope,
  ) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }

  private routeId(): number | null {
    return positiveInt(this.scope.params.id);
  }

  private bodyId(field: string): number | null {
    return positiveInt(this.scope.body?.[field]);
  }

  private activity(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`activity:${id}`, async () => {
      const [row] = await this.db
        .select({ id: activities.id, clubId: activities.clubId, responsibleMemberId: activities.responsibleMemberId })
        .from(activities)
        .where(eq(activities.id, id));
      return row;
    });
  }

  private issue(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`issue:${id}`, async () => {
      const [row] = await this.db
        .select({ buildingId: issues.buildingId, studyCommitteeId: issues.studyCommitteeId })
        .from(issues)
        .where(eq(issues.id, id));
      return row;
    });
  }

  /** The building a member (an applicant, say) named when joining. */
  private memberBuilding(id: number | null) {
    if (id === null) return Promise.resolve(null);
    return this.once(`member:${id}`, async () => {
      const [row] = await this.db.select({ buildingId: members.buildingId }).from(members).where(eq(members.id, id));
      return row?.buildingId ?? null;
    });
  }

  /** Hands over a need the handler has already read, so deciding roles on it costs no second read. */
  knowNeed(id: number, need: { postedBy: number; claimedBy: number | null }) {
    this.cache.set(`need:${id}`, Promise.resolve({ postedBy: need.postedBy, claimedBy: need.claimedBy }));
    return this;
  }

  private need(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`need:${id}`, async () => {
      const [row] = await this.db.select({ postedBy: needs.postedBy, claimedBy: needs.claimedBy }).from(needs).where(eq(needs.id, id));
      return row;
    });
  }

  private series(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`series:${id}`, async () => {
      const [row] = await this.db.select({ clubId: activitySeries.clubId }).from(activitySeries).where(eq(activitySeries.id, id));
      return row;
    });
  }

  /** Hands over whether the member leads an active club, read in the handler's batch (`leadsAClubRead`). */
  knowLeadsAClub(rows: readonly unknown[]) {
    this.cache.set('leads-a-club', Promise.resolve(rows.length > 0));
    return this;
  }

  /** Whether the member is the responsible person of any active club. */
  private leadsAClub(): Promise<boolean> {
    return this.once('leads-a-club', async () => (await leadsAClubRead(this.db, this.member.id)).length > 0);
  }

  private meeting(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`meeting:${id}`, async () => {
      const [row] = await this.db
        .select({ id: meetings.id, committeeId: meetings.committeeId, bodyKey: meetings.bodyKey })
        .from(meetings)
        .where(eq(meetings.id, id));
      return row;
    });
  }

  /** The club a club role is about: the body's `clubId` when the route declares it, else the route's club or activity. */
  private async clubId(): Promise<number | null> {
    const fromBody = this.bodyId('clubId');
    if (fromBody !== null) return fromBody;
    if (this.scope.subject === 'club') return this.routeId();
    if (this.scope.subject === 'activity') return (await this.activity(this.routeId()))?.clubId ?? null;
    if (this.scope.subject === 'series') return (await this.series(this.routeId()))?.clubId ?? null;
    return null;
  }

  private async activityId(): Promise<number | null> {
    const fromBody = this.bodyId('activityId');
    if (fromBody !== null) return fromBody;
    return this.scope.subject === 'activity' ? this.routeId() : null;
  }

  private async committeeRoleOf(committeeId: number | null): Promise<'chair' | 'member' | null> {
    if (committeeId === null) return null;
    return this.once(`committee:${committeeId}`, async () => {
      const rows = await this.db
        .select({ role: committeeMembers.role })
        .from(committeeMembers)
        .where(and(eq(committeeMembers.committeeId, committeeId), eq(committeeMembers.memberId, this.member.id)));
      if (rows.some((r) => r.role === 'chair')) return 'chair' as const;
      return rows.length > 0 ? ('member' as const) : null;
    });
  }

  async holds(role: CommunityRole): Promise<boolean> {
    const m = this.member;
    // Only an active member holds any role; `authorize` refuses the others before asking, this keeps it so.
    if (m.status !== 'active') return false;
    switch (role) {
      case 'member':
        return true;
      case 'association-admin':
        return isAdmin(m);
      case 'coordinator':
        return isCoordinator(m);
      case 'party-representative': {
        const key = this.scope.params.key;
        return key !== undefined && m.roles.some((r) => r.role === 'party-representative' && r.partyKey === key);
      }
      case 'meeting-chair': {
        const meeting = await this.meeting(this.scope.subject === 'meeting' ? this.routeId() : null);
        if (!meeting) return false;
        if (meeting.committeeId !== null) return (await this.committeeRoleOf(meeting.committeeId)) === 'chair' || isCoordinator(m);
        return isCoordinator(m);
      }
      case 'meeting-voter': {
        const voter = this.scope.params.voter;
        if (!voter) return false;
        if (speaksFor(m, voter, false)) return true;
        return voter.includes(':') && (await this.holds('meeting-chair'));
      }
      case 'club-responsible': {
        const clubId = await this.clubId();
        if (clubId === null) return false;
        const [club] = await this.db.select({ responsible: clubs.responsibleMemberId }).from(clubs).where(eq(clubs.id, clubId));
        return club?.responsible === m.id;
      }
      case 'club-member': {
        const clubId = await this.clubId();
        if (clubId === null) return false;
        const rows = await this.db
          .select({ role: clubMembers.role })
          .from(clubMembers)
          .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.memberId, m.id)));
        return rows.length > 0;
      }
      case 'activity-responsible': {
        const activity = await this.activity(await this.activityId());
        return activity?.responsibleMemberId === m.id;
      }
      case 'participant': {
        const activityId = await this.activityId();
        if (activityId === null) return false;
        const rows = await this.db
          .select({ id: signups.id })
          .from(signups)
          .where(and(eq(signups.activityId, activityId), eq(signups.memberId, m.id), eq(signups.status, 'confirmed')))
          .limit(1);
        return rows.length > 0;
      }
      case 'committee-member': {
        const id =
          this.scope.subject === 'committee'
            ? this.routeId()
            : this.scope.subject === 'issue'
              ? ((await this.issue(this.routeId()))?.studyCommitteeId ?? null)
              : this.bodyId('committeeId');
        return (await this.committeeRoleOf(id)) !== null;
      }
      case 'committee-chair':
        return (await this.committeeRoleOf(this.bodyId('committeeId'))) === 'chair';
      case 'building-contact': {
        const buildingId =
          this.scope.subject === 'building'
            ? this.routeId()
            : this.scope.subject === 'issue'
              ? ((await this.issue(this.routeId()))?.buildingId ?? null)
              : this.scope.subject === 'member'
                ? await this.memberBuilding(this.routeId())
                : this.scope.subject === 'none'
                  ? this.bodyId('buildingId')
                  : null;
        // An activity belongs to no building; its residents come from all of them, so any building's contact counts.
        if (this.scope.subject === 'activity') return m.roles.some((r) => r.role === 'building-contact');
        return buildingId !== null && m.roles.some((r) => r.role === 'building-contact' && r.buildingId === buildingId);
      }
      case 'owner':
        return this.owns();
      case 'figures-reader':
        return isCoordinator(m) || (await this.figuresForMembers());
      case 'need-steward':
        return isCoordinator(m) || m.roles.some((r) => r.role === 'building-contact') || (await this.leadsAClub());
      case 'need-claimant': {
        const need = await this.need(this.scope.subject === 'need' ? this.routeId() : null);
        return need?.claimedBy === m.id;
      }
      case 'shop-volunteer':
        return m.roles.some((r) => r.role === 'shop-volunteer');
      case 'librarian':
        return isLibrarian(m);
      case 'course-teacher': {
        const id = this.scope.subject === 'course' ? this.routeId() : null;
        if (id === null) return false;
        const [row] = await this.db.select({ teacher: courses.teacherMemberId }).from(courses).where(eq(courses.id, id));
        return row?.teacher === m.id;
      }
      case 'guardian': {
        const activityId = await this.activityId();
        if (activityId === null) return false;
        const rows = await this.db
          .select({ id: signups.id })
          .from(signups)
          .innerJoin(childSignups, eq(childSignups.signupId, signups.id))
          .where(and(eq(signups.activityId, activityId), eq(signups.memberId, m.id), inArray(signups.status, ['confirmed', 'waitlisted'])))
          .limit(1);
        return rows.length > 0;
      }
      case 'care-coordinator':
        return m.roles.some((r) => r.role === 'care-coordinator');
      case 'assisted-steward': {
        const target = await this.assistedTarget();
        if (!target || target.assistedBy === null || target.claimedAt !== null || target.status !== 'active') return false;
        return (
          isAdmin(m) ||
          (target.buildingId !== null && m.roles.some((r) => r.role === 'building-contact' && r.buildingId === target.buildingId))
        );
      }
      case 'care-volunteer': {
        const id = this.scope.subject === 'care-recipient' ? this.routeId() : null;
        if (id === null) return false;
        const rows = await this.db
          .select({ id: carePairings.id })
          .from(carePairings)
          .where(and(eq(carePairings.recipientId, id), eq(carePairings.volunteerId, m.id), isNull(carePairings.endedAt)))
          .limit(1);
        return rows.length > 0;
      }
    }
  }

  /** The resident an `assisted-steward` acts for: the body's `onBehalfOf`, the route's assisted member, or a sign-up's member. */
  private assistedTarget() {
    return this.once('assisted-target', async () => {
      let id = this.bodyId('onBehalfOf');
      if (id === null && this.scope.subject === 'assisted-member') id = this.routeId();
      const signupId = this.bodyId('signupId');
      const activityId = this.scope.subject === 'activity' ? this.routeId() : null;
      if (id === null && signupId !== null && activityId !== null) {
        const [row] = await this.db
          .select({ memberId: signups.memberId })
          .from(signups)
          .where(and(eq(signups.id, signupId), eq(signups.activityId, activityId)));
        id = row?.memberId ?? null;
      }
      if (id === null) return undefined;
      const [row] = await this.db
        .select({ assistedBy: members.assistedBy, claimedAt: members.claimedAt, status: members.status, buildingId: members.buildingId })
        .from(members)
        .where(eq(members.id, id));
      return row;
    });
  }

  /** The community's choice to show its figures page to every member. */
  private figuresForMembers(): Promise<boolean> {
    return this.once('figures-for-members', async () => {
      const [row] = await this.db.select({ on: communityProfile.figuresForMembers }).from(communityProfile).limit(1);
      return row?.on === true;
    });
  }

  /** Whether the route's `{objectionId}`, raised about the route's club or activity, is the member's. */
  private async ownsObjection(subject: 'club' | 'activity', id: number | null): Promise<boolean> {
    const objectionId = positiveInt(this.scope.params.objectionId);
    if (id === null || objectionId === null) return false;
    const [row] = await this.db
      .select({ by: consentObjections.objectorMemberId })
      .from(consentObjections)
      .innerJoin(consentWindows, eq(consentWindows.id, consentObjections.windowId))
      .where(and(eq(consentObjections.id, objectionId), eq(consentWindows.subject, subject), eq(consentWindows.subjectId, id)));
    return row?.by === this.member.id;
  }

  /** Whether the record the route names is the member's own. */
  private async owns(): Promise<boolean> {
    const m = this.member;
    const id = this.routeId();
    switch (this.scope.subject) {
      case 'booking': {
        if (id === null) return false;
        const [row] = await this.db.select({ by: bookings.bookedBy }).from(bookings).where(eq(bookings.id, id));
        return row?.by === m.id;
      }
      case 'library-loan': {
        if (id === null) return false;
        const [row] = await this.db.select({ memberId: libraryLoans.memberId }).from(libraryLoans).where(eq(libraryLoans.id, id));
        return row?.memberId === m.id;
      }
      case 'library-reservation': {
        if (id === null) return false;
        const [row] = await this.db
          .select({ memberId: libraryReservations.memberId })
          .from(libraryReservations)
          .where(eq(libraryReservations.id, id));
        return row?.memberId === m.id;
      }
      case 'library-duty-claim': {
        if (id === null) return false;
        const [row] = await this.db
          .select({ memberId: libraryDutyClaims.memberId })
          .from(libraryDutyClaims)
          .where(eq(libraryDutyClaims.id, id));
        return row?.memberId === m.id;
      }
      case 'course': {
        const enrolmentId = positiveInt(this.scope.params.enrolmentId);
        if (id === null || enrolmentId === null) return false;
        const [row] = await this.db
          .select({ memberId: courseEnrolments.memberId })
          .from(courseEnrolments)
          .where(and(eq(courseEnrolments.id, enrolmentId), eq(courseEnrolments.courseId, id)));
        return row?.memberId === m.id;
      }
      case 'architect-project': {
        if (id === null) return false;
        const [row] = await this.db
          .select({ lead: architectProjects.leadMemberId })
          .from(architectProjects)
          .where(eq(architectProjects.id, id));
        return row?.lead === m.id;
      }
      case 'care-recipient': {
        if (id === null) return false;
        const [row] = await this.db.select({ by: careRecipients.registeredBy }).from(careRecipients).where(eq(careRecipients.id, id));
        return row?.by === m.id;
      }
      case 'volunteer-hours': {
        if (id === null) return false;
        const [row] = await this.db.select({ memberId: volunteerHours.memberId }).from(volunteerHours).where(eq(volunteerHours.id, id));
        return row?.memberId === m.id;
      }
      case 'activity': {
        if (this.scope.params.objectionId !== undefined) return this.ownsObjection('activity', id);
        const signupId = positiveInt(this.scope.params.signupId);
        if (id === null || signupId === null) return false;
        const [row] = await this.db
          .select({ memberId: signups.memberId })
          .from(signups)
          .where(and(eq(signups.id, signupId), eq(signups.activityId, id)));
        return row?.memberId === m.id;
      }
      case 'club': {
        if (this.scope.params.objectionId !== undefined) return this.ownsObjection('club', id);
        const handoverId = positiveInt(this.scope.params.handoverId);
        if (id === null || handoverId === null) return false;
        const [row] = await this.db
          .select({ to: clubHandovers.toMemberId })
          .from(clubHandovers)
          .where(and(eq(clubHandovers.id, handoverId), eq(clubHandovers.clubId, id)));
        return row?.to === m.id;
      }
      case 'need': {
        const need = await this.need(id);
        return need?.postedBy === m.id;
      }
      case 'party': {
        const appointmentId = positiveInt(this.scope.params.appointmentId);
        if (appointmentId === null) return false;
        const [row] = await this.db
          .select({ memberId: partyAppointments.memberId, partyKey: partyAppointments.partyKey })
          .from(partyAppointments)
          .where(eq(partyAppointments.id, appointmentId));
        return row?.memberId === m.id && row.partyKey === this.scope.params.key;
      }
      default:
        return false;
    }
  }
}
