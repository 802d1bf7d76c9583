import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, activityCostLines, activityReviews, activitySettlements, clubs } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { settlementEntries } from '../ledger/rules';
import { baseAccounts, clubFundKey, ensureAccount, transactionStatements } from '../ledger/service';
import type { CostLine } from './budget';
import { nextState, hasHappened } from './rules';
import { getActivity } from './service';

/**
 * Settlement: the responsible person enters what came in and what was spent. The state change, the
 * actual cost lines, the settlement record and the ledger entries into the fund are one batch.
 */
export async function settle(
  db: TenantDb,
  id: number,
  member: MemberContext,
  input: { incomeFen: number; costLines: CostLine[]; occurredOn: string },
) {
  const activity = await getActivity(db, id);
  if (!nextState(activity.state, 'settle')) throw new AppError('conflict', `An activity that is ${activity.state} cannot be settled`);
  const { hub, external } = await baseAccounts(db);
  let fundId = hub.id;
  if (activity.clubId) {
    const [club] = await db.select({ name: clubs.name }).from(clubs).where(eq(clubs.id, activity.clubId));
    fundId = (await ensureAccount(db, clubFundKey(activity.clubId), 'fund', `${club?.name ?? ''}基金`, activity.clubId)).id;
  }
  const costFen = input.costLines.reduce((s, l) => s + l.amountFen, 0);
  const entries = settlementEntries({
    activityId: id,
    title: activity.title,
    fundAccountId: fundId,
    externalAccountId: external.id,
    incomeFen: input.incomeFen,
    costFen,
  });
  const statements = [
    db
      .update(activities)
      .set({ state: 'settled' })
      .where(and(eq(activities.id, id), eq(activities.state, 'held'))),
    db.insert(activitySettlements).values({ activityId: id, incomeFen: input.incomeFen, costFen, recordedBy: member.id }),
    ...(input.costLines.length > 0
      ? [
          db
            .insert(activityCostLines)
            .values(input.costLines.map((l) => ({ activityId: id, kind: 'actual' as const, label: l.label, amountFen: l.amountFen }))),
        ]
      : []),
    ...entries.flatMap((entry) => transactionStatements(db, { ...entry, occurredOn: input.occurredOn, recordedBy: member.id })),
  ];
  try {
    await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  } catch (error) {
    const [settled] = await db.select().from(activitySettlements).where(eq(activitySettlements.activityId, id));
    if (settled) throw new AppError('conflict', 'This activity is already settled');
    throw error;
  }
}

export async function review(db: TenantDb, id: number, member: MemberContext, input: { wentWell: string; toChange: string }) {
  const activity = await getActivity(db, id);
  if (!nextState(activity.state, 'review')) throw new AppError('conflict', 'Review after settlement');
  await db.batch([
    db
      .insert(activityReviews)
      .values({ activityId: id, memberId: member.id, kind: 'summary', wentWell: input.wentWell, toChange: input.toChange }),
    db
      .update(activities)
      .set({ state: 'reviewed' })
      .where(and(eq(activities.id, id), eq(activities.state, 'settled'))),
  ]);
}

/** Participants who had a confirmed place rate the activity once it has happened. */
export async function rate(db: TenantDb, id: number, member: MemberContext, rating: number) {
  const activity = await getActivity(db, id);
  if (!hasHappened(activity.state)) throw new AppError('conflict', 'Rate an activity after it has happened');
  await db
    .insert(activityReviews)
    .values({ activityId: id, memberId: member.id, kind: 'rating', rating })
    .onConflictDoUpdate({ target: [activityReviews.activityId, activityReviews.memberId, activityReviews.kind], set: { rating } });
}
