import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { actionItems, agendaItems, bodies, bodyParties, itemStances, meetingAttendance, meetings, parties } from '../../db/tenant-schema';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { isAdmin } from '../clubs/service';
import { checkStance, DecisionInputError, decide, type Outcome, type Position } from '../governance/decision-rules';
import { getIssue, isCoordinator, moveStatements } from '../issues/service';

function assertCoordinator(member: MemberContext) {
  if (!isCoordinator(member)) throw new AppError('forbidden', 'Only administrators and party representatives organise meetings');
}

export async function getMeeting(db: TenantDb, id: number) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw new AppError('not_found', 'No such meeting');
  return row;
}

async function getItem(db: TenantDb, meetingId: number, itemId: number) {
  const [item] = await db.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
  if (!item) throw new AppError('not_found', 'No such agenda item');
  return item;
}

/** Who votes in a body: its member parties (the joint meeting), and its decision rule. */
export async function bodyRule(db: TenantDb, bodyKey: string) {
  const [body] = await db.select().from(bodies).where(eq(bodies.key, bodyKey));
  if (!body) throw new AppError('validation_failed', 'No such body', { bodyKey: ['No such body'] });
  const voters = (await db.select({ partyKey: bodyParties.partyKey }).from(bodyParties).where(eq(bodyParties.bodyKey, bodyKey))).map((r) => r.partyKey);
  return { body, voters, rule: body.decisionRule ?? 'majority' };
}

export async function createMeeting(db: TenantDb, member: MemberContext, input: { bodyKey: string; title: string; scheduledFor: string }) {
  assertCoordinator(member);
  const { voters } = await bodyRule(db, input.bodyKey);
  if (voters.length === 0) throw new AppError('conflict', 'This body has no member parties to meet yet');
  const [row] = await db.insert(meetings).values({ ...input, status: 'scheduled', createdBy: member.id }).returning({ id: meetings.id });
  return row!.id;
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

export async function addItem(db: TenantDb, meetingId: number, member: MemberContext, input: { issueId?: number; title?: string; presenter: string; minutesAllotted: number; papers?: string; revisedFrom?: number }) {
  assertCoordinator(member);
  const meeting = await getMeeting(db, meetingId);
  if (meeting.status === 'closed') throw new AppError('conflict', 'This meeting is closed');
  const issue = input.issueId ? await getIssue(db, input.issueId) : null;
  if (issue && !['referred', 'on-agenda'].includes(issue.state)) throw new AppError('conflict', 'Only a referred issue goes on an agenda');
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
  if (issue && issue.state === 'referred') statements.push(...moveStatements(db, issue, 'on-agenda', member.id, `${meeting.title}`));
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

/** A party's representative records whether the party attended. */
export async function recordAttendance(db: TenantDb, meetingId: number, member: MemberContext, partyKey: string, attended: boolean) {
  const meeting = await getMeeting(db, meetingId);
  if (meeting.status === 'closed') throw new AppError('conflict', 'A closed meeting cannot change');
  assertSpeaksFor(member, partyKey);
  await db
    .insert(meetingAttendance)
    .values({ meetingId, partyKey, attended, recordedBy: member.id })
    .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.partyKey], set: { attended, recordedBy: member.id } });
}

/** Only a party's own representatives speak for it; the association's administrators speak for the association. */
function assertSpeaksFor(member: MemberContext, partyKey: string) {
  const represents = member.roles.some((r) => r.role === 'party-representative' && r.partyKey === partyKey);
  const associationAdmin = partyKey === 'association' && isAdmin(member);
  if (!represents && !associationAdmin) throw new AppError('forbidden', "Only the party's representatives record its attendance and positions");
}

export async function recordStance(db: TenantDb, meetingId: number, itemId: number, member: MemberContext, input: { partyKey: string; position: Position; reason?: string; written?: boolean }) {
  const meeting = await getMeeting(db, meetingId);
  if (meeting.status === 'closed') throw new AppError('conflict', 'Positions are final once the meeting is closed');
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome && item.outcome !== 'undecided' && item.outcome !== 'not-adopted') throw new AppError('conflict', 'This item is already decided');
  const { voters } = await bodyRule(db, meeting.bodyKey);
  if (!voters.includes(input.partyKey)) throw new AppError('validation_failed', 'That party does not sit on this body', { partyKey: ['Not a member party'] });
  assertSpeaksFor(member, input.partyKey);
  const problem = checkStance({ voter: input.partyKey, attended: !input.written, position: input.position, reason: input.reason ?? null, written: input.written ?? false });
  if (problem) throw new AppError('validation_failed', problem, { reason: [problem] });
  await db
    .insert(itemStances)
    .values({ itemId, voter: input.partyKey, position: input.position, reason: input.reason?.trim() || null, written: input.written ?? false, recordedBy: member.id })
    .onConflictDoUpdate({
      target: [itemStances.itemId, itemStances.voter],
      set: { position: input.position, reason: input.reason?.trim() || null, written: input.written ?? false, recordedBy: member.id, recordedAt: new Date().toISOString() },
    });
}

