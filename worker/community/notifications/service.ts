import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { notifications } from './schema';

/** A member's latest notifications, newest first. */
export async function myNotifications(db: TenantDb, memberId: number) {
  return db.select().from(notifications).where(eq(notifications.memberId, memberId)).orderBy(desc(notifications.id)).limit(100);
}

/** Marks all of a member's notifications read. */
export async function markNotificationsRead(db: TenantDb, memberId: number) {
  await db
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.memberId, memberId), sql`${notifications.readAt} IS NULL`));
}
