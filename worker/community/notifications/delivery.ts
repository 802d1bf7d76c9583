import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import type { Bindings } from '../../env';
import { wallClock } from '../profile/rules';
import { digestMessage, type MailLanguage, type MessageContext, singleMessage } from './messages';
import {
  type DeliveryCadence,
  digestsDue,
  MAX_SEND_ATTEMPTS,
  minutesUntilQuietEnds,
  type OutboxChannel,
  type Routing,
  retryDelayMinutes,
  routeNotification,
} from './rules';
import { notificationPreferences, notificationSettings, notifications, outbox, pushSubscriptions } from './schema';
import { type Address, type Senders, senders as defaultSenders } from './senders';

/** The community a delivery run works for: its names (for subjects) and its site's origin (for links). */
export interface DeliverySite {
  nameZh: string;
  nameEn: string | null;
  origin: string;
  timeZone: string;
}

/** How many notifications one routing pass reads; the rest wait for the next pass. */
const ROUTE_PAGE = 500;
/** How many outbox rows one invocation sends; more are fanned out over the queue in messages of this size. */
export const SEND_PER_MESSAGE = 40;
/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_INSERT = 10;
const IDS_PER_STATEMENT = 90;
/** A row left "sending" this long was interrupted; it is not sent again (at most once), but marked failed. */
const INTERRUPTED_AFTER_MS = 3_600_000;

const chunk = <T>(list: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function runBatch(db: TenantDb, statements: BatchItem<'sqlite'>[]) {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

const contextFor = (site: DeliverySite, language: string | null): MessageContext => ({
  community: language === 'en' ? (site.nameEn ?? site.nameZh) : site.nameZh,
  origin: site.origin,
  language: (language === 'en' ? 'en' : 'zh-CN') as MailLanguage,
});

/** When a message may go, given the member's quiet hours. */
function notBefore(now: Date, site: DeliverySite, quietStart: string | null, quietEnd: string | null): string {
  const quiet = quietStart && quietEnd ? { start: quietStart, end: quietEnd } : null;
  const wait = minutesUntilQuietEnds(wallClock(now, site.timeZone).minutes, quiet);
  return new Date(now.getTime() + wait * 60_000).toISOString();
}

const pushCount = sql<number>`(SELECT count(*) FROM push_subscriptions p WHERE p.member_id = ${notifications.memberId})`;

/**
 * Routes notifications nobody has routed yet: each one is marked with where it goes, and those to send now get their
 * outbox rows (held back to the end of the member's quiet hours), all in one batch. Returns how many it routed.
 */
export async function routeNotifications(db: TenantDb, site: DeliverySite, now: Date): Promise<number> {
  const rows = await db
    .select({
      id: notifications.id,
      memberId: notifications.memberId,
      kind: notifications.kind,
      link: notifications.link,
      textZh: notifications.textZh,
      textEn: notifications.textEn,
      createdAt: notifications.createdAt,
      cadence: notificationPreferences.cadence,
      email: notificationSettings.email,
      language: notificationSettings.language,
      quietStart: notificationSettings.quietStart,
      quietEnd: notificationSettings.quietEnd,
      pushes: pushCount,
    })
    .from(notifications)
    .leftJoin(notificationSettings, eq(notificationSettings.memberId, notifications.memberId))
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.memberId, notifications.memberId), eq(notificationPreferences.kind, notifications.kind)),
    )
    .where(isNull(notifications.delivery))
    .orderBy(asc(notifications.id))
    .limit(ROUTE_PAGE);
  if (rows.length === 0) return 0;
  const stamp = now.toISOString();
  const byRouting = new Map<Routing, number[]>();
  const outgoing: (typeof outbox.$inferInsert)[] = [];
  for (const row of rows) {
    const { routing, channels } = routeNotification(
      {
        kind: row.kind,
        createdAt: row.createdAt,
        cadence: row.cadence as DeliveryCadence | null,
        hasEmail: !!row.email,
        pushes: row.pushes,
      },
      now,
    );
    byRouting.set(routing, [...(byRouting.get(routing) ?? []), row.id]);
    if (routing !== 'immediate') continue;
    const ctx = contextFor(site, row.language);
    const message = singleMessage({ text: ctx.language === 'en' ? row.textEn : row.textZh, link: row.link }, ctx);
    for (const channel of channels)
      outgoing.push({
        key: `n:${row.id}:${channel}`,
        memberId: row.memberId,
        channel,
        ...message,
        notBefore: notBefore(now, site, row.quietStart, row.quietEnd),
      });
  }
  await runBatch(db, [
    ...chunk(outgoing, ROWS_PER_INSERT).map((part) => db.insert(outbox).values(part).onConflictDoNothing()),
    ...[...byRouting].flatMap(([routing, ids]) =>
      chunk(ids, IDS_PER_STATEMENT).map((part) =>
        db
          .update(notifications)
          .set({ delivery: routing, routedAt: stamp })
          .where(and(inArray(notifications.id, part), isNull(notifications.delivery))),
      ),
    ),
  ]);
  return rows.length;
}

