import { z } from 'zod';
import type { InboundContent, InboundMessage, MediaType, SenderRef, StatusUpdate } from '../../core/messages.ts';

/**
 * Maps the `raw` of a `message` / `status` WebhookItem (see split-webhook.ts) to Hale's
 * channel-agnostic model. Content that cannot be read becomes `unsupported` with a reason (the
 * patient still wrote, so the message is kept); only a message without id, sender, business
 * number or time is refused.
 */
export type InboundResult = { ok: true; message: InboundMessage } | { ok: false; reason: string };
export type StatusResult = { ok: true; status: StatusUpdate } | { ok: false; reason: string };

const timestampSchema = z.union([
  z.string().regex(/^\d{1,13}$/).transform(Number),
  z.number().int().nonnegative(),
]);
const metadataSchema = z.looseObject({ phone_number_id: z.string().min(1) });
const contactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
const contextSchema = z.looseObject({
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
});
const referralSchema = z.looseObject({
  source_type: z.string().optional(),
  source_id: z.string().optional(),
  source_url: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
});
const messageSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  timestamp: timestampSchema,
  from: z.string().min(1).optional(),
  from_user_id: z.string().min(1).optional(),
  context: z.unknown().optional(),
  referral: z.unknown().optional(),
});
const messageRawSchema = z.object({
  metadata: metadataSchema,
  contact: z.unknown().optional(),
  message: messageSchema,
});

const errorItemSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
const statusRawSchema = z.object({
  metadata: metadataSchema,
  status: z.looseObject({
    id: z.string().min(1),
    status: z.enum(['sent', 'delivered', 'read', 'played', 'failed']),
    timestamp: timestampSchema,
    recipient_id: z.string().optional(),
    recipient_user_id: z.string().optional(),
    recipient_type: z.string().optional(),
    recipient_participant_id: z.string().optional(),
    recipient_participant_user_id: z.string().optional(),
    biz_opaque_callback_data: z.string().optional(),
    errors: z.array(z.unknown()).optional(),
  }),
});

export function toInboundMessage(raw: unknown): InboundResult {
  const parsed = messageRawSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeFirstIssue(parsed.error) };
  const { metadata, message } = parsed.data;
  const contactParse = contactSchema.safeParse(parsed.data.contact);
  const contact = contactParse.success ? contactParse.data : undefined;

  const from: SenderRef = {};
  const waId = message.from ?? contact?.wa_id;
  const userId = message.from_user_id ?? contact?.user_id;
  if (waId !== undefined && waId !== '') from.waId = waId;
  if (userId !== undefined && userId !== '') from.userId = userId;
  if (from.waId === undefined && from.userId === undefined) {
    return { ok: false, reason: 'message has no sender (no from, from_user_id or contact id)' };
  }
  if (contact?.profile?.name !== undefined) from.profileName = contact.profile.name;
  if (contact?.profile?.username !== undefined) from.username = contact.profile.username;

  const result: InboundMessage = {
    channel: 'whatsapp',
    providerMessageId: message.id,
    channelAccountId: metadata.phone_number_id,
    from,
    sentAt: message.timestamp * 1000,
    content: toContent(message, 0),
  };
  const context = contextSchema.safeParse(message.context);
  if (context.success) {
    if (context.data.id !== undefined) result.replyToProviderMessageId = context.data.id;
    if (context.data.frequently_forwarded === true) result.forwarded = 'many';
    else if (context.data.forwarded === true) result.forwarded = 'once';
  }
  const referral = referralSchema.safeParse(message.referral);
  if (message.referral !== undefined && referral.success) {
    result.referral = definedOnly({
      sourceType: referral.data.source_type,
      sourceId: referral.data.source_id,
      sourceUrl: referral.data.source_url,
      headline: referral.data.headline,
      body: referral.data.body,
    });
  }
  return { ok: true, message: result };
}

export function toStatusUpdate(raw: unknown): StatusResult {
  const parsed = statusRawSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeFirstIssue(parsed.error) };
  const { metadata, status } = parsed.data;
  // For a group send, recipient_id is the group; the person is the participant.
  const group = status.recipient_type === 'group';
  const update: StatusUpdate = {
    channel: 'whatsapp',
    providerMessageId: status.id,
    channelAccountId: metadata.phone_number_id,
    status: status.status,
    at: status.timestamp * 1000,
    recipient: group
      ? definedOnly({ waId: status.recipient_participant_id, userId: status.recipient_participant_user_id })
      : definedOnly({ waId: status.recipient_id, userId: status.recipient_user_id }),
  };
  const error = errorItemSchema.safeParse(status.errors?.[0]);
  if (error.success) {
    const detail = error.data.error_data?.details;
    update.error = {
      code: error.data.code,
      title: error.data.title ?? error.data.message ?? `Error ${error.data.code}`,
      ...(detail === undefined ? {} : { detail }),
    };
  }
  if (status.biz_opaque_callback_data !== undefined) update.callbackData = status.biz_opaque_callback_data;
  return { ok: true, status: update };
}

