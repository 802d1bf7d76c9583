/** The four parties of the joint meeting and the life of an appointment to represent one; pure, shared with the web. */
export const partyKeys = ['residents-committee', 'owners-committee', 'property-company', 'association'] as const;
export type PartyKey = (typeof partyKeys)[number];

/** An appointment is offered by an administrator and takes effect only when the appointee accepts it. */
export const appointmentStatuses = ['offered', 'accepted', 'declined', 'withdrawn', 'ended'] as const;

export interface AppointmentCase {
  partyKey: PartyKey;
  appointee: number;
  appointedBy: number;
  /** The appointee's standing roles now. */
  roles: { role: string; partyKey: string }[];
}

/**
 * Why an appointment may not be offered, or null. Nobody appoints themself; a person speaks for one party at a time,
 * and association administrators already speak for the association, so they represent no other party.
 */
export function appointmentProblem(c: AppointmentCase): { code: 'validation_failed' | 'conflict'; message: string } | null {
  if (c.appointee === c.appointedBy)
    return { code: 'validation_failed', message: 'Someone else appoints you; you cannot appoint yourself' };
  const current = c.roles.find((r) => r.role === 'party-representative');
  if (current?.partyKey === c.partyKey) return { code: 'conflict', message: 'Already represents this party' };
  if (current) return { code: 'conflict', message: 'Already represents another party; one party at a time' };
  if (c.partyKey !== 'association' && c.roles.some((r) => r.role === 'association-admin'))
    return { code: 'conflict', message: 'An association administrator speaks for the association and represents no other party' };
  return null;
}
