/**
 * In-memory state of the simulated world: personas (the patients' phones), their conversations
 * with the business, uploaded/received media, the Graph request log and injected faults.
 * Everything is bounded; nothing is persisted.
 */
import { makeUserId } from './make-wamid.ts';

export interface Persona {
  waId: string;
  name: string;
  language: string;
  /** Sends to this persona are accepted, then fail asynchronously with 131026. */
  undeliverable: boolean;
  userId: string;
  /** Epoch ms of the persona's last message to the business (opens the 24-hour window). */
  lastInboundAt: number | null;
  createdAt: number;
}

export type OutboundStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';
export type InboundStatus = 'pending' | 'sent' | 'delivered' | 'read';

export interface MessageError {
  code: number;
  title: string;
  details: string;
}

/** One message as the scriptable API and the phone UI see it. */
export interface ConversationMessage {
  direction: 'inbound' | 'outbound';
  id: string;
  type: string;
  text?: string;
  status: OutboundStatus | InboundStatus;
  /** ISO 8601. */
  timestamp: string;
  context?: { id: string };
  /** HTTP status Hale gave for the first delivery of an inbound message (null: no answer). */
  webhookStatus?: number | null;
  error?: MessageError;
  [field: string]: unknown;
}

export interface MediaItem {
  id: string;
  mimeType: string;
  bytes: Buffer;
  /** Base64 SHA-256, as Meta reports it. */
  sha256: string;
  filename?: string;
  phoneNumberId: string;
  createdAt: number;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  body: unknown;
  verdict: { httpStatus: number; code?: number; details?: string; messageId?: string };
}

export interface Fault {
  code: number;
  remaining: number;
  /** sync: the send fails with a Graph error; status: accepted, then a `failed` status webhook. */
  mode: 'sync' | 'status';
  details?: string;
}

export type StoreEvent =
  | { type: 'persona'; persona: Persona }
  | { type: 'message'; waId: string; message: ConversationMessage }
  | { type: 'typing'; waId: string; typing: boolean }
  | { type: 'reset' };

const MAX_MESSAGES_PER_PERSONA = 1000;
const MAX_REQUEST_LOG = 1000;
const MAX_MEDIA_BYTES = 512 * 1024 * 1024;

export class SimulatorStore {
  readonly personas = new Map<string, Persona>();
  private readonly conversations = new Map<string, ConversationMessage[]>();
  private readonly messageOwner = new Map<string, string>();
  readonly media = new Map<string, MediaItem>();
  private mediaBytes = 0;
  private readonly requestLog: RequestLogEntry[] = [];
  faults: Fault[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: StoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (closed SSE stream) must not break the simulator.
      }
    }
  }

  findPersona(waId: string): Persona | undefined {
    return this.personas.get(waId);
  }

  upsertPersona(input: { waId: string; name?: string; language?: string; undeliverable?: boolean }): Persona {
    const existing = this.personas.get(input.waId);
    const persona: Persona = existing
      ? {
          ...existing,
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.language === undefined ? {} : { language: input.language }),
          ...(input.undeliverable === undefined ? {} : { undeliverable: input.undeliverable }),
        }
      : {
          waId: input.waId,
          name: input.name ?? `Patient ${input.waId.slice(-4)}`,
          language: input.language ?? 'en',
          undeliverable: input.undeliverable ?? false,
          userId: makeUserId(input.waId),
          lastInboundAt: null,
          createdAt: this.now(),
        };
    this.personas.set(persona.waId, persona);
    if (!this.conversations.has(persona.waId)) this.conversations.set(persona.waId, []);
    this.emit({ type: 'persona', persona });
    return persona;
  }

  setLastInbound(waId: string, at: number | null): void {
    const persona = this.personas.get(waId);
    if (persona === undefined) return;
    persona.lastInboundAt = at;
    this.emit({ type: 'persona', persona });
  }

  conversation(waId: string): ConversationMessage[] {
    return this.conversations.get(waId) ?? [];
  }

  addMessage(waId: string, message: ConversationMessage): void {
    let list = this.conversations.get(waId);
    if (list === undefined) {
      list = [];
      this.conversations.set(waId, list);
    }
    list.push(message);
    this.messageOwner.set(message.id, waId);
    while (list.length > MAX_MESSAGES_PER_PERSONA) {
      const dropped = list.shift();
      if (dropped) this.messageOwner.delete(dropped.id);
    }
    this.emit({ type: 'message', waId, message });
  }

  findMessage(id: string): { waId: string; message: ConversationMessage } | undefined {
    const waId = this.messageOwner.get(id);
    if (waId === undefined) return undefined;
    const message = this.conversation(waId).find((m) => m.id === id);
    return message ? { waId, message } : undefined;
  }

  updateMessage(id: string, patch: Partial<ConversationMessage>): ConversationMessage | undefined {
    const found = this.findMessage(id);
    if (found === undefined) return undefined;
    Object.assign(found.message, patch);
    this.emit({ type: 'message', waId: found.waId, message: found.message });
    return found.message;
  }

  putMedia(item: MediaItem): void {
    this.media.set(item.id, item);
    this.mediaBytes += item.bytes.length;
    for (const [id, old] of this.media) {
      if (this.mediaBytes <= MAX_MEDIA_BYTES) break;
      this.media.delete(id);
      this.mediaBytes -= old.bytes.length;
    }
  }

  deleteMedia(id: string): boolean {
    const item = this.media.get(id);
    if (item === undefined) return false;
    this.media.delete(id);
    this.mediaBytes -= item.bytes.length;
    return true;
  }

  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > MAX_REQUEST_LOG) this.requestLog.shift();
  }

  requests(): RequestLogEntry[] {
    return [...this.requestLog];
  }

  clearRequests(): void {
    this.requestLog.length = 0;
  }

  /** Takes the next injected fault, if any. */
  takeFault(): Fault | undefined {
    const fault = this.faults[0];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.shift();
    return fault;
  }

  reset(): void {
    this.personas.clear();
    this.conversations.clear();
    this.messageOwner.clear();
    this.media.clear();
    this.mediaBytes = 0;
    this.requestLog.length = 0;
    this.faults = [];
    this.emit({ type: 'reset' });
  }
}
