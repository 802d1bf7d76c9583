import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { type NotificationEvent, renderEvent } from './events';
import type { EventKind } from './rules';
import { notifications } from './schema';

/**
 * How features tell members what happened: each function returns one statement for the feature's own batch, so a
 * change and its notifications are written together or not at all. Delivery beyond the app (email, push, digests)
 * follows from the rows: see delivery.ts.
 */

/** The event for each of `memberIds` (none: no statement). */
export function notifyMembers(db: TenantDb, memberIds: readonly number[], event: NotificationEvent) {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return [];
  const text = renderEvent(event);
  return [
    db.insert(notifications).values(
      ids.map((memberId) => ({
        memberId,
        kind: event.kind,
        issueId: event.issueId ?? null,
        link: event.link ?? null,
        textZh: text.zh,
        textEn: text.en,
      })),
    ),
  ];
}

/** The event for one member. */
export function notifyMember(db: TenantDb, memberId: number, event: NotificationEvent) {
  const text = renderEvent(event);
  return db
    .insert(notifications)
    .values({ memberId, kind: event.kind, issueId: event.issueId ?? null, link: event.link ?? null, textZh: text.zh, textEn: text.en });
}

// Drizzle writes `insert … select` with every column of the table, in the schema's order.
const selectedRow = (memberId: SQL, kind: string, link: SQL, zh: SQL, en: SQL, issueId: SQL = sql`NULL`) =>
  sql`SELECT NULL, ${memberId}, ${kind}, ${issueId}, ${link}, ${zh}, ${en}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, NULL, NULL, NULL`;

/**
 * The event for whoever a query names when the batch runs (the query selects `member_id`): for conditional writes,
 * where the recipients are known only to the database.
 */
export function notifyFrom(db: TenantDb, event: NotificationEvent, recipients: SQL) {
  const text = renderEvent(event);
  return db
    .insert(notifications)
    .select(
      sql`${selectedRow(sql`r.member_id`, event.kind, sql`${event.link ?? null}`, sql`${text.zh}`, sql`${text.en}`, sql`${event.issueId ?? null}`)} FROM (${recipients}) AS r`,
    );
}

/**
 * Notifications whose texts the query writes row by row (it selects `member_id`, `text_zh` and `text_en`), e.g. one
 * reminder per loan with the book's title. The texts must say what `eventTexts[kind]` would.
 */
export function notifyRowsFrom(db: TenantDb, kind: EventKind, rows: SQL, link: string | null = null) {
  return db
    .insert(notifications)
    .select(sql`${selectedRow(sql`r.member_id`, kind, sql`${link}`, sql`r.text_zh`, sql`r.text_en`)} FROM (${rows}) AS r`);
}
