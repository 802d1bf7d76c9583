import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import { buildings, committees, communityProfile, issueEvents, issueSupports, issues, members } from '../../db/tenant-schema';
import { notifyFrom, notifyMember } from '../notifications/emit';
import { AppError } from '../../errors';
import type { MemberContext } from '../../http/context';
import { committeeActive, getCommittee } from '../committees/service';
import { wallClock } from '../profile/rules';
import { communityTimeZone } from '../profile/service';
import {
  canMoveIssue,
  defaultWaitLimits,
  type IssueActor,
  type IssueState,
  type IssueViewer,
  isOverdue,
  raiserVisibleTo,
  shownRaiser,
  waitingDays,
} from './rules';

const stateNames: Record<IssueState, { zh: string; en: string }> = {
  raised: { zh: '已提出', en: 'raised' },
  acknowledged: { zh: '楼栋联络人已受理', en: 'acknowledged by the building contact' },
  merged: { zh: '已与相同议题合并', en: 'merged with the same issue' },
  'resolved-directly': { zh: '已直接解决', en: 'resolved directly' },
  referred: { zh: '已提交议事', en: 'referred for discussion' },
  'on-agenda': { zh: '已列入会议议程', en: 'on a meeting agenda' },
  decided: { zh: '已作出决定', en: 'decided' },
  implementing: { zh: '正在落实', en: 'being implemented' },
  done: { zh: '已落实', en: 'done' },
  relayed: { zh: '已向楼栋传达', en: 'explained to the building' },
};

export async function getIssue(db: TenantDb, id: number) {
  const [row] = await db.select().from(issues).where(eq(issues.id, id));
  if (!row) throw new AppError('not_found', 'No such issue');
  return row;
}

/**
 * The statements that move an issue: the conditional state change, its event, and the raiser's
 * notification, for one batch. The state condition makes a concurrent second move a no-op.
 */
export function moveStatements(
  db: TenantDb,
  issue: { id: number; state: IssueState; raisedBy: number; title: string },
  to: IssueState,
  actorId: number | null,
  note: string,
  extra: Partial<typeof issues.$inferInsert> = {},
): BatchItem<'sqlite'>[] {
  const stamp = new Date().toISOString();
  return [
    db
      .update(issues)
      .set({ state: to, stateSince: stamp, ...extra })
      .where(and(eq(issues.id, issue.id), eq(issues.state, issue.state))),
    db.insert(issueEvents).values({ issueId: issue.id, fromState: issue.state, toState: to, actorMemberId: actorId, note, at: stamp }),
    notifyMember(db, issue.raisedBy, {
      kind: 'issue.moved',
      params: { issue: issue.title, step: stateNames[to], note: note ? { zh: note, en: note } : undefined },
      issueId: issue.id,
      link: `/issues/${issue.id}`,
    }),
  ];
}

/**
 * A committee's recommendation on an issue it studied: recorded on the issue, which goes on to the joint meeting
 * (still referred, now to the joint meeting), with the step on its path and the raiser notified. One batch.
 */
export function recommendStatements(
  db: TenantDb,
  issue: { id: number; state: IssueState; raisedBy: number; title: string },
  committee: { id: number; name: string },
  text: string,
  actorId: number,
): BatchItem<'sqlite'>[] {
  const stamp = new Date().toISOString();
  const note = `「${committee.name}」建议：${text}；转交多方联席会议`;
  return [
    db
      .update(issues)
      .set({ bodyKey: 'joint-meeting', recommendation: text, recommendedAt: stamp, stateSince: stamp })
      .where(
        and(
          eq(issues.id, issue.id),
          eq(issues.state, 'referred'),
          eq(issues.bodyKey, 'professional-committees'),
          eq(issues.studyCommitteeId, committee.id),
        ),
      ),
    db
      .insert(issueEvents)
      .values({ issueId: issue.id, fromState: 'referred', toState: 'referred', actorMemberId: actorId, note, at: stamp }),
    notifyMember(db, issue.raisedBy, {
      kind: 'issue.moved',
      params: { issue: issue.title, note: { zh: note, en: `${committee.name} recommends: ${text}; it goes on to the joint meeting` } },
      issueId: issue.id,
      link: `/issues/${issue.id}`,
    }),
  ];
}

