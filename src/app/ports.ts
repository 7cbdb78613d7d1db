/**
 * The interfaces core and app need from the outside world. Adapters implement them; main.ts
 * wires them. Nothing here knows about WhatsApp payloads, SQL or HTTP.
 */
import type {
  DeliveryStatus,
  InboundContent,
  InboundMessage,
  OutboundReply,
  StatusUpdate,
} from '../core/messages.ts';
import type { Language } from '../core/clinic/clinic-config.ts';
import type { Understanding } from '../core/assistant/understanding.ts';
import type { ConversationState, Owner } from '../core/assistant/conversation-state.ts';
import type { HandoverReason } from '../core/assistant/effects.ts';

export interface Clock {
  now(): Date;
}

export interface Cipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  blindIndex(purpose: string, value: string): string;
}

/** One item of a verified webhook, as the channel adapter split it. */
export interface IncomingEvent {
  kind: 'message' | 'status' | 'other' | 'quarantined';
  dedupeKey: string;
  phoneNumberId?: string;
  field?: string;
  raw: unknown;
  quarantineReason?: string;
}

export type Translated<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Translates provider payloads to Hale's message model (the channel adapter's inbound half). */
export interface ChannelTranslator {
  toInboundMessage(raw: unknown): Translated<InboundMessage>;
  toStatusUpdate(raw: unknown): Translated<StatusUpdate>;
  /** A plain-words reason for a provider error code, for staff. */
  describeFailure(code: number | undefined): string;
}

export interface Recipient {
  waId?: string;
  userId?: string;
}

/** A failure reported by the provider or the transport, already classified. */
export interface ChannelFailure {
  code?: number;
  title: string;
  reason: string;
  retryable: boolean;
}

export type SendResult = { ok: true; providerMessageId: string } | ({ ok: false } & ChannelFailure);

/** The channel adapter's outbound half: the only thing that talks to the provider. */
export interface ChannelSender {
  /** Throws DomainError('invalid_reply') when the reply breaks the channel's limits. */
  validate(reply: OutboundReply, to: Recipient): void;
  send(reply: OutboundReply, to: Recipient): Promise<SendResult>;
  /** Blue ticks: tells the patient their messages up to this one were read. */
  markRead(providerMessageId: string): Promise<{ ok: true } | ({ ok: false } & ChannelFailure)>;
  fetchMedia(providerMediaId: string, maxBytes: number): Promise<
    { ok: true; bytes: Uint8Array; mimeType: string } | ({ ok: false; tooLarge: boolean } & ChannelFailure)
  >;
}

