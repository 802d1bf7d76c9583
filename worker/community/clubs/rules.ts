/** Club states and who may move a club between them. */
export type ClubStatus = 'proposed' | 'active' | 'dormant' | 'closed';

const allowed: Record<ClubStatus, ClubStatus[]> = {
  proposed: ['active', 'closed'],
  active: ['dormant', 'closed'],
  dormant: ['active', 'closed'],
  closed: [],
};

export function canMoveClub(from: ClubStatus, to: ClubStatus): boolean {
  return allowed[from].includes(to);
}
