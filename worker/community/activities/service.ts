import type { BatchItem } from 'drizzle-orm/batch';
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import {
  activities,
  activityCostLines,
  activityReviews,
  activitySettlements,
  bookings,
  clubs,
  communityProfile,
  members,
  signups,
} from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { isAdmin } from '../../auth/roles';
import { clubRole } from '../clubs/service';
import { settlementPostings } from '../ledger/rules';
import { baseAccounts, clubFundKey, ensureAccount, transactionStatements } from '../ledger/service';
import { approvalProblem, type CostLine, computeBudget } from './budget';
import { type ActivityState, type ActivityStep, editableStates, nextState, statesAllowing, hasHappened } from './rules';
import {
  activityWithToken,
  attach,
  heldBooking,
  placeStatements,
  planPlace,
  releaseStatement,
  spaceOfActivity,
  withClashCheck,
} from './place';

export type ActivityRow = typeof activities.$inferSelect;

export interface ActivityInput {
  clubId?: number | null;
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  /** Free text; ignored when a shared space or a booking is chosen (the place is then the space's name). */
  place?: string;
  /** A shared space to book for the activity's time. */
  spaceId?: number | null;
  /** An active booking of the activity's club that covers its time (e.g. one week of the club's series). */
  bookingId?: number | null;
  capacity: number;
  waitlist?: boolean;
  audience: 'members' | 'residents' | 'children';
  expectedParticipants: number;
  surplusRatePercent?: number;
  costLines: CostLine[];
  /** A lower fee than the derived one (e.g. 0 for a free event); needs an exception to be approved. */
  feeFen?: number;
  exceptionReason?: string | null;
}

export async function getActivity(db: TenantDb, id: number): Promise<ActivityRow> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) throw new AppError('not_found', 'No such activity');
  return row;
}

async function defaultSurplusRate(db: TenantDb) {
  const [profile] = await db.select({ rate: communityProfile.surplusRatePercent }).from(communityProfile);
  return profile?.rate ?? 8;
}

function derivedFee(input: { costLines: CostLine[]; expectedParticipants: number; surplusRatePercent: number; feeFen?: number }) {
  const budget = computeBudget({
    lines: input.costLines,
    expectedParticipants: input.expectedParticipants,
    surplusRatePercent: input.surplusRatePercent,
  });
  return { budget, feeFen: input.feeFen ?? budget.feeFen ?? 0 };
}

function checkTimes(input: { startsAt: string; endsAt: string }) {
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
    throw new AppError('validation_failed', 'The activity must end after it starts', { endsAt: ['Must be after the start'] });
  }
}

/** Whoever proposes an activity is responsible for it. A club activity is proposed by a member of that active club. */
export async function createActivity(db: TenantDb, member: MemberContext, input: ActivityInput) {
  checkTimes(input);
  if (input.clubId) {
    const [club] = await db.select({ status: clubs.status }).from(clubs).where(eq(clubs.id, input.clubId));
    if (!club) throw new AppError('validation_failed', 'No such club', { clubId: ['No such club'] });
    if (club.status !== 'active') throw new AppError('conflict', 'Only an active club can hold activities');
  }
  const plan = await planPlace(db, { ...input, clubId: input.clubId ?? null }, null);
  const surplusRatePercent = input.surplusRatePercent ?? (await defaultSurplusRate(db));
  const { feeFen } = derivedFee({ ...input, surplusRatePercent });
  const checkinToken = crypto.randomUUID().replace(/-/g, '');
  // The rows written after the activity find it by its (random, unique) check-in code within the batch.
  const activityId = activityWithToken(checkinToken);
  const statements = [
    db
      .insert(activities)
      .values({
        clubId: input.clubId ?? null,
        title: input.title,
        description: input.description ?? '',
        responsibleMemberId: member.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: plan.place,
        capacity: input.capacity,
        waitlist: input.waitlist ?? true,
        audience: input.audience,
        state: 'draft',
        expectedParticipants: input.expectedParticipants,
        surplusRatePercent,
        feeFen,
        exceptionReason: input.exceptionReason?.trim() || null,
        checkinToken,
      })
      .returning({ id: activities.id }),
    ...(input.costLines.length > 0
      ? [
          db
            .insert(activityCostLines)
            .values(input.costLines.map((l) => ({ activityId, kind: 'planned' as const, label: l.label, amountFen: l.amountFen }))),
        ]
      : []),
    ...placeStatements(
      db,
      plan,
      {
        id: activityId,
        clubId: input.clubId ?? null,
        title: input.title,
        organiser: member.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      },
      null,
    ),
  ];
  // One batch: when the space is taken, the trigger refuses the booking and the activity is not written either.
  const [inserted] = await withClashCheck(db, plan, input, () => db.batch(statements as [(typeof statements)[0], ...typeof statements]));
  const id = (inserted as { id: number }[])[0]!.id;
  if (plan.kind === 'attach' && !(await attach(db, plan.booking.id, id))) {
    // Someone took the booking for another activity meanwhile: take the draft back rather than leave it without its room.
    await db.batch([
      db.delete(activityCostLines).where(eq(activityCostLines.activityId, id)),
      db.delete(activities).where(eq(activities.id, id)),
    ]);
    throw new AppError('conflict', 'This booking already holds another activity', { bookingId: ['Held by another activity'] });
  }
  return id;
}