/**
 * Writes the digests due at `now` on the community's clock (daily from 08:00, weekly on Mondays): for each member
 * with notifications waiting for that digest, one outbox row per channel, keyed by period, member and channel, and
 * the notifications marked as carried by it, in one batch per group of members. A second run finds nothing waiting,
 * and a row already written is not written again. Returns how many digests it wrote.
 */
export async function buildDigests(db: TenantDb, site: DeliverySite, now: Date): Promise<number> {
  const local = wallClock(now, site.timeZone);
  let written = 0;
  for (const due of digestsDue(local)) {
    // What happened before this morning's 08:00 goes into this morning's digest; the rest waits for the next.
    const cutoff = new Date(now.getTime() - (local.minutes - 8 * 60) * 60_000).toISOString();
    const waiting = and(eq(notifications.delivery, due.cadence), isNull(notifications.digestKey), lt(notifications.createdAt, cutoff));
    const rows = await db
      .select({
        id: notifications.id,
        memberId: notifications.memberId,
        kind: notifications.kind,
        link: notifications.link,
        textZh: notifications.textZh,
        textEn: notifications.textEn,
        createdAt: notifications.createdAt,
        email: notificationSettings.email,
        language: notificationSettings.language,
        quietStart: notificationSettings.quietStart,
        quietEnd: notificationSettings.quietEnd,
        pushes: pushCount,
      })
      .from(notifications)
      .leftJoin(notificationSettings, eq(notificationSettings.memberId, notifications.memberId))
      .where(waiting)
      .orderBy(asc(notifications.memberId), asc(notifications.id));
    const byMember = new Map<number, typeof rows>();
    for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
    for (const members of chunk([...byMember.keys()], IDS_PER_STATEMENT)) {
      const outgoing: (typeof outbox.$inferInsert)[] = [];
      for (const memberId of members) {
        const items = byMember.get(memberId)!;
        const first = items[0]!;
        const ctx = contextFor(site, first.language);
        const message = digestMessage(
          items.map((i) => ({ kind: i.kind, text: ctx.language === 'en' ? i.textEn : i.textZh, link: i.link, createdAt: i.createdAt })),
          due.key,
          ctx,
        );
        const channels: OutboxChannel[] = [...(first.email ? (['email'] as const) : []), ...(first.pushes > 0 ? (['push'] as const) : [])];
        for (const channel of channels)
          outgoing.push({
            key: `d:${due.key}:${memberId}:${channel}`,
            memberId,
            channel,
            ...message,
            items: items.length,
            notBefore: notBefore(now, site, first.quietStart, first.quietEnd),
          });
        if (channels.length > 0) written++;
      }
      await runBatch(db, [
        ...chunk(outgoing, ROWS_PER_INSERT).map((part) => db.insert(outbox).values(part).onConflictDoNothing()),
        db
          .update(notifications)
          .set({ digestKey: due.key })
          .where(and(waiting, inArray(notifications.memberId, members))),
      ]);
    }
  }
  return written;
}

