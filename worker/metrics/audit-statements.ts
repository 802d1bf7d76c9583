import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { PlatformDb } from '../db/client';
import { now } from '../db/columns';
import { auditLog } from '../db/platform-schema';
import type { AuditEntry } from '../platform/audit';

/*
 * Audit rows as statements for the batch of the change they record, typed by the audit log's own `AuditEntry`
 * (and so its `AuditAction` vocabulary); `recordAudit` and `audit` write on their own, after the fact.
 */

/** The audit row of a change. */
export function auditStatement(db: PlatformDb, entry: AuditEntry) {
  return db.insert(auditLog).values({ ...entry, detail: entry.detail ?? null });
}

/**
 * The audit row of a change, written only if `where` finds the row the change is about: run before the change
 * in one batch, the record and the change happen together or not at all.
 */
export function auditIfFound(db: PlatformDb, entry: AuditEntry, table: SQLiteTable, where: SQL | undefined) {
  return db.insert(auditLog).select(
    db
      .select({
        // insert…select takes every column in table order; NULL lets SQLite number the row.
        id: sql<number>`NULL`.as('id'),
        at: sql<string>`${now}`.as('at'),
        actorUserId: sql<string | null>`${entry.actorUserId}`.as('actor_user_id'),
        communityId: sql<string | null>`${entry.communityId}`.as('community_id'),
        action: sql<string>`${entry.action}`.as('action'),
        detail: sql<string | null>`${entry.detail === undefined ? null : JSON.stringify(entry.detail)}`.as('detail'),
      })
      .from(table)
      .where(where)
      .limit(1),
  );
}
