import type { Choice, MediaSource, OutboundReply } from '../../core/messages.ts';
import {
  whatsappCapabilities as caps,
  whatsappMaxButtonIdLength,
  whatsappMaxRowIdLength,
  whatsappMaxSectionTitleLength,
} from './capabilities.ts';

// ---- Graph API request shapes (POST /{version}/{phone-number-id}/messages) -----------------

export type GraphMediaObject = ({ id: string } | { link: string }) & { caption?: string; filename?: string };
export interface GraphTextHeader {
  type: 'text';
  text: string;
}
export interface GraphListAction {
  button: string;
  sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
}
export interface GraphButtonsAction {
  buttons: Array<{ type: 'reply'; reply: { id: string; title: string } }>;
}
export type GraphInteractive =
  | { type: 'list'; header?: GraphTextHeader; body: { text: string }; footer?: { text: string }; action: GraphListAction }
  | { type: 'button'; header?: GraphTextHeader; body: { text: string }; footer?: { text: string }; action: GraphButtonsAction };
export interface GraphTextParameter {
  type: 'text';
  text: string;
}
export type GraphTemplateComponent =
  | { type: 'header'; parameters: GraphTextParameter[] }
  | { type: 'body'; parameters: GraphTextParameter[] }
  | { type: 'button'; sub_type: 'quick_reply'; index: string; parameters: Array<{ type: 'payload'; payload: string }> };
export interface GraphTemplate {
  name: string;
  language: { code: string };
  components?: GraphTemplateComponent[];
}

/** Recipient: `to` (phone, with `+`) or, for username-only users, `recipient` (BSUID). */
export type GraphRecipient = { to: string; recipient?: never } | { recipient: string; to?: never };

export type GraphMessageContent =
  | { type: 'text'; text: { body: string; preview_url?: boolean } }
  | { type: 'interactive'; interactive: GraphInteractive }
  | { type: 'template'; template: GraphTemplate }
  | { type: 'image'; image: GraphMediaObject }
  | { type: 'document'; document: GraphMediaObject }
  | { type: 'audio'; audio: GraphMediaObject }
  | { type: 'video'; video: GraphMediaObject };

export type GraphSendRequest = { messaging_product: 'whatsapp'; recipient_type: 'individual' } & GraphRecipient & GraphMessageContent;

export interface GraphMarkAsReadRequest {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}

/** A reply that WhatsApp would refuse; raised before anything is sent. */
export class OutboundRenderError extends Error {
  readonly code: 'invalid_reply';
  /** Every problem found, e.g. `choices[3].title is 27 characters; WhatsApp allows 24`. */
  readonly details: string;

  constructor(problems: string[]) {
    super(`invalid reply for WhatsApp: ${problems.join('; ')}`);
    this.name = 'OutboundRenderError';
    this.code = 'invalid_reply';
    this.details = problems.join('; ');
  }
}

export interface RenderOptions {
  /** Resolves a stored file to an uploaded WhatsApp media id (see the graph client's uploadMedia). */
  mediaIdForStorageKey?: (key: string) => string | undefined;
}

const MAX_TEMPLATE_BUTTONS = 10;
const MAX_TEMPLATE_NAME = 512;
const DEFAULT_LIST_LABEL = 'Options';

/** Builds the exact JSON body Meta expects, or throws OutboundRenderError listing every problem. */
export function renderOutbound(
  reply: OutboundReply,
  to: { waId?: string; userId?: string },
  options: RenderOptions = {},
): GraphSendRequest {
  const problems: string[] = [];
  const recipient = toRecipient(to, problems);
  const content = renderContent(reply, options, problems);
  if (problems.length > 0 || recipient === undefined || content === undefined) throw new OutboundRenderError(problems);
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipient, ...content };
}

/** Marks an inbound message (and the ones before it) as read; optionally shows "typing…". */
export function renderMarkAsRead(providerMessageId: string, opts: { typingIndicator?: boolean } = {}): GraphMarkAsReadRequest {
  if (providerMessageId.trim() === '') throw new OutboundRenderError(['message_id is empty']);
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: providerMessageId,
    ...(opts.typingIndicator === true ? { typing_indicator: { type: 'text' as const } } : {}),
  };
}

function toRecipient(to: { waId?: string; userId?: string }, problems: string[]): GraphRecipient | undefined {
  const waId = to.waId?.trim();
  if (waId !== undefined && waId !== '') {
    // Without a leading "+", Meta prepends the clinic number's country code (misdelivery risk).
    return { to: /^\d+$/.test(waId) ? `+${waId}` : waId };
  }
  const userId = to.userId?.trim();
  if (userId !== undefined && userId !== '') return { recipient: userId };
  problems.push('recipient has neither a WhatsApp number (waId) nor a user id (userId)');
  return undefined;
}

