/** The reads a role decision rests on (the route's object, the member's ties to it), each made at most once per request. */
import { and, eq } from 'drizzle-orm';
import { activities, signups } from '../community/activities/schema';
import { clubs } from '../community/clubs/schema';
import { committeeMembers } from '../community/committees/schema';
import { issues } from '../community/issues/schema';
import { meetings } from '../community/meetings/schema';
import { members } from '../community/members/schema';
import { needs } from '../community/needs/schema';
import { communityProfile } from '../community/profile/schema';
import { activitySeries } from '../community/series/schema';
import type { TenantDb } from '../db/client';
import type { MemberContext } from '../http/context';
import { bodyId, routeId, type Scope } from './role-catalogue';

/** The read behind the `need-steward` role's "leads an active club", for a handler to run in its own batch. */
export function leadsAClubRead(db: TenantDb, memberId: number) {
  return db
    .select({ id: clubs.id })
    .from(clubs)
    .where(and(eq(clubs.responsibleMemberId, memberId), eq(clubs.status, 'active')))
    .limit(1);
}

/** One request's reads for the roles resolver: the route's object is loaded at most once however many roles ask about it. */
export class RoleObjects {
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

  activity(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`activity:${id}`, async () => {
      const [row] = await this.db
        .select({ id: activities.id, clubId: activities.clubId, responsibleMemberId: activities.responsibleMemberId })
        .from(activities)
        .where(eq(activities.id, id));
      return row;
    });
  }

  issue(id: number | null) {
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
  memberBuilding(id: number | null) {
    if (id === null) return Promise.resolve(null);
    return this.once(`member:${id}`, async () => {
      const [row] = await this.db.select({ buildingId: members.buildingId }).from(members).where(eq(members.id, id));
      return row?.buildingId ?? null;
    });
  }

  /** Keeps a need the resolver was handed (`RoleResolver.knowNeed`) as if read here. */
  knowNeed(id: number, need: { postedBy: number; claimedBy: number | null }) {
    this.cache.set(`need:${id}`, Promise.resolve({ postedBy: need.postedBy, claimedBy: need.claimedBy }));
  }

  need(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`need:${id}`, async () => {
      const [row] = await this.db.select({ postedBy: needs.postedBy, claimedBy: needs.claimedBy }).from(needs).where(eq(needs.id, id));
      return row;
    });
  }

  series(id: number | null) {
    if (id === null) return Promise.resolve(undefined);
    return this.once(`series:${id}`, async () => {
      const [row] = await this.db.select({ clubId: activitySeries.clubId }).from(activitySeries).where(eq(activitySeries.id, id));
      return row;
    });
  }

  /** Keeps the handler's `leadsAClubRead` rows (`RoleResolver.knowLeadsAClub`) as if read here. */
  knowLeadsAClub(rows: readonly unknown[]) {
    this.cache.set('leads-a-club', Promise.resolve(rows.length > 0));
  }

  /** Whether the member is the responsible person of any active club. */
  leadsAClub(): Promise<boolean> {
    return this.once('leads-a-club', async () => (await leadsAClubRead(this.db, this.member.id)).length > 0);
  }

  meeting(id: number | null) {
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
  async clubId(): Promise<number | null> {
    const fromBody = bodyId(this.scope, 'clubId');
    if (fromBody !== null) return fromBody;
    if (this.scope.subject === 'club') return routeId(this.scope);
    if (this.scope.subject === 'activity') return (await this.activity(routeId(this.scope)))?.clubId ?? null;
    if (this.scope.subject === 'series') return (await this.series(routeId(this.scope)))?.clubId ?? null;
    return null;
  }

  async activityId(): Promise<number | null> {
    const fromBody = bodyId(this.scope, 'activityId');
    if (fromBody !== null) return fromBody;
    return this.scope.subject === 'activity' ? routeId(this.scope) : null;
  }

  async committeeRoleOf(committeeId: number | null): Promise<'chair' | 'member' | null> {
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

  /** The resident an `assisted-steward` acts for: the body's `onBehalfOf`, the route's assisted member, or a sign-up's member. */
  assistedTarget() {
    return this.once('assisted-target', async () => {
      let id = bodyId(this.scope, 'onBehalfOf');
      if (id === null && this.scope.subject === 'assisted-member') id = routeId(this.scope);
      const signupId = bodyId(this.scope, 'signupId');
      const activityId = this.scope.subject === 'activity' ? routeId(this.scope) : null;
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
  figuresForMembers(): Promise<boolean> {
    return this.once('figures-for-members', async () => {
      const [row] = await this.db.select({ on: communityProfile.figuresForMembers }).from(communityProfile).limit(1);
      return row?.on === true;
    });
  }
}
