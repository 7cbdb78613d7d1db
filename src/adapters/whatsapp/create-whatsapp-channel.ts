import { DomainError } from '../../core/domain-error.ts';
import type { OutboundReply } from '../../core/messages.ts';
import type { ChannelSender, ChannelTranslator, Recipient, SendResult } from '../../app/ports.ts';
import { createGraphClient, GraphApiError } from './graph-client.ts';
import { classifyGraphError } from './graph-errors.ts';
import { OutboundRenderError, renderOutbound } from './render-outbound.ts';
import { toInboundMessage, toStatusUpdate } from './to-inbound-message.ts';

export interface WhatsAppChannelOptions {
  apiUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  /** Reads a stored file (decrypted) for an outbound media reply that refers to storage. */
  readStoredMedia(key: string): Promise<Buffer>;
}

/** Translates Meta's payloads into Hale's message model. */
export const whatsappTranslator: ChannelTranslator = {
  toInboundMessage(raw) {
    const result = toInboundMessage(raw);
    return result.ok ? { ok: true, value: result.message } : result;
  },
  toStatusUpdate(raw) {
    const result = toStatusUpdate(raw);
    return result.ok ? { ok: true, value: result.status } : result;
  },
  describeFailure(code) {
    return classifyGraphError(code === undefined ? {} : { code }).reason;
  },
};

function validateReply(reply: OutboundReply, to: Recipient): void {
  try {
    // A stored file gets its media id at send time; any id satisfies the shape check here.
    renderOutbound(reply, to, { mediaIdForStorageKey: () => 'pending-upload' });
  } catch (error) {
    if (error instanceof OutboundRenderError) throw new DomainError('invalid_reply', error.details, { channel: 'whatsapp' });
    throw error;
  }
}

function toFailure(error: unknown): Extract<SendResult, { ok: false }> {
  if (error instanceof GraphApiError) {
    return { ok: false, ...(error.code === undefined ? {} : { code: error.code }), title: error.title, reason: error.reason, retryable: error.retryable };
  }
  const classified = classifyGraphError({ transport: true });
  return { ok: false, title: error instanceof Error ? error.message : 'transport error', reason: classified.reason, retryable: classified.retryable };
}

/** The WhatsApp Cloud API channel: renders replies within Meta's limits and calls the Graph API. */
export function createWhatsAppChannel(options: WhatsAppChannelOptions): ChannelSender {
  const client = createGraphClient({
    baseUrl: options.apiUrl,
    version: options.apiVersion,
    phoneNumberId: options.phoneNumberId,
    accessToken: options.accessToken,
  });
  return {
    validate: validateReply,
    async send(reply, to, sendOptions) {
      try {
        let uploadedId: string | undefined;
        if (reply.kind === 'media' && 'storageKey' in reply.source) {
          const bytes = await options.readStoredMedia(reply.source.storageKey);
          const uploaded = await client.uploadMedia(bytes, reply.mimeType ?? 'application/octet-stream', reply.filename ?? 'file');
          uploadedId = uploaded.mediaId;
        }
        const rendered = renderOutbound(reply, to, { mediaIdForStorageKey: () => uploadedId });
        const body = sendOptions?.callbackData === undefined ? rendered : { ...rendered, biz_opaque_callback_data: sendOptions.callbackData };
        const { providerMessageId } = await client.sendMessage(body);
        return { ok: true, providerMessageId };
      } catch (error) {
        if (error instanceof OutboundRenderError) return { ok: false, title: 'invalid_reply', reason: error.details, retryable: false };
        return toFailure(error);
      }
    },
    async markRead(providerMessageId) {
      try {
        await client.markAsRead(providerMessageId);
        return { ok: true };
      } catch (error) {
        return toFailure(error);
      }
    },
    async fetchMedia(providerMediaId, maxBytes) {
      try {
        const info = await client.getMediaUrl(providerMediaId);
        if (info.fileSize !== undefined && info.fileSize > maxBytes) {
          return { ok: false, tooLarge: true, title: 'too_large', reason: `The file is ${info.fileSize} bytes; Hale accepts up to ${maxBytes}.`, retryable: false };
        }
        const { bytes, mimeType } = await client.downloadMedia(info.url, maxBytes);
        return { ok: true, bytes, mimeType: mimeType || info.mimeType };
      } catch (error) {
        if (error instanceof GraphApiError && error.title === 'media_too_large') {
          return { ok: false, tooLarge: true, title: 'too_large', reason: `The file is larger than ${maxBytes} bytes.`, retryable: false };
        }
        return { ...toFailure(error), tooLarge: false };
      }
    },
  };
}

/** Stands in while Meta settings are missing: replies are validated, sends fail with what to set. */
export function unconfiguredChannel(missing: readonly string[]): ChannelSender {
  const failure = { ok: false as const, title: 'whatsapp_not_configured', reason: `WhatsApp is not configured: set ${missing.join(', ')}.`, retryable: false };
  return {
    validate: validateReply,
    send: async () => failure,
    markRead: async () => failure,
    fetchMedia: async () => ({ ...failure, tooLarge: false }),
  };
}