/** Applies the body's decision rule to the recorded positions; an adopted item needs its one published text. */
export async function decideItem(db: TenantDb, meetingId: number, itemId: number, member: MemberContext, decisionText?: string): Promise<Outcome> {
  assertCoordinator(member);
  const meeting = await getMeeting(db, meetingId);
  if (meeting.status === 'closed') throw new AppError('conflict', 'A closed meeting cannot change');
  const item = await getItem(db, meetingId, itemId);
  const { voters, rule } = await bodyRule(db, meeting.bodyKey);
  const [stances, attendance] = await db.batch([
    db.select().from(itemStances).where(eq(itemStances.itemId, itemId)),
    db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)),
  ]);
  const absent = new Set(attendance.filter((a) => !a.attended).map((a) => a.partyKey));
  let outcome: Outcome;
  try {
    // A position stated at the meeting means the party was there; a written one counts only for an absent party.
    outcome = decide(
      rule,
      voters,
      stances.map((s) => ({ voter: s.voter, attended: !s.written, position: s.position, reason: s.reason, written: s.written && absent.has(s.voter) })),
    );
  } catch (error) {
    if (error instanceof DecisionInputError) throw new AppError('validation_failed', error.message, { stances: [error.message] });
    throw error;
  }
  if (outcome.result === 'adopted' && !decisionText?.trim()) {
    throw new AppError('validation_failed', 'Write the decision as it will be published (one voice)', { decisionText: ['Required for an adopted item'] });
  }
  const statements: BatchItem<'sqlite'>[] = [
    db.update(agendaItems).set({ outcome: outcome.result, decisionText: outcome.result === 'adopted' ? decisionText!.trim() : null }).where(eq(agendaItems.id, itemId)),
  ];
  if (item.issueId) {
    const issue = await getIssue(db, item.issueId);
    if (issue.state === 'on-agenda' && (outcome.result === 'adopted' || outcome.result === 'not-adopted')) {
      statements.push(
        ...moveStatements(db, issue, 'decided', member.id, outcome.result === 'adopted' ? decisionText!.trim() : '未获通过 / not adopted', {
          outcome: outcome.result,
          decisionText: outcome.result === 'adopted' ? decisionText!.trim() : null,
        }),
      );
    }
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return outcome;
}

/** A blocked or undecided item comes back, revised, on a later meeting's agenda: the block is a path, not a dead end. */
export async function bringBack(db: TenantDb, meetingId: number, itemId: number, member: MemberContext, input: { toMeetingId: number; papers: string; presenter: string; minutesAllotted: number }) {
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome !== 'blocked' && item.outcome !== 'undecided') throw new AppError('conflict', 'Only a blocked or undecided item is brought back');
  if (input.toMeetingId === meetingId) throw new AppError('validation_failed', 'Bring it back to a later meeting', { toMeetingId: ['Choose a later meeting'] });
  await addItem(db, input.toMeetingId, member, { issueId: item.issueId ?? undefined, title: item.title, presenter: input.presenter, minutesAllotted: input.minutesAllotted, papers: input.papers, revisedFrom: item.id });
}

export async function meetingDetail(db: TenantDb, id: number) {
  const meeting = await getMeeting(db, id);
  const { voters, rule, body } = await bodyRule(db, meeting.bodyKey);
  const [items, attendance, partyRows] = await db.batch([
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position)),
    db.select({ partyKey: meetingAttendance.partyKey, attended: meetingAttendance.attended }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, id)),
    db.select({ key: parties.key, titleZh: parties.titleZh, titleEn: parties.titleEn, organisationName: parties.organisationName }).from(parties),
  ]);
  const ids = items.map((i) => i.id);
  const [stances, actions] = ids.length
    ? await db.batch([db.select().from(itemStances).where(inArray(itemStances.itemId, ids)), db.select().from(actionItems).where(inArray(actionItems.itemId, ids))])
    : [[], []];
  return {
    ...meeting,
    body: { key: body.key, name: { zh: body.nameZh, en: body.nameEn }, rule },
    voters: voters.map((v) => {
      const p = partyRows.find((r) => r.key === v);
      return { key: v, title: { zh: p?.titleZh ?? v, en: p?.titleEn ?? v }, organisationName: p?.organisationName ?? null, attended: attendance.find((a) => a.partyKey === v)?.attended ?? null };
    }),
    items: items.map((i) => ({
      ...i,
      stances: stances.filter((s) => s.itemId === i.id).map((s) => ({ voter: s.voter, position: s.position, reason: s.reason, written: s.written })),
      actions: actions.filter((a) => a.itemId === i.id),
    })),
  };
}

