import { isNull, sql } from 'drizzle-orm';
import { type TenantDb, tenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import { notifications } from '../notifications/schema';
import { communitySettings } from '../profile/service';
import { coordinatorIds, notifyFrom } from './notify';
import { daysWithoutVisit, todayIn } from './rules';
import { careRecipients } from './schema';
import { careRules } from './service';

/**
 * Tells the coordinators about each recipient who reaches the no-visit limit today: the last visit (or, never
 * visited, the registration day on the community's calendar) is exactly `staleDays` ago, so each lapse is told once.
 */
export async function runCareDay(db: TenantDb, now = Date.now()) {
  const { timeZone } = await communitySettings(db);
  const { staleDays } = await careRules(db);
  const today = todayIn(now, timeZone);
  const recipients = await db
    .select({
      name: careRecipients.name,
      createdAt: careRecipients.createdAt,
      last: sql<string | null>`(SELECT MAX(v.visited_on) FROM care_visits v WHERE v.recipient_id = ${careRecipients.id})`,
    })
    .from(careRecipients)
    .where(isNull(careRecipients.endedAt));
  const rows = recipients.filter((r) => daysWithoutVisit(r.last, r.createdAt, today, timeZone) === staleDays);
  if (rows.length === 0) return 0;
  const names = rows.map((r) => r.name).join('、');
  const [sent] = await db.batch([
    notifyFrom(
      db,
      'care.concern',
      sql`SELECT member_id, ${`居家养老：${names}已经 ${staleDays} 天没有志愿者探访了，请安排。`} AS text_zh,
        ${`Elder care: ${names} had no visit for ${staleDays} days; please arrange one.`} AS text_en FROM (${coordinatorIds})`,
    ).returning({ id: notifications.id }),
  ]);
  return sent.length;
}

/** The daily pass for the community whose database is bound as `binding` (the daily run calls it for each one). */
export async function runCareDayIn(env: Bindings, binding: string, now: Date) {
  const d1 = tenantDatabase(env, binding);
  await ensureTenantMigrated(binding, d1);
  return runCareDay(tenantDb(d1), now.getTime());
}
