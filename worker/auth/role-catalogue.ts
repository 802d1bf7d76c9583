import type { MemberContext } from '../http/context';

// The roles' names, what a route's path is about, and the plain questions about a member's standing roles. The
// resolver that decides object roles (roles.ts) reads these; routes and services import them from roles.ts.

/**
 * The community's roles, as routes declare them. Standing roles come with the membership; the others are held
 * towards one object that the route names (its `{id}`, or an id in the body), and are resolved here only.
 */
export const communityRoles = [
  'member',
  'association-admin',
  /** An association administrator or any party's representative. */
  'coordinator',
  /** The representative of the party the route names (`/api/parties/{key}`). */
  'party-representative',
  /** The chair of the meeting: coordinators for the joint meeting and the federation, the committee's chair for its own. */
  'meeting-chair',
  /** Who records for the route's `{voter}` at the meeting: the party's representative, or the person themself. */
  'meeting-voter',
  /** The club's responsible person (not a former one): of the club, of the activity's club, or of the body's `clubId`. */
  'club-responsible',
  /** A member of the club (any role). */
  'club-member',
  /** The activity's responsible person. */
  'activity-responsible',
  /** Someone with a confirmed place on the activity. */
  'participant',
  /** A resident member of the committee, or of the committee studying the route's issue. */
  'committee-member',
  /** The chair of the committee named in the body (`committeeId`). */
  'committee-chair',
  /**
   * A confirmed contact of the building, of the route's issue's building, or of the building the route's member named;
   * on an activity's route (which names no building), a confirmed contact of any building.
   */
  'building-contact',
  /** The person a record belongs to or is addressed to: a booking, a sign-up, volunteer hours, a handover, an appointment, an objection, a need (its poster). */
  'owner',
  /** Any member, when the community shows its own figures to every member (a setting); coordinators see them regardless. */
  'figures-reader',
  /** Who claims residents' needs: a coordinator, a confirmed contact of any building, or the responsible person of an active club. */
  'need-steward',
  /** Whoever claimed the route's need, and carries it on. */
  'need-claimant',
  /** A volunteer of the charity shop (彩虹屋), appointed by an administrator on the members page. */
  'shop-volunteer',
  /** A volunteer librarian of 明志书屋, appointed by an association administrator: lends, takes returns, keeps the catalogue. */
  'librarian',
  /** The teacher of the route's course, when the teacher is a member: marks attendance. */
  'course-teacher',
  /** A guardian of a child with a place on the route's activity (children's programs: claims parent-rota days). */
  'guardian',
  /** A coordinator of home elder care (居家养老), appointed by an administrator: registers, pairs, confirms, follows up. */
  'care-coordinator',
  /** A volunteer with an open pairing to the route's care recipient. */
  'care-volunteer',
  /**
   * Who acts for an assisted resident (代为登记) who has not claimed their record: an administrator, or a confirmed
   * contact of the resident's building. The resident is the route's `/api/assisted-members/{id}`, the body's
   * `onBehalfOf`, or the member of the body's `signupId` on the route's activity.
   */
  'assisted-steward',
] as const;
export type CommunityRole = (typeof communityRoles)[number];

/** What a route's `{id}` names, from the first segment of its path. */
export type Subject =
  | 'club'
  | 'activity'
  | 'meeting'
  | 'committee'
  | 'building'
  | 'issue'
  | 'party'
  | 'booking'
  | 'volunteer-hours'
  | 'member'
  | 'need'
  | 'series'
  | 'library-loan'
  | 'library-reservation'
  | 'library-duty-claim'
  | 'course'
  | 'architect-project'
  | 'care-recipient'
  | 'assisted-member'
  | 'none';

const subjects: Record<string, Subject> = {
  clubs: 'club',
  activities: 'activity',
  meetings: 'meeting',
  committees: 'committee',
  buildings: 'building',
  issues: 'issue',
  parties: 'party',
  bookings: 'booking',
  'volunteer-hours': 'volunteer-hours',
  members: 'member',
  needs: 'need',
  series: 'series',
  'library-loans': 'library-loan',
  'library-reservations': 'library-reservation',
  'library-duty-claims': 'library-duty-claim',
  courses: 'course',
  'architect-projects': 'architect-project',
  'care-recipients': 'care-recipient',
  'assisted-members': 'assisted-member',
};

export function subjectOf(path: string): Subject {
  const segment = /^\/api\/([a-z-]+)\/\{/.exec(path)?.[1];
  return (segment && subjects[segment]) || 'none';
}

/** The ids a request names, as strings from the URL and numbers from the body. */
export interface Scope {
  subject: Subject;
  params: Record<string, string>;
  body: Record<string, unknown> | null;
}

export const isAdmin = (m: MemberContext) => m.roles.some((r) => r.role === 'association-admin');
export const isLibrarian = (m: MemberContext) => m.roles.some((r) => r.role === 'librarian');
export const isCoordinator = (m: MemberContext) => isAdmin(m) || m.roles.some((r) => r.role === 'party-representative');

/**
 * Who records a voter's attendance and position. A party: its own representative (the association's administrators
 * for the association). A person: themself, or the chair recording a show of hands on their behalf; an outside expert
 * has no account, so the chair always records for them.
 */
export function speaksFor(m: MemberContext, voterKey: string, isChair: boolean): boolean {
  if (voterKey.startsWith('member:')) return voterKey === `member:${m.id}` || isChair;
  if (voterKey.startsWith('expert:')) return isChair;
  if (voterKey === 'association' && isAdmin(m)) return true;
  return m.roles.some((r) => r.role === 'party-representative' && r.partyKey === voterKey);
}

export const positiveInt = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The id the route's path names (`{id}`). */
export const routeId = (scope: Scope): number | null => positiveInt(scope.params.id);

/** An id the body names in `field`. */
export const bodyId = (scope: Scope, field: string): number | null => positiveInt(scope.body?.[field]);
