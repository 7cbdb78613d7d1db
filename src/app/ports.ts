/**
 * The interfaces core and app need from the outside world. Adapters implement them; main.ts
 * wires them. Nothing here knows about WhatsApp payloads, SQL or HTTP.
 */
import type { CarePlanRepository, ReminderRepository } from './reminder-ports.ts';
import type { FeedbackRepository, PatientDocumentsRepository, RefillRepository } from './care-ports.ts';
import type { ResultsRepository } from './results-ports.ts';
import type {
  DeliveryStatus,
  InboundContent,
  InboundMessage,
  OutboundReply,
  StatusUpdate,
} from '../core/messages.ts';
import type { Language, ProviderException, WeeklyHours } from '../core/clinic/clinic-config.ts';
import type { Understanding } from '../core/assistant/understanding.ts';
import type { ConversationState, Owner } from '../core/assistant/conversation-state.ts';
import type { HandoverReason, IntakeAnswer } from '../core/assistant/effects.ts';
import type { AppointmentStatus } from '../core/scheduling/appointment-status.ts';
import type { Interval } from '../core/scheduling/interval.ts';
import type { VitalAssessment, VitalTargets } from '../core/vitals/assess-vital.ts';
import type { VitalKind } from '../core/vitals/parse-vitals.ts';
import type { FhirObservation } from '../core/vitals/to-observation.ts';

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
  /** Who sent a message (kept in memory only): one sender's messages are handled in arrival order. */
  senderKey?: string;
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
  /** `callbackData` comes back on the message's status webhooks (reminders use it to reconcile a crash). */
  send(reply: OutboundReply, to: Recipient, options?: { callbackData?: string }): Promise<SendResult>;
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
  /** Full name and date of birth are on file (asked at the first booking). */
  hasDetails: boolean;
  /** The WhatsApp profile name on file (kept only with consent). */
  profileName?: string;
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

/** A Schedule/Appointment in FHIR terms; practitioner and service are clinic-config ids. */
export interface AppointmentRecord {
  id: string;
  patientId: string;
  practitionerId: string;
  serviceId: string;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  mode: 'in_person' | 'video';
  bookedVia: 'chat' | 'staff';
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | undefined;
  cancelReason: CancelReason | undefined;
  rescheduledFrom: string | undefined;
  version: number;
}

/** A short claim on a slot while the patient confirms. */
export interface SlotHoldRecord {
  id: string;
  patientId: string;
  practitionerId: string;
  serviceId: string;
  start: Date;
  end: Date;
  expiresAt: Date;
}

export interface WaitlistEntryRecord {
  id: string;
  patientId: string;
  serviceId: string;
  /** Undefined: any practitioner who offers the service. */
  practitionerId: string | undefined;
  windowStart: Date;
  windowEnd: Date;
  state: 'waiting' | 'offered' | 'booked' | 'cancelled';
  createdAt: Date;
  offeredAt: Date | undefined;
  offeredSlot: { practitionerId: string; start: Date } | undefined;
  appointmentId: string | undefined;
}

/**
 * Time a practitioner cannot be booked — appointments and live holds — grouped by practitioner
 * and service (whose buffer the caller adds), as epoch-millisecond intervals: slot search reads
 * thousands of them, so they come as plain numbers.
 */
/** Reads the busy time of practitioners (the appointments repository's `busyTimes`, or a cache of it). */
export type BusyTimeReader = Repositories['appointments']['busyTimes'];

export interface BusyTimes {
  practitionerId: string;
  serviceId: string;
  intervals: Interval[];
}

/** Who asks for a change to an appointment: the patient (in the chat) or a staff member. */
export type BookingActor = { type: 'patient'; patientId: string } | { type: 'staff'; staffId: string };

/** Why an appointment was cancelled: a code, never free text (the column is not encrypted). */
export type CancelReason = 'patient_request' | 'clinic_request' | 'declined' | 'rescheduled';

export type QueueName = 'inbound.process' | 'conversation.turn' | 'outbound.send' | 'outbound.mark_read' | 'media.fetch' | 'waitlist.offer_next';

export interface JobQueue {
  enqueue(queue: QueueName, data: Record<string, string | number>, options?: { startAfterSeconds?: number }): Promise<void>;
  /** `id` (a UUID) makes the enqueue idempotent: a job with that id is created once. */
  enqueueMany(queue: QueueName, items: Array<{ data: Record<string, string | number>; id?: string; startAfterSeconds?: number }>): Promise<void>;
}

