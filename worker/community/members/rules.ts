/** A member is 'pending' while a community that approves its members has not decided; otherwise 'active'. */
export const memberStatuses = ['active', 'pending'] as const;
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
