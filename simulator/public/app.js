// Hale WhatsApp simulator: phone UI. Plain ES modules, no build step.
import { api, fileToBase64, subscribe } from './api.js';
import { renderListSheet, renderMessage } from './render-message.js';

const MAX_OPEN = 4;
const EMOJIS = ['😀', '😂', '😊', '😍', '🙏', '👍', '👎', '👋', '🙌', '👏', '🤒', '🤕', '🤧', '😷', '💊', '🩺', '🏥', '📅', '⏰', '✅', '❌', '❤️', '😢', '😅', '🤔', '😴', '🎉', '🔥', '☀️', '🌧️', '🚗', '📄'];
const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'it', 'nl', 'pl', 'tr', 'ar'];

const state = {
  info: { businessName: 'Hale Clinic' },
  personas: new Map(),
  conversations: new Map(),
  open: JSON.parse(localStorage.getItem('hale-sim-open') || '[]'),
  active: localStorage.getItem('hale-sim-active') || '',
  typing: new Map(),
  phones: new Map(),
};

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

function saveOpen() {
  localStorage.setItem('hale-sim-open', JSON.stringify(state.open));
  localStorage.setItem('hale-sim-active', state.active);
}

// Country calling codes of one or two digits; every other code here is taken as three digits.
const SHORT_CODES = /^(1|7|2[07]|3[0-469]|4[0-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

function displayNumber(waId) {
  if (waId.startsWith('1') && waId.length === 11) return `+1 ${waId.slice(1, 4)} ${waId.slice(4, 7)} ${waId.slice(7)}`;
  const code = (waId.match(SHORT_CODES) ?? [waId.slice(0, 3)])[0];
  return `+${code} ${waId.slice(code.length).replace(/(\d{3})(?=\d)/g, '$1 ')}`;
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}

function colorFor(waId) {
  let h = 0;
  for (const c of waId) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h} 45% 48%)`;
}

// ---------- tabs ----------

function renderTabs() {
  const tabs = $('#persona-tabs');
  tabs.replaceChildren();
  for (const persona of state.personas.values()) {
    const tab = el('button', `tab${persona.wa_id === state.active ? ' active' : ''}${state.open.includes(persona.wa_id) ? ' open' : ''}`);
    tab.type = 'button';
    tab.dataset.wa = persona.wa_id;
    const avatar = el('span', 'tab-avatar', initials(persona.name));
    avatar.style.background = colorFor(persona.wa_id);
    tab.append(avatar, el('span', 'tab-name', persona.name));
    tab.title = `${persona.name} · ${displayNumber(persona.wa_id)} · ${persona.language}${persona.undeliverable ? ' · undeliverable' : ''}`;
    tab.addEventListener('click', () => openPhone(persona.wa_id));
    tabs.append(tab);
  }
  $('#empty').hidden = state.personas.size > 0;
}

// ---------- phones ----------

async function openPhone(waId) {
  state.open = [waId, ...state.open.filter((w) => w !== waId)].slice(0, MAX_OPEN);
  state.active = waId;
  saveOpen();
  await ensureConversation(waId);
  renderPhones();
  renderTabs();
  state.phones.get(waId)?.input.focus();
}

function closePhone(waId) {
  state.open = state.open.filter((w) => w !== waId);
  if (state.active === waId) state.active = state.open[0] || '';
  saveOpen();
  renderPhones();
  renderTabs();
}

async function ensureConversation(waId) {
  if (state.conversations.has(waId)) return;
  const { messages } = await api('GET', `/conversations/${waId}`);
  state.conversations.set(waId, messages);
}

function renderPhones() {
  const container = $('#phones');
  const wanted = state.open.filter((w) => state.personas.has(w));
  for (const [waId, phone] of state.phones) {
    if (!wanted.includes(waId)) {
      phone.root.remove();
      state.phones.delete(waId);
    }
  }
  // Oldest-opened on the left, newest on the right, like adding phones to a desk.
  for (const waId of [...wanted].reverse()) {
    let phone = state.phones.get(waId);
    if (!phone) {
      phone = buildPhone(waId);
      state.phones.set(waId, phone);
      renderConversation(waId);
    }
    container.append(phone.root);
    phone.root.classList.toggle('active', waId === state.active);
    updateHeader(waId);
  }
}

function buildPhone(waId) {
  const root = $('#phone-template').content.firstElementChild.cloneNode(true);
  root.dataset.wa = waId;
  const phone = {
    root,
    log: $('.messages', root),
    input: $('.input', root),
    file: $('.file', root),
  };
  root.addEventListener('pointerdown', () => {
    if (state.active !== waId) {
      state.active = waId;
      saveOpen();
      for (const [w, p] of state.phones) p.root.classList.toggle('active', w === waId);
      renderTabs();
    }
  });
  $('.back', root).addEventListener('click', () => closePhone(waId));
  $('.composer', root).addEventListener('submit', (e) => {
    e.preventDefault();
    const text = phone.input.value.trim();
    if (!text) return;
    phone.input.value = '';
    updateSendButton(phone);
    send(waId, { text });
  });
  phone.input.addEventListener('input', () => updateSendButton(phone));
  updateSendButton(phone);

  const emojiPop = $('.emoji-pop', root);
  for (const emoji of EMOJIS) {
    const b = el('button', 'emoji', emoji);
    b.type = 'button';
    b.addEventListener('click', () => {
      phone.input.value += emoji;
      updateSendButton(phone);
      phone.input.focus();
    });
    emojiPop.append(b);
  }
  $('.emoji-toggle', root).addEventListener('click', () => {
    emojiPop.hidden = !emojiPop.hidden;
    $('.attach-menu', root).hidden = true;
  });
  $('.attach-toggle', root).addEventListener('click', () => {
    $('.attach-menu', root).hidden = !$('.attach-menu', root).hidden;
    emojiPop.hidden = true;
  });
  for (const item of root.querySelectorAll('.attach-menu [data-kind]')) {
    item.addEventListener('click', () => {
      $('.attach-menu', root).hidden = true;
      const kind = item.dataset.kind;
      if (kind === 'location') return askLocation(waId);
      phone.file.accept = kind === 'image' ? 'image/*' : '';
      phone.file.dataset.kind = kind;
      phone.file.click();
    });
  }
  phone.file.addEventListener('change', async () => {
    const file = phone.file.files?.[0];
    phone.file.value = '';
    if (!file) return;
    const kind = phone.file.dataset.kind === 'image' && file.type.startsWith('image/') ? 'image' : 'document';
    const caption = phone.input.value.trim();
    phone.input.value = '';
    updateSendButton(phone);
    const media = { base64: await fileToBase64(file), mime_type: file.type || 'application/octet-stream', ...(kind === 'document' ? { filename: file.name } : {}), ...(caption ? { caption } : {}) };
    send(waId, { type: kind, [kind]: media });
  });
  $('.menu-toggle', root).addEventListener('click', () => {
    $('.menu', root).hidden = !$('.menu', root).hidden;
  });
  for (const item of root.querySelectorAll('.menu [data-action]')) {
    item.addEventListener('click', () => {
      $('.menu', root).hidden = true;
      menuAction(waId, item.dataset.action);
    });
  }
  phone.log.addEventListener('scroll', () => markReadSoon(waId));
  return phone;
}

function updateSendButton(phone) {
  phone.root.classList.toggle('has-text', phone.input.value.trim().length > 0);
}

function updateHeader(waId) {
  const phone = state.phones.get(waId);
  const persona = state.personas.get(waId);
  if (!phone || !persona) return;
  $('.business-name', phone.root).textContent = state.info.businessName;
  $('.avatar', phone.root).textContent = initials(state.info.businessName);
  $('.presence', phone.root).textContent = state.typing.get(waId) ? 'typing…' : 'Business account';
  $('.presence', phone.root).classList.toggle('typing', Boolean(state.typing.get(waId)));
  $('.persona-line', phone.root).textContent = `${persona.name} · ${displayNumber(persona.wa_id)}`;
  $('.persona-flags', phone.root).textContent = [persona.language.toUpperCase(), persona.undeliverable ? 'undeliverable' : ''].filter(Boolean).join(' · ');
  $('.menu [data-action="undeliverable"]', phone.root).textContent = persona.undeliverable ? 'Make deliverable' : 'Make undeliverable';
}

const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
function dayLabel(iso) {
  const d = new Date(iso);
  const today = new Date();
  if (d.toDateString() === today.toDateString()) return 'Today';
  return DAY.format(d);
}

function actionsFor(waId) {
  return {
    openList: (message) => openListSheet(waId, message),
    tapButton: (message, reply) => send(waId, { type: 'interactive', button_reply: { id: reply.id, title: reply.title }, context_id: message.id }),
    tapQuickReply: (message, button) => send(waId, { type: 'button', payload: button.payload ?? button.text, text: button.text, context_id: message.id }),
  };
}

function renderConversation(waId) {
  const phone = state.phones.get(waId);
  if (!phone) return;
  const messages = state.conversations.get(waId) || [];
  const atBottom = phone.log.scrollHeight - phone.log.scrollTop - phone.log.clientHeight < 80;
  phone.log.replaceChildren();
  phone.log.append(el('div', 'notice', '🔒 Messages are simulated by Hale’s WhatsApp simulator. Nothing leaves this machine.'));
  let lastDay = '';
  const actions = actionsFor(waId);
  for (const message of messages) {
    const day = dayLabel(message.timestamp);
    if (day !== lastDay) {
      phone.log.append(el('div', 'day', day));
      lastDay = day;
    }
    phone.log.append(renderMessage(message, actions));
  }
  attachReactions(phone, messages);
  if (atBottom || phone.log.dataset.loaded !== '1') phone.log.scrollTop = phone.log.scrollHeight;
  phone.log.dataset.loaded = '1';
  markReadSoon(waId);
}

function attachReactions(phone, messages) {
  for (const m of messages) {
    if (m.type !== 'reaction' || !m.reaction?.message_id) continue;
    const target = phone.log.querySelector(`[data-id="${CSS.escape(m.reaction.message_id)}"] .bubble`);
    const row = phone.log.querySelector(`[data-id="${CSS.escape(m.id)}"]`);
    if (!target || !row) continue;
    row.remove();
    target.querySelector('.reaction')?.remove();
    if (m.reaction.emoji) target.append(el('span', 'reaction', m.reaction.emoji));
  }
}

function upsertMessage(waId, message) {
  const list = state.conversations.get(waId);
  if (!list) return;
  const i = list.findIndex((m) => m.id === message.id);
  if (i >= 0) list[i] = message;
  else list.push(message);
  const phone = state.phones.get(waId);
  if (!phone) return;
  const existing = phone.log.querySelector(`[data-id="${CSS.escape(message.id)}"]`);
  if (existing && message.type !== 'reaction') {
    existing.replaceWith(renderMessage(message, actionsFor(waId)));
    markReadSoon(waId);
  } else {
    renderConversation(waId);
  }
}

// ---------- actions ----------

async function send(waId, body) {
  const persona = state.personas.get(waId);
  try {
    await api('POST', '/inbound', { wa_id: waId, name: persona?.name, ...body });
  } catch (err) {
    toast(`Could not send: ${err.message}`);
  }
}

function openListSheet(waId, message) {
  const phone = state.phones.get(waId);
  if (!phone) return;
  const close = () => sheet.remove();
  const sheet = renderListSheet(
    message,
    (row) => {
      close();
      send(waId, { type: 'interactive', list_reply: { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) }, context_id: message.id });
    },
    close,
  );
  $('.screen', phone.root).append(sheet);
}

const readTimers = new Map();
function markReadSoon(waId) {
  if (document.visibilityState !== 'visible') return;
  const messages = state.conversations.get(waId) || [];
  if (!messages.some((m) => m.direction === 'outbound' && (m.status === 'delivered' || m.status === 'sent') && m.type !== 'reaction')) return;
  clearTimeout(readTimers.get(waId));
  readTimers.set(
    waId,
    setTimeout(() => api('POST', `/personas/${waId}/read`).catch(() => undefined), 700),
  );
}

async function menuAction(waId, action) {
  try {
    const persona = state.personas.get(waId);
    if (action === 'rewind') {
      await api('POST', `/personas/${waId}/rewind`, { hours: 25 });
      toast('Last message moved 25 h back: the 24-hour window is closed.');
    } else if (action === 'undeliverable') {
      await api('PATCH', `/personas/${waId}`, { undeliverable: !persona.undeliverable });
    } else if (action === 'duplicate') {
      await api('POST', '/replay', { wa_id: waId, duplicate: true });
      toast('Re-sent the last webhook to Hale.');
    } else if (action === 'reorder') {
      await api('POST', '/replay', { wa_id: waId, reorder: true });
      toast('Re-sent the last message’s statuses newest first.');
    } else if (action === 'close') {
      closePhone(waId);
    }
  } catch (err) {
    toast(err.message);
  }
}

function askLocation(waId) {
  const dialog = $('#location-dialog');
  dialog.returnValue = '';
  dialog.showModal();
  dialog.onclose = () => {
    if (dialog.returnValue !== 'send') return;
    const form = $('form', dialog);
    const data = new FormData(form);
    send(waId, {
      type: 'location',
      location: {
        latitude: Number(data.get('latitude')),
        longitude: Number(data.get('longitude')),
        ...(data.get('name') ? { name: String(data.get('name')) } : {}),
        ...(data.get('address') ? { address: String(data.get('address')) } : {}),
      },
    });
  };
}

function newPersona() {
  const dialog = $('#persona-dialog');
  const form = $('form', dialog);
  form.reset();
  form.elements.wa_id.value = `+1 555 01${String(Math.floor(Math.random() * 100)).padStart(2, '0')} ${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  $('.form-error', dialog).textContent = '';
  dialog.showModal();
  form.elements.name.focus();
}

async function submitPersona(e) {
  const dialog = $('#persona-dialog');
  if (e.submitter?.value !== 'create') return;
  e.preventDefault();
  const data = new FormData(e.target);
  try {
    const persona = await api('POST', '/personas', {
      wa_id: String(data.get('wa_id')),
      name: String(data.get('name')).trim() || undefined,
      language: String(data.get('language')),
      undeliverable: data.get('undeliverable') === 'on',
    });
    state.personas.set(persona.wa_id, persona);
    dialog.close();
    await openPhone(persona.wa_id);
  } catch (err) {
    $('.form-error', dialog).textContent = err.message;
  }
}

let toastTimer;
function toast(text) {
  const node = $('#toast');
  node.textContent = text;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.hidden = true;
  }, 3500);
}

