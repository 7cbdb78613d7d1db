// Renders one conversation message as a WhatsApp-like bubble (DOM elements, no innerHTML of data).
import { mediaUrl } from './api.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const SVG_NS = 'http://www.w3.org/2000/svg';
function icon(paths, className, viewBox = '0 0 16 11') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', viewBox);
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
  }
  return svg;
}
const SINGLE = ['M11.07.65 10.4.1a.37.37 0 0 0-.52.06L4.3 7.03 1.97 4.84a.35.35 0 0 0-.5.02l-.6.6a.37.37 0 0 0 .01.52l3.02 2.9c.17.16.43.15.58-.03l6.65-7.68a.37.37 0 0 0-.06-.52Z'];
const DOUBLE = [
  ...SINGLE,
  'M15.07.65 14.4.1a.37.37 0 0 0-.52.06L8.3 7.03l-.76-.72-.83.97 1.42 1.37c.17.16.43.15.58-.03l6.65-7.68a.37.37 0 0 0-.06-.52Z',
];
const REPLY = ['M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z'];
const OPEN = ['M14 3v2h3.6l-9.8 9.8 1.4 1.4L19 6.4V10h2V3h-7zm5 16H5V5h7V3H5a2 2 0 0 0-2 2v14c0 1.1.9 2 2 2h14a2 2 0 0 0 2-2v-7h-2v7z'];
const LIST = ['M4 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm0-6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm0 12a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM7 19h14v-2H7v2zm0-6h14v-2H7v2zm0-8v2h14V5H7z'];
const CLOCK = ['M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.2a5.3 5.3 0 1 1 0 10.6A5.3 5.3 0 0 1 8 2.7Zm-.6 1.8v4.1l3.2 1.9.6-1-2.6-1.5V4.5H7.4Z'];

export function statusIcon(status) {
  switch (status) {
    case 'pending':
    case 'accepted':
      return icon(CLOCK, 'tick clock', '0 0 16 16');
    case 'sent':
      return icon(SINGLE, 'tick');
    case 'delivered':
      return icon(DOUBLE, 'tick');
    case 'read':
      return icon(DOUBLE, 'tick read');
    case 'failed': {
      const span = el('span', 'tick failed', '!');
      return span;
    }
    default:
      return el('span');
  }
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
export const timeOf = (iso) => TIME.format(new Date(iso));

/** WhatsApp formatting: *bold*, _italic_, ~strike~, ```mono```, links, line breaks. */
export function formatText(text) {
  const frag = document.createDocumentFragment();
  const pattern = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|```[^`]+```|https?:\/\/[^\s]+)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) frag.append(text.slice(last, match.index));
    const token = match[0];
    let node;
    if (token.startsWith('http')) {
      node = el('a', '', token);
      node.href = token;
      node.target = '_blank';
      node.rel = 'noopener noreferrer';
    } else if (token.startsWith('```')) node = el('code', '', token.slice(3, -3));
    else if (token.startsWith('*')) node = el('strong', '', token.slice(1, -1));
    else if (token.startsWith('_')) node = el('em', '', token.slice(1, -1));
    else node = el('s', '', token.slice(1, -1));
    frag.append(node);
    last = match.index + token.length;
  }
  if (last < text.length) frag.append(text.slice(last));
  return frag;
}

