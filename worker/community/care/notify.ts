import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { notifyRowsFrom } from '../notifications/emit';
import type { EventKind } from '../notifications/rules';

/**
 * Notifications for whoever a query names, as one statement of a batch. The query selects `member_id`, `text_zh`
 * and `text_en`; `when` (an SQL condition) lets the batch notify only if an earlier statement of it wrote.
 */
export function notifyFrom(db: TenantDb, kind: EventKind, select: SQL, link: string | null = '/care') {
  return notifyRowsFrom(db, kind, select, link);
}

/** The members who coordinate elder care: appointed care coordinators and the association's administrators. */
export const coordinatorIds = sql`SELECT DISTINCT r.member_id FROM member_roles r JOIN members m ON m.id = r.member_id
  WHERE r.role IN ('care-coordinator', 'association-admin') AND m.status = 'active'`;

/** The confirmed contacts of the recipient's building. */
export const buildingContactIds = (recipientId: number) => sql`SELECT r.member_id FROM member_roles r
  JOIN care_recipients c ON c.building_id = r.building_id
  JOIN members m ON m.id = r.member_id
  WHERE c.id = ${recipientId} AND r.role = 'building-contact' AND m.status = 'active'`;
