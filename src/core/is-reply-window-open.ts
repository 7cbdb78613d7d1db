import type { OutboundReply } from './messages.ts';

/**
 * WhatsApp's customer-service window: free-form messages are allowed only within `hours` of
 * the patient's last message; outside it only an approved template may be sent.
 */
export function isReplyWindowOpen(lastInboundAt: Date | undefined, now: Date, hours: number): boolean {
  if (lastInboundAt === undefined) return false;
  const elapsed = now.getTime() - lastInboundAt.getTime();
  return elapsed < hours * 3_600_000;
}

export function needsReplyWindow(reply: OutboundReply): boolean {
  return reply.kind !== 'template';
}