function formatSize(bytes) {
  if (!bytes && bytes !== 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function mediaSource(media) {
  if (media.link) return media.link;
  if (media.id) return mediaUrl(media.id);
  return '';
}

function renderMedia(media) {
  const kind = media.kind;
  if (kind === 'image' || kind === 'sticker') {
    const img = el('img', kind === 'sticker' ? 'sticker' : 'photo');
    img.src = mediaSource(media);
    img.alt = media.caption || kind;
    img.loading = 'lazy';
    return img;
  }
  if (kind === 'video') {
    const video = el('video', 'photo');
    video.src = mediaSource(media);
    video.controls = true;
    return video;
  }
  if (kind === 'audio') {
    const audio = el('audio', 'audio');
    audio.src = mediaSource(media);
    audio.controls = true;
    return audio;
  }
  const chip = el('a', 'doc');
  chip.href = mediaSource(media);
  chip.target = '_blank';
  chip.rel = 'noopener noreferrer';
  const name = media.filename || (media.link ? media.link.split('/').pop() : 'Document');
  const ext = (name.split('.').pop() || 'file').slice(0, 4).toUpperCase();
  chip.append(el('span', 'doc-icon', ext));
  const text = el('span', 'doc-text');
  text.append(el('span', 'doc-name', name));
  text.append(el('span', 'doc-meta', [formatSize(media.file_size), media.mime_type].filter(Boolean).join(' · ') || 'Document'));
  chip.append(text);
  return chip;
}

function renderLocation(location) {
  const link = el('a', 'location');
  link.href = `https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=16/${location.latitude}/${location.longitude}`;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const map = el('span', 'map');
  map.append(el('span', 'pin', '📍'));
  link.append(map);
  const label = el('span', 'location-text');
  label.append(el('strong', '', location.name || 'Location'));
  label.append(el('span', '', location.address || `${Number(location.latitude).toFixed(4)}, ${Number(location.longitude).toFixed(4)}`));
  link.append(label);
  return link;
}

/**
 * @param message the API's conversation message
 * @param actions { openList(message), tapButton(message, button), tapQuickReply(message, button) }
 */
export function renderMessage(message, actions) {
  const mine = message.direction === 'inbound';
  const row = el('div', `row ${mine ? 'out' : 'in'}`);
  row.dataset.id = message.id;
  const bubble = el('div', `bubble type-${message.type}`);
  row.append(bubble);

  const body = el('div', 'body');
  const interactive = message.interactive;
  const rendered = message.rendered;
  let buttons = [];

  if (message.type === 'interactive' && interactive && !mine) {
    if (interactive.header?.type === 'text') bubble.append(el('div', 'header', interactive.header.text));
    else if (interactive.header?.[interactive.header?.type]) bubble.append(renderMedia({ kind: interactive.header.type, ...interactive.header[interactive.header.type] }));
    body.append(formatText(interactive.body?.text ?? ''));
    bubble.append(body);
    if (interactive.footer) bubble.append(el('div', 'footer', interactive.footer.text));
    if (interactive.type === 'list') {
      const open = el('button', 'list-button');
      open.type = 'button';
      open.append(icon(LIST, 'button-icon', '0 0 24 24'), el('span', '', interactive.action.button));
      open.addEventListener('click', () => actions.openList(message));
      buttons = [open];
    } else if (interactive.type === 'button') {
      buttons = interactive.action.buttons.map((b) => {
        const btn = el('button', 'reply-button', b.reply.title);
        btn.type = 'button';
        btn.addEventListener('click', () => actions.tapButton(message, b.reply));
        return btn;
      });
    } else if (interactive.type === 'cta_url') {
      const a = el('a', 'reply-button');
      a.append(icon(OPEN, 'button-icon', '0 0 24 24'), el('span', '', interactive.action.parameters.display_text));
      a.href = interactive.action.parameters.url;
      a.target = '_blank';
      buttons = [a];
    }
  } else if (message.type === 'interactive' && interactive && mine) {
    const reply = interactive.list_reply || interactive.button_reply;
    body.append(el('span', 'choice', reply?.title ?? ''));
    if (interactive.list_reply?.description) body.append(el('div', 'choice-desc', interactive.list_reply.description));
    bubble.append(body);
  } else if (message.type === 'template' && rendered) {
    bubble.classList.add('template');
    if (rendered.header?.format === 'text') bubble.append(el('div', 'header', rendered.header.text));
    else if (rendered.header?.media) bubble.append(renderMedia({ kind: rendered.header.format, ...rendered.header.media }));
    body.append(formatText(rendered.body));
    bubble.append(body);
    if (rendered.footer) bubble.append(el('div', 'footer', rendered.footer));
    buttons = rendered.buttons.map((b) => {
      if (b.type === 'url') {
        const a = el('a', 'reply-button');
        a.append(icon(OPEN, 'button-icon', '0 0 24 24'), el('span', '', b.text));
        a.href = b.url || '#';
        a.target = '_blank';
        return a;
      }
      const btn = el('button', 'reply-button');
      if (b.type === 'quick_reply') btn.append(icon(REPLY, 'button-icon', '0 0 24 24'));
      btn.append(el('span', '', b.text));
      btn.type = 'button';
      if (b.type === 'quick_reply') btn.addEventListener('click', () => actions.tapQuickReply(message, b));
      return btn;
    });
  } else if (message.type === 'button') {
    body.append(el('span', 'choice', message.button?.text ?? message.text ?? ''));
    bubble.append(body);
  } else if (message.media) {
    bubble.classList.add('has-media');
    bubble.append(renderMedia(message.media));
    if (message.text) {
      body.append(formatText(message.text));
      bubble.append(body);
    }
  } else if (message.location) {
    bubble.append(renderLocation(message.location));
  } else if (message.type === 'reaction') {
    body.append(el('span', 'reaction-note', `Reacted ${message.reaction?.emoji || '(removed)'}`));
    bubble.append(body);
  } else if (message.type === 'contacts') {
    body.append(el('span', '', `👤 ${(message.contacts || []).map((c) => c.name?.formatted_name ?? 'Contact').join(', ')}`));
    bubble.append(body);
  } else {
    body.append(formatText(message.text ?? `[${message.type}]`));
    bubble.append(body);
  }

  const meta = el('span', 'meta');
  meta.append(el('span', 'time', timeOf(message.timestamp)));
  meta.append(statusIcon(message.status));
  meta.title = message.error ? `${message.status}: (#${message.error.code}) ${message.error.title}` : message.status;
  const holder = bubble.querySelector(':scope > .footer') ?? bubble.querySelector(':scope > .body') ?? bubble;
  holder.classList.add('has-meta');
  holder.append(meta);

  if (message.error) {
    const err = el('div', 'error-note', `Not delivered · #${message.error.code} ${message.error.title}`);
    bubble.append(err);
  }
  if (buttons.length > 0) {
    const bar = el('div', 'buttons');
    bar.append(...buttons);
    bubble.append(bar);
  }
  return row;
}

/** Bottom sheet with the list's sections; tapping a row sends the list_reply. */
export function renderListSheet(message, onPick, onClose) {
  const interactive = message.interactive;
  const overlay = el('div', 'sheet-overlay');
  const sheet = el('div', 'sheet');
  sheet.setAttribute('role', 'dialog');
  sheet.setAttribute('aria-label', interactive.action.button);
  const head = el('div', 'sheet-head');
  const close = el('button', 'sheet-close', '✕');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', onClose);
  head.append(close, el('div', 'sheet-title', interactive.action.button));
  sheet.append(el('div', 'sheet-grip'), head);
  const scroll = el('div', 'sheet-body');
  for (const section of interactive.action.sections) {
    if (section.title) scroll.append(el('div', 'sheet-section', section.title));
    for (const row of section.rows) {
      const item = el('button', 'sheet-row');
      item.type = 'button';
      const text = el('span', 'sheet-row-text');
      text.append(el('span', 'sheet-row-title', row.title));
      if (row.description) text.append(el('span', 'sheet-row-desc', row.description));
      item.append(text, el('span', 'radio'));
      item.addEventListener('click', () => onPick(row));
      scroll.append(item);
    }
  }
  sheet.append(scroll);
  overlay.append(sheet);
  overlay.addEventListener('click', (e) => {
    if (e.target === overlay) onClose();
  });
  return overlay;
}