export interface MediaStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export interface AuditEntry {
  actorType: 'system' | 'staff' | 'patient' | 'integration';
  actorId?: string;
  action: string;
  entityType: string;
  entityId?: string;
  patientId?: string;
  outcome: 'success' | 'failure';
  /** Ids, codes and counts only: never PHI. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface PatientRecord {
  id: string;
  waId: string | undefined;
  userId: string | undefined;
  lastInboundAt: Date | undefined;
  language: Language | undefined;
  optedOut: boolean;
}

export interface ConversationRecord {
  id: string;
  patientId: string;
  owner: Owner;
  state: ConversationState | undefined;
  version: number;
}

export interface OutboundRecord {
  id: string;
  patientId: string;
  status: DeliveryStatus | 'accepted';
  reply: OutboundReply;
  attempts: number;
  providerMessageId: string | undefined;
  businessInitiated: boolean;
}

export interface StoredEvent {
  id: number;
  kind: IncomingEvent['kind'];
  state: string;
  attempts: number;
  raw: unknown;
}

export type QueueName = 'inbound.process' | 'conversation.turn' | 'outbound.send' | 'outbound.mark_read' | 'media.fetch';

export interface JobQueue {
  enqueue(queue: QueueName, data: Record<string, string | number>, options?: { startAfterSeconds?: number }): Promise<void>;
  enqueueMany(queue: QueueName, data: Array<Record<string, string | number>>): Promise<void>;
}

/** Everything a use case can touch inside one transaction. */
export interface Repositories {
  events: {
    insertNew(events: IncomingEvent[], receivedAt: Date): Promise<Array<{ id: number; kind: IncomingEvent['kind'] }>>;
    find(id: number): Promise<StoredEvent | undefined>;
    markDone(id: number, state: 'processed' | 'ignored' | 'failed', at: Date, reason?: string): Promise<void>;
    countAttempt(id: number): Promise<number>;
  };
  patients: {
    findByChannelId(ref: Recipient): Promise<PatientRecord | undefined>;
    create(ref: Recipient & { profileName?: string }, at: Date): Promise<PatientRecord>;
    get(id: string): Promise<PatientRecord>;
    /** Moves the 24-hour window; the profile name is kept only when the patient has consented. */
    noteInbound(id: string, at: Date, profileName?: string): Promise<void>;
    changeWaId(id: string, newWaId: string): Promise<void>;
    setLanguage(id: string, language: Language): Promise<void>;
    /** On declined or withdrawn consent: keep nothing personal beyond the WhatsApp id. */
    forgetProfileName(id: string): Promise<void>;
    setOptedOut(id: string, optedOut: boolean, at: Date): Promise<void>;
  };
  communications: {
    /** Returns undefined when a message with that provider id is already recorded. */
    insertInbound(input: {
      patientId: string;
      message: InboundMessage;
    }): Promise<{ id: string } | undefined>;
    insertOutbound(input: {
      patientId: string;
      reply: OutboundReply;
      sender: 'bot' | 'staff' | 'system';
      idempotencyKey?: string;
      businessInitiated?: boolean;
      at: Date;
    }): Promise<{ id: string; created: boolean }>;
    /** Inbound messages the assistant has not handled yet, oldest first. */
    unhandledInbound(patientId: string, limit: number): Promise<Array<{ id: string; providerMessageId: string | undefined; content: InboundContent; sentAt: Date }>>;
    markHandled(id: string, at: Date): Promise<void>;
    findOutbound(id: string): Promise<OutboundRecord | undefined>;
    /** Whether an earlier outbound message to the same patient is still waiting to be sent. */
    hasEarlierQueued(patientId: string, id: string): Promise<boolean>;
    markAccepted(id: string, providerMessageId: string, at: Date): Promise<void>;
    markFailed(id: string, failure: { code?: number; title: string; reason: string }, at: Date): Promise<void>;
    noteAttempt(id: string, failure: { code?: number; title: string; reason: string }): Promise<number>;
    /** Applies a provider status monotonically; returns false when no message has that provider id. */
    applyStatus(update: StatusUpdate, reason: string | undefined): Promise<'applied' | 'stale' | 'unknown'>;
  };
  media: {
    insertPending(input: { communicationId: string; patientId: string; content: Extract<InboundContent, { kind: 'media' }> }): Promise<string>;
    find(id: string): Promise<{ id: string; patientId: string; providerMediaId: string; state: string } | undefined>;
    markStored(id: string, input: { storageKey: string; byteSize: number; mimeType: string }, at: Date): Promise<void>;
    markUnavailable(id: string, state: 'failed' | 'too_large', reason: string): Promise<void>;
  };
  conversations: {
    /** Finds or creates the patient's conversation and locks it until the transaction ends. */
    lockForPatient(patientId: string, at: Date): Promise<ConversationRecord>;
    find(id: string): Promise<ConversationRecord | undefined>;
    /** Saves owner and state if the version is still `expectedVersion`; false otherwise. */
    save(id: string, input: { owner: Owner; state: ConversationState; expectedVersion: number; at: Date; patientWrote: boolean }): Promise<boolean>;
    handOver(id: string, input: { reason: HandoverReason; summary: string; urgent: boolean; at: Date }): Promise<void>;
    flagUrgent(id: string, detail: string, at: Date): Promise<void>;
    setOwner(id: string, owner: Owner, at: Date): Promise<void>;
    addEvent(id: string, event: { type: string; reason?: string; actorType: AuditEntry['actorType']; actorId?: string }, at: Date): Promise<void>;
  };
  consents: {
    record(input: { patientId: string; decision: 'granted' | 'declined' | 'withdrawn'; policyVersion: string; at: Date; sourceCommunicationId?: string }): Promise<void>;
  };
  audit: { append(entry: AuditEntry, at: Date): Promise<void> };
  jobs: JobQueue;
}

export interface Transactor {
  /** Runs fn in one short database transaction. Never await network I/O inside. */
  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Send-rate limits that hold across every Hale process sharing the database. */
export interface RateLimiter {
  /** Takes one token from bucket `key`; resolves 0 when granted, else the milliseconds to wait. */
  take(key: string, ratePerSecond: number, burst: number): Promise<number>;
}

export type MetricName =
  | 'webhook_requests_total'
  | 'webhook_events_total'
  | 'sends_total'
  | 'send_latency_seconds'
  | 'statuses_total'
  | 'media_downloads_total';

export interface Metrics {
  count(name: MetricName, labels: Record<string, string>, by?: number): void;
  observe(name: MetricName, labels: Record<string, string>, value: number): void;
}

export interface Logger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
  debug(obj: Record<string, unknown>, msg: string): void;
}

/** Language identification and intent/FAQ scoring, trained at start from the clinic config. */
export interface Nlu {
  understand(text: string, options: { language: Language | undefined }): Promise<Understanding>;
}
