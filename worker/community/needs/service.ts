import { and, eq, notExists, notInArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { renderEvent } from '../notifications/events';
import { activities, activityCostLines, notifications, programs } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { createActivity } from '../activities/service';
import { proposeClub } from '../clubs/service';
import {
  type NeedActor,
  type NeedOutcome,
  type NeedState,
  canMoveNeed,
  DEFAULT_REVIEW_AFTER_DAYS,
  needMoveExists,
  noteRequired,
  openNeedStates,
} from './rules';
import { type NeedCategory, type NeedResponseKind, type needBeneficiaries, needEvents, needResponses, needSettings, needs } from './schema';

type Batch = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

/** What a step says in a notification: "你登记的需求“…”已被认领". */
const stepText: Record<NeedState, { zh: string; en: string }> = {
  unclaimed: { zh: '重新等待认领', en: 'is waiting to be claimed again' },
  claimed: { zh: '已被认领', en: 'was claimed' },
  'became-activity': { zh: '已变成活动', en: 'became an activity' },
  solved: { zh: '已解决', en: 'was solved' },
  'wont-do': { zh: '决定不做', en: 'was declined' },
};

const outcomeText: Record<NeedOutcome, { zh: string; en: string }> = {
  activity: { zh: '已变成活动', en: 'became an activity' },
  club: { zh: '已变成社团提案', en: 'became a club proposal' },
  'program-task': { zh: '已交给项目落实', en: 'became a task of a program' },
};

export async function getNeed(db: TenantDb, id: number) {
  const [row] = await db.select().from(needs).where(eq(needs.id, id));
  if (!row) throw new AppError('not_found', 'No such need');
  return row;
}

export async function reviewAfterDays(db: TenantDb): Promise<number> {
  const [row] = await db.select({ days: needSettings.reviewAfterDays }).from(needSettings).where(eq(needSettings.id, 1));
  return row?.days ?? DEFAULT_REVIEW_AFTER_DAYS;
}

export async function setReviewAfterDays(db: TenantDb, days: number) {
  await db
    .insert(needSettings)
    .values({ id: 1, reviewAfterDays: days })
    .onConflictDoUpdate({ target: needSettings.id, set: { reviewAfterDays: days } });
  return days;
}

export interface PostNeedInput {
  title: string;
  description?: string;
  category: NeedCategory;
  beneficiary: (typeof needBeneficiaries)[number];
  /** A neighbour who is not online, for whom the poster writes the need down. */
  onBehalf?: { name: string; flat?: string };
}

/** `onBehalfBy`: the contact or administrator writing it down for `member`, an assisted resident (代为登记). */
export async function postNeed(db: TenantDb, member: MemberContext, input: PostNeedInput, onBehalfBy?: number) {
  if (input.onBehalf && input.beneficiary !== 'neighbour')
    throw new AppError('validation_failed', 'A need posted on behalf of someone is for a neighbour', {
      beneficiary: ['Choose "a neighbour" when posting on their behalf'],
    });
  const stamp = new Date().toISOString();
  // One batch: a need never exists without the first step of its path; the event finds the row by its poster and stamp.
  const [inserted] = await db.batch([
    db
      .insert(needs)
      .values({
        title: input.title,
        description: input.description ?? '',
        category: input.category,
        beneficiary: input.beneficiary,
        postedBy: member.id,
        onBehalfName: input.onBehalf?.name ?? null,
        onBehalfFlat: input.onBehalf?.flat?.trim() || null,
        onBehalfBy: onBehalfBy ?? null,
        state: 'unclaimed',
        stateSince: stamp,
        createdAt: stamp,
      })
      .returning({ id: needs.id }),
    db.insert(needEvents).select(
      db
        .select({
          id: sql<number>`NULL`.as('id'),
          needId: needs.id,
          fromState: sql<null>`NULL`.as('fromState'),
          toState: needs.state,
          actorMemberId: needs.postedBy,
          note: sql<string>`''`.as('note'),
          at: needs.createdAt,
        })
        .from(needs)
        .where(and(eq(needs.postedBy, member.id), eq(needs.createdAt, stamp))),
    ),
  ]);
  return inserted[0]!.id;
}

/**
 * The statements that move a need, for one batch: the conditional state change, then its event and the
 * notifications of the poster and of everyone who said "me too" — written only if the change happened (they find the
 * need in its new state with this move's stamp), so a second, concurrent move adds nothing.
 */
export function moveStatements(
  db: TenantDb,
  need: { id: number; state: NeedState; postedBy: number; title: string },
  to: NeedState,
  actorId: number,
  note: string,
  extra: Partial<typeof needs.$inferInsert> = {},
  condition?: SQL,
): Batch {
  const stamp = new Date().toISOString();
  const what = extra.outcome ? outcomeText[extra.outcome] : stepText[to];
  const tail = note ? { zh: `：${note}`, en: `: ${note}` } : { zh: '', en: '' };
  // Rows of the need only once this move has happened: in its new state, with this move's stamp.
  const movedNeed = and(eq(needs.id, need.id), eq(needs.state, to), eq(needs.stateSince, stamp));
  // Two moves to the same state in the same millisecond share a stamp: the losing one finds the winner's row as
  // "moved", so each notice is written only if that member has not had it for this move.
  const step = { zh: `${what.zh}${tail.zh}`, en: `${what.en}${tail.en}` };
  const shared = renderEvent({ kind: 'need.moved', params: { need: need.title, what: step, mine: false } });
  const poster = renderEvent({ kind: 'need.moved', params: { need: need.title, what: step, mine: true } });
  const sharedText = shared.zh;
  const posterText = poster.zh;
  const routing = {
    kind: sql<string>`'need.moved'`.as('kind'),
    link: sql<string>`${`/needs/${need.id}`}`.as('link'),
    delivery: sql<null>`NULL`.as('delivery'),
    routedAt: sql<null>`NULL`.as('routedAt'),
    digestKey: sql<null>`NULL`.as('digestKey'),
  };
  const notYetTold = (memberId: SQLWrapper, textZh: string) =>
    notExists(
      db
        .select({ one: sql`1` })
        .from(notifications)
        .where(and(sql`${notifications.memberId} = ${memberId}`, eq(notifications.textZh, textZh), eq(notifications.createdAt, stamp))),
    );
  const statements: Batch = [
    db
      .update(needs)
      .set({ state: to, stateSince: stamp, ...extra })
      .where(and(eq(needs.id, need.id), eq(needs.state, need.state), condition)),
    db.insert(needEvents).select(
      db
        .select({
          id: sql<number>`NULL`.as('id'),
          needId: needs.id,
          fromState: sql<NeedState>`${need.state}`.as('fromState'),
          toState: needs.state,
          actorMemberId: sql<number>`${actorId}`.as('actorMemberId'),
          note: sql<string>`${note}`.as('note'),
          at: needs.stateSince,
        })
        .from(needs)
        .where(
          and(
            movedNeed,
            notExists(
              db
                .select({ one: sql`1` })
                .from(needEvents)
                .where(and(eq(needEvents.needId, need.id), eq(needEvents.toState, to), eq(needEvents.at, stamp))),
            ),
          ),
        ),
    ),
    db.insert(notifications).select(
      db
        .select({
          id: sql<number>`NULL`.as('id'),
          memberId: needResponses.memberId,
          kind: routing.kind,
          issueId: sql<null>`NULL`.as('issueId'),
          link: routing.link,
          textZh: sql<string>`${sharedText}`.as('textZh'),
          textEn: sql<string>`${shared.en}`.as('textEn'),
          createdAt: needs.stateSince,
          readAt: sql<null>`NULL`.as('readAt'),
          delivery: routing.delivery,
          routedAt: routing.routedAt,
          digestKey: routing.digestKey,
        })
        .from(needResponses)
        .innerJoin(needs, movedNeed)
        .where(
          and(
            eq(needResponses.needId, need.id),
            eq(needResponses.kind, 'me-too'),
            notInArray(needResponses.memberId, [need.postedBy, actorId]),
            notYetTold(needResponses.memberId, sharedText),
          ),
        ),
    ),
  ];
  if (need.postedBy !== actorId) {
    statements.push(
      db.insert(notifications).select(
        db
          .select({
            id: sql<number>`NULL`.as('id'),
            memberId: needs.postedBy,
            kind: routing.kind,
            issueId: sql<null>`NULL`.as('issueId'),
            link: routing.link,
            textZh: sql<string>`${posterText}`.as('textZh'),
            textEn: sql<string>`${poster.en}`.as('textEn'),
            createdAt: needs.stateSince,
            readAt: sql<null>`NULL`.as('readAt'),
            delivery: routing.delivery,
            routedAt: routing.routedAt,
            digestKey: routing.digestKey,
          })
          .from(needs)
          .where(and(movedNeed, notYetTold(needs.postedBy, posterText))),
      ),
    );
  }
  return statements;
}

/** Runs a move's batch and answers 409 when the need changed meanwhile. */
async function runMove(db: TenantDb, id: number, statements: Batch, to: NeedState, check?: (n: typeof needs.$inferSelect) => boolean) {
  await db.batch(statements);
  const after = await getNeed(db, id);
  if (after.state !== to || (check && !check(after))) throw new AppError('conflict', 'The need changed meanwhile; reload');
  return after;
}

function refuseMove(from: NeedState, to: NeedState): never {
  if (!needMoveExists(from, to)) throw new AppError('conflict', `A need that is ${from} cannot become ${to}`);
  // The lifecycle gives this step to someone else (the claimant, a coordinator): the rule refuses, not the route.
  throw new AppError('forbidden', 'This step is taken by whoever claimed the need or a coordinator', { to: ['Not a step you take'] });
}

/** Claims an unclaimed need: one conditional write, so of two claims at once exactly one wins and the other is 409. */
export async function claimNeed(db: TenantDb, id: number, member: MemberContext) {
  const need = await getNeed(db, id);
  if (need.state !== 'unclaimed') throw new AppError('conflict', 'Someone has already claimed this need', { state: need.state });
  const stamp = new Date().toISOString();
  const statements = moveStatements(db, need, 'claimed', member.id, '', { claimedBy: member.id, claimedAt: stamp });
  await runMove(db, id, statements, 'claimed', (n) => n.claimedBy === member.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'conflict') throw new AppError('conflict', 'Someone has already claimed this need');
    throw error;
  });
}