/** The budget can change until it is approved; the cost lines are replaced in the same batch. */
export async function updateActivity(db: TenantDb, id: number, _member: MemberContext, input: ActivityInput) {
  const activity = await getActivity(db, id);
  if (!editableStates.includes(activity.state))
    throw new AppError('conflict', 'An approved activity can no longer be changed; cancel it instead');
  checkTimes(input);
  const plan = await planPlace(db, { ...input, clubId: activity.clubId }, id);
  const held = await heldBooking(db, id);
  const surplusRatePercent = input.surplusRatePercent ?? activity.surplusRatePercent;
  const { feeFen } = derivedFee({ ...input, surplusRatePercent });
  const borrowing = plan.kind === 'attach' && held?.id !== plan.booking.id;
  // Borrowing a club's booking is one conditional write, taken first: if it fails nothing else is changed.
  if (borrowing && !(await attach(db, plan.booking.id, id)))
    throw new AppError('conflict', 'This booking already holds another activity', { bookingId: ['Held by another activity'] });
  const update = db
    .update(activities)
    .set({
      title: input.title,
      description: input.description ?? '',
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: plan.place,
      capacity: input.capacity,
      waitlist: input.waitlist ?? true,
      audience: input.audience,
      expectedParticipants: input.expectedParticipants,
      surplusRatePercent,
      feeFen,
      exceptionReason: input.exceptionReason?.trim() || null,
    })
    .where(and(eq(activities.id, id), inArray(activities.state, editableStates)));
  const removeLines = db.delete(activityCostLines).where(and(eq(activityCostLines.activityId, id), eq(activityCostLines.kind, 'planned')));
  const lines = input.costLines.map((l) => ({ activityId: id, kind: 'planned' as const, label: l.label, amountFen: l.amountFen }));
  const statements: BatchItem<'sqlite'>[] = [
    update,
    removeLines,
    ...(lines.length > 0 ? [db.insert(activityCostLines).values(lines)] : []),
    ...placeStatements(
      db,
      plan,
      {
        id,
        clubId: activity.clubId,
        title: input.title,
        organiser: activity.responsibleMemberId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      },
      borrowing ? null : held,
    ),
  ];
  if (borrowing && held) statements.push(releaseStatement(db, held));
  try {
    // One batch: moving the time or the space re-books it, and a clash leaves the activity as it was.
    await withClashCheck(db, plan, input, () => db.batch(statements as [(typeof statements)[0], ...typeof statements]));
  } catch (error) {
    if (borrowing)
      await db
        .update(bookings)
        .set({ activityId: null })
        .where(and(eq(bookings.id, plan.booking.id), eq(bookings.activityId, id)));
    throw error;
  }
}

