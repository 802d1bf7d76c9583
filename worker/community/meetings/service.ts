/** Scheduling a meeting and its agenda: the meeting and its items, the cadence tracker. */
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { agendaItems, meetings } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { getCommittee } from '../committees/service';
import { getIssue, moveStatements } from '../issues/service';
import { eventTime, notifyFrom, notifyMembersIf } from '../notifications/emit';
import { communitySettings } from '../profile/service';
import { bodyRule, currentVoters, peopleOf } from './voters';
import { lastMonths, monthIn } from '../programs/rules';
import { communityTimeZone } from '../profile/service';

/** The statements of one `db.batch()`: at least one. */
export type Batch = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

export async function getMeeting(db: TenantDb, id: number) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw new AppError('not_found', 'No such meeting');
  return row;
}

/** An item on this meeting's agenda; an item of another meeting is not found. */
export async function getItem(db: TenantDb, meetingId: number, itemId: number) {
  const [item] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw new AppError('not_found', 'No such agenda item');
  return item;
}

export async function createMeeting(
  db: TenantDb,
  member: MemberContext,
  input: { bodyKey: string; title: string; scheduledFor: string; committeeId?: number },
) {
  await bodyRule(db, input.bodyKey);
  if (input.bodyKey === 'professional-committees') {
    if (!input.committeeId)
      throw new AppError('validation_failed', 'Name the committee that meets', { committeeId: ['Required for a committee meeting'] });
    const committee = await getCommittee(db, input.committeeId).catch(() => {
      throw new AppError('validation_failed', 'No such committee', { committeeId: ['No such committee'] });
    });
    if (committee.closedAt !== null)
      throw new AppError('conflict', 'This committee is closed; it holds no new meetings', { committeeId: ['Closed'] });
  } else if (input.committeeId) {
    throw new AppError('validation_failed', 'Only a meeting of the professional committees names a committee', {
      committeeId: ['Only for a committee meeting'],
    });
  }
  const committeeId = input.committeeId ?? null;
  const voters = await currentVoters(db, { bodyKey: input.bodyKey, committeeId });
  if (voters.length === 0)
    throw new AppError('conflict', 'This body has no one to vote yet (member parties, committee members or active clubs)');
  const partyKeys = voters.filter((v) => v.kind === 'party').map((v) => v.key);
  const people = voters.flatMap((v) => (v.memberId === null || v.memberId === member.id ? [] : [v.memberId]));
  const { timeZone } = await communitySettings(db);
  // The new meeting is the newest row of the batch's own transaction; its voters hear of it in the same batch.
  const newest = sql`(SELECT MAX(id) FROM meetings)`;
  const [inserted] = await db.batch([
    db
      .insert(meetings)
      .values({
        bodyKey: input.bodyKey,
        title: input.title,
        scheduledFor: input.scheduledFor,
        committeeId,
        status: 'scheduled',
        createdBy: member.id,
      })
      .returning({ id: meetings.id }),
    notifyFrom(
      db,
      { kind: 'meeting.scheduled', params: { meeting: input.title, when: eventTime(input.scheduledFor, timeZone) } },
      sql`SELECT value AS member_id FROM json_each(${JSON.stringify(people)})
          UNION SELECT member_id FROM member_roles
           WHERE role = 'party-representative' AND party_key IN (SELECT value FROM json_each(${JSON.stringify(partyKeys)})) AND member_id <> ${member.id}`,
      sql`'/meetings/' || ${newest}`,
    ),
  ]);
  return inserted[0]!.id;
}

/**
 * The chair sends the meeting's papers (its agenda and each item's papers) to everyone who sits at it; the meeting
 * keeps when they first went out, so the page can show whether they reached people seven days ahead. One batch.
 */
