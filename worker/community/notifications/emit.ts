import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { wallClock } from '../profile/rules';
import { type Both, type NotificationEvent, renderEvent } from './events';
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
export function notifyFrom(db: TenantDb, event: NotificationEvent, recipients: SQL, link: SQL = sql`${event.link ?? null}`) {
  const text = renderEvent(event);
  return db
    .insert(notifications)
    .select(
      sql`${selectedRow(sql`r.member_id`, event.kind, link, sql`${text.zh}`, sql`${text.en}`, sql`${event.issueId ?? null}`)} FROM (${recipients}) AS r`,
    );
}

/**
 * The event for `memberIds` (known before the batch) if `condition` holds when the batch runs, e.g. only if the
 * conditional write before it in the batch happened. None: no statement.
 */
export function notifyMembersIf(db: TenantDb, memberIds: readonly number[], event: NotificationEvent, condition: SQL) {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return [];
  return [notifyFrom(db, event, sql`SELECT value AS member_id FROM json_each(${JSON.stringify(ids)}) WHERE ${condition}`)];
}

/** A time as the community's wall clock reads it, for a notification's text: `12月6日 09:00` and `6 Dec 09:00`. */
export function eventTime(instant: string, timeZone: string): Both {
  const { date, minutes } = wallClock(instant, timeZone);
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return { zh: `${month}月${day}日 ${clock}`, en: `${day} ${monthsEn[month - 1]} ${clock}` };
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
