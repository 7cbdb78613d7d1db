/**
 * A persona sends a message to the business: the scriptable API's `POST /simulator/api/inbound`
 * and the phone UI both come here. Builds the message exactly as Meta's webhook carries it,
 * records it in the conversation, opens the 24-hour window and delivers it to Hale.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { buildMessageEnvelope, toMetaJson } from './build-webhook-envelope.ts';
import type { WebhookMessage } from './build-webhook-envelope.ts';
import { makeMediaId, makeWamid } from './make-wamid.ts';
import { toWaId, unixSeconds } from './simulator-context.ts';
import type { SimulatorContext } from './simulator-context.ts';
import type { ConversationMessage, MediaItem, Persona } from './simulator-store.ts';

const waIdField = z.string().transform((v, ctx) => {
  const waId = toWaId(v);
  if (waId === undefined) {
    ctx.addIssue({ code: 'custom', message: 'wa_id must be a phone number with 6–15 digits' });
    return z.NEVER;
  }
  return waId;
});

const mediaInput = z
  .strictObject({
    base64: z.string().min(1).optional(),
    media_id: z.string().min(1).optional(),
    mime_type: z.string().min(3).optional(),
    filename: z.string().min(1).max(240).optional(),
    caption: z.string().max(1024).optional(),
    voice: z.boolean().optional(),
  })
  .refine((m) => (m.base64 === undefined) !== (m.media_id === undefined), 'give exactly one of base64 or media_id')
  .refine((m) => m.media_id !== undefined || m.mime_type !== undefined, 'mime_type is required with base64');

const common = {
  wa_id: waIdField,
  name: z.string().min(1).max(80).optional(),
  context_id: z.string().min(1).optional(),
};

export const inboundRequestSchema = z.union([
  z.strictObject({ ...common, type: z.literal('text').optional(), text: z.string().min(1).max(65536) }),
  z.strictObject({
    ...common,
    type: z.literal('interactive'),
    list_reply: z.strictObject({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('interactive'),
    button_reply: z.strictObject({ id: z.string().min(1), title: z.string().min(1) }),
  }),
  z.strictObject({ ...common, type: z.literal('button'), payload: z.string().min(1), text: z.string().min(1) }),
  z.strictObject({ ...common, type: z.literal('image'), image: mediaInput }),
  z.strictObject({ ...common, type: z.literal('document'), document: mediaInput }),
  z.strictObject({ ...common, type: z.literal('audio'), audio: mediaInput }),
  z.strictObject({ ...common, type: z.literal('video'), video: mediaInput }),
  z.strictObject({ ...common, type: z.literal('sticker'), sticker: mediaInput }),
  z.strictObject({
    ...common,
    type: z.literal('location'),
    location: z.strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().max(1000).optional(),
      address: z.string().max(1000).optional(),
      url: z.string().max(2000).optional(),
    }),
  }),
  z.strictObject({
    ...common,
    type: z.literal('reaction'),
    reaction: z.strictObject({ message_id: z.string().min(1), emoji: z.string() }),
  }),
]);

export type InboundRequest = z.infer<typeof inboundRequestSchema>;

export class InboundError extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

export interface InboundResult {
  id: string;
  /** HTTP status Hale answered the webhook with (null: no answer within the wait). */
  webhookStatus: number | null;
  webhookMs: number;
  webhookError?: string;
}

const MEDIA_KINDS = ['image', 'document', 'audio', 'video', 'sticker'] as const;
type MediaKind = (typeof MEDIA_KINDS)[number];

export async function sendInboundMessage(ctx: SimulatorContext, input: InboundRequest, options: { waitMs?: number } = {}): Promise<InboundResult> {
  const now = ctx.config.now();
  const existing = ctx.store.findPersona(input.wa_id);
  const persona =
    existing === undefined || (input.name !== undefined && input.name !== existing.name)
      ? ctx.store.upsertPersona({ waId: input.wa_id, ...(input.name === undefined ? {} : { name: input.name }) })
      : existing;
  const id = makeWamid(persona.waId);
  const { webhook, stored } = buildInbound(ctx, persona, input, id, now);

  ctx.store.addMessage(persona.waId, stored);
  ctx.store.setLastInbound(persona.waId, now);

  const envelope = buildMessageEnvelope(ctx.business, { profile: { name: persona.name }, wa_id: persona.waId, user_id: persona.userId }, webhook);
  const delivery = ctx.sender.enqueue({ key: persona.waId, label: `message.${webhook.type}`, messageId: id }, toMetaJson(envelope), (result, attempt) => {
    const message = ctx.store.findMessage(id)?.message;
    if (message === undefined) return;
    const patch: Partial<ConversationMessage> = attempt === 1 ? { webhookStatus: result.status } : {};
    if (result.status === 200 && message.status !== 'read') patch.status = 'delivered';
    else if (message.status === 'pending') patch.status = 'sent';
    ctx.store.updateMessage(id, patch);
  });
  const waitMs = options.waitMs ?? 15_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const result = await Promise.race([delivery, timeout]);
  clearTimeout(timer);
  if (result === null) return { id, webhookStatus: null, webhookMs: waitMs, webhookError: 'still queued (earlier deliveries for this persona are being retried)' };
  return {
    id,
    webhookStatus: result.status,
    webhookMs: Math.round(result.ms * 10) / 10,
    ...(result.error === undefined ? {} : { webhookError: result.error }),
  };
}

