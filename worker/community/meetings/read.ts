/** What the meeting pages show: a meeting's record, the list of meetings, the published decisions. */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import {
  actionItems,
  agendaItems,
  committees,
  itemStances,
  meetingAttendance,
  meetings,
  members,
  minutesAmendments,
} from '../../db/tenant-schema';
import type { MemberContext } from '../../http/context';
import { speaksFor } from '../../auth/roles';
import { getMeeting } from './service';
import { bodyRule, votersOf } from './voters';

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

/** Decisions adopted at meetings whose minutes are published, each in its one published text, latest meeting first. */
export async function listDecisions(db: TenantDb) {
  const rows = await db
    .select({
      itemId: agendaItems.id,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      title: agendaItems.title,
      decisionText: agendaItems.decisionText,
      issueId: agendaItems.issueId,
      publishedAt: meetings.minutesPublishedAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(agendaItems.outcome, 'adopted'))
    .orderBy(desc(meetings.scheduledFor));
  return rows.filter((r) => r.publishedAt);
}
