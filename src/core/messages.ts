/**
 * Hale's one internal message model. Channels translate to and from these shapes at the edge
 * (src/adapters/whatsapp/); flows and use cases never see provider payloads.
 */

export type MediaType = 'image' | 'audio' | 'video' | 'document' | 'sticker';

export type InboundContent =
  | { kind: 'text'; text: string }
  | {
      kind: 'choice';
      /** The id Hale put on the row/button (or the template quick-reply payload). */
      choiceId: string;
      title: string;
      description?: string;
      source: 'list' | 'button' | 'template_button';
    }
  | {
      kind: 'media';
      mediaType: MediaType;
      /** The provider's id for downloading the file (WhatsApp media id). */
      providerMediaId: string;
      mimeType: string;
      sha256?: string;
      caption?: string;
      filename?: string;
      voice?: boolean;
      animated?: boolean;
    }
  | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { kind: 'contacts'; contacts: Array<{ name: string; phones: string[] }> }
  | { kind: 'reaction'; targetProviderMessageId: string; emoji: string | null }
  | {
      kind: 'order';
      catalogId: string;
      text?: string;
      items: Array<{ productId: string; quantity: number; itemPrice: number; currency: string }>;
    }
  | { kind: 'form_reply'; name?: string; body?: string; responseJson: string }
  | {
      kind: 'system';
      event: 'number_changed' | 'identity_changed' | 'other';
      body?: string;
      /** New WhatsApp id after a number change. */
      newWaId?: string;
      newUserId?: string;
    }
  | { kind: 'edit'; targetProviderMessageId: string; content: InboundContent }
  | { kind: 'revoke'; targetProviderMessageId: string }
  | { kind: 'unsupported'; providerType?: string; errorCode?: number; reason: string };

export type InboundKind = InboundContent['kind'];

/** Who sent a message. At least one of waId (phone) or userId (2026 business-scoped id) is set. */
export interface SenderRef {
  waId?: string;
  userId?: string;
  profileName?: string;
  username?: string;
}

export interface InboundMessage {
  channel: 'whatsapp';
  providerMessageId: string;
  /** The business number (phone_number_id) the message was sent to. */
  channelAccountId: string;
  from: SenderRef;
  /** Milliseconds since the epoch (provider timestamp). */
  sentAt: number;
  replyToProviderMessageId?: string;
  forwarded?: 'once' | 'many';
  referral?: { sourceType?: string; sourceId?: string; sourceUrl?: string; headline?: string; body?: string };
  content: InboundContent;
}

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusUpdate {
  channel: 'whatsapp';
  providerMessageId: string;
  channelAccountId: string;
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed';
  /** Milliseconds since the epoch. */
  at: number;
  recipient: { waId?: string; userId?: string };
  error?: { code: number; title: string; detail?: string };
  callbackData?: string;
}

export interface Choice {
  id: string;
  title: string;
  description?: string;
  /** Rows with the same section are grouped under that heading in a list. */
  section?: string;
}

export type MediaSource = { mediaId: string } | { link: string } | { storageKey: string };

export type OutboundReply =
  | { kind: 'text'; text: string; previewUrl?: boolean }
  | {
      kind: 'choices';
      text: string;
      choices: Choice[];
      header?: string;
      footer?: string;
      /** Label of the button that opens a list (≤20 chars). */
      buttonLabel?: string;
    }
  | {
      kind: 'template';
      name: string;
      language: string;
      bodyParams: string[];
      headerParams?: string[];
      /** Quick-reply button payloads, by button index. */
      quickReplyPayloads?: string[];
    }
  | { kind: 'media'; mediaType: Exclude<MediaType, 'sticker'>; source: MediaSource; caption?: string; filename?: string; mimeType?: string };

export type OutboundKind = OutboundReply['kind'];

/** What a channel can show; flows adapt to these instead of checking channel names. */
export interface ChannelCapabilities {
  maxListRows: number;
  maxListSections: number;
  maxButtons: number;
  maxButtonTitle: number;
  maxRowTitle: number;
  maxRowDescription: number;
  maxListButtonLabel: number;
  maxTextLength: number;
  maxCaptionLength: number;
  maxInteractiveBody: number;
  maxHeaderLength: number;
  maxFooterLength: number;
  replyWindowHours: number;
}
