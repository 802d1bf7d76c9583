/** The community's committees as planned, each with resident members (the first one chairs) and outside experts. */
import { iso, isoDate } from './calendar';
import type { Roster } from './roster';
import type { Build } from './state';
import { skills } from './texts';

export function formCommittees(b: Build, roster: Roster): void {
  const { plan, rng, rows, ids, dayOf, cutoff } = b;
  const { joinedBefore, takeFor } = roster;
  for (const c of plan.committees) {
    const at = dayOf(c.month, rng.int(2, 20), 2);
    if (at >= cutoff) continue;
    const id = ++ids.committees;
    rows.committees.push({
      id,
      name: c.name,
      kind: c.kind,
      remit: c.remit,
      proposes: true,
      supervises: c.kind === 'standing',
      assists: true,
      endsOn: c.endsMonth === undefined ? null : isoDate(dayOf(c.endsMonth, 28)),
      createdAt: iso(at),
    });
    const pool = joinedBefore(at);
    for (let i = 0; i < c.residents; i++) {
      const person = takeFor(`committee:${id}`, pool);
      if (person)
        rows.committeeMembers.push({
          committeeId: id,
          memberId: person.id,
          externalName: null,
          expertise: rng.pick(skills),
          role: i === 0 ? 'chair' : 'member',
        });
    }
    for (const [name, expertise] of c.experts)
      rows.committeeMembers.push({ committeeId: id, memberId: null, externalName: name, expertise, role: 'member' });
  }
}