/** Everything a use case can touch inside one transaction. */
/** A provider's schedule as staff set it (replaces the configuration's; weekly hours only when given). */
export interface ProviderScheduleRecord {
  practitionerId: string;
  weeklyHours: WeeklyHours | undefined;
  exceptions: ProviderException[];
  updatedBy: string;
  updatedAt: Date;
}

export interface Repositories {
  providerSchedules: {
    all(): Promise<ProviderScheduleRecord[]>;
    put(record: ProviderScheduleRecord): Promise<void>;
    remove(practitionerId: string): Promise<boolean>;
  };
  events: {
    insertNew(events: IncomingEvent[], receivedAt: Date): Promise<Array<{ id: number; kind: IncomingEvent['kind']; dedupeKey: string }>>;
    find(id: number): Promise<StoredEvent | undefined>;
    /**
     * The pending message events of this event's sender up to and including it, oldest first,
     * locked for this transaction (waiting for another that holds them). Empty when the event
     * is not a pending message or names no sender.
     */
    lockSenderBacklog(id: number): Promise<StoredEvent[]>;
    markDone(id: number, state: 'processed' | 'ignored' | 'failed', at: Date, reason?: string): Promise<void>;
    /** Pending status events among `ids`, locked for this transaction (ones another transaction holds are skipped). */
    lockPendingStatuses(ids: readonly number[]): Promise<StoredEvent[]>;
    markManyDone(ids: readonly number[], state: 'processed' | 'ignored' | 'failed', at: Date, reason?: string): Promise<void>;
    countAttempt(id: number): Promise<number>;
    /** Message/status events still pending since before `receivedBefore` (their job may be lost). */
    findStalled(receivedBefore: Date, limit: number): Promise<number[]>;
    /** The patient of an already recorded inbound message, by the event's dedupe key. */
    findPatientOfMessageEvent(id: number): Promise<string | undefined>;
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
    setDetails(id: string, details: { fullName: string; birthDate: string }, at: Date): Promise<void>;
    /** Full name and date of birth (decrypted), for staff; undefined fields when not on file. */
    getDetails(id: string): Promise<{ fullName: string | undefined; birthDate: string | undefined }>;
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
    /**
     * Claims a queued outbound message for one sender until `until`: undefined with the reason
     * when it is not queued any more (sent, failed) or another sender's claim has not expired.
     */
    /** Claims a queued reply for sending, with its patient; `earlierQueued`: an earlier reply to the same patient still waits. */
    claimOutbound(id: string, now: Date, until: Date): Promise<{ message: OutboundRecord; earlierQueued: boolean; patient: PatientRecord } | { message: undefined; reason: 'not_queued' | 'claimed' }>;
    /** Gives a claim back (the message waits for a later attempt). */
    releaseClaim(id: string): Promise<void>;
    /** Whether an earlier outbound message to the same patient is still waiting to be sent. */
    hasEarlierQueued(patientId: string, id: string): Promise<boolean>;
    /** The assistant's replies still queued and unclaimed that were written before `createdBefore`, oldest first. */
    findStalledReplies(createdBefore: Date, now: Date, limit: number): Promise<string[]>;
    /** Records the provider's id of a sent reply and, in the same statement, its audit row. */
    markAccepted(id: string, providerMessageId: string, at: Date, audit: AuditEntry): Promise<void>;
    markFailed(id: string, failure: { code?: number; title: string; reason: string }, at: Date): Promise<void>;
    noteAttempt(id: string, failure: { code?: number; title: string; reason: string }): Promise<number>;
    /** Applies a provider status monotonically; returns false when no message has that provider id. */
    applyStatus(update: StatusUpdate, reason: string | undefined): Promise<'applied' | 'stale' | 'unknown'>;
    /** `applyStatus` for many updates at once, in the given order; one outcome per update. */
    applyStatuses(items: ReadonlyArray<{ update: StatusUpdate; reason: string | undefined }>): Promise<Array<'applied' | 'stale' | 'unknown'>>;
  };
  media: {
    insertPending(input: { communicationId: string; patientId: string; content: Extract<InboundContent, { kind: 'media' }> }): Promise<string>;
    find(id: string): Promise<{ id: string; patientId: string; providerMediaId: string; state: string } | undefined>;
    markStored(id: string, input: { storageKey: string; byteSize: number; mimeType: string }, at: Date): Promise<void>;
    markUnavailable(id: string, state: 'failed' | 'too_large' | 'discarded', reason: string): Promise<void>;
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
    /** The patient's latest decision, if any. */
    latestDecision(patientId: string): Promise<'granted' | 'declined' | 'withdrawn' | undefined>;
  };
  audit: { append(entry: AuditEntry, at: Date): Promise<void> };
  jobs: JobQueue;
  /**
   * Appointments under the database's double-booking guard: active (proposed, pending, booked,
   * arrived) appointments of one practitioner never overlap, nor overlap another patient's live hold.
   */
  appointments: {
    /**
     * Serializes slot claims on one practitioner until the transaction ends (the guard takes the
     * same lock). Take it first, before reading availability, and for one practitioner only.
     */
    lockPractitioner(practitionerId: string): Promise<void>;
    /** 'taken' when the guard refuses the slot; the transaction stays usable either way. */
    insert(input: {
      patientId: string;
      practitionerId: string;
      serviceId: string;
      start: Date;
      end: Date;
      status: 'pending' | 'booked';
      mode: AppointmentRecord['mode'];
      bookedVia: AppointmentRecord['bookedVia'];
      rescheduledFrom?: string;
      at: Date;
    }): Promise<{ ok: true; appointment: AppointmentRecord } | { ok: false; reason: 'taken' }>;
    find(id: string): Promise<AppointmentRecord | undefined>;
    /** A practitioner's appointments starting in [from, to), every status, by start time. */
    listForPractitioner(practitionerId: string, window: { from: Date; to: Date }): Promise<AppointmentRecord[]>;
    /** Finds the appointment and locks it until the transaction ends. */
    lock(id: string): Promise<AppointmentRecord | undefined>;
    /** The patient's appointments ending after `endsAfter` (all when undefined), soonest first. */
    listForPatient(patientId: string, options: { endsAfter?: Date; statuses?: readonly AppointmentStatus[]; limit: number }): Promise<AppointmentRecord[]>;
    /** An active appointment of this patient exactly at this slot, if any (a repeated confirmation). */
    findActiveAt(input: { patientId: string; practitionerId: string; serviceId: string; start: Date }): Promise<AppointmentRecord | undefined>;
    /**
     * Moves to `status` when the row is still at `expectedVersion`; undefined otherwise, and
     * when the guard refuses re-activating a slot (e.g. noshow → arrived over a new booking).
     */
    changeStatus(id: string, input: { status: AppointmentStatus; expectedVersion: number; at: Date; cancelReason?: CancelReason }): Promise<AppointmentRecord | undefined>;
    /**
     * Busy time of these practitioners overlapping [from, to): appointments whose status
     * `blocksTime` (core) and holds live at `now`, except the holds of `ignoreHoldsOf` (a
     * patient's own hold does not block them) and the appointment `ignoreAppointmentId` (the
     * one being moved).
     */
    busyTimes(
      practitionerIds: readonly string[],
      window: { from: Date; to: Date },
      options: { now: Date; ignoreHoldsOf?: string; ignoreAppointmentId?: string },
    ): Promise<BusyTimes[]>;
  };
  slotHolds: {
    /** 'taken' when the guard refuses: the slot overlaps another live hold or an active appointment. Expired holds are cleared. */
    insert(input: { patientId: string; practitionerId: string; serviceId: string; start: Date; end: Date; at: Date; expiresAt: Date }): Promise<{ ok: true; hold: SlotHoldRecord } | { ok: false; reason: 'taken' }>;
    find(id: string): Promise<SlotHoldRecord | undefined>;
    release(id: string): Promise<void>;
    /** Releases the patient's holds (but `except`): a patient holds one slot at a time. Returns how many. */
    releaseForPatient(patientId: string, options?: { except?: string }): Promise<number>;
  };
  waitlist: {
    /** `queuedSince` is the place in line (created_at); default `at`. */
    insert(input: { patientId: string; serviceId: string; practitionerId: string | undefined; windowStart: Date; windowEnd: Date; at: Date; queuedSince?: Date }): Promise<WaitlistEntryRecord>;
    find(id: string): Promise<WaitlistEntryRecord | undefined>;
    /** The patient's entries still waiting or offered, oldest first. */
    listOpenForPatient(patientId: string): Promise<WaitlistEntryRecord[]>;
    /**
     * The oldest entry this freed slot suits (same service; its practitioner or any; the slot
     * inside its window), locked, skipping entries another transaction is offering right now.
     * Entries with an offer still open (offered after `offerOpenSince`) and entries already
     * offered this very slot are passed over.
     */
    lockFirstForSlot(slot: { serviceId: string; practitionerId: string; start: Date; end: Date }, options: { offerOpenSince: Date; excludePatientId?: string }): Promise<WaitlistEntryRecord | undefined>;
    markOffered(id: string, slot: { practitionerId: string; start: Date }, at: Date): Promise<void>;
    markBooked(id: string, appointmentId: string, at: Date): Promise<void>;
    /** Back to waiting after the patient declined an offer (the declined slot is not offered to them again). */
    reopen(id: string, at: Date): Promise<void>;
    /** Whether some entry holds an offer of exactly this slot made after `openSince` (still open). */
    hasOpenOffer(slot: { practitionerId: string; start: Date }, openSince: Date): Promise<boolean>;
    cancel(id: string, at: Date): Promise<void>;
  };
  questionnaireResponses: QuestionnaireResponsesStore;
  observations: ObservationsStore;
  /** Answered questionnaires (FHIR QuestionnaireResponse); items are stored encrypted. */
  questionnaires: {
    insert(input: { patientId: string; appointmentId: string | undefined; questionnaire: string; items: IntakeAnswer[]; source: 'patient' | 'staff'; at: Date }): Promise<{ id: string }>;
    listForAppointment(appointmentId: string): Promise<QuestionnaireResponseRecord[]>;
  };
  /** Planned sends and their dispatch (src/app/reminder-ports.ts). */
  reminders: ReminderRepository;
  /** Medication plans, follow-ups, attendance (src/app/reminder-ports.ts). */
  carePlans: CarePlanRepository;
  /** Care flows (src/app/care-ports.ts): refill requests, patients' documents, visit feedback. */
  refills: RefillRepository;
  patientDocuments: PatientDocumentsRepository;
  feedback: FeedbackRepository;
  /** Results and the chat's identity check (src/app/results-ports.ts). */
  results: ResultsRepository;
}

