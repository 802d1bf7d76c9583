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

/**
 * Active communities are remembered per isolate: fresh for FRESH_MS, then served once more while a
 * refresh runs in the background, up to STALE_MS. A suspension therefore takes effect within seconds
 * without a control-plane read on every request.
 */
const FRESH_MS = 5_000;
const STALE_MS = 60_000;
const cache = new Map<string, { entry: DirectoryEntry; fetchedAt: number; refreshing?: boolean }>();

/**
 * Finds a community by its address. Only active entries are cached, so a new community is visible at
 * once; `background` receives the refresh of a stale entry (e.g. `ctx.waitUntil`).
 */
export async function lookupCommunity(
  platform: D1Database,
  slug: string,
  background?: (refresh: Promise<unknown>) => void,
): Promise<DirectoryEntry | null> {
  const hit = cache.get(slug);
  const age = hit ? Date.now() - hit.fetchedAt : Number.POSITIVE_INFINITY;
  if (hit && age < FRESH_MS) return hit.entry;
  if (hit && age < STALE_MS && background) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      background(fetchEntry(platform, slug).catch(() => cache.delete(slug)));
    }
    return hit.entry;
  }
  return fetchEntry(platform, slug);
}

async function fetchEntry(platform: D1Database, slug: string): Promise<DirectoryEntry | null> {
  const row = await platformDb(platform).query.communities.findFirst({
    columns: { id: true, slug: true, nameZh: true, nameEn: true, status: true, databaseBinding: true },
    where: eq(communities.slug, slug),
  });
  if (!row) {
    cache.delete(slug);
    return null;
  }
  if (row.status === 'active') cache.set(slug, { entry: row, fetchedAt: Date.now() });
  else cache.delete(slug);
  return row;
}

export function forgetCommunity(slug: string): void {
  cache.delete(slug);
}
