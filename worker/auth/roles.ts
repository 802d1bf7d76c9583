import { and, eq, inArray, isNull } from 'drizzle-orm';
import { signups } from '../community/activities/schema';
import { carePairings } from '../community/care/schema';
import { childSignups } from '../community/children/schema';
import { clubMembers, clubs } from '../community/clubs/schema';
import { courses } from '../community/courses/schema';
import type { TenantDb } from '../db/client';
import type { MemberContext } from '../http/context';
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
export { leadsAClubRead } from './role-objects';
import { bodyId, type CommunityRole, isAdmin, isCoordinator, isLibrarian, routeId, type Scope, speaksFor } from './role-catalogue';
import { RoleObjects } from './role-objects';
import { ownsRouteRecord } from './role-owner';

/**
 * Answers "does this member hold this role here?", reading what it needs once per request: the route's object is
 * loaded at most once however many roles ask about it.
 */
export class RoleResolver {
  private objects: RoleObjects;

  constructor(
    private db: TenantDb,
    private member: MemberContext,
    private scope: Scope,
  ) {
    this.objects = new RoleObjects(db, member, scope);
  }

  private routeId(): number | null {
    return routeId(this.scope);
  }

  private bodyId(field: string): number | null {
    return bodyId(this.scope, field);
  }

  /** Hands over a need the handler has already read, so deciding roles on it costs no second read. */
  knowNeed(id: number, need: { postedBy: number; claimedBy: number | null }) {
    this.objects.knowNeed(id, need);
    return this;
  }

  /** Hands over whether the member leads an active club, read in the handler's batch (`leadsAClubRead`). */
  knowLeadsAClub(rows: readonly unknown[]) {
    this.objects.knowLeadsAClub(rows);
    return this;
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
        const meeting = await this.objects.meeting(this.scope.subject === 'meeting' ? this.routeId() : null);
        if (!meeting) return false;
        if (meeting.committeeId !== null) return (await this.objects.committeeRoleOf(meeting.committeeId)) === 'chair' || isCoordinator(m);
        return isCoordinator(m);
      }
      case 'meeting-voter': {
        const voter = this.scope.params.voter;
        if (!voter) return false;
        if (speaksFor(m, voter, false)) return true;
        return voter.includes(':') && (await this.holds('meeting-chair'));
      }
      case 'club-responsible': {
        const clubId = await this.objects.clubId();
        if (clubId === null) return false;
        const [club] = await this.db.select({ responsible: clubs.responsibleMemberId }).from(clubs).where(eq(clubs.id, clubId));
        return club?.responsible === m.id;
      }
      case 'club-member': {
        const clubId = await this.objects.clubId();
        if (clubId === null) return false;
        const rows = await this.db
          .select({ role: clubMembers.role })
          .from(clubMembers)
          .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.memberId, m.id)));
        return rows.length > 0;
      }
      case 'activity-responsible': {
        const activity = await this.objects.activity(await this.objects.activityId());
        return activity?.responsibleMemberId === m.id;
      }
      case 'participant': {
        const activityId = await this.objects.activityId();
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
              ? ((await this.objects.issue(this.routeId()))?.studyCommitteeId ?? null)
              : this.bodyId('committeeId');
        return (await this.objects.committeeRoleOf(id)) !== null;
      }
      case 'committee-chair':
        return (await this.objects.committeeRoleOf(this.bodyId('committeeId'))) === 'chair';
      case 'building-contact': {
        const buildingId =
          this.scope.subject === 'building'
            ? this.routeId()
            : this.scope.subject === 'issue'
              ? ((await this.objects.issue(this.routeId()))?.buildingId ?? null)
              : this.scope.subject === 'member'
                ? await this.objects.memberBuilding(this.routeId())
                : this.scope.subject === 'none'
                  ? this.bodyId('buildingId')
                  : null;
        // An activity belongs to no building; its residents come from all of them, so any building's contact counts.
        if (this.scope.subject === 'activity') return m.roles.some((r) => r.role === 'building-contact');
        return buildingId !== null && m.roles.some((r) => r.role === 'building-contact' && r.buildingId === buildingId);
      }
      case 'owner':
        return ownsRouteRecord(this.db, m, this.scope, this.objects);
      case 'figures-reader':
        return isCoordinator(m) || (await this.objects.figuresForMembers());
      case 'need-steward':
        return isCoordinator(m) || m.roles.some((r) => r.role === 'building-contact') || (await this.objects.leadsAClub());
      case 'need-claimant': {
        const need = await this.objects.need(this.scope.subject === 'need' ? this.routeId() : null);
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
        const activityId = await this.objects.activityId();
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
        const target = await this.objects.assistedTarget();
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
}
