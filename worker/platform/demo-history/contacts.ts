/** Who speaks for a building or a party: building contacts confirmed one by one, and the parties' representatives. */
import { DAY, iso } from './calendar';
import type { Roster } from './roster';
import { ADMIN, type Build } from './state';

/** A contact or representative, and since when. */
interface Holder {
  id: number;
  since: number;
}

export interface Spokespeople {
  /** By building id, in order of confirmation. */
  contactsOf: Map<number, Holder[]>;
  /** By party key. */
  repOf: Map<string, Holder>;
}

export function appointSpokespeople(b: Build, roster: Roster): Spokespeople {
  const { plan, ctx, rng, rows, dayOf, cutoff } = b;
  const { joinedBefore, takeFor, grant } = roster;
  const buildingCount = ctx.buildingIds.length;
  const contactsOf = new Map<number, Holder[]>();
  for (const [building, m] of plan.contacts) {
    const at = dayOf(m, rng.int(3, 25), rng.int(1, 10));
    if (at >= cutoff || building > buildingCount) continue;
    const person = takeFor(
      'building-contact',
      joinedBefore(at - 7 * DAY).filter((p) => p.building === building - 1),
    );
    if (!person) continue;
    const buildingId = ctx.buildingIds[building - 1]!;
    rows.contactApplications.push({
      memberId: person.id,
      buildingId,
      status: 'confirmed',
      decidedBy: ADMIN,
      createdAt: iso(at - rng.int(1, 6) * DAY),
      decidedAt: iso(at),
    });
    grant(person, 'building-contact', at, { buildingId });
    contactsOf.set(buildingId, [...(contactsOf.get(buildingId) ?? []), { id: person.id, since: at }]);
  }
  const repOf = new Map<string, Holder>();
  for (const [partyKey, m] of plan.partyReps) {
    const at = dayOf(m, rng.int(2, 20), 2);
    const person = takeFor('party-representative', joinedBefore(at - 3 * DAY));
    if (!person) continue;
    grant(person, 'party-representative', at, { partyKey });
    repOf.set(partyKey, { id: person.id, since: at });
  }
  return { contactsOf, repOf };
}
