/** The year's activities month by month: which club holds each (or the association), when, where, at what fee, and how it went. */
import type { InferInsertModel } from 'drizzle-orm';
import type { activities } from '../../db/tenant-schema';
import type { ClubRun } from './clubs';
import { DAY, HOUR, iso } from './calendar';
import type { ProgramKey } from './plan';
import type { Roster } from './roster';
import { settleAndReview } from './settlements';
import { signUp } from './signups';
import { ADMIN, type Build } from './state';
import { activityTitles, costLabels, places } from './texts';

/** An activity that took place, for the volunteer hours served at it. */
export interface HeldActivity {
  id: number;
  startsAt: number;
  programKey: ProgramKey | null;
  responsible: number;
}

/** Writes the activities with their sign-ups, check-ins, settlement and review; returns those held, by month index. */
export function holdActivities(b: Build, roster: Roster, clubRuns: ClubRun[]): Map<number, HeldActivity[]> {
  const { plan, ctx, rng, rows, ids, monthStart, dayOf } = b;
  const heldByMonth = new Map<number, HeldActivity[]>();
  plan.activities.forEach((n, m) => {
    const running = clubRuns.filter(
      (c) => c.plan.status !== 'proposed' && c.approvedAt < monthStart(m) && (c.plan.quietFrom === undefined || m < c.plan.quietFrom),
    );
    const totalWeight = running.reduce((s, c) => s + c.plan.weight, 0);
    for (let i = 0; i < n; i++) {
      let club: ClubRun | null = null;
      if (running.length > 0 && !rng.chance(plan.hubShare)) {
        let r = rng.next() * totalWeight;
        for (const c of running) {
          club = c;
          r -= c.plan.weight;
          if (r < 0) break;
        }
      }
      const programKey = club?.plan.programKey ?? null;
      const kind = programKey ?? 'hub';
      const day = 1 + Math.min(27, Math.floor(((i + rng.next()) * 27) / n));
      const startsAt = dayOf(m, day, rng.pick([1, 2, 6, 7, 11]), rng.pick([0, 30]));
      const endsAt = startsAt + rng.pick([1.5, 2, 2.5, 3]) * HOUR;
      const responsible = club?.leader.id ?? ADMIN;
      const capacity = rng.pick([20, 24, 30, 40]);
      const expected = Math.round(capacity * 0.8);
      const plannedFen = rng.int(2, 30) * 5000;
      const feeFen = Math.ceil((plannedFen * (100 + ctx.surplusRatePercent)) / 100 / expected / 100) * 100;
      const createdAt = startsAt - rng.int(10, 21) * DAY;
      const id = ++ids.activities;
      const cancelled = i >= 2 && rng.chance(plan.cancelShare);
      const activity: InferInsertModel<typeof activities> = {
        id,
        clubId: club?.id ?? null,
        title: rng.pick(activityTitles[kind]),
        description: club ? `${club.plan.name}的活动，费用 AA。` : '互助会组织的活动，欢迎新邻居。',
        responsibleMemberId: responsible,
        startsAt: iso(startsAt),
        endsAt: iso(endsAt),
        place: rng.pick(places[kind]),
        capacity,
        audience: kind === 'kids-troupe' || kind === 'little-architects' ? 'children' : 'residents',
        state: 'held',
        expectedParticipants: expected,
        surplusRatePercent: ctx.surplusRatePercent,
        feeFen,
        approvedBy: ADMIN,
        approvedAt: iso(createdAt + rng.int(1, 3) * DAY),
        cancelledReason: null,
        checkinToken: rng.hex(32),
        createdAt: iso(createdAt),
      };
      rows.activities.push(activity);
      rows.costLines.push({ activityId: id, kind: 'planned', label: rng.pick(costLabels), amountFen: plannedFen });
      if (cancelled) {
        activity.state = 'cancelled';
        activity.cancelledReason = rng.pick(['天气原因取消', '报名人数不足，取消', '场地临时维修，取消']);
        continue;
      }
      const attended = signUp(b, roster, { id, startsAt, capacity, club });
      heldByMonth.set(m, [...(heldByMonth.get(m) ?? []), { id, startsAt, programKey, responsible }]);
      const fundAccountId = club?.fundAccountId ?? ctx.accounts.hub;
      settleAndReview(b, activity, { endsAt, feeFen, attended, responsible, fundAccountId });
    }
  });
  return heldByMonth;
}