function buildInbound(
  ctx: SimulatorContext,
  persona: Persona,
  input: InboundRequest,
  id: string,
  now: number,
): { webhook: WebhookMessage; stored: ConversationMessage } {
  const webhook: WebhookMessage = { from: persona.waId, from_user_id: persona.userId, id, timestamp: unixSeconds(now), type: 'text' };
  const stored: ConversationMessage = { direction: 'inbound', id, type: 'text', status: 'pending', timestamp: new Date(now).toISOString() };

  const contextId = input.context_id ?? defaultContext(ctx, persona.waId, input);
  if (contextId !== undefined) {
    const replyTo = ctx.store.findMessage(contextId);
    if (input.context_id !== undefined && replyTo === undefined) throw new InboundError(400, `context_id ${contextId} is not a message in this simulator`);
    webhook.context = { from: ctx.business.displayPhoneNumber, id: contextId };
    stored.context = { id: contextId };
  }

  if ('text' in input && input.type !== 'button') {
    webhook.text = { body: input.text };
    stored.text = input.text;
  } else if ('list_reply' in input) {
    webhook.type = stored.type = 'interactive';
    webhook.interactive = { type: 'list_reply', list_reply: input.list_reply };
    stored.interactive = webhook.interactive;
    stored.text = input.list_reply.title;
  } else if ('button_reply' in input) {
    webhook.type = stored.type = 'interactive';
    webhook.interactive = { type: 'button_reply', button_reply: input.button_reply };
    stored.interactive = webhook.interactive;
    stored.text = input.button_reply.title;
  } else if (input.type === 'button') {
    webhook.type = stored.type = 'button';
    webhook.button = { payload: input.payload, text: input.text };
    stored.button = webhook.button;
    stored.text = input.text;
  } else if (input.type === 'location') {
    webhook.type = stored.type = 'location';
    webhook.location = input.location;
    stored.location = input.location;
  } else if (input.type === 'reaction') {
    webhook.type = stored.type = 'reaction';
    webhook.reaction = input.reaction;
    stored.reaction = input.reaction;
  } else {
    const kind = input.type as MediaKind;
    const media = (input as Record<string, unknown>)[kind] as z.infer<typeof mediaInput>;
    const item = resolveMedia(ctx, media, kind);
    const object: Record<string, unknown> = { mime_type: item.mimeType, sha256: item.sha256, id: item.id };
    if (media.caption !== undefined && kind !== 'audio' && kind !== 'sticker') object.caption = media.caption;
    if (kind === 'document') object.filename = media.filename ?? item.filename ?? 'document';
    if (kind === 'audio') object.voice = media.voice ?? false;
    if (kind === 'sticker') object.animated = false;
    webhook.type = stored.type = kind;
    webhook[kind] = object;
    stored.media = { kind, id: item.id, mime_type: item.mimeType, file_size: item.bytes.length, ...(object.filename ? { filename: object.filename } : {}) };
    if (media.caption !== undefined) stored.text = media.caption;
  }
  return { webhook, stored };
}

function resolveMedia(ctx: SimulatorContext, media: z.infer<typeof mediaInput>, kind: MediaKind): MediaItem {
  if (media.media_id !== undefined) {
    const item = ctx.store.media.get(media.media_id);
    if (item === undefined) throw new InboundError(404, `media_id ${media.media_id} not found`);
    return item;
  }
  const bytes = Buffer.from(media.base64 ?? '', 'base64');
  if (bytes.length === 0) throw new InboundError(400, `${kind}.base64 is empty or not base64`);
  const item: MediaItem = {
    id: makeMediaId(),
    mimeType: media.mime_type ?? 'application/octet-stream',
    bytes,
    sha256: createHash('sha256').update(bytes).digest('base64'),
    ...(media.filename === undefined ? {} : { filename: media.filename }),
    phoneNumberId: ctx.business.phoneNumberId,
    createdAt: ctx.config.now(),
  };
  ctx.store.putMedia(item);
  return item;
}

/** Replies to a list/button/template point at the latest business message that offered them. */
function defaultContext(ctx: SimulatorContext, waId: string, input: InboundRequest): string | undefined {
  let wanted: ((m: ConversationMessage) => boolean) | undefined;
  if ('list_reply' in input) {
    const rowId = input.list_reply.id;
    wanted = (m) => {
      const action = (m.interactive as { type?: string; action?: { sections?: Array<{ rows?: Array<{ id: string }> }> } } | undefined);
      return action?.type === 'list' && (action.action?.sections ?? []).some((s) => (s.rows ?? []).some((r) => r.id === rowId));
    };
  } else if ('button_reply' in input) {
    const buttonId = input.button_reply.id;
    wanted = (m) => {
      const action = m.interactive as { type?: string; action?: { buttons?: Array<{ reply: { id: string } }> } } | undefined;
      return action?.type === 'button' && (action.action?.buttons ?? []).some((b) => b.reply.id === buttonId);
    };
  } else if (input.type === 'button') {
    const payload = input.payload;
    wanted = (m) => {
      const rendered = m.rendered as { buttons?: Array<{ payload?: string }> } | undefined;
      return m.type === 'template' && (rendered?.buttons ?? []).some((b) => b.payload === payload);
    };
  }
  if (wanted === undefined) return undefined;
  const messages = ctx.store.conversation(waId);
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i] as ConversationMessage;
    if (m.direction === 'outbound' && wanted(m)) return m.id;
  }
  return undefined;
}
