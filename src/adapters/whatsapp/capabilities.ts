import type { ChannelCapabilities } from '../../core/messages.ts';

/**
 * What a WhatsApp Cloud API message can show (Meta's documented limits, see
 * shared/whatsapp/CLOUD-API.md §0 and the OpenAPI `ActionObject` / `SectionObject` schemas).
 * Lengths are counted in Unicode code points, as JSON Schema `maxLength` does.
 */
export const whatsappCapabilities: ChannelCapabilities = Object.freeze({
  maxListRows: 10,
  maxListSections: 10,
  maxButtons: 3,
  maxButtonTitle: 20,
  maxRowTitle: 24,
  maxRowDescription: 72,
  maxListButtonLabel: 20,
  maxTextLength: 4096,
  maxCaptionLength: 1024,
  // The list page allows 4096, the OpenAPI BodyObject and the reply-button page 1024: use 1024.
  maxInteractiveBody: 1024,
  maxHeaderLength: 60,
  maxFooterLength: 60,
  replyWindowHours: 24,
});

/** Longest list row id Meta accepts. */
export const whatsappMaxRowIdLength = 200;
/** Longest reply-button id Meta accepts. */
export const whatsappMaxButtonIdLength = 256;
/** Longest list section title Meta accepts. */
export const whatsappMaxSectionTitleLength = 24;
