/** Who signs up for an activity (club members first, then regulars, then anyone who had joined), and who checks in. */
import type { ClubRun } from './clubs';
import { countBefore, DAY, HOUR, iso } from './calendar';
import type { Person } from './members';
import type { Roster } from './roster';
import type { Build } from './state';

/** Writes the sign-ups of one activity that took place; returns how many checked in. */
export function signUp(
  b: Build,
  roster: Roster,
  activity: { id: number; startsAt: number; capacity: number; club: ClubRun | null },
): number {
  const { plan, rng, rows } = b;
  const { people, regulars } = roster;
  const { id, startsAt, capacity, club } = activity;
  const inPool = countBefore(people, (p) => p.joinedAt, startsAt - DAY);
  const inRegulars = countBefore(regulars, (p) => p.joinedAt, startsAt - DAY);
  const fromClub = club ? club.members.filter((p) => p.joinedAt < startsAt - DAY) : [];
  const wanted = Math.min(capacity, rng.int(plan.participants[0], plan.participants[1]), inPool);
  const chosen = new Map<number, Person>();
  for (let tries = 0; chosen.size < wanted && tries < wanted * 6; tries++) {
    const r = rng.next();
    const person =
      r < 0.5 && fromClub.length > 0
        ? rng.pick(fromClub)
        : r < 0.8 && inRegulars > 0
          ? regulars[rng.int(0, inRegulars - 1)]!
          : people[rng.int(0, inPool - 1)]!;
    chosen.set(person.id, person);
  }
  let attended = 0;
  for (const person of chosen.values()) {
    const signedAt = Math.max(person.joinedAt + HOUR, startsAt - rng.int(1, 10) * DAY);
    if (rng.chance(0.04)) {
      rows.signups.push({
        activityId: id,
        memberId: person.id,
        status: 'cancelled',
        createdAt: iso(signedAt),
        cancelledAt: iso(Math.min(signedAt + DAY, startsAt - HOUR)),
        checkedInAt: null,
      });
      continue;
    }
    const present = rng.chance(0.9);
    if (present) attended++;
    rows.signups.push({
      activityId: id,
      memberId: person.id,
      status: 'confirmed',
      createdAt: iso(signedAt),
      cancelledAt: null,
      checkedInAt: present ? iso(startsAt + rng.int(0, 20) * 60_000) : null,
    });
  }
  return attended;
}
