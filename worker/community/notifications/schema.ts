import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { issues } from '../issues/schema';
import { members } from '../members/schema';
import { now } from '../../db/columns';
import { deliveryCadences, outboxChannels, outboxStatuses, routings } from './rules';

/**
 * What happened that concerns one member: the in-app notification centre, and the source every other channel is
 * routed from. `kind` names the event (see events.ts); the texts are written when the event happens, in both languages.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull().default('general'),
    issueId: integer('issue_id').references(() => issues.id),
    /** The page in the community's site this is about, e.g. `/activities/12`. */
    link: text('link'),
    textZh: text('text_zh').notNull(),
    textEn: text('text_en').notNull(),
    createdAt: text('created_at').notNull().default(now),
    readAt: text('read_at'),
    /** What the delivery run decided (see `routings`): null until it ran. Rows from before delivery existed are 'stale' (migration 0022). */
    delivery: text('delivery', { enum: routings }),
    routedAt: text('routed_at'),
    /** The digest that carried it, e.g. `daily:2026-12-03`; null unless it went out in one. */
    digestKey: text('digest_key'),
  },
  (t) => [
    index('notifications_member').on(t.memberId, t.readAt),
    index('notifications_unrouted').on(t.id).where(sql`${t.delivery} IS NULL`),
    index('notifications_digest_due')
      .on(t.delivery, t.memberId)
      .where(sql`${t.digestKey} IS NULL AND ${t.delivery} IN ('daily', 'weekly')`),
  ],
);

/** How a member wants to hear of one kind of event beyond the app: at once, in a daily or weekly digest, or not at all. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind').notNull(),
    cadence: text('cadence', { enum: deliveryCadences }).notNull(),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.kind] })],
);

/** A member's delivery settings: where email goes, which language it is written in, and their quiet hours. */
export const notificationSettings = sqliteTable('notification_settings', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  email: text('email'),
  language: text('language', { enum: ['zh-CN', 'en'] })
    .notNull()
    .default('zh-CN'),
  /** Quiet hours as HH:MM in the community's time zone; both null when the member has none. May cross midnight. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  updatedAt: text('updated_at').notNull().default(now),
});

/** A browser's Web Push subscription (the Push API's endpoint and keys), one row per device. */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: text('created_at').notNull().default(now),
    /** Consecutive failures; a push service's 404/410 removes the subscription at once. */
    failures: integer('failures').notNull().default(0),
  },
  (t) => [index('push_subscriptions_member').on(t.memberId)],
);

/**
 * Messages to send outside the app, one row per member, channel and message. `key` is unique, so routing the same
 * notification or digest twice writes one row, and a row is claimed (pending → sending) before it is sent, so a
 * retried queue message never sends it twice.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    channel: text('channel', { enum: outboxChannels }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** How many notifications it carries (1, or a digest's count). */
    items: integer('items').notNull().default(1),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    /** The earliest time to send it (quiet hours hold a message back). */
    notBefore: text('not_before').notNull().default(now),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull().default(now),
    sentAt: text('sent_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.notBefore), index('outbox_member').on(t.memberId, t.channel)],
);
