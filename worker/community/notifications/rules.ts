/** How often a member hears of a kind of event outside the app. */
export const deliveryCadences = ['immediate', 'daily', 'weekly', 'off'] as const;
export type DeliveryCadence = (typeof deliveryCadences)[number];

export const outboxChannels = ['email', 'push'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/** pending → sending → sent; failed after the last attempt; skipped when the member has no address for the channel any more. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * What routing decided for one notification: sent at once (`immediate`), waiting for a digest (`daily`, `weekly`),
 * in the app only (`off`: the member turned it off or has no channel), or `stale`: older than a delivery is useful.
 */
export const routings = ['immediate', 'daily', 'weekly', 'off', 'stale'] as const;
export type Routing = (typeof routings)[number];

/**
 * Every kind of event a feature tells members about, by the group it is listed under in the preferences. The texts
 * live in events.ts (a test renders each kind in both languages); the web names each kind in its dictionaries.
 */
export const eventGroups = {
  activities: ['activity.waitlist-promoted', 'activity.cancelled', 'activity.changed', 'club.handover-offered'],
  meetings: ['meeting.scheduled', 'meeting.papers-out', 'meeting.minutes-published', 'consent.asked', 'consent.objection'],
  issues: ['issue.moved', 'decision.relayed', 'need.moved'],
  volunteering: ['hours.to-confirm', 'library.duty-taken'],
  programs: ['library.reminder', 'library.hold-ready', 'care.concern', 'care.time-bank', 'course.decided'],
  membership: ['member.application', 'member.welcome', 'role.invitation-requested', 'role.invitation-decided', 'assisted.claimed'],
} as const;
export type EventGroup = keyof typeof eventGroups;
export type EventKind = (typeof eventGroups)[EventGroup][number];
export const eventKinds = Object.values(eventGroups).flat() as EventKind[];

export function groupOf(kind: EventKind): EventGroup {
  for (const [group, kinds] of Object.entries(eventGroups)) if ((kinds as readonly string[]).includes(kind)) return group as EventGroup;
  throw new Error(`unknown event kind ${kind}`);
}

/** What a member hears at once unless they choose otherwise: what cannot wait a day. Everything else goes in the daily digest. */
const urgent: ReadonlySet<EventKind> = new Set<EventKind>([
  'activity.waitlist-promoted',
  'activity.cancelled',
  'activity.changed',
  'club.handover-offered',
  'hours.to-confirm',
  'library.hold-ready',
  'care.concern',
  'member.application',
  'role.invitation-requested',
]);

export function defaultCadence(kind: EventKind): DeliveryCadence {
  return urgent.has(kind) ? 'immediate' : 'daily';
}

/** A notification older than this when routing first sees it is left in the app: a late message is worse than none. */
export const STALE_AFTER_MS = 2 * 86_400_000;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`not HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isHhmm(value: string): boolean {
  return HHMM.test(value);
}

/**
 * Whether a local time (minutes since midnight) falls in quiet hours [start, end). Quiet hours may cross midnight
 * (22:00–07:00); equal start and end mean none.
 */
export function inQuietHours(localMinutes: number, quiet: { start: string; end: string } | null): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
}

/** Minutes from a local time in quiet hours to their end (0 when not quiet). */
export function minutesUntilQuietEnds(localMinutes: number, quiet: { start: string; end: string } | null): number {
  if (!quiet || !inQuietHours(localMinutes, quiet)) return 0;
  return (minutesOf(quiet.end) - localMinutes + 1440) % 1440;
}

/** When digests go out, on the community's wall clock: daily at 08:00, weekly on Monday at 08:00. */
export const DIGEST_MINUTES = 8 * 60;

/**
 * The digests due at a local date and time: a daily one from 08:00 each day, a weekly one from 08:00 on Mondays.
 * Each is named by its period (`daily:2026-12-03`, `weekly:2026-11-30`), the key that makes sending it idempotent.
 */
export function digestsDue(local: { date: string; minutes: number }): { cadence: 'daily' | 'weekly'; key: string }[] {
  if (local.minutes < DIGEST_MINUTES) return [];
  const due: { cadence: 'daily' | 'weekly'; key: string }[] = [{ cadence: 'daily', key: `daily:${local.date}` }];
  if (new Date(`${local.date}T00:00:00Z`).getUTCDay() === 1) due.push({ cadence: 'weekly', key: `weekly:${local.date}` });
  return due;
}

export interface DigestItem {
  kind: EventKind | string;
  text: string;
  link: string | null;
  createdAt: string;
}

/** A digest's items grouped as the preferences list them (groups in that order, oldest first within one); unknown kinds go last. */
export function groupDigest(items: DigestItem[]): { group: EventGroup | 'other'; items: DigestItem[] }[] {
  const order = [...(Object.keys(eventGroups) as EventGroup[]), 'other' as const];
  const byGroup = new Map<EventGroup | 'other', DigestItem[]>();
  for (const item of items) {
    const group = (eventKinds as string[]).includes(item.kind) ? groupOf(item.kind as EventKind) : 'other';
    const list = byGroup.get(group) ?? [];
    list.push(item);
    byGroup.set(group, list);
  }
  return order
    .filter((g) => byGroup.has(g))
    .map((group) => ({ group, items: byGroup.get(group)!.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) }));
}

/** What routing needs to know of one notification and its member. */
export interface RoutingInput {
  kind: string;
  createdAt: string;
  /** The member's choice for this kind, if they made one. */
  cadence: DeliveryCadence | null;
  hasEmail: boolean;
  pushes: number;
}

/**
 * Where one notification goes: stale ones and those the member turned off (or who has no channel) stay in the app;
 * the rest go out now, or wait for the digest the member chose for the kind.
 */
export function routeNotification(n: RoutingInput, now: Date): { routing: Routing; channels: OutboxChannel[] } {
  if (now.getTime() - new Date(n.createdAt).getTime() > STALE_AFTER_MS) return { routing: 'stale', channels: [] };
  const cadence = n.cadence ?? ((eventKinds as string[]).includes(n.kind) ? defaultCadence(n.kind as EventKind) : 'daily');
  const channels: OutboxChannel[] = [...(n.hasEmail ? (['email'] as const) : []), ...(n.pushes > 0 ? (['push'] as const) : [])];
  if (cadence === 'off' || channels.length === 0) return { routing: 'off', channels: [] };
  return { routing: cadence, channels };
}

/** A failed send is tried again after 1, 4, 16… minutes, five times in all. */
export const MAX_SEND_ATTEMPTS = 5;
export function retryDelayMinutes(attempts: number): number {
  return 4 ** Math.max(0, attempts - 1);
}