export async function sendPapers(db: TenantDb, id: number, member: MemberContext) {
  const meeting = await getMeeting(db, id);
  if (meeting.status !== 'scheduled') throw new AppError('conflict', 'Papers go out before the meeting opens');
  const items = await db.$count(agendaItems, eq(agendaItems.meetingId, id));
  if (items === 0) throw new AppError('conflict', 'Put at least one item on the agenda before sending the papers');
  const people = (await peopleOf(db, meeting)).filter((m) => m !== member.id);
  const { timeZone } = await communitySettings(db);
  const event = {
    kind: 'meeting.papers-out' as const,
    params: { meeting: meeting.title, when: eventTime(meeting.scheduledFor, timeZone), items },
    link: `/meetings/${id}`,
  };
  await db.batch([
    db
      .update(meetings)
      .set({ papersSentAt: sql`coalesce(${meetings.papersSentAt}, ${new Date().toISOString()})` })
      .where(and(eq(meetings.id, id), eq(meetings.status, 'scheduled'))),
    ...notifyMembersIf(db, people, event, sql`EXISTS (SELECT 1 FROM meetings WHERE id = ${id} AND status = 'scheduled')`),
  ]);
  return { items, recipients: people.length };
}

/** When the papers of a meeting first went out, if they did. */
export async function papersSentAt(db: TenantDb, id: number): Promise<string | null> {
  const [row] = await db.select({ at: meetings.papersSentAt }).from(meetings).where(eq(meetings.id, id));
  return row?.at ?? null;
}

/** Months (YYYY-MM, on the community's calendar) in the last twelve, up to this one, in which a body held no meeting: the cadence tracker. */
export async function monthsWithoutMeeting(db: TenantDb, bodyKey: string, now: Date) {
  const [rows, timeZone] = await Promise.all([
    db.select({ at: meetings.scheduledFor }).from(meetings).where(eq(meetings.bodyKey, bodyKey)),
    communityTimeZone(db),
  ]);
  const held = new Set(rows.map((r) => monthIn(r.at, timeZone)));
  return lastMonths(now, timeZone, 12).filter((month) => !held.has(month));
}

export async function addItem(
  db: TenantDb,
  meetingId: number,
  member: MemberContext,
  input: { issueId?: number; title?: string; presenter: string; minutesAllotted: number; papers?: string; revisedFrom?: number },
) {
  const meeting = await getMeeting(db, meetingId);
  if (meeting.status === 'closed') throw new AppError('conflict', 'This meeting is closed');
  const issue = input.issueId ? await getIssue(db, input.issueId) : null;
  if (issue) {
    if (!['referred', 'on-agenda'].includes(issue.state)) throw new AppError('conflict', 'Only a referred issue goes on an agenda');
    if (issue.bodyKey && issue.bodyKey !== meeting.bodyKey) throw new AppError('conflict', 'This issue was referred to another body');
    if (meeting.bodyKey === 'professional-committees' && issue.studyCommitteeId !== meeting.committeeId)
      throw new AppError('conflict', 'This issue is studied by another committee');
  }
  const title = input.title?.trim() || issue?.title;
  if (!title) throw new AppError('validation_failed', 'Give the item a title', { title: ['Required'] });
  const position = (await db.$count(agendaItems, eq(agendaItems.meetingId, meetingId))) + 1;
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(agendaItems).values({
      meetingId,
      issueId: issue?.id ?? null,
      title,
      presenter: input.presenter,
      minutesAllotted: input.minutesAllotted,
      papers: input.papers ?? '',
      position,
      revisedFrom: input.revisedFrom ?? null,
    }),
  ];
  // A committee studies an issue at its meeting without the issue leaving the committee; elsewhere it is on the agenda.
  if (issue && issue.state === 'referred' && meeting.bodyKey !== 'professional-committees')
    statements.push(...moveStatements(db, issue, 'on-agenda', member.id, `${meeting.title}`));
  try {
    await db.batch(statements as Batch);
  } catch (error) {
    if (input.revisedFrom && String(error).includes('UNIQUE')) throw new AppError('conflict', 'This item has already been brought back');
    throw error;
  }
}
