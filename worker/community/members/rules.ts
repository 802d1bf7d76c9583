import type { JoinPolicy } from '../profile/rules';

/**
 * A member is 'pending' while a community that approves its members has not decided, 'declined' when it said no
 * (the row stays so the person learns the answer and may apply again), 'left' once they left the community
 * (they may join again), otherwise 'active'. Only an active member is a member: the others hold no role and see
 * nothing that is for members.
 */
export const memberStatuses = ['active', 'pending', 'declined', 'left'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** Platform roles whose holders read communities from outside, so they never join one as a resident. */
export const outsideRoles = ['consultant'] as const;

/**
 * Why someone may not join as a resident, or null. A consultant reads only aggregates of the communities that
 * granted them access: membership would let them read residents' names and records.
 */
export function joinProblem(platformRoles: readonly string[]): string | null {
  const outside = outsideRoles.find((r) => platformRoles.includes(r));
  return outside ? `A ${outside} reads communities from outside and does not join one as a resident` : null;
}

/** Residents' names are for members: a visitor who is not a member of this community sees none. */
export const seesResidentNames = (viewer: { id: number } | null) => viewer !== null;

/**
 * The names of organisers (an activity's responsible person, a club's) are shown to visitors only when the
 * community has chosen to; members always see them.
 */
export const seesOrganiserNames = (viewer: { id: number } | null, organiserNamesPublic: boolean) => viewer !== null || organiserNamesPublic;

/** The status someone joins with: at once where joining is open, waiting for a decision where it is approved. */
export function statusOnJoining(joinPolicy: JoinPolicy): MemberStatus {
  return joinPolicy === 'approval' ? 'pending' : 'active';
}

/**
 * Why someone who has a membership row is still not a member, or null for an active member. A pending member is
 * told to wait (with its own code, so the web shows the waiting screen); a declined one may apply again.
 */
export function membershipRefusal(status: MemberStatus): { code: 'membership_pending' | 'not_a_member'; message: string } | null {
  if (status === 'pending') return { code: 'membership_pending', message: 'Your membership is waiting for approval' };
  if (status === 'declined') return { code: 'not_a_member', message: 'Your application to join was declined; you may apply again' };
  if (status === 'left') return { code: 'not_a_member', message: 'You left this community; you may join again' };
  return null;
}
