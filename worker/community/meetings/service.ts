import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import {
  actionItems,
  agendaItems,
  bodies,
  bodyParties,
  clubMembers,
  clubs,
  committeeMembers,
  committees,
  itemStances,
  meetingAttendance,
  meetings,
  meetingVoters,
  members,
  minutesAmendments,
  parties,
} from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { speaksFor } from '../../auth/roles';
import { getCommittee } from '../committees/service';
import { checkStance, DecisionInputError, decide, type Outcome, type Position, type Stance, type Tally } from './rules';
import { getIssue, moveStatements, recommendStatements } from '../issues/service';

type Meeting = typeof meetings.$inferSelect;
type Batch = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

/** One voter of a meeting: a party of the joint meeting, or a person on a committee or in the federation. */
export interface MeetingVoter {
  key: string;
  kind: 'party' | 'member' | 'expert';
  title: { zh: string; en: string };
  /** The party's organisation, or the clubs a federation member leads. */
  organisationName: string | null;
  memberId: number | null;
}

export async function getMeeting(db: TenantDb, id: number) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw new AppError('not_found', 'No such meeting');
  return row;
}

async function getItem(db: TenantDb, meetingId: number, itemId: number) {
  const [item] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw new AppError('not_found', 'No such agenda item');
  return item;
}

/** A body and its decision rule: unanimity for the joint meeting, majority for committees and the federation. */
export async function bodyRule(db: TenantDb, bodyKey: string) {
  const [body] = await db.select().from(bodies).where(eq(bodies.key, bodyKey));
  if (!body) throw new AppError('validation_failed', 'No such body', { bodyKey: ['No such body'] });
  return { body, rule: body.decisionRule ?? 'majority' };
}

/**
 * Who votes in a body now: its member parties (the joint meeting), the named committee's members (residents and
 * outside experts), or the leaders and responsible persons of the community's active clubs (the federation).
 */
