import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { notifications } from '../notifications/schema';

/**
 * Notifications for whoever a query names, as one statement of a batch. The query selects `member_id`, `text_zh`
 * and `text_en`. (Drizzle cannot batch a raw `db.run` that has parameters, so conditional writes in a batch are
 * built as `insert … select` and `update … where` instead.)
 */
export function notifyFrom(db: TenantDb, select: SQL) {
  return db
    .insert(notifications)
    .select(sql`SELECT NULL, n.member_id, NULL, n.text_zh, n.text_en, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL FROM (${select}) AS n`);
}