/** Closing freezes positions and decisions and drafts the minutes from the record. */
export async function closeMeeting(db: TenantDb, id: number, member: MemberContext) {
  assertCoordinator(member);
  const detail = await meetingDetail(db, id);
  if (detail.status === 'closed') throw new AppError('conflict', 'Already closed');
  const minutes = draftMinutes(detail);
  await db.update(meetings).set({ status: 'closed', closedAt: new Date().toISOString(), minutes }).where(and(eq(meetings.id, id), inArray(meetings.status, ['scheduled', 'in-progress'])));
}

const positionZh: Record<string, string> = { agree: '同意', object: '反对', block: '阻止', abstain: '弃权' };
const outcomeZh: Record<string, string> = { adopted: '通过', blocked: '被阻止，待修改后再议', 'not-adopted': '未通过', undecided: '未决，移至下次会议' };

/** Minutes (会议纪要) drafted from the meeting record: attendance, items, positions, decisions, action items. */
export function draftMinutes(detail: Awaited<ReturnType<typeof meetingDetail>>): string {
  const lines = [`# ${detail.title} 会议纪要`, '', `时间：${detail.scheduledFor.slice(0, 16).replace('T', ' ')}　议事规则：${detail.body.rule === 'unanimity' ? '全体同意' : '多数通过'}`, '', '## 出席'];
  for (const v of detail.voters) lines.push(`- ${v.title.zh}${v.organisationName ? `（${v.organisationName}）` : ''}：${v.attended === true ? '出席' : v.attended === false ? '缺席' : '未登记'}`);
  for (const [n, item] of detail.items.entries()) {
    lines.push('', `## 议题 ${n + 1}：${item.title}`, `报告人：${item.presenter}`);
    for (const s of item.stances) lines.push(`- ${detail.voters.find((v) => v.key === s.voter)?.title.zh ?? s.voter}：${positionZh[s.position]}${s.written ? '（书面）' : ''}${s.reason ? `，理由：${s.reason}` : ''}`);
    lines.push(`- 结果：${item.outcome ? outcomeZh[item.outcome] : '未表决'}`);
    if (item.decisionText) lines.push(`- 决定：${item.decisionText}`);
    for (const a of item.actions) lines.push(`- 落实事项：${a.description}（负责人：${a.owner}，截止：${a.dueOn}）`);
  }
  return lines.join('\n');
}

/** The approved minutes go out with one voice; after publishing they do not change. */
export async function publishMinutes(db: TenantDb, id: number, member: MemberContext, text: string) {
  assertCoordinator(member);
  const meeting = await getMeeting(db, id);
  if (meeting.status !== 'closed') throw new AppError('conflict', 'Close the meeting before publishing its minutes');
  if (meeting.minutesPublishedAt) throw new AppError('conflict', 'The minutes are already published');
  await db.update(meetings).set({ minutes: text, minutesPublishedAt: new Date().toISOString() }).where(and(eq(meetings.id, id), eq(meetings.status, 'closed')));
}

export async function addAction(db: TenantDb, meetingId: number, itemId: number, member: MemberContext, input: { description: string; owner: string; dueOn: string }) {
  assertCoordinator(member);
  const item = await getItem(db, meetingId, itemId);
  if (item.outcome !== 'adopted') throw new AppError('conflict', 'Action items follow an adopted decision');
  await db.insert(actionItems).values({ itemId, ...input });
}

export async function completeAction(db: TenantDb, actionId: number, member: MemberContext) {
  assertCoordinator(member);
  const done = await db.update(actionItems).set({ doneAt: new Date().toISOString() }).where(eq(actionItems.id, actionId)).returning({ id: actionItems.id });
  if (done.length === 0) throw new AppError('not_found', 'No such action item');
}

export async function listMeetings(db: TenantDb) {
  return db.select().from(meetings).orderBy(desc(meetings.scheduledFor)).limit(100);
}

