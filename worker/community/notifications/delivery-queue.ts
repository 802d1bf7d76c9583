/** A message on the delivery queue: route and send one community's notifications, or send some of its outbox rows. */
export type DeliveryMessage =
  | { type: 'deliver'; communityId: string }
  | { type: 'send'; communityId: string; outboxIds: number[] };
