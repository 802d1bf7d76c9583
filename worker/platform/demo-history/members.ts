/** The community's invented residents: when each joined, in which building and flat, and under what name. */
import { DAY, iso } from './calendar';
import { givenNames, surnames } from './names';
import type { Build } from './state';

/** Generated members carry this user id prefix; finding one means the history was written. */
export const USER_PREFIX = 'demo-history-';

/** A generated member as the later steps need them: ordered by joining, with their building's index. */
export interface Person {
  id: number;
  joinedAt: number;
  /** Index into the context's building ids. */
  building: number;
  /** Regulars are more likely to sign up for any activity. */
  regular: boolean;
}

/** Members: early ones before the window, then the year's newcomers, written and returned in order of joining. */
export function generateMembers(b: Build): Person[] {
  const { plan, ctx, rng, rows, ids, monthStart, dayOf } = b;
  const joinTimes: number[] = [];
  const earlyFrom = monthStart(plan.earlyMembers.fromMonth);
  for (let i = 0; i < plan.earlyMembers.count; i++) joinTimes.push(rng.between(earlyFrom, monthStart(0) - DAY));
  plan.newMembers.forEach((n, m) => {
    for (let i = 0; i < n; i++) joinTimes.push(dayOf(m, rng.int(1, 28), rng.int(0, 14), rng.int(0, 59)));
  });
  joinTimes.sort((a, b) => a - b);
  const buildingCount = ctx.buildingIds.length;
  const flats = new Map<number, string[]>();
  return joinTimes.map((joinedAt, i) => {
    // The first residents spread over every building, so each has someone to become its contact.
    const building = i < buildingCount * 2 ? i % buildingCount : rng.int(0, buildingCount - 1);
    const taken = flats.get(building) ?? [];
    let household: string;
    if (taken.length > 0 && rng.chance(0.22)) household = rng.pick(taken);
    else {
      do household = `${rng.int(1, 3)}-${rng.int(1, plan.floors)}${String(rng.int(1, 4)).padStart(2, '0')}`;
      while (taken.includes(household));
      taken.push(household);
      flats.set(building, taken);
    }
    const id = ++ids.members;
    rows.members.push({
      id,
      userId: `${USER_PREFIX}${i + 1}`,
      displayName: `${rng.pick(surnames)}${rng.pick(givenNames)}`,
      buildingId: ctx.buildingIds[building]!,
      household,
      joinedAt: iso(joinedAt),
    });
    return { id, joinedAt, building, regular: rng.chance(plan.regularShare) };
  });
}
