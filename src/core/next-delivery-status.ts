import type { DeliveryStatus } from './messages.ts';

export type OutboundStatus = DeliveryStatus | 'accepted';

const rank: Record<OutboundStatus, number> = {
  queued: 0,
  accepted: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
};

/**
 * Delivery state only moves forward: queued → accepted → sent → delivered → read, with
 * `failed` possible until the message was delivered. A late or duplicate status is stale
 * (undefined). `played` (voice note) counts as read.
 */
export function nextDeliveryStatus(
  current: OutboundStatus,
  incoming: 'sent' | 'delivered' | 'read' | 'played' | 'failed',
): OutboundStatus | undefined {
  const target: OutboundStatus = incoming === 'played' ? 'read' : incoming;
  if (current === 'failed') return undefined;
  if (target === 'failed') return current === 'delivered' || current === 'read' ? undefined : 'failed';
  return rank[target] > rank[current] ? target : undefined;
}
