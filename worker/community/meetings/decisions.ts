/** Deciding an item by the body's rule, what that does to the issue behind it, and bringing a blocked item back. */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { agendaItems, itemStances, meetingAttendance } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { getCommittee } from '../committees/service';
import { getIssue, moveStatements, recommendStatements } from '../issues/service';
import { assertInProgress } from './conduct';
import { DecisionInputError, decide, type Outcome, type Position, type Stance } from './rules';
import type { Meeting } from './schema';
import { addItem, type Batch, getItem, getMeeting } from './service';
import { bodyRule, type MeetingVoter, votersOf } from './voters';

/**
 * The stances the rule counts: each recorded position, and a voter marked present who has not stated one yet
 * (so a majority vote is not finished while someone in the room is still to be asked).
 */
function countedStances(
  voters: readonly MeetingVoter[],
  stances: { voter: string; position: Position; reason: string | null; written: boolean }[],
  attendance: { partyKey: string; attended: boolean }[],
): Stance[] {
  const absent = new Set(attendance.filter((a) => !a.attended).map((a) => a.partyKey));
  const present = new Set(attendance.filter((a) => a.attended).map((a) => a.partyKey));
  const result: Stance[] = stances.map((s) => ({
    voter: s.voter,
    attended: !s.written,
    position: s.position,
    reason: s.reason,
    written: s.written && absent.has(s.voter),
  }));
  for (const v of voters)
    if (present.has(v.key) && !stances.some((s) => s.voter === v.key)) result.push({ voter: v.key, attended: true, position: null });
  return result;
}

/** Applies the body's decision rule to the recorded positions; an adopted item needs its one published text. */
export async function decideItem(
  db: TenantDb,
  meetingId: number,
  itemId: number,
  member: MemberContext,
  decisionText?: string,
): Promise<Outcome> {
  const meeting = await getMeeting(db, meetingId);
  assertInProgress(meeting, 'decisions');
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome === 'adopted' || item.outcome === 'blocked')
    throw new AppError('conflict', 'This item is already decided; a block is brought back revised to a later meeting');
  const { rule } = await bodyRule(db, meeting.bodyKey);
  const voters = await votersOf(db, meeting);
  const [stances, attendance] = await db.batch([
    db.select().from(itemStances).where(eq(itemStances.itemId, itemId)),
    db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)),
  ]);
  let outcome: Outcome;
  try {
    outcome = decide(
      rule,
      voters.map((v) => v.key),
      countedStances(voters, stances, attendance),
    );
  } catch (error) {
    if (error instanceof DecisionInputError) throw new AppError('validation_failed', error.message, { stances: [error.message] });
    throw error;
  }
  const text = decisionText?.trim() ?? '';
  if (outcome.result === 'adopted' && !text) {
    throw new AppError('validation_failed', 'Write the decision as it will be published (one voice)', {
      decisionText: ['Required for an adopted item'],
    });
  }
  const adopted = outcome.result === 'adopted';
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(agendaItems)
      .set({ outcome: outcome.result, decisionText: adopted ? text : null, tally: outcome.tally })
      // A concurrent decision that already made the item final wins; this one then writes nothing.
      .where(and(eq(agendaItems.id, itemId), or(isNull(agendaItems.outcome), inArray(agendaItems.outcome, ['undecided', 'not-adopted'])))),
  ];
  if (item.issueId) statements.push(...(await issueEffects(db, meeting, item, outcome, text, member)));
  await db.batch(statements as Batch);
  const [after] = await db.select({ outcome: agendaItems.outcome }).from(agendaItems).where(eq(agendaItems.id, itemId));
  if (after?.outcome !== outcome.result) throw new AppError('conflict', 'The item was decided meanwhile; reload');
  return outcome;
}

/** What a decision does to the issue behind the item. */
async function issueEffects(
  db: TenantDb,
  meeting: Meeting,
  item: typeof agendaItems.$inferSelect,
  outcome: Outcome,
  text: string,
  member: MemberContext,
): Promise<BatchItem<'sqlite'>[]> {
  const issue = await getIssue(db, item.issueId!);
  const adopted = outcome.result === 'adopted';
  // A committee's adopted conclusion on an issue it studies is its recommendation, which goes on to the joint meeting.
  if (meeting.bodyKey === 'professional-committees') {
    if (
      adopted &&
      issue.state === 'referred' &&
      issue.bodyKey === 'professional-committees' &&
      issue.studyCommitteeId === meeting.committeeId
    ) {
      const committee = await getCommittee(db, meeting.committeeId!);
      return recommendStatements(db, issue, committee, text, member.id);
    }
    return [];
  }
  const decided = outcome.result === 'adopted' || outcome.result === 'not-adopted';
  const note = adopted ? text : '未获通过 / not adopted';
  const extra = { outcome: outcome.result as 'adopted' | 'not-adopted', decisionText: adopted ? text : null };
  if (issue.state === 'on-agenda' && decided) return moveStatements(db, issue, 'decided', member.id, note, extra);
  // A re-vote after "not adopted" in the same meeting: the issue follows the item's new outcome.
  if (issue.state === 'decided' && issue.outcome === 'not-adopted' && item.outcome === 'not-adopted') {
    if (decided) return moveStatements(db, issue, 'decided', member.id, note, extra);
    return moveStatements(
      db,
      issue,
      'on-agenda',
      member.id,
      outcome.result === 'blocked' ? '再次表决被阻止 / blocked on a new vote' : '再次表决未决 / undecided on a new vote',
      { outcome: null, decisionText: null },
    );
  }
  return [];
}

/** A blocked or undecided item comes back, revised, on a later meeting's agenda, once: the block is a path, not a dead end. */
export async function bringBack(
  db: TenantDb,
  meetingId: number,
  itemId: number,
  member: MemberContext,
  input: { toMeetingId: number; papers: string; presenter: string; minutesAllotted: number },
) {
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome !== 'blocked' && item.outcome !== 'undecided')
    throw new AppError('conflict', 'Only a blocked or undecided item is brought back');
  if (input.toMeetingId === meetingId)
    throw new AppError('validation_failed', 'Bring it back to a later meeting', { toMeetingId: ['Choose a later meeting'] });
  const [already] = await db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(eq(agendaItems.revisedFrom, itemId));
  if (already) throw new AppError('conflict', 'This item has already been brought back', { meetingId: already.meetingId });
  const [from, to] = await Promise.all([getMeeting(db, meetingId), getMeeting(db, input.toMeetingId)]);
  if (to.bodyKey !== from.bodyKey || to.committeeId !== from.committeeId)
    throw new AppError('validation_failed', 'Bring it back to a meeting of the same body', { toMeetingId: ['Same body'] });
  if (to.scheduledFor <= from.scheduledFor)
    throw new AppError('validation_failed', 'Bring it back to a later meeting', { toMeetingId: ['Choose a later meeting'] });
  await addItem(db, input.toMeetingId, member, {
    issueId: item.issueId ?? undefined,
    title: item.title,
    presenter: input.presenter,
    minutesAllotted: input.minutesAllotted,
    papers: input.papers,
    revisedFrom: item.id,
  });
}
