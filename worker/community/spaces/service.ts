import { sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { issueEvents, issues } from '../issues/schema';

/**
 * A contested regular slot goes to the federation as an issue already referred to it, with both steps on its path;
 * one batch, so there is never an issue without its history.
 */
export async function requestSlot(db: TenantDb, memberId: number, title: string, reason: string): Promise<number> {
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
  ]);
  return inserted[0]!.id;
}