/** Only the committee studying the issue (its resident members) or a coordinator records its recommendation. */
export async function recommend(db: TenantDb, id: number, member: MemberContext, text: string) {
  const issue = await getIssue(db, id);
  if (issue.state !== 'referred' || issue.bodyKey !== 'professional-committees' || issue.studyCommitteeId === null) {
    throw new AppError('conflict', 'Only an issue referred to a committee for study takes its recommendation');
  }
  const committee = await getCommittee(db, issue.studyCommitteeId);
  const [first, ...rest] = recommendStatements(db, issue, committee, text, member.id);
  await db.batch([first!, ...rest]);
  const after = await getIssue(db, id);
  if (after.bodyKey !== 'joint-meeting' || after.recommendation !== text)
    throw new AppError('conflict', 'The issue changed meanwhile; reload');
}

/** After the joint meeting adopts a decision, a committee can be assigned to help carry it out. */
export async function assignAssist(db: TenantDb, id: number, member: MemberContext, committeeId: number) {
  const issue = await getIssue(db, id);
  if (issue.outcome !== 'adopted' || !['decided', 'implementing'].includes(issue.state))
    throw new AppError('conflict', 'A committee assists once a decision is adopted and until it is done');
  if (issue.assistCommitteeId !== null) throw new AppError('conflict', 'A committee is already assisting');
  const committee = await getCommittee(db, committeeId).catch(() => {
    throw new AppError('validation_failed', 'No such committee', { committeeId: ['No such committee'] });
  });
  if (!committeeActive(committee, wallClock(Date.now(), await communityTimeZone(db)).date))
    throw new AppError('validation_failed', 'This ad hoc group has ended', { committeeId: ['Ended'] });
  const stamp = new Date().toISOString();
  const note = `「${committee.name}」协助落实`;
  await db.batch([
    db
      .update(issues)
      .set({ assistCommitteeId: committee.id })
      .where(and(eq(issues.id, id), sql`${issues.assistCommitteeId} IS NULL`)),
    db.insert(issueEvents).values({ issueId: id, fromState: issue.state, toState: issue.state, actorMemberId: member.id, note, at: stamp }),
    notifyMember(db, issue.raisedBy, {
      kind: 'issue.moved',
      params: { issue: issue.title, note: { zh: note, en: `${committee.name} assists implementation` } },
      issueId: id,
      link: `/issues/${id}`,
    }),
  ]);
}

export async function raiseIssue(
  db: TenantDb,
  member: MemberContext,
  input: {
    title: string;
    description: string;
    category: (typeof issues.$inferInsert)['category'];
    buildingId?: number;
    /** □ 对外匿名: only the association's coordinators see who raised it. */
    anonymous?: boolean;
  },
  /** The contact or administrator recording it for `member`, an assisted resident (代为登记). */
  onBehalfBy?: number,
) {
  if (input.buildingId !== undefined) {
    const [b] = await db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, input.buildingId));
    if (!b) throw new AppError('validation_failed', 'No such building', { buildingId: ['No such building'] });
  }
  // One batch: an issue never exists without the first step of its path (the batch runs alone, so MAX(id) is this one).
  const [inserted] = await db.batch([
    db
      .insert(issues)
      .values({
        title: input.title,
        description: input.description,
        category: input.category,
        buildingId: input.buildingId ?? null,
        raisedBy: member.id,
        onBehalfBy: onBehalfBy ?? null,
        state: 'raised',
        anonymous: input.anonymous ?? false,
      })
      .returning({ id: issues.id }),
    db.insert(issueEvents).values({
      issueId: sql`(SELECT MAX(id) FROM issues WHERE raised_by = ${member.id})`,
      fromState: null,
      toState: 'raised',
      actorMemberId: onBehalfBy ?? member.id,
    }),
  ]);
  return inserted[0]!.id;
}

export async function supportIssue(db: TenantDb, id: number, member: MemberContext) {
  await getIssue(db, id);
  await db.insert(issueSupports).values({ issueId: id, memberId: member.id }).onConflictDoNothing();
}

export interface MoveInput {
  to: IssueState;
  note?: string;
  mergedInto?: number;
  bodyKey?: string;
  committeeId?: number;
  outcome?: 'adopted' | 'not-adopted' | 'deferred';
  owner?: string;
  dueOn?: string;
}

