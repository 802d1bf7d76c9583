import { platformDb } from '../db/client';
import { eq, inArray } from 'drizzle-orm';
import { communities, communityBackups } from '../db/platform-schema';
import type { Bindings } from '../env';
import { backUpNow } from './backups/runs';

/**
 * The demo communities' backups: yesterday's and today's, real archives in the local bucket, so the operators'
 * backups page has finished runs, a list of dates per community, and something to dry-run and restore. Once only.
 */
export async function seedDemoBackups(env: Bindings, slugs: readonly string[]): Promise<void> {
  const [any] = await platformDb(env.PLATFORM_DB)
    .select({ id: communityBackups.id })
    .from(communityBackups)
    .innerJoin(communities, eq(communities.id, communityBackups.communityId))
    .where(inArray(communities.slug, [...slugs]))
    .limit(1);
  if (any) return;
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  await backUpNow(env, slugs, yesterday);
  await backUpNow(env, slugs, today);
}
