/** The community's clubs as planned: the proposer responsible and leading, approval opening the club's fund, members joining. */
import { clubFundKey } from '../../community/ledger/service';
import { DAY, iso } from './calendar';
import type { Person } from './members';
import type { ClubPlan } from './plan';
import type { Roster } from './roster';
import { ADMIN, type Build } from './state';

/** A club that was founded in the window or before it, with who leads it and who had joined. */
export interface ClubRun {
  id: number;
  plan: ClubPlan;
  approvedAt: number;
  /** The ledger account of the club's fund, opened on approval (null while only proposed). */
  fundAccountId: number | null;
  leader: Person;
  members: Person[];
}

export function foundClubs(b: Build, roster: Roster): ClubRun[] {
  const { plan, rng, rows, ids, monthStart, dayOf, cutoff } = b;
  const { people, joinedBefore, takeFor, grant } = roster;
  const clubRuns: ClubRun[] = [];
  for (const c of plan.clubs) {
    const createdAt = dayOf(c.month, rng.int(1, 20), rng.int(1, 12));
    if (createdAt >= cutoff) continue;
    const leader = takeFor('club-leader', joinedBefore(createdAt - 14 * DAY)) ?? takeFor('club-leader', people);
    if (!leader) continue;
    const id = ++ids.clubs;
    const approved = c.status !== 'proposed';
    const approvedAt = createdAt + rng.int(1, 5) * DAY;
    rows.clubs.push({
      id,
      name: c.name,
      purpose: c.purpose,
      programKey: c.programKey,
      meetingPattern: c.meetingPattern,
      status: c.status,
      responsibleMemberId: leader.id,
      approvedBy: approved ? ADMIN : null,
      approvedAt: approved ? iso(approvedAt) : null,
      createdAt: iso(createdAt),
    });
    rows.clubMembers.push({ clubId: id, memberId: leader.id, role: 'leader', joinedAt: iso(createdAt) });
    const clubMembersOf: Person[] = [leader];
    const fundAccountId = approved ? ++ids.ledgerAccounts : null;
    if (fundAccountId !== null) {
      rows.ledgerAccounts.push({
        id: fundAccountId,
        key: clubFundKey(id),
        kind: 'fund',
        clubId: id,
        name: `${c.name}基金 / ${c.name} fund`,
      });
      grant(leader, 'club-leader', approvedAt);
      const size = rng.int(c.size[0], c.size[1]) - 1;
      const lastJoin = c.quietFrom === undefined ? cutoff : monthStart(c.quietFrom);
      const pool = joinedBefore(lastJoin - 10 * DAY).filter((p) => p.id !== leader.id);
      for (let i = 0; i < size && pool.length > 0; i++) {
        const person = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
        const from = Math.max(approvedAt, person.joinedAt) + DAY;
        const joinedAt = Math.min(from + rng.int(0, 40) * DAY, lastJoin - DAY);
        if (joinedAt <= from - DAY) continue;
        rows.clubMembers.push({ clubId: id, memberId: person.id, role: 'member', joinedAt: iso(joinedAt) });
        clubMembersOf.push(person);
      }
    }
    clubRuns.push({ id, plan: c, approvedAt, fundAccountId, leader, members: clubMembersOf });
  }
  return clubRuns;
}