/** Solves, declines (with a reason) or releases a need: a step of the lifecycle for one of the caller's actors. */
export async function moveNeed(
  db: TenantDb,
  id: number,
  member: MemberContext,
  actors: NeedActor[],
  input: { to: NeedState; note?: string },
) {
  const need = await getNeed(db, id);
  if (input.to === 'claimed' || input.to === 'became-activity')
    throw new AppError('validation_failed', 'Claim a need, or turn it into something, with their own steps', { to: ['Not here'] });
  if (!canMoveNeed(need.state, input.to, actors)) refuseMove(need.state, input.to);
  const note = input.note?.trim() ?? '';
  if (noteRequired(input.to) && !note) throw new AppError('validation_failed', 'Say why', { note: ['Required'] });
  const extra: Partial<typeof needs.$inferInsert> =
    input.to === 'unclaimed' ? { claimedBy: null, claimedAt: null } : { closingNote: note || null };
  return runMove(db, id, moveStatements(db, need, input.to, member.id, note, extra), input.to);
}

export type TurnInput =
  | {
      kind: 'activity';
      title: string;
      description?: string;
      startsAt: string;
      endsAt: string;
      place?: string;
      capacity: number;
      clubId?: number;
    }
  | { kind: 'club'; name: string; purpose: string; programKey?: string; meetingPattern?: string }
  | { kind: 'program-task'; programKey: string; note: string };