async function plannedLines(db: TenantDb, id: number, kind: 'planned' | 'actual' = 'planned') {
  return db
    .select({ label: activityCostLines.label, amountFen: activityCostLines.amountFen })
    .from(activityCostLines)
    .where(and(eq(activityCostLines.activityId, id), eq(activityCostLines.kind, kind)))
    .orderBy(asc(activityCostLines.id));
}

async function moveState(db: TenantDb, activity: ActivityRow, step: ActivityStep, extra: Partial<ActivityRow> = {}) {
  const to = nextState(activity.state, step);
  if (!to) throw new AppError('conflict', `An activity that is ${activity.state} cannot ${step}`);
  const updated = await db
    .update(activities)
    .set({ state: to, ...extra })
    .where(and(eq(activities.id, activity.id), inArray(activities.state, statesAllowing(step))))
    .returning({ id: activities.id });
  if (updated.length === 0) throw new AppError('conflict', 'The activity changed meanwhile; reload');
  return to;
}

/** Moves an activity one step along the standard process, checking who may take that step. */
export async function takeStep(
  db: TenantDb,
  id: number,
  step: Exclude<ActivityStep, 'settle' | 'review'>,
  member: MemberContext,
  reason?: string,
) {
  const activity = await getActivity(db, id);
  switch (step) {
    case 'submit':
    case 'open':
    case 'close':
    case 'hold':
      if (step === 'submit') {
        const { budget } = derivedFee({
          costLines: await plannedLines(db, id),
          expectedParticipants: activity.expectedParticipants,
          surplusRatePercent: activity.surplusRatePercent,
          feeFen: activity.feeFen,
        });
        if (budget.costFen > 0 && activity.expectedParticipants === 0 && !activity.exceptionReason) {
          throw new AppError('validation_failed', 'Give the expected number of participants', {
            expectedParticipants: ['Must be at least 1'],
          });
        }
      }
      return moveState(db, activity, step);
    case 'return':
      return moveState(db, activity, step);
    case 'approve': {
      const lines = await plannedLines(db, id);
      const budget = computeBudget({
        lines,
        expectedParticipants: activity.expectedParticipants,
        surplusRatePercent: activity.surplusRatePercent,
      });
      const problem = approvalProblem(budget, activity.feeFen, activity.expectedParticipants, activity.exceptionReason);
      if (problem) {
        throw new AppError(
          'validation_failed',
          'The fees do not cover the costs plus the surplus; record an exception (e.g. paid from the club fund) to approve it',
          {
            feeFen: [
              problem === 'no-participants' ? 'Nobody is expected to pay for the costs' : `Fees bring in less than ${budget.targetFen} fen`,
            ],
          },
        );
      }
      if (activity.exceptionReason && activity.responsibleMemberId === member.id) {
        throw new AppError('forbidden', 'An exception must be approved by someone other than the responsible person');
      }
      return moveState(db, activity, step, { approvedBy: member.id, approvedAt: new Date().toISOString() });
    }
    case 'cancel': {
      const to = await moveState(db, activity, step, { cancelledReason: reason ?? '' });
      const held = await heldBooking(db, id);
      const cancelPlaces = db
        .update(signups)
        .set({ status: 'cancelled', cancelledAt: new Date().toISOString() })
        .where(and(eq(signups.activityId, id), inArray(signups.status, ['confirmed', 'waitlisted'])));
      // Its own booking is cancelled and the space freed; a borrowed week of the club's series stays the club's.
      if (held) await db.batch([cancelPlaces, releaseStatement(db, held)]);
      else await cancelPlaces;
      return to;
    }
  }
}

/**
 * Signs a member (or someone they bring, e.g. a child) up. One INSERT…SELECT decides confirmed or
 * waitlisted from the current count; D1 runs each statement atomically, so under any concurrency
 * exactly `capacity` places are confirmed, and the unique index stops double sign-ups.
 */