// ---- content -------------------------------------------------------------------------------

const mediaTypes: readonly MediaType[] = ['image', 'audio', 'video', 'document', 'sticker'];
const mediaSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().min(1).optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});
const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const locationSchema = z.looseObject({
  latitude: coordinate,
  longitude: coordinate,
  name: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
});
const sharedContactsSchema = z.array(
  z.looseObject({
    name: z
      .looseObject({ formatted_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() })
      .optional(),
    phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
  }),
);
const interactiveSchema = z.looseObject({ type: z.string() });
const replySchema = z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() });
const nfmReplySchema = z.looseObject({ response_json: z.string(), body: z.string().optional(), name: z.string().optional() });
const templateButtonSchema = z.looseObject({ payload: z.string().optional(), text: z.string() });
const reactionSchema = z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() });
const orderSchema = z.looseObject({
  catalog_id: z.string(),
  text: z.string().optional(),
  product_items: z.array(
    z.looseObject({ product_retailer_id: z.string(), quantity: z.number(), item_price: z.number(), currency: z.string() }),
  ),
});
const systemSchema = z.looseObject({
  type: z.string().optional(),
  body: z.string().optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
});
const editSchema = z.looseObject({ original_message_id: z.string().min(1), message: z.looseObject({ type: z.string().min(1) }) });
const revokeSchema = z.looseObject({ original_message_id: z.string().min(1) });
const unsupportedSchema = z.looseObject({
  errors: z.array(z.unknown()).optional(),
  unsupported: z.looseObject({ type: z.string().optional() }).optional(),
});

type ProviderMessage = Record<string, unknown> & { type: string };

/** Payload of `message[type]` checked against a schema; failure → an `unsupported` reason. */
function payload<T>(message: ProviderMessage, schema: z.ZodType<T>): { data: T } | { reason: string } {
  const parsed = schema.safeParse(message[message.type]);
  if (parsed.success) return { data: parsed.data };
  if (message[message.type] === undefined) return { reason: `${message.type} message has no ${message.type} object` };
  return { reason: `${message.type} payload is invalid: ${describeFirstIssue(parsed.error)}` };
}

function unsupported(providerType: string, reason: string, errorCode?: number): InboundContent {
  return errorCode === undefined
    ? { kind: 'unsupported', providerType, reason }
    : { kind: 'unsupported', providerType, errorCode, reason };
}

function toContent(message: ProviderMessage, depth: number): InboundContent {
  const type = message.type;
  if ((mediaTypes as readonly string[]).includes(type)) return toMediaContent(message, type as MediaType);
  switch (type) {
    case 'text': {
      const text = payload(message, z.looseObject({ body: z.string() }));
      return 'data' in text ? { kind: 'text', text: text.data.body } : unsupported(type, text.reason);
    }
    case 'location': {
      const location = payload(message, locationSchema);
      if (!('data' in location)) return unsupported(type, location.reason);
      const { latitude, longitude, name, address, url } = location.data;
      return { kind: 'location', latitude, longitude, ...definedOnly({ name, address, url }) };
    }
    case 'contacts': {
      const contacts = payload(message, sharedContactsSchema);
      if (!('data' in contacts)) return unsupported(type, contacts.reason);
      return {
        kind: 'contacts',
        contacts: contacts.data.map((card) => ({
          name:
            card.name?.formatted_name ??
            [card.name?.first_name, card.name?.last_name].filter((part) => part !== undefined).join(' '),
          phones: (card.phones ?? []).flatMap((phone) => {
            const number = phone.phone ?? phone.wa_id;
            return number === undefined ? [] : [number];
          }),
        })),
      };
    }
    case 'interactive':
      return toInteractiveContent(message);
    case 'button': {
      const button = payload(message, templateButtonSchema);
      if (!('data' in button)) return unsupported(type, button.reason);
      return { kind: 'choice', choiceId: button.data.payload ?? button.data.text, title: button.data.text, source: 'template_button' };
    }
    case 'reaction': {
      const reaction = payload(message, reactionSchema);
      if (!('data' in reaction)) return unsupported(type, reaction.reason);
      const emoji = reaction.data.emoji;
      return { kind: 'reaction', targetProviderMessageId: reaction.data.message_id, emoji: emoji === undefined || emoji === '' ? null : emoji };
    }
    case 'order': {
      const order = payload(message, orderSchema);
      if (!('data' in order)) return unsupported(type, order.reason);
      return {
        kind: 'order',
        catalogId: order.data.catalog_id,
        ...(order.data.text === undefined || order.data.text === '' ? {} : { text: order.data.text }),
        items: order.data.product_items.map((item) => ({
          productId: item.product_retailer_id,
          quantity: item.quantity,
          itemPrice: item.item_price,
          currency: item.currency,
        })),
      };
    }
    case 'system': {
      const system = payload(message, systemSchema);
      if (!('data' in system)) return unsupported(type, system.reason);
      const event =
        system.data.type === 'user_changed_number'
          ? 'number_changed'
          : system.data.type === 'customer_identity_changed'
            ? 'identity_changed'
            : 'other';
      return { kind: 'system', event, ...definedOnly({ body: system.data.body, newWaId: system.data.wa_id, newUserId: system.data.user_id }) };
    }
    case 'edit': {
      const edit = payload(message, editSchema);
      if (!('data' in edit)) return unsupported(type, edit.reason);
      const inner: ProviderMessage = edit.data.message;
      const content =
        depth > 0 || inner.type === 'edit' ? unsupported('edit', 'an edit of an edit is not supported') : toContent(inner, depth + 1);
      return { kind: 'edit', targetProviderMessageId: edit.data.original_message_id, content };
    }
    case 'revoke': {
      const revoke = payload(message, revokeSchema);
      if (!('data' in revoke)) return unsupported(type, revoke.reason);
      return { kind: 'revoke', targetProviderMessageId: revoke.data.original_message_id };
    }
    case 'unsupported':
    case 'unknown':
      return toUnsupportedContent(message);
    default:
      return unsupported(type, `message type "${type}" is not handled by Hale`);
  }
}

