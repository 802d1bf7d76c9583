/** An activity's money and lessons: settled within a week as a rule, income a little above cost (sometimes below), then reviewed. */
import type { InferInsertModel } from 'drizzle-orm';
import { settlementEntries } from '../../community/ledger/rules';
import { wallClock } from '../../community/profile/rules';
import type { activities } from '../../db/tenant-schema';
import { DAY, iso } from './calendar';
import type { Build } from './state';
import { reviewNotes } from './texts';

/**
 * Writes the settlement and review of an activity that took place, if it got that far before the cutoff, and moves
 * its state on. The settlement goes into the ledger as the settle screen puts it there: the fees into the fund
 * (`fundAccountId`: its club's, or the hub's) and the costs out of it, dated the day it was settled.
 */
export function settleAndReview(
  b: Build,
  activity: InferInsertModel<typeof activities>,
  held: { endsAt: number; feeFen: number; attended: number; responsible: number; fundAccountId: number },
): void {
  const { plan, ctx, rng, rows, cutoff } = b;
  const id = activity.id!;
  const { endsAt, feeFen, attended, responsible, fundAccountId } = held;
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
  const entries = settlementEntries({
    activityId: id,
    title: activity.title,
    fundAccountId,
    externalAccountId: ctx.accounts.external,
    incomeFen,
    costFen,
  });
  const occurredOn = wallClock(settledAt, ctx.timeZone).date;
  for (const entry of entries) rows.ledgerEntries.push({ ...entry, occurredOn, recordedBy: responsible, createdAt: iso(settledAt) });
  const reviewedAt = settledAt + rng.between(0.5, 3) * DAY;
  if (!rng.chance(plan.reviewShare) || reviewedAt >= cutoff) return;
  activity.state = 'reviewed';
  const [wentWell, toChange] = rng.pick(reviewNotes);
  rows.reviews.push({ activityId: id, memberId: responsible, kind: 'summary', wentWell, toChange, createdAt: iso(reviewedAt) });
}
