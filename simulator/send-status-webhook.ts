/** Moves an outbound message to a new delivery status and tells Hale with a status webhook. */
import { buildStatusEnvelope, toMetaJson } from './build-webhook-envelope.ts';
import type { WebhookStatus } from './build-webhook-envelope.ts';
import { toWebhookError } from './graph-error.ts';
import { unixSeconds } from './simulator-context.ts';
import type { SimulatorContext } from './simulator-context.ts';
import type { ConversationMessage, OutboundStatus } from './simulator-store.ts';

const RANK: Record<OutboundStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export function sendStatusWebhook(
  ctx: SimulatorContext,
  messageId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  failure?: { code: number; details?: string },
): void {
  const found = ctx.store.findMessage(messageId);
  if (found === undefined || found.message.direction !== 'outbound') return;
  const { waId, message } = found;
  const current = message.status as OutboundStatus;
  if (current === 'failed' || RANK[status] <= RANK[current]) return;
  const persona = ctx.store.findPersona(waId);
  const now = ctx.config.now();
  const payload: WebhookStatus = {
    id: messageId,
    status,
    timestamp: unixSeconds(now),
    recipient_id: waId,
    ...(persona ? { recipient_user_id: persona.userId } : {}),
    ...(typeof message.bizOpaque === 'string' ? { biz_opaque_callback_data: message.bizOpaque } : {}),
  };
  const patch: Partial<ConversationMessage> = { status };
  if (status === 'failed') {
    const error = toWebhookError(failure?.code ?? 131000, failure?.details);
    payload.errors = [error];
    patch.error = { code: error.code, title: error.title, details: error.error_data.details };
  } else if (message.pricing !== undefined) {
    payload.pricing = message.pricing as NonNullable<WebhookStatus['pricing']>;
  }
  ctx.store.updateMessage(messageId, patch);
  const contact = persona ? { wa_id: waId, user_id: persona.userId } : undefined;
  const body = toMetaJson(buildStatusEnvelope(ctx.business, payload, contact));
  void ctx.sender.enqueue({ key: waId, label: `status.${status}`, messageId }, body);
}

/** Marks every outbound message up to now as read by the persona (blue ticks). */
export function markOutboundRead(ctx: SimulatorContext, waId: string): number {
  let count = 0;
  for (const message of ctx.store.conversation(waId)) {
    if (message.direction !== 'outbound') continue;
    if (message.status !== 'delivered' && message.status !== 'sent') continue;
    if (message.type === 'reaction') continue;
    if (message.status === 'sent') sendStatusWebhook(ctx, message.id, 'delivered');
    sendStatusWebhook(ctx, message.id, 'read');
    count += 1;
  }
  return count;
}
