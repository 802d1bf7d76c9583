import type { BatchItem } from 'drizzle-orm/batch';
import { refuseOpeningUnsafe } from '../children/safety';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { activities, activityCostLines, bookings, clubs, communityProfile, signups } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { approvalProblem, type CostLine, computeBudget } from './budget';
import { type ActivityStep, editableStates, nextState, statesAllowing } from './rules';
import {
  consentAsked,
  decisionSetting,
  dropStatement,
  openWindowStatements,
  refuseWhileInConsent,
  restartStatements,
} from '../consent/service';
import { sql } from 'drizzle-orm';
import { creditableProgram } from '../programs/service';
import { eventTime, notifyFrom } from '../notifications/emit';
import { communitySettings } from '../profile/service';
import { activityWithToken, attach, heldBooking, placeStatements, planPlace, releaseStatement, withClashCheck } from './place';

export type ActivityRow = typeof activities.$inferSelect;

export interface ActivityInput {
  clubId?: number | null;
  /** The program it counts for; a club's activity counts for its club's program unless another is chosen. */
  programKey?: string | null;
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
  /** Places one member may hold for themself and the people they bring (default 4). */
  maxPlacesPerMember?: number;
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

/**
 * The program an activity counts for: the one chosen, which must exist and be switched on (400 naming programKey
 * otherwise), or else its club's program; a hub activity without a choice counts for none.
 */
async function creditedProgram(db: TenantDb, chosen: string | null | undefined, clubId: number | null): Promise<string | null> {
  if (chosen) {
    if (!(await creditableProgram(db, chosen)))
      throw new AppError('validation_failed', 'No such program, or it is switched off', { programKey: ['No such program'] });
    return chosen;
  }
  if (clubId === null) return null;
  const [club] = await db.select({ programKey: clubs.programKey }).from(clubs).where(eq(clubs.id, clubId));
  return club?.programKey ?? null;
}

/** Whoever proposes an activity is responsible for it. A club activity is proposed by a member of that active club. */
export async function createActivity(db: TenantDb, member: MemberContext, input: ActivityInput) {
  checkTimes(input);
  if (input.clubId) {
    const [club] = await db.select({ status: clubs.status }).from(clubs).where(eq(clubs.id, input.clubId));
    if (!club) throw new AppError('validation_failed', 'No such club', { clubId: ['No such club'] });
    if (club.status !== 'active') throw new AppError('conflict', 'Only an active club can hold activities');
  }
  const programKey = await creditedProgram(db, input.programKey, input.clubId ?? null);
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
        programKey,
        title: input.title,
        description: input.description ?? '',
        responsibleMemberId: member.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: plan.place,
        capacity: input.capacity,
        waitlist: input.waitlist ?? true,
        maxPlacesPerMember: input.maxPlacesPerMember ?? 4,
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
        capacity: input.capacity,
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
  // Left out, the activity keeps the program it counts for.
  const programKey = input.programKey === undefined ? activity.programKey : await creditedProgram(db, input.programKey, activity.clubId);
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
      programKey,
      title: input.title,
      description: input.description ?? '',
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: plan.place,
      capacity: input.capacity,
      waitlist: input.waitlist ?? true,
      maxPlacesPerMember: input.maxPlacesPerMember ?? 4,
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
        capacity: input.capacity,
        organiser: activity.responsibleMemberId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      },
      borrowing ? null : held,
    ),
  ];
  if (borrowing && held) statements.push(releaseStatement(db, held));
  // A revised budget answers the administrators' objections and starts their consent window again.
  if (activity.state === 'budget-submitted') statements.push(...restartStatements(db, 'activity', id, new Date().toISOString()));
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
        const asked = await consentAsked(db);
        if (asked) return submitForConsent(db, activity, asked);
      }
      // An activity for children opens only once its organiser has done the safety step (the 409 names what is missing).
      if (step === 'open') await refuseOpeningUnsafe(db, id);
      return moveState(db, activity, step);
    case 'return': {
      const to = await moveState(db, activity, step);
      await dropStatement(db, 'activity', id, new Date().toISOString());
      return to;
    }
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
      await refuseWhileInConsent(db, 'activity', id);
      if (activity.exceptionReason && activity.responsibleMemberId === member.id) {
        throw new AppError('forbidden', 'An exception must be approved by someone other than the responsible person');
      }
      return moveState(db, activity, step, { approvedBy: member.id, approvedAt: new Date().toISOString() });
    }
    case 'cancel': {
      const to = await moveState(db, activity, step, { cancelledReason: reason ?? '' });
      await dropStatement(db, 'activity', id, new Date().toISOString());
      const held = await heldBooking(db, id);
      const { timeZone } = await communitySettings(db);
      // Everyone who held a place (confirmed or waiting) is told, read just before their places are cancelled.
      const told = notifyFrom(
        db,
        {
          kind: 'activity.cancelled',
          params: { activity: activity.title, when: eventTime(activity.startsAt, timeZone), reason: reason?.trim() || undefined },
          link: `/activities/${id}`,
        },
        sql`SELECT DISTINCT member_id FROM signups WHERE activity_id = ${id} AND status IN ('confirmed', 'waitlisted') AND member_id <> ${member.id}`,
      );
      const cancelPlaces = db
        .update(signups)
        .set({ status: 'cancelled', cancelledAt: new Date().toISOString() })
        .where(and(eq(signups.activityId, id), inArray(signups.status, ['confirmed', 'waitlisted'])));
      // Its own booking is cancelled and the space freed; a borrowed week of the club's series stays the club's.
      await db.batch([told, cancelPlaces, ...(held ? [releaseStatement(db, held)] : [])]);
      return to;
    }
  }
}

/**
 * Under consent, submitting asks every administrator: the budget must already pass the approval check (silence
 * cannot approve what an administrator could not), and the window opens in the same batch as the state change.
 */
async function submitForConsent(db: TenantDb, activity: ActivityRow, asked: number[]) {
  const lines = await plannedLines(db, activity.id);
  const budget = computeBudget({
    lines,
    expectedParticipants: activity.expectedParticipants,
    surplusRatePercent: activity.surplusRatePercent,
  });
  if (approvalProblem(budget, activity.feeFen, activity.expectedParticipants, activity.exceptionReason)) {
    throw new AppError('validation_failed', 'The fees do not cover the costs plus the surplus; record an exception to submit it', {
      feeFen: [`Fees bring in less than ${budget.targetFen} fen`],
    });
  }
  const { days } = await decisionSetting(db);
  const at = new Date().toISOString();
  const [moved] = await db.batch([
    db
      .update(activities)
      .set({ state: 'budget-submitted' })
      .where(and(eq(activities.id, activity.id), eq(activities.state, 'draft')))
      .returning({ id: activities.id }),
    ...openWindowStatements(
      db,
      'activity',
      sql`SELECT id FROM activities WHERE id = ${activity.id} AND state = 'budget-submitted'`,
      asked,
      activity.title,
      days,
      at,
    ),
  ]);
  if (moved.length === 0) throw new AppError('conflict', 'The activity changed meanwhile; reload');
  return 'budget-submitted' as const;
}
