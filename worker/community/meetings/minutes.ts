/** After a meeting: closing it, its minutes (drafted, published, amended) and the action items its decisions bring. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { actionItems, agendaItems, issues, meetings, minutesAmendments } from '../../db/tenant-schema';
import { notifyMembersIf } from '../notifications/emit';
import { peopleOf } from './voters';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { meetingDetail } from './read';
import type { Tally } from './rules';
import { getItem, getMeeting } from './service';

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
export async function publishMinutes(db: TenantDb, id: number, member: MemberContext, text: string) {
  const meeting = await getMeeting(db, id);
  if (meeting.status !== 'closed') throw new AppError('conflict', 'Close the meeting before publishing its minutes');
  if (meeting.minutesPublishedAt) throw new AppError('conflict', 'The minutes are already published; add a recorded amendment instead');
  // Those who sat at it and the residents whose issues were on its agenda.
  const raisers = await db
    .select({ memberId: issues.raisedBy })
    .from(agendaItems)
    .innerJoin(issues, eq(issues.id, agendaItems.issueId))
    .where(eq(agendaItems.meetingId, id));
  const people = [...(await peopleOf(db, meeting)), ...raisers.map((r) => r.memberId)].filter((m) => m !== member.id);
  const publishedAt = new Date().toISOString();
  const [done] = await db.batch([
    db
      .update(meetings)
      .set({ minutes: text, minutesPublishedAt: publishedAt })
      .where(and(eq(meetings.id, id), eq(meetings.status, 'closed'), isNull(meetings.minutesPublishedAt)))
      .returning({ id: meetings.id }),
    ...notifyMembersIf(
      db,
      people,
      { kind: 'meeting.minutes-published', params: { meeting: meeting.title }, link: `/meetings/${id}` },
      sql`EXISTS (SELECT 1 FROM meetings WHERE id = ${id} AND minutes_published_at = ${publishedAt})`,
    ),
  ]);
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
