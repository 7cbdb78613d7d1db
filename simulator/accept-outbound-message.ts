/**
 * What Meta does with a valid `/messages` send after authentication: template check, 24-hour
 * window, injected faults, throughput (mps) and pair rate limits, then acceptance with a wamid
 * and asynchronous `sent` → `delivered` statuses (or `failed` for undeliverable personas,
 * unknown media ids, bad reaction targets and status-mode faults).
 */
import { GraphError } from './graph-error.ts';
import { makeWamid } from './make-wamid.ts';
import type { SendRequest } from './send-message-schema.ts';
import { sendStatusWebhook } from './send-status-webhook.ts';
import { later, toWaId } from './simulator-context.ts';
import type { SimulatorContext } from './simulator-context.ts';
import type { ConversationMessage } from './simulator-store.ts';
import type { RenderedTemplate } from './template-registry.ts';
import { TokenBucket } from './token-bucket.ts';

export const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface AcceptedMessage {
  input: string;
  waId: string;
  id: string;
}

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

export function acceptOutboundMessage(ctx: SimulatorContext, request: SendRequest): AcceptedMessage {
  const now = ctx.config.now();
  const waId = toWaId(request.to);
  if (waId === undefined) throw new GraphError(100, { details: `Param to must be a valid phone number (got '${request.to}').` });
  if (waId === ctx.business.displayPhoneNumber) throw new GraphError(131021, { details: 'Recipient phone number cannot be the sender phone number.' });

  const rendered = request.type === 'template' ? ctx.templates.render(request.template) : undefined;

  let asyncFailure: { code: number; details?: string } | undefined;
  const persona = ctx.store.findPersona(waId);
  const lastInbound = persona?.lastInboundAt ?? null;
  const windowOpen = lastInbound !== null && now - lastInbound < WINDOW_MS;
  if (request.type !== 'template' && !windowOpen) {
    const details = 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.';
    if (ctx.config.windowErrorMode === 'sync') throw new GraphError(131047, { details });
    asyncFailure = { code: 131047, details };
  }

  const fault = ctx.store.takeFault();
  if (fault !== undefined) {
    if (fault.mode === 'sync') throw new GraphError(fault.code, { details: fault.details ?? 'Injected by the simulator (faults API).' });
    asyncFailure = { code: fault.code, details: fault.details ?? 'Injected by the simulator (faults API).' };
  }

  if (!ctx.limits.mps.tryTake(now)) {
    throw new GraphError(130429, {
      details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
    });
  }
  let pair = ctx.limits.pairs.get(waId);
  if (pair === undefined) {
    pair = new TokenBucket(ctx.config.pairLimit.capacity, ctx.config.pairLimit.refillPerSecond, now);
    ctx.limits.pairs.set(waId, pair);
  }
  if (!pair.tryTake(now)) {
    throw new GraphError(131056, {
      details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time',
    });
  }

  if (asyncFailure === undefined) asyncFailure = findAsyncFailure(ctx, request);

  const target = persona ?? ctx.store.upsertPersona({ waId });
  const id = makeWamid(waId);
  const message = toConversationMessage(ctx, request, id, now, rendered);
  message.pricing = pricingFor(rendered, windowOpen);
  ctx.store.addMessage(waId, message);

  later(ctx, ctx.config.statusDelayMs, () => {
    if (target.undeliverable || ctx.store.findPersona(waId)?.undeliverable) {
      sendStatusWebhook(ctx, id, 'failed', {
        code: 131026,
        details: 'Message Undeliverable: the recipient is not a WhatsApp user or has not accepted the terms of service.',
      });
    } else if (asyncFailure !== undefined) {
      sendStatusWebhook(ctx, id, 'failed', asyncFailure);
    } else {
      sendStatusWebhook(ctx, id, 'sent');
      if (request.type !== 'reaction') later(ctx, Math.min(50, ctx.config.statusDelayMs), () => sendStatusWebhook(ctx, id, 'delivered'));
    }
  });
  return { input: request.to, waId, id };
}

/** Failures Meta reports by webhook rather than in the send response. */
function findAsyncFailure(ctx: SimulatorContext, request: SendRequest): { code: number; details: string } | undefined {
  if (MEDIA_TYPES.has(request.type)) {
    const media = (request as Record<string, unknown>)[request.type] as { id?: string };
    if (media.id !== undefined && !ctx.store.media.has(media.id)) {
      return { code: 131053, details: `Media upload error: media id ${media.id} was not found.` };
    }
  }
  if (request.type === 'reaction' && ctx.store.findMessage(request.reaction.message_id) === undefined) {
    return { code: 131009, details: 'Reaction target message was not found.' };
  }
  return undefined;
}

function pricingFor(rendered: RenderedTemplate | undefined, windowOpen: boolean) {
  if (rendered === undefined) return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  if (rendered.category === 'utility' && windowOpen) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' };
  }
  return { billable: true, pricing_model: 'PMP', type: 'regular', category: rendered.category };
}

function toConversationMessage(
  ctx: SimulatorContext,
  request: SendRequest,
  id: string,
  now: number,
  rendered: RenderedTemplate | undefined,
): ConversationMessage {
  const message: ConversationMessage = {
    direction: 'outbound',
    id,
    type: request.type,
    status: 'accepted',
    timestamp: new Date(now).toISOString(),
    ...(request.context ? { context: { id: request.context.message_id } } : {}),
    ...(request.biz_opaque_callback_data === undefined ? {} : { bizOpaque: request.biz_opaque_callback_data }),
  };
  switch (request.type) {
    case 'text':
      message.text = request.text.body;
      break;
    case 'interactive':
      message.interactive = request.interactive;
      message.text = request.interactive.body.text;
      break;
    case 'template':
      message.template = request.template;
      if (rendered) {
        message.rendered = rendered;
        message.text = rendered.body;
      }
      break;
    case 'location':
      message.location = request.location;
      break;
    case 'reaction':
      message.reaction = request.reaction;
      break;
    case 'contacts':
      message.contacts = request.contacts;
      break;
    default: {
      const media = (request as Record<string, unknown>)[request.type] as {
        id?: string;
        link?: string;
        caption?: string;
        filename?: string;
      };
      const stored = media.id === undefined ? undefined : ctx.store.media.get(media.id);
      message.media = {
        kind: request.type,
        ...media,
        ...(stored ? { mime_type: stored.mimeType, file_size: stored.bytes.length, filename: media.filename ?? stored.filename } : {}),
      };
      if (media.caption !== undefined) message.text = media.caption;
    }
  }
  return message;
}
