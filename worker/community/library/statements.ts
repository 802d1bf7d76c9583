import type { SQL } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { notifyRowsFrom } from '../notifications/emit';
import type { EventKind } from '../notifications/rules';

/**
 * Notifications for whoever a query names, as one statement of a batch. The query selects `member_id`, `text_zh`
 * and `text_en`. (Drizzle cannot batch a raw `db.run` that has parameters, so conditional writes in a batch are
 * built as `insert … select` and `update … where` instead.)
 */
export function notifyFrom(db: TenantDb, kind: EventKind, select: SQL, link: string | null = '/library') {
  return notifyRowsFrom(db, kind, select, link);
}
