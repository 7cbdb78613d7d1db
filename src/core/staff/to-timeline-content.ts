import type { InboundContent, OutboundReply } from '../messages.ts';

export interface TimelineContent {
  kind: string;
  text: string | null;
  choices: Array<{ id: string; title: string; description?: string }>;
  choiceTaken: string | null;
  template: { name: string; language: string; params: string[] } | null;
  media: { mediaType: string; mimeType: string | null; filename: string | null; caption: string | null } | null;
}

const empty = (kind: string): TimelineContent => ({ kind, text: null, choices: [], choiceTaken: null, template: null, media: null });

/** What staff see of one message: the text, the buttons or rows offered, the tap, the template, the file. */
export function toTimelineContent(content: InboundContent | OutboundReply): TimelineContent {
  const base = empty(content.kind);
  switch (content.kind) {
    case 'text':
      return { ...base, text: content.text };
    case 'choices':
      return { ...base, text: content.text, choices: content.choices.map((c) => ({ id: c.id, title: c.title, ...(c.description === undefined ? {} : { description: c.description }) })) };
    case 'choice':
      return { ...base, text: content.title, choiceTaken: content.title };
    case 'template':
      return { ...base, template: { name: content.name, language: content.language, params: content.bodyParams } };
    case 'media':
      return {
        ...base,
        text: content.caption ?? null,
        media: {
          mediaType: content.mediaType,
          mimeType: content.mimeType ?? null,
          filename: content.filename ?? null,
          caption: content.caption ?? null,
        },
      };
    case 'location':
      return { ...base, text: `📍 ${[content.name, content.address].filter(Boolean).join(', ') || `${content.latitude}, ${content.longitude}`}` };
    case 'contacts':
      return { ...base, text: `👤 ${content.contacts.map((c) => `${c.name} ${c.phones.join(', ')}`).join('; ')}` };
    case 'reaction':
      return { ...base, text: content.emoji === null ? 'Removed a reaction' : `Reacted ${content.emoji}` };
    case 'order':
      return { ...base, text: `Order of ${content.items.length} item(s)${content.text === undefined ? '' : `: ${content.text}`}` };
    case 'form_reply':
      return { ...base, text: content.body ?? 'Sent a form' };
    case 'system':
      return { ...base, text: content.body ?? (content.event === 'number_changed' ? 'The patient changed their WhatsApp number' : 'WhatsApp system message') };
    case 'edit': {
      const inner = toTimelineContent(content.content);
      return { ...inner, kind: 'edit', text: `${inner.text ?? ''} (edited)` };
    }
    case 'revoke':
      return { ...base, text: 'The patient deleted a message' };
    case 'unsupported':
      return { ...base, text: `Message WhatsApp could not pass on: ${content.reason}` };
  }
}

/** One line for the inbox list. */
export function toPreview(content: InboundContent | OutboundReply): string {
  const shown = toTimelineContent(content);
  if (shown.template !== null) return `Template: ${shown.template.name}`;
  if (shown.media !== null && shown.text === null) return `[${shown.media.mediaType}]`;
  return (shown.text ?? '').replace(/\s+/g, ' ').slice(0, 140);
}