/** A person moves an issue one step, if one of the roles they act in (`actors`, resolved by the route) takes it. */
export async function moveIssue(db: TenantDb, id: number, member: MemberContext, actors: IssueActor[], input: MoveInput) {
  const issue = await getIssue(db, id);
  if (!actors.some((a) => canMoveIssue(issue.state, input.to, a))) {
    const anyone = (['contact', 'coordinator', 'meeting'] as IssueActor[]).some((a) => canMoveIssue(issue.state, input.to, a));
    if (!anyone) throw new AppError('conflict', `An issue that is ${issue.state} cannot become ${input.to}`);
    // The lifecycle gives this step to another role (a coordinator's step, say): the rule, not the route, refuses it.
    throw new AppError('forbidden', 'This step is taken by a coordinator', { to: ['Not a step your role takes'] });
  }
  const extra: Partial<typeof issues.$inferInsert> = {};
  let note = input.note?.trim() ?? '';
  if (input.to === 'merged') {
    if (!input.mergedInto || input.mergedInto === id)
      throw new AppError('validation_failed', 'Name the issue it duplicates', { mergedInto: ['Required'] });
    await getIssue(db, input.mergedInto);
    extra.mergedInto = input.mergedInto;
  }
  if (input.to === 'resolved-directly' && !input.note?.trim())
    throw new AppError('validation_failed', 'Record how it was resolved', { note: ['Required'] });
  if (input.to === 'referred') {
    if (!input.bodyKey) throw new AppError('validation_failed', 'Name the body it goes to', { bodyKey: ['Required'] });
    extra.bodyKey = input.bodyKey;
    if (input.bodyKey === 'professional-committees') {
      if (!input.committeeId) throw new AppError('validation_failed', 'Name the committee that studies it', { committeeId: ['Required'] });
      const committee = await getCommittee(db, input.committeeId).catch(() => {
        throw new AppError('validation_failed', 'No such committee', { committeeId: ['No such committee'] });
      });
      if (!committeeActive(committee, wallClock(Date.now(), await communityTimeZone(db)).date))
        throw new AppError('validation_failed', 'This ad hoc group has ended', { committeeId: ['Ended'] });
      extra.studyCommitteeId = committee.id;
      if (!note) note = `交由「${committee.name}」研究`;
    } else if (input.committeeId) {
      throw new AppError('validation_failed', 'Only a referral to the professional committees names a committee', {
        committeeId: ['Only for the professional committees'],
      });
    }
  }
  if (input.to === 'decided') {
    if (input.outcome !== 'deferred' || !input.note?.trim())
      throw new AppError('validation_failed', 'Outside a meeting an issue can only be deferred, with a reason', {
        outcome: ['Only "deferred" with a note'],
      });
    extra.outcome = 'deferred';
  }
  if (input.to === 'implementing') {
    if (issue.outcome !== 'adopted') throw new AppError('conflict', 'Only an adopted decision is implemented');
    if (!input.owner?.trim() || !input.dueOn)
      throw new AppError('validation_failed', 'Name an owner and a due date', { owner: ['Required'], dueOn: ['Required'] });
    extra.implementationOwner = input.owner.trim();
    extra.dueOn = input.dueOn;
  }
  const [first, ...rest] = moveStatements(db, issue, input.to, member.id, note, extra);
  if (input.to === 'relayed' && issue.buildingId !== null) {
    const [building] = await db.select({ name: buildings.name }).from(buildings).where(eq(buildings.id, issue.buildingId));
    rest.push(relayedStatement(db, issue, building?.name ?? '', member.id, note));
  }
  await db.batch([first!, ...rest]);
  const after = await getIssue(db, id);
  if (after.state !== input.to) throw new AppError('conflict', 'The issue changed meanwhile; reload');
  return after;
}

/**
 * The decision, back to the building it came from: its residents hear it (the raiser already hears of the step),
 * only if the issue did become relayed in the same batch.
 */
function relayedStatement(db: TenantDb, issue: typeof issues.$inferSelect, building: string, actorId: number, note: string) {
  const decision = issue.decisionText?.trim() || note;
  return notifyFrom(
    db,
    {
      kind: 'decision.relayed',
      params: { issue: issue.title, decision, building },
      issueId: issue.id,
      link: `/issues/${issue.id}`,
    },
    sql`SELECT id AS member_id FROM members
         WHERE building_id = ${issue.buildingId} AND status = 'active' AND id NOT IN (${actorId}, ${issue.raisedBy})
           AND EXISTS (SELECT 1 FROM issues WHERE id = ${issue.id} AND state = 'relayed')`,
  );
}

/** The community's own wait limits over the defaults. */
export async function waitLimits(db: TenantDb) {
  const [profile] = await db.select({ limits: communityProfile.issueWaitLimits }).from(communityProfile);
  return { ...defaultWaitLimits, ...(profile?.limits ?? {}) } as typeof defaultWaitLimits;
}

