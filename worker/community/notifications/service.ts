import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from '@hono/zod-openapi';
import type { TenantDb } from '../../db/client';
import { members } from '../members/schema';
import { type DeliveryCadence, defaultCadence, eventKinds } from './rules';
import { notificationPreferences, notificationSettings, notifications, outbox, pushSubscriptions } from './schema';
import type { settingsInput } from './routes';

/** A member's latest notifications, newest first. */
export async function myNotifications(db: TenantDb, memberId: number) {
  return db.select().from(notifications).where(eq(notifications.memberId, memberId)).orderBy(desc(notifications.id)).limit(100);
}

/** Marks all of a member's notifications read. */
export async function markNotificationsRead(db: TenantDb, memberId: number) {
  await db
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.memberId, memberId), sql`${notifications.readAt} IS NULL`));
}

/** A member's delivery settings with every kind's cadence (their choice, or the default). One round trip. */
export async function readSettings(db: TenantDb, memberId: number) {
  const [settings, chosen, devices] = await db.batch([
    db.select().from(notificationSettings).where(eq(notificationSettings.memberId, memberId)),
    db.select().from(notificationPreferences).where(eq(notificationPreferences.memberId, memberId)),
    db.select({ n: sql<number>`count(*)` }).from(pushSubscriptions).where(eq(pushSubscriptions.memberId, memberId)),
  ]);
  const s = settings[0];
  const byKind = new Map(chosen.map((p) => [p.kind, p.cadence as DeliveryCadence]));
  return {
    email: s?.email ?? null,
    language: s?.language ?? ('zh-CN' as const),
    quietStart: s?.quietStart ?? null,
    quietEnd: s?.quietEnd ?? null,
    preferences: eventKinds.map((kind) => ({ kind, cadence: byKind.get(kind) ?? defaultCadence(kind), chosen: byKind.has(kind) })),
    pushDevices: devices[0]?.n ?? 0,
  };
}

/** Saves what the member changed, in one batch. */
export async function writeSettings(db: TenantDb, memberId: number, input: z.output<typeof settingsInput>) {
  const stamp = new Date().toISOString();
  const changes = {
    ...(input.email !== undefined ? { email: input.email || null } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.quietStart !== undefined ? { quietStart: input.quietStart, quietEnd: input.quietEnd ?? null } : {}),
  };
  const prefs = Object.entries(input.preferences ?? {}).flatMap(([kind, cadence]) => (cadence ? [[kind, cadence] as const] : []));
  await db.batch([
    db
      .insert(notificationSettings)
      .values({ memberId, ...changes, updatedAt: stamp })
      .onConflictDoUpdate({ target: notificationSettings.memberId, set: { ...changes, updatedAt: stamp } }),
    ...prefs.map(([kind, cadence]) =>
      db
        .insert(notificationPreferences)
        .values({ memberId, kind, cadence, updatedAt: stamp })
        .onConflictDoUpdate({
          target: [notificationPreferences.memberId, notificationPreferences.kind],
          set: { cadence, updatedAt: stamp },
        }),
    ),
  ]);
}

/** Development: the community's outbox, newest first, with whom each message is for. */
export async function mailbox(db: TenantDb) {
  return db
    .select({
      id: outbox.id,
      key: outbox.key,
      channel: outbox.channel,
      to: members.displayName,
      email: notificationSettings.email,
      subject: outbox.subject,
      body: outbox.body,
      items: outbox.items,
      status: outbox.status,
      notBefore: outbox.notBefore,
      sentAt: outbox.sentAt,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .innerJoin(members, eq(members.id, outbox.memberId))
    .leftJoin(notificationSettings, eq(notificationSettings.memberId, outbox.memberId))
    .orderBy(desc(outbox.id))
    .limit(200);
}