/** Outbox rows due now (at most `limit`), oldest first. */
export async function dueOutbox(db: TenantDb, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.notBefore, now.toISOString())))
    .orderBy(asc(outbox.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Sends outbox rows: each is first claimed (pending → sending, in one statement), so a retried queue message or a
 * second consumer finds it taken and never sends it twice; then sent, and marked sent, retried later or failed.
 */
export async function sendOutbox(
  env: Bindings,
  db: TenantDb,
  site: DeliverySite,
  ids: readonly number[],
  now: Date,
  via: Senders = defaultSenders,
): Promise<{ sent: number; failed: number }> {
  if (ids.length === 0) return { sent: 0, failed: 0 };
  const claimed = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, [...ids]), eq(outbox.status, 'pending'), lte(outbox.notBefore, now.toISOString())))
    .returning();
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const memberIds = [...new Set(claimed.map((r) => r.memberId))];
  const [emails, pushes] = await db.batch([
    db
      .select({ memberId: notificationSettings.memberId, email: notificationSettings.email })
      .from(notificationSettings)
      .where(inArray(notificationSettings.memberId, memberIds)),
    db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.memberId, memberIds)),
  ]);
  const addressOf = (memberId: number): Address => ({
    email: emails.find((e) => e.memberId === memberId)?.email ?? null,
    pushes: pushes.filter((p) => p.memberId === memberId),
  });
  const stamp = now.toISOString();
  const updates: BatchItem<'sqlite'>[] = [];
  const gone = new Set<number>();
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    const to = addressOf(row.memberId);
    const message = { key: row.key, subject: row.subject, body: row.body, url: `${site.origin}${row.link ?? '/notifications'}` };
    const result = await via[row.channel](env, to, message).catch((e: unknown) => ({
      ok: false as const,
      retry: true,
      error: e instanceof Error ? e.message : String(e),
      gone: undefined,
    }));
    for (const id of result.gone ?? []) gone.add(id);
    if (result.ok) {
      sent++;
      updates.push(db.update(outbox).set({ status: 'sent', sentAt: stamp, lastError: null }).where(eq(outbox.id, row.id)));
    } else if (result.retry && row.attempts < MAX_SEND_ATTEMPTS) {
      const later = new Date(now.getTime() + retryDelayMinutes(row.attempts) * 60_000).toISOString();
      updates.push(db.update(outbox).set({ status: 'pending', notBefore: later, lastError: result.error }).where(eq(outbox.id, row.id)));
    } else {
      failed++;
      const status = to.email === null && to.pushes.length === 0 ? 'skipped' : 'failed';
      updates.push(db.update(outbox).set({ status, lastError: result.error }).where(eq(outbox.id, row.id)));
    }
  }
  if (gone.size > 0) updates.push(db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, [...gone])));
  await runBatch(db, updates);
  return { sent, failed };
}

/** Rows a crashed invocation left "sending": marked failed, never sent again. */
export function interruptedStatement(db: TenantDb, now: Date) {
  return db
    .update(outbox)
    .set({ status: 'failed', lastError: 'interrupted while sending' })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.notBefore, new Date(now.getTime() - INTERRUPTED_AFTER_MS).toISOString())));
}

export interface DeliveryReport {
  routed: number;
  digests: number;
  sent: number;
  failed: number;
  /** Outbox rows handed to further queue messages. */
  fannedOut: number;
}

/**
 * One community's delivery run: route what is new, write the digests that are due, then send what is due — here if
 * it is a few, otherwise in queue messages of SEND_PER_MESSAGE rows each, so a big digest morning stays within one
 * invocation's limits.
 */
export async function deliverCommunity(
  env: Bindings,
  db: TenantDb,
  site: DeliverySite,
  now: Date,
  fanOut: (chunks: number[][]) => Promise<void>,
  via: Senders = defaultSenders,
): Promise<DeliveryReport> {
  await interruptedStatement(db, now);
  let routed = 0;
  for (let page = await routeNotifications(db, site, now); page > 0; page = await routeNotifications(db, site, now)) {
    routed += page;
    if (page < ROUTE_PAGE) break;
  }
  const digests = await buildDigests(db, site, now);
  const due = await dueOutbox(db, now, 10_000);
  if (due.length <= SEND_PER_MESSAGE) {
    const { sent, failed } = await sendOutbox(env, db, site, due, now, via);
    return { routed, digests, sent, failed, fannedOut: 0 };
  }
  await fanOut(chunk(due, SEND_PER_MESSAGE));
  return { routed, digests, sent: 0, failed: 0, fannedOut: due.length };
}
