import { eq } from 'drizzle-orm';
import { platformDb } from '../db/client';
import { communities } from '../db/platform-schema';

export interface DirectoryEntry {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  status: 'provisioning' | 'active' | 'suspended';
  databaseBinding: string | null;
}

/** Active communities are remembered briefly per isolate; suspension takes effect within this time. */
const ACTIVE_TTL_MS = 5_000;
const cache = new Map<string, { entry: DirectoryEntry; expires: number }>();

/** Finds a community by its address. Only active entries are cached, so a new community is visible at once. */
export async function lookupCommunity(platform: D1Database, slug: string): Promise<DirectoryEntry | null> {
  const hit = cache.get(slug);
  if (hit && hit.expires > Date.now()) return hit.entry;
  const row = await platformDb(platform).query.communities.findFirst({
    columns: { id: true, slug: true, nameZh: true, nameEn: true, status: true, databaseBinding: true },
    where: eq(communities.slug, slug),
  });
  if (!row) {
    cache.delete(slug);
    return null;
  }
  if (row.status === 'active') cache.set(slug, { entry: row, expires: Date.now() + ACTIVE_TTL_MS });
  else cache.delete(slug);
  return row;
}

export function forgetCommunity(slug: string): void {
  cache.delete(slug);
}
