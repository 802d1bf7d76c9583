/** How often a member hears of a kind of event outside the app. */
export const deliveryCadences = ['immediate', 'daily', 'weekly', 'off'] as const;
export type DeliveryCadence = (typeof deliveryCadences)[number];

export const outboxChannels = ['email', 'push'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/** pending → sending → sent; failed after the last attempt; skipped when the member has no address for the channel any more. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