// ---------- live updates ----------

function onEvent(type, data) {
  if (type === 'persona') {
    state.personas.set(data.persona.waId, toPersonaJson(data.persona));
    renderTabs();
    updateHeader(data.persona.waId);
  } else if (type === 'message') {
    if (data.message.direction === 'outbound') {
      state.typing.delete(data.waId);
      updateHeader(data.waId);
    }
    upsertMessage(data.waId, data.message);
  } else if (type === 'typing') {
    state.typing.set(data.waId, data.typing);
    updateHeader(data.waId);
  } else if (type === 'reset' || type === 'hello') {
    void reload();
  }
}

function toPersonaJson(p) {
  return { wa_id: p.waId, name: p.name, language: p.language, undeliverable: p.undeliverable, user_id: p.userId };
}

async function reload() {
  const [{ personas }, info] = await Promise.all([api('GET', '/personas'), api('GET', '/info')]);
  state.info = info;
  state.personas = new Map(personas.map((p) => [p.wa_id, p]));
  state.conversations.clear();
  state.open = state.open.filter((w) => state.personas.has(w));
  if (!state.personas.has(state.active)) state.active = state.open[0] || '';
  await Promise.all(state.open.map(ensureConversation));
  for (const phone of state.phones.values()) phone.root.remove();
  state.phones.clear();
  renderTabs();
  renderPhones();
}

function init() {
  const langSelect = $('#persona-dialog select[name="language"]');
  for (const lang of LANGUAGES) langSelect.append(new Option(lang, lang));
  $('#new-persona').addEventListener('click', newPersona);
  $('#empty-new').addEventListener('click', newPersona);
  $('#persona-dialog form').addEventListener('submit', submitPersona);
  document.addEventListener('visibilitychange', () => state.open.forEach(markReadSoon));
  subscribe(onEvent);
}

init();
