import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { clubs } from '../clubs/schema';
import { issueEvents, issues } from '../issues/schema';
import { members } from '../members/schema';
import { slotRequests, spaces } from './schema';

type SpaceRow = typeof spaces.$inferSelect;

/** A space as the API shows it: its photo, when it has one, is served like an activity photo. */
export const spaceView = (row: SpaceRow) => ({ ...row, photoUrl: row.photoId === null ? null : `/api/photos/${row.photoId}` });

/**
 * A contested regular slot goes to the federation as an issue already referred to it, with both steps on its path;
 * one batch, so there is never an issue without its history.
 */
export async function requestSlot(
  db: TenantDb,
  memberId: number,
  title: string,
  request: { spaceId: number; clubId: number | null; slot: string; reason: string },
): Promise<number> {
  const reason = request.reason;
  // In the batch the new issue is the newest row of the table: the batch runs alone, in one transaction.
  const newest = sql`(SELECT MAX(id) FROM issues WHERE raised_by = ${memberId})`;
  const [inserted] = await db.batch([
    db
      .insert(issues)
      .values({ title, description: reason, category: 'facilities', raisedBy: memberId, state: 'referred', bodyKey: 'federation' })
      .returning({ id: issues.id }),
    db.insert(issueEvents).values([
      { issueId: newest, fromState: null, toState: 'raised', actorMemberId: memberId },
      { issueId: newest, fromState: 'raised', toState: 'referred', actorMemberId: memberId, note: '提交社群联合会协调公共空间' },
    ]),
    db.insert(slotRequests).values({
      spaceId: request.spaceId,
      issueId: newest,
      clubId: request.clubId,
      slot: request.slot,
      reason,
      requestedBy: memberId,
    }),
  ]);
  return inserted[0]!.id;
}

/** Slot requests, those waiting for the federation first, with the space, the club and who asked. */
export async function listSlotRequests(db: TenantDb, spaceId?: number) {
  const rows = await db
    .select({
      id: slotRequests.id,
      spaceId: slotRequests.spaceId,
      spaceName: spaces.name,
      issueId: slotRequests.issueId,
      clubName: clubs.name,
      slot: slotRequests.slot,
      reason: slotRequests.reason,
      requestedBy: members.displayName,
      createdAt: slotRequests.createdAt,
      status: slotRequests.status,
      decidedAt: slotRequests.decidedAt,
      decisionNote: slotRequests.decisionNote,
    })
    .from(slotRequests)
    .innerJoin(spaces, eq(spaces.id, slotRequests.spaceId))
    .innerJoin(members, eq(members.id, slotRequests.requestedBy))
    .leftJoin(clubs, eq(clubs.id, slotRequests.clubId))
    .where(spaceId === undefined ? undefined : eq(slotRequests.spaceId, spaceId))
    .orderBy(desc(slotRequests.id))
    .limit(200);
  return [...rows.filter((r) => r.status === 'pending'), ...rows.filter((r) => r.status !== 'pending')];
}

/**
 * The federation grants or declines a slot request: the request is decided, and its issue walks on-agenda → decided
 * with the outcome, in one batch conditional on the request still waiting.
 */
export async function decideSlotRequest(db: TenantDb, id: number, deciderId: number, grant: boolean, note: string | undefined) {
  const [request] = await db.select().from(slotRequests).where(eq(slotRequests.id, id));
  if (!request) throw new AppError('not_found', 'No such slot request');
  if (request.status !== 'pending') throw new AppError('conflict', 'This slot request has already been decided');
  const decidedAt = new Date().toISOString();
  const status = grant ? ('granted' as const) : ('declined' as const);
  const text = note || (grant ? '社群联合会同意该时段申请' : '社群联合会未同意该时段申请');
  const stillOurs = sql`EXISTS (SELECT 1 FROM slot_requests WHERE id = ${id} AND status = ${status} AND decided_at = ${decidedAt})`;
  const [marked] = await db.batch([
    db
      .update(slotRequests)
      .set({ status, decidedBy: deciderId, decidedAt, decisionNote: note ?? null })
      .where(and(eq(slotRequests.id, id), eq(slotRequests.status, 'pending')))
      .returning({ id: slotRequests.id }),
    db
      .update(issues)
      .set({ state: 'decided', outcome: grant ? 'adopted' : 'not-adopted', decisionText: text, stateSince: decidedAt })
      .where(and(eq(issues.id, request.issueId), eq(issues.state, 'referred'), stillOurs)),
    db
      .insert(issueEvents)
      .select(sql`SELECT NULL, ${request.issueId}, 'referred', 'decided', ${deciderId}, ${text}, ${decidedAt} WHERE ${stillOurs}`),
  ]);
  if (marked.length === 0) throw new AppError('conflict', 'This slot request has already been decided');
  return { status, spaceId: request.spaceId, issueId: request.issueId };
}
