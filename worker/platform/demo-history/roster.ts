/** Who is there to take a role: members who had joined by an instant, one person per role, and the role grants it writes. */
import type { InferInsertModel } from 'drizzle-orm';
import type { memberRoles } from '../../db/tenant-schema';
import { countBefore, iso } from './calendar';
import type { Person } from './members';
import { ADMIN, type Build } from './state';

export interface Roster {
  /** Every member, in order of joining. */
  people: Person[];
  /** The regulars among them, in the same order. */
  regulars: Person[];
  /** The members who had joined before `t`. */
  joinedBefore: (t: number) => Person[];
  /** A random candidate who does not hold `role` yet, now holding it; null when none is left. */
  takeFor: (role: string, candidates: Person[]) => Person | null;
  /** Writes a role grant, given by the founder. */
  grant: (
    person: Person,
    role: InferInsertModel<typeof memberRoles>['role'],
    at: number,
    extra?: { partyKey?: string; buildingId?: number },
  ) => void;
}

export function createRoster(b: Build, people: Person[]): Roster {
  const { rng, rows } = b;
  const joinedBefore = (t: number) =>
    people.slice(
      0,
      countBefore(people, (p) => p.joinedAt, t),
    );
  const regulars = people.filter((p) => p.regular);
  const roleHolders = new Map<string, Set<number>>();
  const takeFor = (role: string, candidates: Person[]) => {
    const used = roleHolders.get(role) ?? new Set<number>();
    roleHolders.set(role, used);
    const free = candidates.filter((p) => !used.has(p.id));
    if (free.length === 0) return null;
    const person = rng.pick(free);
    used.add(person.id);
    return person;
  };
  const grant: Roster['grant'] = (person, role, at, extra = {}) => {
    rows.memberRoles.push({
      memberId: person.id,
      role,
      partyKey: extra.partyKey ?? '',
      buildingId: extra.buildingId ?? null,
      grantedBy: String(ADMIN),
      grantedAt: iso(at),
    });
  };
  return { people, regulars, joinedBefore, takeFor, grant };
}