function renderContent(reply: OutboundReply, options: RenderOptions, problems: string[]): GraphMessageContent | undefined {
  switch (reply.kind) {
    case 'text': {
      checkText(problems, 'text', reply.text, caps.maxTextLength);
      return {
        type: 'text',
        text: { body: reply.text, ...(reply.previewUrl === undefined ? {} : { preview_url: reply.previewUrl }) },
      };
    }
    case 'choices':
      return { type: 'interactive', interactive: renderChoices(reply, problems) };
    case 'template':
      return { type: 'template', template: renderTemplate(reply, problems) };
    case 'media':
      return renderMedia(reply, options, problems);
    default: {
      const unknownKind: { kind?: unknown } = reply;
      problems.push(`kind ${JSON.stringify(unknownKind.kind)} cannot be sent on WhatsApp`);
      return undefined;
    }
  }
}

function renderChoices(reply: Extract<OutboundReply, { kind: 'choices' }>, problems: string[]): GraphInteractive {
  checkText(problems, 'text', reply.text, caps.maxInteractiveBody);
  const header = reply.header === undefined ? undefined : { type: 'text' as const, text: reply.header };
  if (reply.header !== undefined) checkText(problems, 'header', reply.header, caps.maxHeaderLength);
  if (reply.footer !== undefined) checkText(problems, 'footer', reply.footer, caps.maxFooterLength);
  const frame = {
    ...(header === undefined ? {} : { header }),
    body: { text: reply.text },
    ...(reply.footer === undefined ? {} : { footer: { text: reply.footer } }),
  };
  const choices: Choice[] = Array.isArray(reply.choices) ? reply.choices : [];
  if (choices.length === 0) problems.push('choices is empty; WhatsApp needs at least 1');
  checkUnique(problems, choices, 'id');

  const asButtons = choices.length <= caps.maxButtons && choices.every((choice) => choice.description === undefined);
  if (asButtons) {
    checkUnique(problems, choices, 'title');
    choices.forEach((choice, i) => {
      checkId(problems, `choices[${i}].id`, choice.id, whatsappMaxButtonIdLength);
      checkText(problems, `choices[${i}].title`, choice.title, caps.maxButtonTitle);
    });
    return {
      type: 'button',
      ...frame,
      action: { buttons: choices.map((choice) => ({ type: 'reply' as const, reply: { id: choice.id, title: choice.title } })) },
    };
  }

  if (choices.length > caps.maxListRows) {
    problems.push(`choices has ${choices.length} rows; WhatsApp allows ${caps.maxListRows} in a list`);
  }
  const buttonLabel = reply.buttonLabel ?? DEFAULT_LIST_LABEL;
  checkText(problems, 'buttonLabel', buttonLabel, caps.maxListButtonLabel);
  choices.forEach((choice, i) => {
    checkId(problems, `choices[${i}].id`, choice.id, whatsappMaxRowIdLength);
    checkText(problems, `choices[${i}].title`, choice.title, caps.maxRowTitle);
    if (choice.description !== undefined) checkLength(problems, `choices[${i}].description`, choice.description, caps.maxRowDescription);
    if (choice.section !== undefined) checkText(problems, `choices[${i}].section`, choice.section, whatsappMaxSectionTitleLength);
  });
  const sections = groupIntoSections(choices, defaultSectionTitle(reply.header));
  if (sections.length > caps.maxListSections) {
    problems.push(`choices use ${sections.length} sections; WhatsApp allows ${caps.maxListSections}`);
  }
  return { type: 'list', ...frame, action: { button: buttonLabel, sections } };
}

/** Rows keep their order; a section appears where its first row does. */
function groupIntoSections(choices: Choice[], fallbackTitle: string): GraphListAction['sections'] {
  const sections = new Map<string, GraphListAction['sections'][number]>();
  for (const choice of choices) {
    const title = choice.section ?? fallbackTitle;
    let section = sections.get(title);
    if (section === undefined) {
      section = { title, rows: [] };
      sections.set(title, section);
    }
    section.rows.push({ id: choice.id, title: choice.title, ...(choice.description === undefined ? {} : { description: choice.description }) });
  }
  return [...sections.values()];
}

function defaultSectionTitle(header: string | undefined): string {
  return header !== undefined && header.trim() !== '' && length(header) <= whatsappMaxSectionTitleLength ? header : DEFAULT_LIST_LABEL;
}

