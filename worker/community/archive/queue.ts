import { eq } from 'drizzle-orm';
import { platformDb, tenantDb } from '../../db/client';
import { communities } from '../../db/platform-schema';
import type { Bindings } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { tenantDatabase } from '../../tenancy/pool';
import { advanceExport, QUEUED_CHUNKS } from './service';

/** One step of a large export: write the next chunks of the community's tables, then queue the next step. */
export type ArchiveMessage = { type: 'export'; communityId: string; exportId: number };

export async function handleArchiveMessage(env: Bindings, message: ArchiveMessage, budget = QUEUED_CHUNKS): Promise<boolean> {
  const community = await platformDb(env.PLATFORM_DB).query.communities.findFirst({ where: eq(communities.id, message.communityId) });
  if (!community?.databaseBinding) return true;
  const d1 = tenantDatabase(env, community.databaseBinding);
  await ensureTenantMigrated(community.databaseBinding, d1);
  const site = { id: community.id, slug: community.slug, nameZh: community.nameZh };
  const done = await advanceExport(env, tenantDb(d1), d1, site, message.exportId, budget);
  if (!done) await env.ARCHIVE_QUEUE.send(message);
  return done;
}

export async function consumeArchiveBatch(batch: MessageBatch<ArchiveMessage>, env: Bindings) {
  for (const message of batch.messages) {
    await handleArchiveMessage(env, message.body);
    message.ack();
  }
}
