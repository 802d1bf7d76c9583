/** Volunteers registering over the year, and their hours: recorded by the responsible person, confirmed by the volunteer. */
import type { HeldActivity } from './activities';
import type { ClubRun } from './clubs';
import { countBefore, DAY, HOUR, iso, isoDate } from './calendar';
import type { Roster } from './roster';
import { ADMIN, type Build } from './state';
import { availability, skills } from './texts';

export function serveAsVolunteers(b: Build, roster: Roster, clubRuns: ClubRun[], heldByMonth: Map<number, HeldActivity[]>): void {
  const { plan, rng, rows, monthStart, dayOf, cutoff } = b;
  const { joinedBefore, takeFor } = roster;
  const earlyFrom = monthStart(plan.earlyMembers.fromMonth);
  const registered: { id: number; since: number }[] = [];
  const register = (at: number) => {
    const person = takeFor('volunteer', joinedBefore(at));
    if (!person) return;
    registered.push({ id: person.id, since: at });
    rows.volunteers.push({ memberId: person.id, skills: rng.pick(skills), availability: rng.pick(availability), registeredAt: iso(at) });
  };
  for (let i = 0; i < plan.volunteers.early; i++) register(rng.between(Math.max(earlyFrom, monthStart(-12)), monthStart(0) - DAY));
  plan.volunteers.perMonth.forEach((n, m) => {
    for (let i = 0; i < n; i++) register(dayOf(m, rng.int(1, 20), 3));
  });
  registered.sort((a, b) => a.since - b.since);
  const enabledPrograms = [...new Set(clubRuns.map((c) => c.plan.programKey))];
  plan.volunteerHours.forEach((n, m) => {
    const held = heldByMonth.get(m) ?? [];
    for (let i = 0; i < n; i++) {
      const linked = held.length > 0 && rng.chance(0.5) ? rng.pick(held) : null;
      const servedAt = linked?.startsAt ?? dayOf(m, rng.int(1, 28), 2);
      const candidates = countBefore(registered, (v) => v.since, servedAt);
      if (candidates === 0) continue;
      const recordedAt = servedAt + rng.between(0.2, 2) * DAY;
      const confirmedAt = recordedAt + rng.between(0.1, 3) * DAY;
      rows.volunteerHours.push({
        memberId: registered[rng.int(0, candidates - 1)]!.id,
        activityId: linked?.id ?? null,
        programKey: linked?.programKey ?? (enabledPrograms.length > 0 ? rng.pick(enabledPrograms) : null),
        servedOn: isoDate(servedAt),
        minutes: rng.pick([60, 90, 120, 120, 150, 180, 240]),
        note: linked ? '活动现场服务' : rng.pick(['书屋值班', '上门探访', '活动筹备', '楼道宣传']),
        recordedBy: linked?.responsible ?? ADMIN,
        confirmedAt: !rng.chance(plan.unconfirmedHoursShare) && confirmedAt < cutoff ? iso(confirmedAt) : null,
        createdAt: iso(Math.min(recordedAt, cutoff - HOUR)),
      });
    }
  });
}