export async function signUp(db: TenantDb, id: number, member: MemberContext, input: { participant?: string; isChild?: boolean }) {
  const activity = await getActivity(db, id);
  const participant = input.participant?.trim() ?? '';
  const isChild = input.isChild ?? false;
  if (activity.state !== 'open') throw new AppError('conflict', 'Sign-up is not open for this activity');
  if (activity.audience === 'members' && activity.clubId && (await clubRole(db, activity.clubId, member.id)) === null) {
    throw new AppError('forbidden', 'This activity is for club members; join the club first');
  }
  if (activity.audience === 'children' && !isChild) {
    throw new AppError('validation_failed', 'This activity is for children; sign up a child you are the guardian of', {
      isChild: ['Sign up a child'],
    });
  }
  if (isChild && participant === '')
    throw new AppError('validation_failed', "Give the child's name", { participant: ["Give the child's name"] });
  const confirmedCount = sql`(SELECT COUNT(*) FROM signups WHERE activity_id = ${id} AND status = 'confirmed')`;
  const result = await db.run(sql`
    INSERT INTO signups (activity_id, member_id, participant, is_child, status)
    SELECT ${id}, ${member.id}, ${participant}, ${isChild ? 1 : 0},
           CASE WHEN ${confirmedCount} < a.capacity THEN 'confirmed' ELSE 'waitlisted' END
      FROM activities a
     WHERE a.id = ${id} AND a.state = 'open' AND (a.waitlist = 1 OR ${confirmedCount} < a.capacity)
    ON CONFLICT (activity_id, member_id, participant) DO NOTHING`);
  const [row] = await db
    .select()
    .from(signups)
    .where(and(eq(signups.activityId, id), eq(signups.memberId, member.id), eq(signups.participant, participant)));
  if (!row) throw new AppError('conflict', 'The activity is full');
  if (result.meta.changes === 0 && row.status !== 'cancelled') return { signup: row, created: false };
  if (row.status === 'cancelled') {
    // Signing up again after cancelling: by the same rule, at the back of the queue (created_at is reset).
    const capacity = sql`(SELECT capacity FROM activities WHERE id = ${id})`;
    const again = await db
      .update(signups)
      .set({
        status: sql`CASE WHEN ${confirmedCount} < ${capacity} THEN 'confirmed' ELSE 'waitlisted' END`,
        cancelledAt: null,
        createdAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
      })
      .where(
        sql`${signups.id} = ${row.id} AND ${signups.status} = 'cancelled' AND ((SELECT waitlist FROM activities WHERE id = ${id}) = 1 OR ${confirmedCount} < ${capacity})`,
      )
      .returning();
    if (!again[0]) throw new AppError('conflict', 'The activity is full');
    return { signup: again[0], created: true };
  }
  return { signup: row, created: true };
}

/** Cancels a place and, in the same batch, promotes the first on the waitlist if a place is free. */
export async function cancelSignup(db: TenantDb, id: number, signupId: number, _member: MemberContext) {
  const [row] = await db
    .select()
    .from(signups)
    .where(and(eq(signups.id, signupId), eq(signups.activityId, id)));
  if (!row) throw new AppError('not_found', 'No such sign-up');
  await db.batch([
    db
      .update(signups)
      .set({ status: 'cancelled', cancelledAt: new Date().toISOString() })
      .where(and(eq(signups.id, signupId), inArray(signups.status, ['confirmed', 'waitlisted']))),
    db
      .update(signups)
      .set({ status: 'confirmed' })
      .where(
        sql`${signups.id} = (SELECT id FROM signups WHERE activity_id = ${id} AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1)
            AND (SELECT COUNT(*) FROM signups WHERE activity_id = ${id} AND status = 'confirmed') < (SELECT capacity FROM activities WHERE id = ${id})`,
      ),
  ]);
}

export async function signupList(db: TenantDb, id: number, _member: MemberContext) {
  const _activity = await getActivity(db, id);
  return db
    .select({
      id: signups.id,
      memberId: signups.memberId,
      displayName: members.displayName,
      participant: signups.participant,
      isChild: signups.isChild,
      status: signups.status,
      checkedInAt: signups.checkedInAt,
      createdAt: signups.createdAt,
    })
    .from(signups)
    .innerJoin(members, eq(members.id, signups.memberId))
    .where(eq(signups.activityId, id))
    .orderBy(asc(signups.id));
}

