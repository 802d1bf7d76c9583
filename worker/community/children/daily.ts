import { tenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import type { TenantDb } from '../../db/client';
import { communitySettings } from '../profile/service';
import { eraseLapsedDetails, todayIn } from './consent';

/** The children's programs' daily pass: emergency contacts and notes kept past their time are erased. */
export async function runChildrenDay(db: TenantDb, now = Date.now()) {
  const { timeZone } = await communitySettings(db);
  return { erased: await eraseLapsedDetails(db, todayIn(now, timeZone)) };
}

/** The daily pass for the community whose database is bound as `binding`. */
export async function runChildrenDayIn(env: Bindings, binding: string, now: Date) {
  const d1 = tenantDatabase(env, binding);
  await ensureTenantMigrated(binding, d1);
  return runChildrenDay(tenantDb(d1), now.getTime());
}
