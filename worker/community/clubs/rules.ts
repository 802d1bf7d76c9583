/** Club states and who may move a club between them. */
export const clubStatuses = ['proposed', 'active', 'dormant', 'closed'] as const;
export type ClubStatus = (typeof clubStatuses)[number];
export const clubRoles = ['member', 'leader'] as const;
export const handoverStatuses = ['offered', 'accepted', 'declined', 'withdrawn'] as const;

const allowed: Record<ClubStatus, ClubStatus[]> = {
  proposed: ['active', 'closed'],
  active: ['dormant', 'closed'],
  dormant: ['active', 'closed'],
  closed: [],
};

export function canMoveClub(from: ClubStatus, to: ClubStatus): boolean {
  return allowed[from].includes(to);
}