/** Check-in by the activity's QR code (the member checks in their own places) or by the organiser from the list. */
export async function checkIn(db: TenantDb, id: number, member: MemberContext, by: { token: string } | { signupId: number }) {
  const activity = await getActivity(db, id);
  if (!['open', 'closed', 'held'].includes(activity.state)) throw new AppError('conflict', 'Check-in is not open for this activity');
  const now = new Date().toISOString();
  if ('token' in by) {
    if (by.token !== activity.checkinToken) throw new AppError('forbidden', 'This check-in code is not valid');
    const updated = await db
      .update(signups)
      .set({ checkedInAt: now })
      .where(and(eq(signups.activityId, id), eq(signups.memberId, member.id), eq(signups.status, 'confirmed')))
      .returning({ id: signups.id });
    if (updated.length === 0) throw new AppError('not_found', 'You have no confirmed place on this activity');
    return updated.length;
  }
  const updated = await db
    .update(signups)
    .set({ checkedInAt: now })
    .where(and(eq(signups.id, by.signupId), eq(signups.activityId, id), eq(signups.status, 'confirmed')))
    .returning({ id: signups.id });
  if (updated.length === 0) throw new AppError('not_found', 'No confirmed sign-up with that id');
  return 1;
}

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
  const { income, costs } = settlementPostings(fundId, external.id, input.incomeFen, costFen);
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
    ...(income.length > 0
      ? transactionStatements(db, {
          ref: `settle-income:${id}`,
          occurredOn: input.occurredOn,
          category: 'activity-fees',
          memo: `${activity.title}：活动费收入`,
          recordedBy: member.id,
          activityId: id,
          postings: income,
        })
      : []),
    ...(costs.length > 0
      ? transactionStatements(db, {
          ref: `settle-costs:${id}`,
          occurredOn: input.occurredOn,
          category: 'activity-costs',
          memo: `${activity.title}：活动支出`,
          recordedBy: member.id,
          activityId: id,
          postings: costs,
        })
      : []),
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

