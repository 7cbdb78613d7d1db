import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IncomingEvent } from '../../app/ports.ts';

/**
 * One storable unit of a WhatsApp webhook body (the app layer's IncomingEvent). Dedupe keys:
 * message → `msg:<wamid>`; status → `status:<wamid>:<status>`; other changes (template and
 * account updates, user_preferences, smb_message_echoes, calls, value-level errors) and
 * quarantined fragments → `<kind>:<sha256 of the canonical JSON>`. `raw` is self-contained: for a
 * message {field, metadata, contact, message}; for a status {field, metadata, status}.
 */
export type WebhookItem = IncomingEvent;

const envelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});
const entrySchema = z.object({ id: z.string().optional(), changes: z.array(z.unknown()) });
const changeSchema = z.object({ field: z.string().min(1), value: z.unknown() });
const metadataSchema = z.looseObject({ phone_number_id: z.string().min(1) });
const messagesValueSchema = z.looseObject({ metadata: z.unknown().optional() });
const listSchema = z.array(z.unknown()).optional();
const messageSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
});
const statusSchema = z.looseObject({ id: z.string().min(1), status: z.string().min(1) });
const errorSchema = z.looseObject({});
const contactSchema = z.looseObject({ wa_id: z.string().optional(), user_id: z.string().optional() });

/**
 * Splits a parsed (already signature-verified) webhook body into one item per message, status,
 * value-level error and non-`messages` change. Never throws: anything malformed becomes a
 * `quarantined` item while the good items of the same batch are still returned.
 */
export function splitWebhook(body: unknown): WebhookItem[] {
  try {
    return splitEnvelope(body);
  } catch (error) {
    // Defensive: the parsing above is not expected to throw, but the caller must never lose a body.
    const reason = `unexpected error while splitting: ${String(error)}`;
    try {
      return [quarantine(body, reason)];
    } catch {
      return [{ kind: 'quarantined', dedupeKey: `quarantined:${sha256Hex(reason)}`, raw: null, quarantineReason: reason }];
    }
  }
}

function splitEnvelope(body: unknown): WebhookItem[] {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return [quarantine(body, `not a WhatsApp Business Account webhook: ${describeIssues(body, envelope.error, '')}`)];
  }
  const items: WebhookItem[] = [];
  envelope.data.entry.forEach((entryRaw, e) => {
    const entryPath = `entry[${e}]`;
    const entry = entrySchema.safeParse(entryRaw);
    if (!entry.success) {
      items.push(quarantine(entryRaw, describeIssues(entryRaw, entry.error, entryPath)));
      return;
    }
    entry.data.changes.forEach((changeRaw, c) => {
      splitChange(changeRaw, `${entryPath}.changes[${c}]`, items);
    });
  });
  return items;
}

function splitChange(changeRaw: unknown, path: string, items: WebhookItem[]): void {
  const change = changeSchema.safeParse(changeRaw);
  if (!change.success) {
    items.push(quarantine(changeRaw, describeIssues(changeRaw, change.error, path)));
    return;
  }
  const { field, value } = change.data;
  const phoneNumberId = findPhoneNumberId(value);
  if (field !== 'messages') {
    items.push(hashed('other', value, { field, phoneNumberId }));
    return;
  }
  const parsedValue = messagesValueSchema.safeParse(value);
  if (!parsedValue.success) {
    items.push(quarantine(value, describeIssues(value, parsedValue.error, `${path}.value`), { field, phoneNumberId }));
    return;
  }
  const { metadata } = parsedValue.data;
  const before = items.length;
  /** A list of the value (`messages`, `statuses`, …); a non-list is quarantined, the rest goes on. */
  const list = (key: string): unknown[] => {
    const fragment = parsedValue.data[key];
    const parsed = listSchema.safeParse(fragment);
    if (parsed.success) return parsed.data ?? [];
    items.push(quarantine(fragment, describeIssues(fragment, parsed.error, `${path}.value.${key}`), { field, phoneNumberId }));
    return [];
  };
  const contacts = list('contacts');
  const messages = list('messages');
  const statuses = list('statuses');
  const errors = list('errors');

  messages.forEach((messageRaw, m) => {
    const message = messageSchema.safeParse(messageRaw);
    if (!message.success) {
      const reason = describeIssues(messageRaw, message.error, `${path}.value.messages[${m}]`);
      items.push(quarantine(messageRaw, reason, { field, phoneNumberId }));
      return;
    }
    const contact = findContact(contacts, message.data.from, message.data.from_user_id);
    items.push({
      kind: 'message',
      dedupeKey: `msg:${message.data.id}`,
      ...optional({ phoneNumberId }),
      senderKey: `${message.data.from ?? ''}|${message.data.from_user_id ?? ''}`,
      field,
      raw: { field, metadata, ...(contact === undefined ? {} : { contact }), message: messageRaw },
    });
  });

  statuses.forEach((statusRaw, s) => {
    const status = statusSchema.safeParse(statusRaw);
    if (!status.success) {
      const reason = describeIssues(statusRaw, status.error, `${path}.value.statuses[${s}]`);
      items.push(quarantine(statusRaw, reason, { field, phoneNumberId }));
      return;
    }
    items.push({
      kind: 'status',
      dedupeKey: `status:${status.data.id}:${status.data.status}`,
      ...optional({ phoneNumberId }),
      field,
      raw: { field, metadata, status: statusRaw },
    });
  });

  errors.forEach((errorRaw, i) => {
    if (!errorSchema.safeParse(errorRaw).success) {
      items.push(quarantine(errorRaw, `${path}.value.errors[${i}]: not an object`, { field, phoneNumberId }));
      return;
    }
    items.push(hashed('other', { field, metadata, error: errorRaw }, { field, phoneNumberId }));
  });

  // A `messages` change with nothing we recognise is kept whole rather than dropped.
  if (items.length === before) items.push(hashed('other', value, { field, phoneNumberId }));
}

