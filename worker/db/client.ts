import { drizzle } from 'drizzle-orm/d1';
import * as platformSchema from './platform-schema';
import * as tenantSchema from './tenant-schema';

export function platformDb(d1: D1Database) {
  return drizzle(d1, { schema: platformSchema });
}

export function tenantDb(d1: D1Database) {
  return drizzle(d1, { schema: tenantSchema });
}

export type PlatformDb = ReturnType<typeof platformDb>;
export type TenantDb = ReturnType<typeof tenantDb>;