/** Everything the activity page shows, with the AA breakdown and planned vs actual. */
export async function activityDetail(db: TenantDb, id: number, viewer: MemberContext | null) {
  const activity = await getActivity(db, id);
  const [planned, actual, counts, settlement, reviews, responsible, club, mine, viewerRole] = await db.batch([
    db
      .select({ label: activityCostLines.label, amountFen: activityCostLines.amountFen })
      .from(activityCostLines)
      .where(and(eq(activityCostLines.activityId, id), eq(activityCostLines.kind, 'planned')))
      .orderBy(asc(activityCostLines.id)),
    db
      .select({ label: activityCostLines.label, amountFen: activityCostLines.amountFen })
      .from(activityCostLines)
      .where(and(eq(activityCostLines.activityId, id), eq(activityCostLines.kind, 'actual')))
      .orderBy(asc(activityCostLines.id)),
    db
      .select({
        status: signups.status,
        n: count(),
        checkedIn: sql<number>`SUM(CASE WHEN ${signups.checkedInAt} IS NOT NULL THEN 1 ELSE 0 END)`,
      })
      .from(signups)
      .where(eq(signups.activityId, id))
      .groupBy(signups.status),
    db.select().from(activitySettlements).where(eq(activitySettlements.activityId, id)),
    db
      .select({
        kind: activityReviews.kind,
        wentWell: activityReviews.wentWell,
        toChange: activityReviews.toChange,
        rating: activityReviews.rating,
      })
      .from(activityReviews)
      .where(eq(activityReviews.activityId, id)),
    db.select({ id: members.id, displayName: members.displayName }).from(members).where(eq(members.id, activity.responsibleMemberId)),
    db
      .select({ id: clubs.id, name: clubs.name })
      .from(clubs)
      .where(eq(clubs.id, activity.clubId ?? -1)),
    db
      .select({
        id: signups.id,
        participant: signups.participant,
        isChild: signups.isChild,
        status: signups.status,
        checkedInAt: signups.checkedInAt,
      })
      .from(signups)
      .where(and(eq(signups.activityId, id), eq(signups.memberId, viewer?.id ?? -1))),
    db
      .select({ responsible: clubs.responsibleMemberId })
      .from(clubs)
      .where(eq(clubs.id, activity.clubId ?? -1)),
  ]);
  const budget = computeBudget({
    lines: planned,
    expectedParticipants: activity.expectedParticipants,
    surplusRatePercent: activity.surplusRatePercent,
  });
  const countOf = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const ratings = reviews.filter((r) => r.kind === 'rating' && r.rating !== null).map((r) => r.rating as number);
  const isOrganiser =
    viewer !== null && (viewer.id === activity.responsibleMemberId || isAdmin(viewer) || viewerRole[0]?.responsible === viewer.id);
  const { checkinToken, ...publicFields } = activity;
  const { space, booking } = await spaceOfActivity(db, id);
  return {
    ...publicFields,
    space,
    booking,
    // The check-in code is shown only to organisers, who display it as a QR code at the activity.
    checkinToken: isOrganiser ? checkinToken : null,
    isOrganiser,
    club: club[0] ?? null,
    responsible: responsible[0] ?? null,
    budget: {
      ...budget,
      lines: planned,
      feeFen: activity.feeFen,
      derivedFeeFen: budget.feeFen,
      exceptionReason: activity.exceptionReason,
      problem: approvalProblem(budget, activity.feeFen, activity.expectedParticipants, activity.exceptionReason),
    },
    places: {
      confirmed: countOf('confirmed'),
      waitlisted: countOf('waitlisted'),
      checkedIn: counts.reduce((s, c) => s + Number(c.checkedIn ?? 0), 0),
      free: Math.max(0, activity.capacity - countOf('confirmed')),
    },
    settlement: settlement[0]
      ? {
          incomeFen: settlement[0].incomeFen,
          costFen: settlement[0].costFen,
          surplusFen: settlement[0].incomeFen - settlement[0].costFen,
          actualLines: actual,
          plannedIncomeFen: budget.incomeFen,
          plannedCostFen: budget.costFen,
        }
      : null,
    review: reviews.find((r) => r.kind === 'summary') ?? null,
    rating:
      ratings.length > 0
        ? { average: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10, count: ratings.length }
        : null,
    mySignups: mine,
  };
}

export function listActivities(db: TenantDb, filter: { from: string; to: string; clubId?: number; states?: ActivityState[] }) {
  return db
    .select({
      id: activities.id,
      title: activities.title,
      clubId: activities.clubId,
      clubName: clubs.name,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      place: activities.place,
      state: activities.state,
      capacity: activities.capacity,
      feeFen: activities.feeFen,
      audience: activities.audience,
      waitlist: activities.waitlist,
      confirmed: sql<number>`(SELECT COUNT(*) FROM ${signups} WHERE ${signups.activityId} = ${activities.id} AND ${signups.status} = 'confirmed')`,
    })
    .from(activities)
    .leftJoin(clubs, eq(clubs.id, activities.clubId))
    .where(
      and(
        gte(activities.startsAt, filter.from),
        lt(activities.startsAt, filter.to),
        filter.clubId ? eq(activities.clubId, filter.clubId) : undefined,
        filter.states ? inArray(activities.state, filter.states) : undefined,
      ),
    )
    .orderBy(asc(activities.startsAt))
    .limit(200);
}

/** The member's own places, newest activity first. */
export function mySignups(db: TenantDb, memberId: number) {
  return (
    db
      // Batched rows are matched by column name, so take the activity id from signups, not a second "id".
      .select({
        signupId: signups.id,
        status: signups.status,
        participant: signups.participant,
        activityId: signups.activityId,
        title: activities.title,
        startsAt: activities.startsAt,
        place: activities.place,
        state: activities.state,
      })
      .from(signups)
      .innerJoin(activities, eq(activities.id, signups.activityId))
      .where(and(eq(signups.memberId, memberId), inArray(signups.status, ['confirmed', 'waitlisted'])))
      .orderBy(desc(activities.startsAt))
      .limit(50)
  );
}
