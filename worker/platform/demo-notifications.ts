import { inArray } from 'drizzle-orm';
import { handleDeliveryMessage } from '../community/notifications/delivery-queue';
import { tenantDb } from '../db/client';
import { members, notificationPreferences, notificationSettings } from '../db/tenant-schema';
import type { Bindings } from '../env';
import { tenantDatabase } from '../tenancy/pool';

/** Who hears of things by email in the demo, and how: addresses at example.org, so nothing could ever be delivered. */
const people: Record<string, { email: string; quiet?: [string, string]; weekly?: string[] }> = {
  'demo-resident': { email: 'wangxiaoyu@example.org', weekly: ['meeting.minutes-published'] },
  'demo-contact': { email: 'lijianguo@example.org', quiet: ['22:00', '07:00'] },
  'demo-admin': { email: 'zhou.huizhang@example.org' },
};

/**
 * Delivery in the demo (翠竹园): three personas give an email address (one with quiet hours, one with a weekly
 * choice), then one delivery run routes what the seed told them, so /dev/mailbox shows mail at once and the digest
 * on "tomorrow 08:05". Running it again changes nothing.
 */
export async function seedDemoNotifications(env: Bindings, binding: string, communityId: string) {
  const db = tenantDb(tenantDatabase(env, binding));
  const rows = await db
    .select({ id: members.id, userId: members.userId })
    .from(members)
    .where(inArray(members.userId, Object.keys(people)));
  const [first, ...rest] = rows.flatMap((m) => {
    const who = people[m.userId]!;
    return [
      db
        .insert(notificationSettings)
        .values({ memberId: m.id, email: who.email, quietStart: who.quiet?.[0] ?? null, quietEnd: who.quiet?.[1] ?? null })
        .onConflictDoNothing(),
      ...(who.weekly ?? []).map((kind) =>
        db.insert(notificationPreferences).values({ memberId: m.id, kind, cadence: 'weekly' }).onConflictDoNothing(),
      ),
    ];
  });
  if (first) await db.batch([first, ...rest]);
  await handleDeliveryMessage(env, { type: 'deliver', communityId });
}