/** FHIR QuestionnaireResponse resources (triage answers); the resource is stored encrypted. */
export interface QuestionnaireResponsesStore {
  /** Stores a completed triage and marks the conversation with its level; returns the id. */
  saveTriage(input: { patientId: string; conversationId: string; level: 'emergency' | 'urgent' | 'routine' | 'self_care'; resource: object; questionnaire: string; at: Date }): Promise<string>;
}

/** Home measurements (FHIR Observations, the resource encrypted) and clinician targets per patient. */
export interface ObservationsStore {
  /** Returns the new id, or undefined when this message's reading was stored already. */
  record(input: {
    patientId: string;
    communicationId?: string;
    kind: VitalKind;
    interpretation: VitalAssessment['level'];
    resource: FhirObservation;
    effectiveAt: Date;
    at: Date;
  }): Promise<string | undefined>;
  listForPatient(patientId: string, options?: { kind?: VitalKind; since?: Date; limit?: number }): Promise<Array<{ id: string; kind: VitalKind; interpretation: VitalAssessment['level']; effectiveAt: Date; resource: FhirObservation }>>;
  targetsFor(patientId: string): Promise<VitalTargets | undefined>;
  setTargets(patientId: string, targets: VitalTargets, setBy: string, at: Date): Promise<void>;
}

/** A FHIR-shaped QuestionnaireResponse (completed). */
export interface QuestionnaireResponseRecord {
  id: string;
  patientId: string;
  appointmentId: string | undefined;
  /** Canonical reference of the questionnaire, e.g. `intake/gp-visit`. */
  questionnaire: string;
  status: 'completed';
  authored: Date;
  items: IntakeAnswer[];
}

export interface Transactor {
  /** Runs fn in one short database transaction. Never await network I/O inside. */
  run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Without an explicit transaction: each statement commits alone (for single-statement work on hot paths). */
  direct<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
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