function findPhoneNumberId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('metadata' in value)) return undefined;
  const metadata = metadataSchema.safeParse(value.metadata);
  return metadata.success ? metadata.data.phone_number_id : undefined;
}

/** The contacts[] entry for a sender: by wa_id/user_id, else the only entry. */
function findContact(contacts: unknown[], from: string | undefined, fromUserId: string | undefined): unknown {
  for (const candidate of contacts) {
    const contact = contactSchema.safeParse(candidate);
    if (!contact.success) continue;
    if (from !== undefined && contact.data.wa_id === from) return candidate;
    if (fromUserId !== undefined && contact.data.user_id === fromUserId) return candidate;
  }
  return contacts.length === 1 ? contacts[0] : undefined;
}

interface ItemContext {
  field?: string | undefined;
  phoneNumberId?: string | undefined;
}

function hashed(kind: 'other' | 'quarantined', raw: unknown, context: ItemContext): WebhookItem {
  return { kind, dedupeKey: `${kind}:${sha256Hex(canonicalJson(raw))}`, ...optional(context), raw };
}

function quarantine(raw: unknown, reason: string, context: ItemContext = {}): WebhookItem {
  return { ...hashed('quarantined', raw, context), quarantineReason: reason };
}

function optional(context: ItemContext): ItemContext {
  const out: ItemContext = {};
  if (context.field !== undefined) out.field = context.field;
  if (context.phoneNumberId !== undefined) out.phoneNumberId = context.phoneNumberId;
  return out;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Readable summary of zod issues, e.g. `entry[0].changes[1].value.messages[0]: missing id`. */
function describeIssues(input: unknown, error: z.ZodError, prefix: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    const value = valueAt(input, issue.path);
    if (issue.code === 'invalid_type') {
      const expected = issue.expected === 'object' || issue.expected === 'array' ? `an ${issue.expected}` : `a ${issue.expected}`;
      if (path === '') return `expected ${expected}, got ${describeType(value)}`;
      if (value === undefined) return `missing ${path}`;
      return `${path} must be ${expected}, got ${describeType(value)}`;
    }
    if (issue.code === 'invalid_value') return `${path} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    if (issue.code === 'too_small' && typeof value === 'string') return `${path} is empty`;
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  const text = `${parts.join('; ')}${more}`;
  return prefix === '' ? text : `${prefix}: ${text}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

type Frame = { value: unknown } | { text: string } | { leave: object };

/**
 * Canonical JSON (object keys sorted, no whitespace) without recursion, so arbitrarily deep input
 * cannot overflow the stack. Cycles and values JSON cannot hold become strings, never throws.
 */
export function canonicalJson(root: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [{ value: root }];
  const open = new Set<object>();
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('text' in frame) {
      out.push(frame.text);
      continue;
    }
    if ('leave' in frame) {
      open.delete(frame.leave);
      continue;
    }
    const value = frame.value;
    if (value === null || typeof value === 'boolean') out.push(String(value));
    else if (typeof value === 'number') out.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
    else if (typeof value === 'string') out.push(JSON.stringify(value));
    else if (typeof value === 'bigint') out.push(JSON.stringify(value.toString()));
    else if (typeof value !== 'object') out.push('null');
    else if (open.has(value)) out.push('"[circular]"');
    else {
      open.add(value);
      const pending: Frame[] = [];
      if (Array.isArray(value)) {
        pending.push({ text: '[' });
        value.forEach((element, i) => {
          if (i > 0) pending.push({ text: ',' });
          pending.push({ value: element });
        });
        pending.push({ text: ']' });
      } else {
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record)
          .filter((key) => record[key] !== undefined && typeof record[key] !== 'function' && typeof record[key] !== 'symbol')
          .sort();
        pending.push({ text: '{' });
        keys.forEach((key, i) => {
          pending.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
          pending.push({ value: record[key] });
        });
        pending.push({ text: '}' });
      }
      pending.push({ leave: value });
      for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i] as Frame);
    }
  }
  return out.join('');
}
