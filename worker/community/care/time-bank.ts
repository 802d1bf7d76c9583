import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { members } from '../members/schema';
import { coordinatorIds, notifyFrom } from './notify';
import { giftProblem, hoursOf, withdrawalProblem } from './rules';
import { timeBankEntries } from './schema';

const balanceSql = (memberId: number) => sql`(SELECT COALESCE(SUM(e.minutes), 0) FROM time_bank_entries e WHERE e.member_id = ${memberId})`;

export async function balanceMinutes(db: TenantDb, memberId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`COALESCE(SUM(${timeBankEntries.minutes}), 0)` })
    .from(timeBankEntries)
    .where(eq(timeBankEntries.memberId, memberId));
  return Number(row?.n ?? 0);
}

/** A member's time bank: balance, statement (newest first) and the members of their household to give hours to. */
export async function timeBankOf(db: TenantDb, memberId: number) {
  const counterpart = alias(members, 'counterpart');
  const [entries, [me]] = await db.batch([
    db
      .select({
        id: timeBankEntries.id,
        kind: timeBankEntries.kind,
        minutes: timeBankEntries.minutes,
        note: timeBankEntries.note,
        counterpart: counterpart.displayName,
        createdAt: timeBankEntries.createdAt,
      })
      .from(timeBankEntries)
      .leftJoin(counterpart, eq(counterpart.id, timeBankEntries.counterpartId))
      .where(eq(timeBankEntries.memberId, memberId))
      .orderBy(desc(timeBankEntries.id)),
    db.select({ buildingId: members.buildingId, household: members.household }).from(members).where(eq(members.id, memberId)),
  ]);
  const family =
    me?.buildingId && me.household
      ? await db
          .select({ id: members.id, name: members.displayName })
          .from(members)
          .where(
            and(
              eq(members.buildingId, me.buildingId),
              eq(members.household, me.household),
              ne(members.id, memberId),
              eq(members.status, 'active'),
            ),
          )
      : [];
  const balance = entries.reduce((n, e) => n + e.minutes, 0);
  return { balanceMinutes: balance, balanceHours: hoursOf(balance), entries, family };
}

/**
 * Gives banked hours to another member (a family member). The debit is an insert…select that checks the balance in
 * the same statement, and the credit is written only if that debit was: of two gifts of the same hours at once,
 * one is refused, and no balance goes below zero.
 */
export async function giveHours(db: TenantDb, fromId: number, toId: number, minutes: number, note: string) {
  const problem = giftProblem(fromId, toId) ?? withdrawalProblem(Number.MAX_SAFE_INTEGER, minutes);
  if (problem) throw new AppError('validation_failed', problem, { [problem.includes('someone') ? 'toMemberId' : 'minutes']: [problem] });
  const [to] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, toId), eq(members.status, 'active')));
  if (!to) throw new AppError('not_found', 'No such member');
  const key = crypto.randomUUID();
  const at = new Date().toISOString();
  const [out] = await db.batch([
    db
      .insert(timeBankEntries)
      .select(
        sql`SELECT NULL, ${fromId}, 'gift-out', ${-minutes}, NULL, ${toId}, ${key}, ${note}, ${at} WHERE ${balanceSql(fromId)} >= ${minutes}`,
      )
      .returning({ id: timeBankEntries.id }),
    db.insert(timeBankEntries).select(
      sql`SELECT NULL, ${toId}, 'gift-in', ${minutes}, NULL, ${fromId}, ${key}, ${note}, ${at}
              WHERE EXISTS (SELECT 1 FROM time_bank_entries x WHERE x.transfer_key = ${key} AND x.kind = 'gift-out')`,
    ),
  ]);
  if (out.length === 0) throw new AppError('conflict', 'Not enough banked hours', { minutes: ['Not enough banked hours'] });
  return out[0]!.id;
}

/**
 * Spends banked hours on care for the member's own household: the hours leave the balance (checked in the same
 * statement) and the coordinators are told of the request, in one batch.
 */
export async function useHours(db: TenantDb, memberId: number, minutes: number, request: string) {
  const problem = withdrawalProblem(Number.MAX_SAFE_INTEGER, minutes);
  if (problem) throw new AppError('validation_failed', problem, { minutes: [problem] });
  const key = crypto.randomUUID();
  const at = new Date().toISOString();
  const [[who]] = await db.batch([db.select({ name: members.displayName }).from(members).where(eq(members.id, memberId))]);
  const name = who?.name ?? '';
  const hours = hoursOf(minutes);
  const zh = `居家养老：${name}用时间银行的 ${hours} 小时为家里申请照护：${request}`;
  const en = `Elder care: ${name} spends ${hours} banked hours on care for their household: ${request}`;
  const [used] = await db.batch([
    db
      .insert(timeBankEntries)
      .select(
        sql`SELECT NULL, ${memberId}, 'used', ${-minutes}, NULL, NULL, ${key}, ${request}, ${at} WHERE ${balanceSql(memberId)} >= ${minutes}`,
      )
      .returning({ id: timeBankEntries.id }),
    notifyFrom(
      db,
      'care.time-bank',
      sql`SELECT member_id, ${zh} AS text_zh, ${en} AS text_en FROM (${coordinatorIds})
            WHERE EXISTS (SELECT 1 FROM time_bank_entries x WHERE x.transfer_key = ${key})`,
    ),
  ]);
  if (used.length === 0) throw new AppError('conflict', 'Not enough banked hours', { minutes: ['Not enough banked hours'] });
  return used[0]!.id;
}