/**
 * Turns a claimed need into a draft activity, a club proposal or a program task, through those features' own
 * services; the caller becomes the activity's or club's responsible person (谁主张谁负责). The need records the link.
 */
export async function turnNeedInto(db: TenantDb, id: number, member: MemberContext, actors: NeedActor[], input: TurnInput) {
  const need = await getNeed(db, id);
  if (!canMoveNeed(need.state, 'became-activity', actors)) refuseMove(need.state, 'became-activity');
  const stillClaimed = eq(needs.claimedBy, need.claimedBy ?? -1);
  if (input.kind === 'program-task') {
    const [program] = await db.select({ key: programs.key }).from(programs).where(eq(programs.key, input.programKey));
    if (!program) throw new AppError('validation_failed', 'No such program', { programKey: ['No such program'] });
    const extra = { outcome: 'program-task' as const, programKey: program.key, closingNote: input.note };
    return runMove(db, id, moveStatements(db, need, 'became-activity', member.id, input.note, extra, stillClaimed), 'became-activity');
  }
  if (input.kind === 'club') {
    const clubId = await proposeClub(db, member, {
      name: input.name,
      purpose: input.purpose,
      programKey: input.programKey,
      meetingPattern: input.meetingPattern,
    });
    const extra = { outcome: 'club' as const, clubId };
    // The proposal stands even if the need moved meanwhile: it is the proposer's, and they can withdraw it.
    return runMove(db, id, moveStatements(db, need, 'became-activity', member.id, input.name, extra, stillClaimed), 'became-activity');
  }
  const activityId = await createActivity(db, member, {
    clubId: input.clubId ?? null,
    title: input.title,
    description: input.description ?? `${need.description}\n\n来自需求登记：${need.title}`.trim(),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    capacity: input.capacity,
    audience: 'residents',
    expectedParticipants: input.capacity,
    costLines: [],
  });
  try {
    const extra = { outcome: 'activity' as const, activityId };
    return await runMove(
      db,
      id,
      moveStatements(db, need, 'became-activity', member.id, input.title, extra, stillClaimed),
      'became-activity',
    );
  } catch (error) {
    // The need moved meanwhile: take the fresh draft back rather than leave an activity that came from nothing.
    await db.batch([
      db.delete(activityCostLines).where(eq(activityCostLines.activityId, activityId)),
      db.delete(activities).where(and(eq(activities.id, activityId), eq(activities.state, 'draft'))),
    ]);
    throw error;
  }
}

/** Says "me too" or "I can help", or takes it back (a toggle): once per member and kind, while the need is open. */
export async function toggleResponse(db: TenantDb, id: number, member: MemberContext, kind: NeedResponseKind, note?: string) {
  const need = await getNeed(db, id);
  if (!openNeedStates.includes(need.state)) throw new AppError('conflict', 'This need is closed');
  if (need.postedBy === member.id) throw new AppError('conflict', 'This is your own need');
  const added = await db
    .insert(needResponses)
    .values({ needId: id, memberId: member.id, kind, note: note?.trim() ?? '' })
    .onConflictDoNothing()
    .returning({ kind: needResponses.kind });
  if (added.length === 0) {
    await db
      .delete(needResponses)
      .where(and(eq(needResponses.needId, id), eq(needResponses.memberId, member.id), eq(needResponses.kind, kind)));
  }
  const count = await db.$count(needResponses, and(eq(needResponses.needId, id), eq(needResponses.kind, kind)));
  return { on: added.length > 0, count };
}