export async function listIssues(db: TenantDb, now: Date, viewer: IssueViewer) {
  const limits = await waitLimits(db);
  const rows = await db
    .select({
      id: issues.id,
      title: issues.title,
      category: issues.category,
      state: issues.state,
      buildingId: issues.buildingId,
      buildingName: buildings.name,
      bodyKey: issues.bodyKey,
      studyCommitteeId: issues.studyCommitteeId,
      outcome: issues.outcome,
      stateSince: issues.stateSince,
      createdAt: issues.createdAt,
      raisedBy: issues.raisedBy,
      anonymous: issues.anonymous,
      supports: sql<number>`(SELECT COUNT(*) FROM ${issueSupports} WHERE ${issueSupports.issueId} = ${issues.id})`,
      supportedByMe: sql<number>`EXISTS (SELECT 1 FROM ${issueSupports} WHERE ${issueSupports.issueId} = ${issues.id} AND ${issueSupports.memberId} = ${viewer.id})`,
    })
    .from(issues)
    .leftJoin(buildings, eq(buildings.id, issues.buildingId))
    .orderBy(desc(issues.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    ...shownRaiser(r, viewer),
    supports: Number(r.supports),
    supportedByMe: Boolean(r.supportedByMe),
    waitingDays: waitingDays(r.stateSince, now),
    overdue: isOverdue(r.state, r.stateSince, now, limits),
  }));
}

export async function issueDetail(db: TenantDb, id: number, now: Date, viewer: IssueViewer) {
  const issue = await getIssue(db, id);
  const raiserShown = raiserVisibleTo(issue, viewer);
  const committeeIds = [issue.studyCommitteeId, issue.assistCommitteeId].filter((x): x is number => x !== null);
  const [events, supports, raiser, mine, committeeRows, recorder] = await db.batch([
    db
      .select({
        fromState: issueEvents.fromState,
        toState: issueEvents.toState,
        note: issueEvents.note,
        at: issueEvents.at,
        actorId: issueEvents.actorMemberId,
        actor: members.displayName,
      })
      .from(issueEvents)
      .leftJoin(members, eq(members.id, issueEvents.actorMemberId))
      .where(eq(issueEvents.issueId, id))
      .orderBy(asc(issueEvents.id)),
    db.select({ n: sql<number>`COUNT(*)` }).from(issueSupports).where(eq(issueSupports.issueId, id)),
    db.select({ displayName: members.displayName }).from(members).where(eq(members.id, issue.raisedBy)),
    db
      .select({ n: sql<number>`COUNT(*)` })
      .from(issueSupports)
      .where(and(eq(issueSupports.issueId, id), eq(issueSupports.memberId, viewer.id))),
    db
      .select({ id: committees.id, name: committees.name })
      .from(committees)
      .where(inArray(committees.id, committeeIds.length ? committeeIds : [-1])),
    db
      .select({ displayName: members.displayName })
      .from(members)
      .where(eq(members.id, issue.onBehalfBy ?? -1)),
  ]);
  const committee = (cid: number | null) => committeeRows.find((c) => c.id === cid) ?? null;
  // Time spent in each state, from the path's dates.
  const stages = events.map((e, i) => {
    const until = events[i + 1]?.at ?? now.toISOString();
    return { state: e.toState as IssueState, from: e.at, days: waitingDays(e.at, new Date(until)) };
  });
  return {
    ...issue,
    ...shownRaiser(issue, viewer),
    raiserName: raiserShown ? (raiser[0]?.displayName ?? null) : null,
    /** 由 X 代为登记: who recorded it for an assisted resident (hidden with the raiser of an anonymous issue). */
    onBehalfName: raiserShown ? (recorder[0]?.displayName ?? null) : null,
    supports: Number(supports[0]?.n ?? 0),
    supportedByMe: Number(mine[0]?.n ?? 0) > 0,
    studyCommittee: committee(issue.studyCommitteeId),
    assistCommittee: committee(issue.assistCommitteeId),
    // The raiser's own steps (raising it, first of all) name them only to those who may know who raised it.
    events: events.map(({ actorId, actor, ...e }) => {
      const byRaiser = actorId === issue.raisedBy;
      return { ...e, byRaiser, actor: byRaiser && !raiserShown ? null : actor };
    }),
    stages,
    waitingDays: waitingDays(issue.stateSince, now),
    overdue: isOverdue(issue.state, issue.stateSince, now, await waitLimits(db)),
  };
}
