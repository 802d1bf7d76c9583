/** An activity's money and lessons: settled within a week as a rule, income a little above cost (sometimes below), then reviewed. */
import type { InferInsertModel } from 'drizzle-orm';
import type { activities } from '../../db/tenant-schema';
import { DAY, iso } from './calendar';
import type { Build } from './state';
import { reviewNotes } from './texts';

/** Writes the settlement and review of an activity that took place, if it got that far before the cutoff, and moves its state on. */
export function settleAndReview(
  b: Build,
  activity: InferInsertModel<typeof activities>,
  held: { endsAt: number; feeFen: number; attended: number; responsible: number },
): void {
  const { plan, rng, rows, cutoff } = b;
  const id = activity.id!;
  const { endsAt, feeFen, attended, responsible } = held;
  if (rng.chance(plan.unsettledShare)) return;
  const settledAt = endsAt + (rng.chance(plan.lateShare) ? rng.between(9, 25) : rng.between(0.3, 6)) * DAY;
  if (settledAt >= cutoff) return;
  const incomeFen = feeFen * Math.max(1, attended);
  const costFen = rng.chance(plan.deficitShare)
    ? Math.round(incomeFen / rng.between(0.8, 0.97))
    : Math.round(incomeFen / rng.between(1.02, 1.12));
  activity.state = 'settled';
  rows.settlements.push({ activityId: id, incomeFen, costFen, recordedBy: responsible, recordedAt: iso(settledAt) });
  rows.costLines.push({ activityId: id, kind: 'actual', label: '实际支出', amountFen: costFen });
  const reviewedAt = settledAt + rng.between(0.5, 3) * DAY;
  if (!rng.chance(plan.reviewShare) || reviewedAt >= cutoff) return;
  activity.state = 'reviewed';
  const [wentWell, toChange] = rng.pick(reviewNotes);
  rows.reviews.push({ activityId: id, memberId: responsible, kind: 'summary', wentWell, toChange, createdAt: iso(reviewedAt) });
}