function renderTemplate(reply: Extract<OutboundReply, { kind: 'template' }>, problems: string[]): GraphTemplate {
  if (!/^[a-z0-9_]+$/.test(reply.name)) problems.push('template name must be lowercase letters, digits and underscores');
  checkLength(problems, 'name', reply.name, MAX_TEMPLATE_NAME);
  if (reply.language.trim() === '') problems.push('language is empty');
  const headerParams = reply.headerParams ?? [];
  const bodyParams = Array.isArray(reply.bodyParams) ? reply.bodyParams : [];
  const payloads = reply.quickReplyPayloads ?? [];
  if (headerParams.length > 1) problems.push(`headerParams has ${headerParams.length} values; a WhatsApp text header takes 1`);
  headerParams.forEach((value, i) => checkParam(problems, `headerParams[${i}]`, value));
  bodyParams.forEach((value, i) => checkParam(problems, `bodyParams[${i}]`, value));
  if (payloads.length > MAX_TEMPLATE_BUTTONS) {
    problems.push(`quickReplyPayloads has ${payloads.length} values; WhatsApp allows ${MAX_TEMPLATE_BUTTONS} buttons`);
  }
  payloads.forEach((payload, i) => {
    if (payload.trim() === '') problems.push(`quickReplyPayloads[${i}] is empty`);
  });

  const text = (value: string): GraphTextParameter => ({ type: 'text', text: value });
  const components: GraphTemplateComponent[] = [];
  if (headerParams.length > 0) components.push({ type: 'header', parameters: headerParams.map(text) });
  if (bodyParams.length > 0) components.push({ type: 'body', parameters: bodyParams.map(text) });
  payloads.forEach((payload, index) => {
    components.push({ type: 'button', sub_type: 'quick_reply', index: String(index), parameters: [{ type: 'payload', payload }] });
  });
  return { name: reply.name, language: { code: reply.language }, ...(components.length === 0 ? {} : { components }) };
}

function renderMedia(reply: Extract<OutboundReply, { kind: 'media' }>, options: RenderOptions, problems: string[]): GraphMessageContent | undefined {
  const ref = resolveMediaSource(reply.source, options, problems);
  if (reply.caption !== undefined) {
    if (reply.mediaType === 'audio') problems.push('caption is not supported on audio; WhatsApp allows captions on image, video and document');
    else checkLength(problems, 'caption', reply.caption, caps.maxCaptionLength);
  }
  if (ref === undefined) return undefined;
  const media: GraphMediaObject = {
    ...ref,
    ...(reply.caption === undefined || reply.mediaType === 'audio' ? {} : { caption: reply.caption }),
    ...(reply.filename === undefined || reply.mediaType !== 'document' ? {} : { filename: reply.filename }),
  };
  switch (reply.mediaType) {
    case 'image':
      return { type: 'image', image: media };
    case 'document':
      return { type: 'document', document: media };
    case 'audio':
      return { type: 'audio', audio: media };
    case 'video':
      return { type: 'video', video: media };
    default:
      problems.push(`mediaType ${JSON.stringify(reply.mediaType)} cannot be sent on WhatsApp`);
      return undefined;
  }
}

function resolveMediaSource(source: MediaSource | undefined, options: RenderOptions, problems: string[]): { id: string } | { link: string } | undefined {
  if (source !== undefined && 'mediaId' in source && source.mediaId.trim() !== '') return { id: source.mediaId };
  if (source !== undefined && 'link' in source) {
    const url = URL.canParse(source.link) ? new URL(source.link) : undefined;
    if (url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:')) return { link: source.link };
    problems.push('source.link must be an http(s) URL');
    return undefined;
  }
  if (source !== undefined && 'storageKey' in source) {
    const id = options.mediaIdForStorageKey?.(source.storageKey);
    if (id !== undefined && id !== '') return { id };
    problems.push('source.storageKey has no uploaded WhatsApp media id; upload the file first');
    return undefined;
  }
  problems.push('media has no source (mediaId, link or storageKey)');
  return undefined;
}

// ---- checks --------------------------------------------------------------------------------

/** Length in Unicode code points (what JSON Schema maxLength counts), so an emoji counts once. */
function length(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function checkLength(problems: string[], field: string, value: unknown, max: number): void {
  if (typeof value !== 'string') {
    problems.push(`${field} must be text`);
    return;
  }
  const actual = length(value);
  if (actual > max) problems.push(`${field} is ${actual} characters; WhatsApp allows ${max}`);
}

function checkText(problems: string[], field: string, value: unknown, max: number): void {
  if (typeof value === 'string' && value.trim() === '') problems.push(`${field} is empty`);
  else checkLength(problems, field, value, max);
}

function checkId(problems: string[], field: string, value: unknown, max: number): void {
  checkText(problems, field, value, max);
  if (typeof value === 'string' && value.trim() !== '' && value !== value.trim()) {
    problems.push(`${field} has leading or trailing spaces`);
  }
}

function checkUnique(problems: string[], choices: Choice[], key: 'id' | 'title'): void {
  const seen = new Map<string, number>();
  choices.forEach((choice, i) => {
    const value = choice[key];
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else problems.push(`choices[${i}].${key} repeats choices[${first}].${key} ${JSON.stringify(value)}; WhatsApp needs unique ${key}s`);
  });
}

/** Meta rejects template parameters that are empty or hold newlines, tabs or 5+ spaces in a row. */
function checkParam(problems: string[], field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${field} is empty`);
    return;
  }
  if (/[\n\r\t]| {5}/.test(value)) problems.push(`${field} contains a newline, tab or more than 4 spaces in a row; WhatsApp refuses those in template values`);
  checkLength(problems, field, value, caps.maxTextLength);
}