export async function currentVoters(db: TenantDb, meeting: { bodyKey: string; committeeId: number | null }): Promise<MeetingVoter[]> {
  if (meeting.bodyKey === 'professional-committees') {
    if (meeting.committeeId === null) return [];
    const rows = await db
      .select({
        id: committeeMembers.id,
        memberId: committeeMembers.memberId,
        externalName: committeeMembers.externalName,
        expertise: committeeMembers.expertise,
        displayName: members.displayName,
      })
      .from(committeeMembers)
      .leftJoin(members, eq(members.id, committeeMembers.memberId))
      .where(eq(committeeMembers.committeeId, meeting.committeeId))
      .orderBy(asc(committeeMembers.id));
    const seen = new Set<string>();
    const voters: MeetingVoter[] = [];
    for (const r of rows) {
      const key = r.memberId !== null ? `member:${r.memberId}` : `expert:${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = r.displayName ?? r.externalName ?? key;
      voters.push({
        key,
        kind: r.memberId !== null ? 'member' : 'expert',
        title: { zh: name, en: name },
        organisationName: r.expertise || null,
        memberId: r.memberId,
      });
    }
    return voters;
  }
  if (meeting.bodyKey === 'federation') {
    const [leaders, responsible] = await db.batch([
      db
        .select({ memberId: clubMembers.memberId, displayName: members.displayName, clubName: clubs.name })
        .from(clubMembers)
        .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
        .innerJoin(members, eq(members.id, clubMembers.memberId))
        .where(and(eq(clubMembers.role, 'leader'), eq(clubs.status, 'active'))),
      db
        .select({ memberId: clubs.responsibleMemberId, displayName: members.displayName, clubName: clubs.name })
        .from(clubs)
        .innerJoin(members, eq(members.id, clubs.responsibleMemberId))
        .where(eq(clubs.status, 'active')),
    ]);
    // One vote per person, however many clubs they lead.
    const byMember = new Map<number, { name: string; clubs: Set<string> }>();
    for (const r of [...responsible, ...leaders]) {
      const entry = byMember.get(r.memberId) ?? { name: r.displayName, clubs: new Set<string>() };
      entry.clubs.add(r.clubName);
      byMember.set(r.memberId, entry);
    }
    return [...byMember.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([memberId, e]) => ({
        key: `member:${memberId}`,
        kind: 'member' as const,
        title: { zh: e.name, en: e.name },
        organisationName: [...e.clubs].sort().join('、'),
        memberId,
      }));
  }
  const rows = await db
    .select({ key: parties.key, titleZh: parties.titleZh, titleEn: parties.titleEn, organisationName: parties.organisationName })
    .from(bodyParties)
    .innerJoin(parties, eq(parties.key, bodyParties.partyKey))
    .where(eq(bodyParties.bodyKey, meeting.bodyKey))
    .orderBy(asc(parties.position));
  return rows.map((p) => ({
    key: p.key,
    kind: 'party' as const,
    title: { zh: p.titleZh, en: p.titleEn },
    organisationName: p.organisationName,
    memberId: null,
  }));
}

/** The voters of a meeting: fixed when it was opened, so later changes of membership do not rewrite its votes. */
export async function votersOf(db: TenantDb, meeting: Meeting): Promise<MeetingVoter[]> {
  if (meeting.status === 'scheduled') return currentVoters(db, meeting);
  const [fixed, partyRows] = await db.batch([
    db.select().from(meetingVoters).where(eq(meetingVoters.meetingId, meeting.id)).orderBy(asc(meetingVoters.position)),
    db
      .select({ key: parties.key, titleZh: parties.titleZh, titleEn: parties.titleEn, organisationName: parties.organisationName })
      .from(parties),
  ]);
  // Meetings opened before voters were fixed read them as they are now.
  if (fixed.length === 0) return currentVoters(db, meeting);
  return fixed.map((v) => {
    const party = v.kind === 'party' ? partyRows.find((p) => p.key === v.voter) : undefined;
    return {
      key: v.voter,
      kind: v.kind,
      title: party ? { zh: party.titleZh, en: party.titleEn } : { zh: v.name, en: v.name },
      organisationName: party ? party.organisationName : v.detail,
      memberId: v.memberId,
    };
  });
}

function assertInProgress(meeting: Meeting, what: string) {
  if (meeting.status === 'closed')
    throw new AppError('conflict', `The meeting is closed: ${what} are final; add a recorded amendment instead`);
  if (meeting.status !== 'in-progress') throw new AppError('conflict', `Open the meeting before recording ${what}`);
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
    await getCommittee(db, input.committeeId).catch(() => {
      throw new AppError('validation_failed', 'No such committee', { committeeId: ['No such committee'] });
    });
  } else if (input.committeeId) {
    throw new AppError('validation_failed', 'Only a meeting of the professional committees names a committee', {
      committeeId: ['Only for a committee meeting'],
    });
  }
  const committeeId = input.committeeId ?? null;
  const voters = await currentVoters(db, { bodyKey: input.bodyKey, committeeId });
  if (voters.length === 0)
    throw new AppError('conflict', 'This body has no one to vote yet (member parties, committee members or active clubs)');
  const [row] = await db
    .insert(meetings)
    .values({
      bodyKey: input.bodyKey,
      title: input.title,
      scheduledFor: input.scheduledFor,
      committeeId,
      status: 'scheduled',
      createdBy: member.id,
    })
    .returning({ id: meetings.id });
  return row!.id;
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

/** Months (YYYY-MM) in the last twelve, up to this one, in which a body held no meeting: the cadence tracker. */
export async function monthsWithoutMeeting(db: TenantDb, bodyKey: string, now: Date) {
  const rows = await db.select({ at: meetings.scheduledFor }).from(meetings).where(eq(meetings.bodyKey, bodyKey));
  const held = new Set(rows.map((r) => r.at.slice(0, 7)));
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const key = d.toISOString().slice(0, 7);
    if (!held.has(key)) months.push(key);
  }
  return months;
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

async function voterOf(db: TenantDb, meeting: Meeting, voterKey: string) {
  const voter = (await votersOf(db, meeting)).find((v) => v.key === voterKey);
  if (!voter) throw new AppError('validation_failed', 'That voter does not sit on this body', { voter: ['Not a voter of this meeting'] });
  return voter;
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

/** The meeting's record; `viewer` and whether they chair it (resolved by the route) shape what they may do here. */
export async function meetingDetail(db: TenantDb, id: number, viewer: MemberContext, isChair: boolean) {
  const meeting = await getMeeting(db, id);
  const { rule, body } = await bodyRule(db, meeting.bodyKey);
  const voters = await votersOf(db, meeting);
  const [items, attendance, amendments, committeeRows] = await db.batch([
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position)),
    db
      .select({ partyKey: meetingAttendance.partyKey, attended: meetingAttendance.attended, recordedBy: meetingAttendance.recordedBy })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, id)),
    db
      .select({
        id: minutesAmendments.id,
        text: minutesAmendments.text,
        reason: minutesAmendments.reason,
        recordedAt: minutesAmendments.recordedAt,
        recordedBy: members.displayName,
      })
      .from(minutesAmendments)
      .innerJoin(members, eq(members.id, minutesAmendments.recordedBy))
      .where(eq(minutesAmendments.meetingId, id))
      .orderBy(asc(minutesAmendments.id)),
    db
      .select({ id: committees.id, name: committees.name })
      .from(committees)
      .where(eq(committees.id, meeting.committeeId ?? -1)),
  ]);
  const ids = items.map((i) => i.id);
  const [stances, actions, broughtBack] = ids.length
    ? await db.batch([
        db
          .select({
            itemId: itemStances.itemId,
            voter: itemStances.voter,
            position: itemStances.position,
            reason: itemStances.reason,
            written: itemStances.written,
            recordedBy: itemStances.recordedBy,
            recordedByName: members.displayName,
          })
          .from(itemStances)
          .leftJoin(members, eq(members.id, itemStances.recordedBy))
          .where(inArray(itemStances.itemId, ids)),
        db.select().from(actionItems).where(inArray(actionItems.itemId, ids)),
        db
          .select({ revisedFrom: agendaItems.revisedFrom, meetingId: agendaItems.meetingId })
          .from(agendaItems)
          .where(inArray(agendaItems.revisedFrom, ids)),
      ])
    : [[], [], []];
  const memberOf = (key: string) => voters.find((v) => v.key === key)?.memberId ?? null;
  /** Recorded by the chair on a person's behalf (a show of hands), not by the person. */
  const onBehalf = (key: string, recordedBy: number | null) => {
    const v = voters.find((x) => x.key === key);
    return v !== undefined && v.kind !== 'party' && recordedBy !== memberOf(key);
  };
  return {
    ...meeting,
    committee: committeeRows[0] ?? null,
    body: { key: body.key, name: { zh: body.nameZh, en: body.nameEn }, rule },
    voters: voters.map((v) => {
      const a = attendance.find((x) => x.partyKey === v.key);
      return { ...v, attended: a?.attended ?? null, attendanceByChair: a ? onBehalf(v.key, a.recordedBy) : false };
    }),
    items: items.map((i) => ({
      ...i,
      broughtBackTo: broughtBack.find((b) => b.revisedFrom === i.id)?.meetingId ?? null,
      stances: stances
        .filter((s) => s.itemId === i.id)
        .map((s) => ({
          voter: s.voter,
          position: s.position,
          reason: s.reason,
          written: s.written,
          byChair: onBehalf(s.voter, s.recordedBy),
          recordedBy: s.recordedByName,
        })),
      actions: actions.filter((a) => a.itemId === i.id),
    })),
    amendments,
    /** What the reader may do here: chair it, and record for which voters. */
    you: { chairs: isChair, recordsFor: voters.filter((v) => speaksFor(viewer, v.key, isChair)).map((v) => v.key) },
  };
}

/** Closing freezes positions and decisions and drafts the minutes from the record. */
export async function closeMeeting(db: TenantDb, id: number, member: MemberContext) {
  const detail = await meetingDetail(db, id, member, true);
  if (detail.status === 'closed') throw new AppError('conflict', 'Already closed');
  if (detail.status !== 'in-progress') throw new AppError('conflict', 'Open the meeting before closing it');
  const minutes = draftMinutes(detail);
  const done = await db
    .update(meetings)
    .set({ status: 'closed', closedAt: new Date().toISOString(), minutes })
    .where(and(eq(meetings.id, id), eq(meetings.status, 'in-progress')))
    .returning({ id: meetings.id });
  if (done.length === 0) throw new AppError('conflict', 'Already closed');
}

const positionZh: Record<string, string> = { agree: '同意', object: '反对', block: '阻止', abstain: '弃权' };
const outcomeZh: Record<string, string> = {
  adopted: '通过',
  blocked: '被阻止，待修改后再议',
  'not-adopted': '未通过',
  undecided: '未决，移至下次会议',
};

/** "同意 3，反对 1，阻止 0，弃权 0，未表态 1（出席 4）" — the count behind an outcome. */
export function tallyLine(tally: Tally, rule: 'unanimity' | 'majority') {
  const against = rule === 'majority' ? `反对 ${tally.object + tally.block}` : `反对 ${tally.object}，阻止 ${tally.block}`;
  return `同意 ${tally.agree}，${against}，弃权 ${tally.abstain}，未表态 ${tally.missing}（出席 ${tally.present}）`;
}

/** Minutes (会议纪要) drafted from the meeting record: attendance, items, positions, tallies, decisions, action items. */
export function draftMinutes(detail: Awaited<ReturnType<typeof meetingDetail>>): string {
  const heading = detail.committee ? `${detail.committee.name}：${detail.title}` : detail.title;
  const lines = [
    `# ${heading} 会议纪要`,
    '',
    `时间：${detail.scheduledFor.slice(0, 16).replace('T', ' ')}　议事规则：${detail.body.rule === 'unanimity' ? '全体同意' : '多数通过'}`,
    '',
    '## 出席',
  ];
  for (const v of detail.voters) {
    const status = v.attended === true ? '出席' : v.attended === false ? '缺席' : '未登记';
    lines.push(
      `- ${v.title.zh}${v.organisationName ? `（${v.organisationName}）` : ''}：${status}${v.attendanceByChair ? '（主持人登记）' : ''}`,
    );
  }
  for (const [n, item] of detail.items.entries()) {
    lines.push('', `## 议题 ${n + 1}：${item.title}`, `报告人：${item.presenter}`);
    const order = (voter: string) => detail.voters.findIndex((v) => v.key === voter);
    for (const s of [...item.stances].sort((a, b) => order(a.voter) - order(b.voter))) {
      const name = detail.voters.find((v) => v.key === s.voter)?.title.zh ?? s.voter;
      lines.push(
        `- ${name}：${positionZh[s.position]}${s.written ? '（书面）' : ''}${s.byChair ? '（举手表决，主持人登记）' : ''}${s.reason ? `，理由：${s.reason}` : ''}`,
      );
    }
    if (item.tally) lines.push(`- 表决：${tallyLine(item.tally, detail.body.rule)}`);
    lines.push(`- 结果：${item.outcome ? outcomeZh[item.outcome] : '未表决'}`);
    if (item.decisionText) lines.push(`- 决定：${item.decisionText}`);
    for (const a of item.actions) lines.push(`- 落实事项：${a.description}（负责人：${a.owner}，截止：${a.dueOn}）`);
  }
  return lines.join('\n');
}

/** The approved minutes go out with one voice; after publishing they do not change. */
export async function publishMinutes(db: TenantDb, id: number, _member: MemberContext, text: string) {
  const meeting = await getMeeting(db, id);
  if (meeting.status !== 'closed') throw new AppError('conflict', 'Close the meeting before publishing its minutes');
  if (meeting.minutesPublishedAt) throw new AppError('conflict', 'The minutes are already published; add a recorded amendment instead');
  const done = await db
    .update(meetings)
    .set({ minutes: text, minutesPublishedAt: new Date().toISOString() })
    .where(and(eq(meetings.id, id), eq(meetings.status, 'closed'), isNull(meetings.minutesPublishedAt)))
    .returning({ id: meetings.id });
  if (done.length === 0) throw new AppError('conflict', 'The minutes are already published');
}

/**
 * A correction to a closed meeting's record: its text, why, who and when, shown beside the minutes. The record
 * itself never changes (a database trigger refuses it too); amendments are append-only.
 */
export async function addAmendment(db: TenantDb, id: number, member: MemberContext, input: { text: string; reason: string }) {
  const meeting = await getMeeting(db, id);
  if (meeting.status !== 'closed') throw new AppError('conflict', 'Until the meeting is closed, correct the record itself');
  const [row] = await db
    .insert(minutesAmendments)
    .values({ meetingId: id, text: input.text, reason: input.reason, recordedBy: member.id })
    .returning({ id: minutesAmendments.id });
  return row!.id;
}

export async function addAction(
  db: TenantDb,
  meetingId: number,
  itemId: number,
  _member: MemberContext,
  input: { description: string; owner: string; dueOn: string },
) {
  const _meeting = await getMeeting(db, meetingId);
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome !== 'adopted') throw new AppError('conflict', 'Action items follow an adopted decision');
  await db.insert(actionItems).values({ itemId, ...input });
}

export async function completeAction(db: TenantDb, actionId: number, _member: MemberContext) {
  const done = await db
    .update(actionItems)
    .set({ doneAt: new Date().toISOString() })
    .where(eq(actionItems.id, actionId))
    .returning({ id: actionItems.id });
  if (done.length === 0) throw new AppError('not_found', 'No such action item');
}

export async function listMeetings(db: TenantDb) {
  return db
    .select({
      id: meetings.id,
      bodyKey: meetings.bodyKey,
      title: meetings.title,
      scheduledFor: meetings.scheduledFor,
      status: meetings.status,
      minutesPublishedAt: meetings.minutesPublishedAt,
      committeeId: meetings.committeeId,
      committeeName: committees.name,
    })
    .from(meetings)
    .leftJoin(committees, eq(committees.id, meetings.committeeId))
    .orderBy(desc(meetings.scheduledFor))
    .limit(100);
}
