/** Running a meeting: opening it (its voters are fixed), attendance and each voter's position on an item. */
import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { itemStances, meetingAttendance, meetings, meetingVoters } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { checkStance, type Position } from './rules';
import type { Meeting } from './schema';
import { type Batch, getItem, getMeeting } from './service';
import { currentVoters, voterOf } from './voters';

/** Attendance, positions and decisions are recorded only while the meeting is in progress. */
export function assertInProgress(meeting: Meeting, what: string) {
  if (meeting.status === 'closed')
    throw new AppError('conflict', `The meeting is closed: ${what} are final; add a recorded amendment instead`);
  if (meeting.status !== 'in-progress') throw new AppError('conflict', `Open the meeting before recording ${what}`);
}

/** The chair opens the meeting: its voters are fixed, and attendance and positions can be recorded. */
export async function openMeeting(db: TenantDb, id: number, _member: MemberContext) {
  const meeting = await getMeeting(db, id);
  if (meeting.status !== 'scheduled')
    throw new AppError('conflict', meeting.status === 'closed' ? 'This meeting is closed' : 'This meeting is already open');
  const voters = await currentVoters(db, meeting);
  if (voters.length === 0) throw new AppError('conflict', 'This body has no one to vote yet');
  try {
    await db.batch([
      db
        .update(meetings)
        .set({ status: 'in-progress', openedAt: new Date().toISOString() })
        .where(and(eq(meetings.id, id), eq(meetings.status, 'scheduled'))),
      ...voters.map((v, n) =>
        db.insert(meetingVoters).values({
          meetingId: id,
          voter: v.key,
          kind: v.kind,
          name: v.title.zh,
          detail: v.organisationName,
          memberId: v.memberId,
          position: n,
        }),
      ),
    ] as Batch);
  } catch (error) {
    // Two chairs opening at once: the second batch meets the first one's voters and writes nothing.
    if (String(error).includes('UNIQUE')) throw new AppError('conflict', 'This meeting is already open');
    throw error;
  }
}

/** Attendance per voter: a party by its representatives, a person by themself or by the chair. */
export async function recordAttendance(db: TenantDb, meetingId: number, member: MemberContext, voterKey: string, attended: boolean) {
  const meeting = await getMeeting(db, meetingId);
  assertInProgress(meeting, 'attendance');
  const _voter = await voterOf(db, meeting, voterKey);
  await db
    .insert(meetingAttendance)
    .values({ meetingId, partyKey: voterKey, attended, recordedBy: member.id })
    .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.partyKey], set: { attended, recordedBy: member.id } });
}

export async function recordStance(
  db: TenantDb,
  meetingId: number,
  itemId: number,
  member: MemberContext,
  input: { voter: string; position: Position; reason?: string; written?: boolean },
) {
  const meeting = await getMeeting(db, meetingId);
  assertInProgress(meeting, 'positions');
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome === 'adopted' || item.outcome === 'blocked') throw new AppError('conflict', 'This item is already decided');
  const _voter = await voterOf(db, meeting, input.voter);

  const problem = checkStance({
    voter: input.voter,
    attended: !input.written,
    position: input.position,
    reason: input.reason ?? null,
    written: input.written ?? false,
  });
  if (problem) throw new AppError('validation_failed', problem, { reason: [problem] });
  const reason = input.reason?.trim() || null;
  const written = input.written ?? false;
  await db
    .insert(itemStances)
    .values({ itemId, voter: input.voter, position: input.position, reason, written, recordedBy: member.id })
    .onConflictDoUpdate({
      target: [itemStances.itemId, itemStances.voter],
      set: { position: input.position, reason, written, recordedBy: member.id, recordedAt: new Date().toISOString() },
    });
}
