/**
 * Hale marks a persona's message as read (`{status:"read", message_id}`): that message and every
 * earlier one from the persona get blue ticks in the phone; a typing indicator shows "typing…"
 * for up to 25 s or until Hale's next message.
 */
import { GraphError } from './graph-error.ts';
import type { MarkReadRequest } from './send-message-schema.ts';
import { later } from './simulator-context.ts';
import type { SimulatorContext } from './simulator-context.ts';

export const TYPING_MS = 25_000;

export function handleMarkRead(ctx: SimulatorContext, request: MarkReadRequest): { success: true } {
  const found = ctx.store.findMessage(request.message_id);
  if (found === undefined || found.message.direction !== 'inbound') {
    throw new GraphError(100, { details: `Param message_id ${request.message_id} is not a message received by this phone number.` });
  }
  for (const message of ctx.store.conversation(found.waId)) {
    if (message.direction === 'inbound' && message.status !== 'read') ctx.store.updateMessage(message.id, { status: 'read' });
    if (message.id === request.message_id) break;
  }
  if (request.typing_indicator !== undefined) {
    ctx.store.emit({ type: 'typing', waId: found.waId, typing: true });
    later(ctx, TYPING_MS, () => ctx.store.emit({ type: 'typing', waId: found.waId, typing: false }));
  }
  return { success: true };
}
