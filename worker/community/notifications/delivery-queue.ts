import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { platformDb, tenantDb } from '../../db/client';
import { communities } from '../../db/platform-schema';
import type { Bindings } from '../../env';
import { isLocalHostname } from '../../env';
import { ensureTenantMigrated } from '../../tenancy/migrator';
import { onThisShard, tenantDatabase } from '../../tenancy/pool';
import { communitySettings } from '../profile/service';
import { type DeliveryReport, type DeliverySite, deliverCommunity, sendOutbox } from './delivery';
import { notifications } from './schema';
import type { Senders } from './senders';

/** A message on the delivery queue: route and send one community's notifications, or send some of its outbox rows. */
export type DeliveryMessage =
  | { type: 'deliver'; communityId: string; origin?: string }
  | { type: 'send'; communityId: string; origin?: string; outboxIds: number[] };

export const HOURLY_DELIVERY_CRON = '7 * * * *';

/** The community's site, e.g. `https://cuizhuyuan.huzhu.example` (`http://…localhost:8787` locally). */
export function siteOrigin(slug: string, platformHost: string): string {
  return isLocalHostname(platformHost) ? `http://${slug}.localhost:8787` : `https://${slug}.${platformHost}`;
}

interface CommunityRow {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  databaseBinding: string | null;
}

async function activeCommunities(env: Bindings, ids?: string[]): Promise<CommunityRow[]> {
  return platformDb(env.PLATFORM_DB)
    .select({
      id: communities.id,
      slug: communities.slug,
      nameZh: communities.nameZh,
      nameEn: communities.nameEn,
      databaseBinding: communities.databaseBinding,
    })
    .from(communities)
    .where(
      and(
        eq(communities.status, 'active'),
        isNotNull(communities.databaseBinding),
        // A run lists this shard's communities; a message names its own (sent from this shard's queue).
        ids ? undefined : onThisShard(env, communities.databaseBinding),
        ids ? inArray(communities.id, ids) : undefined,
      ),
    );
}

async function openCommunity(env: Bindings, community: CommunityRow, origin?: string) {
  const d1 = tenantDatabase(env, community.databaseBinding!);
  await ensureTenantMigrated(community.databaseBinding!, d1);
  const db = tenantDb(d1);
  const { timeZone } = await communitySettings(db);
  const site: DeliverySite = {
    nameZh: community.nameZh,
    nameEn: community.nameEn,
    origin: origin ?? siteOrigin(community.slug, env.PLATFORM_HOST),
    timeZone,
  };
  return { db, site };
}

/** Handles one delivery message. `now` and `via` are the clock and the senders (tests and the bench pass their own). */
export async function handleDeliveryMessage(
  env: Bindings,
  message: DeliveryMessage,
  now = new Date(),
  via?: Senders,
): Promise<DeliveryReport | null> {
  const [community] = await activeCommunities(env, [message.communityId]);
  if (!community) return null;
  const { db, site } = await openCommunity(env, community, message.origin);
  if (message.type === 'send') {
    const { sent, failed } = await sendOutbox(env, db, site, message.outboxIds, now, via);
    return { routed: 0, digests: 0, sent, failed, fannedOut: 0 };
  }
  return deliverCommunity(
    env,
    db,
    site,
    now,
    async (chunks) => {
      const messages = chunks.map((outboxIds) => ({
        body: { type: 'send', communityId: community.id, origin: message.origin, outboxIds } satisfies DeliveryMessage,
      }));
      // sendBatch takes at most 100 messages per call.
      for (let i = 0; i < messages.length; i += 100) await env.DELIVERY_QUEUE.sendBatch(messages.slice(i, i + 100));
    },
    via,
  );
}

export async function consumeDeliveryBatch(batch: MessageBatch<DeliveryMessage>, env: Bindings): Promise<void> {
  for (const message of batch.messages) {
    try {
      await handleDeliveryMessage(env, message.body);
      message.ack();
    } catch (error) {
      console.error('delivery: a run failed; it will be retried', message.body.communityId, error);
      message.retry({ delaySeconds: 30 });
    }
  }
}

/** The hourly tick: a delivery run for every active community (what quiet hours held back, the digests now due). */
export async function startDeliveryTick(env: Bindings): Promise<number> {
  const targets = await activeCommunities(env);
  const messages = targets.map((t) => ({ body: { type: 'deliver', communityId: t.id } satisfies DeliveryMessage }));
  for (let i = 0; i < messages.length; i += 100) await env.DELIVERY_QUEUE.sendBatch(messages.slice(i, i + 100));
  return targets.length;
}

/**
 * After a request that may have notified someone: if any notification waits to be routed, ask for a delivery run
 * now. Runs after the answer (waitUntil), so nobody waits for it; the hourly tick catches what a failure misses.
 */
export async function deliverSoon(env: Bindings, d1: D1Database, communityId: string, origin: string): Promise<void> {
  if (env.DELIVERY_TRIGGER === 'manual') return;
  try {
    const [waiting] = await tenantDb(d1)
      .select({ id: notifications.id })
      .from(notifications)
      .where(isNull(notifications.delivery))
      .limit(1);
    if (waiting) await env.DELIVERY_QUEUE.send({ type: 'deliver', communityId, origin });
  } catch (error) {
    console.warn('delivery: could not ask for a run', communityId, error);
  }
}