function toMediaContent(message: ProviderMessage, mediaType: MediaType): InboundContent {
  const media = payload(message, mediaSchema);
  if (!('data' in media)) return unsupported(mediaType, media.reason);
  const { id, mime_type, sha256, caption, filename, voice, animated } = media.data;
  return {
    kind: 'media',
    mediaType,
    providerMediaId: id,
    // Meta always sends mime_type; the fallback keeps a file that lacks it downloadable.
    mimeType: mime_type ?? 'application/octet-stream',
    ...definedOnly({
      sha256,
      caption,
      filename: mediaType === 'document' ? filename : undefined,
      voice: mediaType === 'audio' ? voice : undefined,
      animated: mediaType === 'sticker' ? animated : undefined,
    }),
  };
}

function toInteractiveContent(message: ProviderMessage): InboundContent {
  const interactive = payload(message, interactiveSchema);
  if (!('data' in interactive)) return unsupported('interactive', interactive.reason);
  const subtype = interactive.data.type;
  const body = interactive.data[subtype];
  if (subtype === 'button_reply' || subtype === 'list_reply') {
    const reply = replySchema.safeParse(body);
    if (!reply.success) {
      return unsupported(`interactive.${subtype}`, `interactive.${subtype} is invalid: ${describeFirstIssue(reply.error)}`);
    }
    return {
      kind: 'choice',
      choiceId: reply.data.id,
      title: reply.data.title,
      ...(subtype === 'list_reply' && reply.data.description !== undefined ? { description: reply.data.description } : {}),
      source: subtype === 'list_reply' ? 'list' : 'button',
    };
  }
  if (subtype === 'nfm_reply') {
    const form = nfmReplySchema.safeParse(body);
    if (!form.success) return unsupported('interactive.nfm_reply', `interactive.nfm_reply is invalid: ${describeFirstIssue(form.error)}`);
    return { kind: 'form_reply', ...definedOnly({ name: form.data.name, body: form.data.body }), responseJson: form.data.response_json };
  }
  return unsupported(`interactive.${subtype}`, `interactive reply type "${subtype}" is not handled by Hale`);
}

function toUnsupportedContent(message: ProviderMessage): InboundContent {
  const parsed = unsupportedSchema.safeParse(message);
  const error = errorItemSchema.safeParse(parsed.success ? parsed.data.errors?.[0] : undefined);
  const providerType = parsed.success ? parsed.data.unsupported?.type : undefined;
  const reason = error.success
    ? (error.data.error_data?.details ?? error.data.title ?? error.data.message ?? `WhatsApp error ${error.data.code}`)
    : 'WhatsApp could not show this message type';
  return {
    kind: 'unsupported',
    ...(providerType === undefined ? {} : { providerType }),
    ...(error.success ? { errorCode: error.data.code } : {}),
    reason,
  };
}

// ---- helpers -------------------------------------------------------------------------------

/** Drops keys whose value is undefined (the model uses optional, not `| undefined`, fields). */
function definedOnly<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid input';
  const path = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && path !== '' && issue.message.endsWith('received undefined')) return `missing ${path}`;
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
