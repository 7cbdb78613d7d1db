/**
 * What the staff use cases need from the outside: the staff store (users, sessions, tokens,
 * inbox queries, notes…), password hashing and TOTP. Implemented in src/adapters; wired in main.ts.
 */
import type { Owner } from '../../core/assistant/conversation-state.ts';
import type { InboundContent, OutboundReply } from '../../core/messages.ts';
import type { StaffRole } from '../../core/staff/staff-role.ts';
import type { AppointmentRecord, Repositories } from '../ports.ts';

export interface StaffUserRecord {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  language: 'en' | 'de';
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | undefined;
  totpSecret: string | undefined;
  totpEnabled: boolean;
  disabled: boolean;
  lastLoginAt: Date | undefined;
}

export interface SessionRecord {
  user: StaffUserRecord;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: StaffRole;
  createdAt: Date;
  lastUsedAt: Date | undefined;
  revoked: boolean;
}

export type InboxQueue = 'urgent' | 'waiting' | 'mine' | 'assistant' | 'closed';

export interface ConversationRow {
  id: string;
  patientId: string;
  owner: Owner;
  version: number;
  urgent: boolean;
  urgentDetail: string | undefined;
  assignedTo: string | undefined;
  handoverReason: string | undefined;
  handoverSummary: string | undefined;
  waitingSince: Date | undefined;
  lastMessageAt: Date | undefined;
  patientName: string | undefined;
  phone: string | undefined;
}

export interface TimelineRow {
  id: string;
  direction: 'inbound' | 'outbound';
  sender: string;
  providerMessageId: string | undefined;
  staffUserId: string | undefined;
  content: InboundContent | OutboundReply;
  status: string;
  errorCode: number | undefined;
  errorTitle: string | undefined;
  errorReason: string | undefined;
  media: { id: string; state: string; mimeType: string } | undefined;
  at: Date;
}

export interface NoteRow {
  id: string;
  authorId: string;
  body: string;
  mentions: string[];
  at: Date;
}

export interface CannedReplyRow {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

export interface PatientDetailRow {
  id: string;
  fullName: string | undefined;
  profileName: string | undefined;
  birthDate: string | undefined;
  phone: string | undefined;
  language: string | undefined;
  optedOut: boolean;
  lastInboundAt: Date | undefined;
  conversationId: string | undefined;
  consent: { decision: string; policyVersion: string; at: Date } | undefined;
  /** The patient's own IANA zone (reminders, quiet hours); undefined: the clinic's. */
  timeZone: string | undefined;
}

export interface MedicationPlanRow {
  id: string;
  medication: string;
  doseText: string;
  times: string[];
  daysOfWeek: number[];
  startDate: string;
  endDate: string | undefined;
  timeZone: string;
  runsOutOn: string | undefined;
  state: 'active' | 'stopped';
  createdAt: Date;
  /** Doses of the last 14 days by state (taken, skipped, missed, pending…). */
  doses: Record<string, number>;
}

export interface FollowUpRow {
  id: string;
  kind: 'follow_up' | 'screening';
  serviceId: string | undefined;
  dueOn: string;
  note: string | undefined;
  state: 'planned' | 'reminded' | 'booked' | 'cancelled';
  createdAt: Date;
}

export interface StaffAlertRow {
  id: string;
  kind: string;
  patientId: string | undefined;
  patientName: string | undefined;
  conversationId: string | undefined;
  subjectId: string | undefined;
  detail: Record<string, unknown>;
  createdAt: Date;
}

export interface MentionRow {
  noteId: string;
  conversationId: string;
  patientId: string;
  patientName: string | undefined;
  authorId: string;
  body: string;
  at: Date;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorType: string;
  actorId: string | undefined;
  action: string;
  entityType: string;
  entityId: string | undefined;
  patientId: string | undefined;
  outcome: string;
  detail: Record<string, unknown>;
}

export interface StaffStore {
  users: {
    count(): Promise<number>;
    findByEmail(email: string): Promise<StaffUserRecord | undefined>;
    find(id: string): Promise<StaffUserRecord | undefined>;
    list(): Promise<StaffUserRecord[]>;
    /** Ids and names only (nothing decrypted): for showing who did what. */
    directory(): Promise<Array<{ id: string; displayName: string; disabled: boolean }>>;
    create(input: { email: string; displayName: string; role: StaffRole; passwordHash: string; language: 'en' | 'de'; at: Date }): Promise<StaffUserRecord>;
    update(id: string, input: { role?: StaffRole; disabled?: boolean; displayName?: string; passwordHash?: string }, at: Date): Promise<void>;
    /** When the user last opened the list of notes that mention them. */
    mentionsSeenAt(id: string): Promise<Date | undefined>;
    setMentionsSeen(id: string, at: Date): Promise<void>;
    recordLogin(id: string, input: { ok: true } | { ok: false; failedLogins: number; lockedUntil: Date | undefined }, at: Date): Promise<void>;
    setTotp(id: string, input: { secret: string | undefined; enabled: boolean }, at: Date): Promise<void>;
  };
  sessions: {
    create(input: { tokenHash: string; userId: string; csrfToken: string; at: Date; expiresAt: Date }): Promise<void>;
    find(tokenHash: string): Promise<SessionRecord | undefined>;
    touch(tokenHash: string, at: Date, expiresAt: Date): Promise<void>;
    delete(tokenHash: string): Promise<void>;
    deleteForUser(userId: string): Promise<void>;
    /** Every session of the user but one (a password change keeps the current one). */
    deleteOthers(userId: string, keepTokenHash: string): Promise<number>;
  };
  apiTokens: {
    create(input: { name: string; role: StaffRole; tokenHash: string; createdBy: string; at: Date }): Promise<ApiTokenRecord>;
    findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
    touch(id: string, at: Date): Promise<void>;
    list(): Promise<ApiTokenRecord[]>;
    revoke(id: string, at: Date): Promise<boolean>;
  };
  loginAttempts: {
    record(input: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void>;
    countFailuresFromIp(ip: string, since: Date): Promise<number>;
  };
  canned: {
    list(): Promise<CannedReplyRow[]>;
    create(input: { shortcut: string; title: string; body: string }, at: Date): Promise<CannedReplyRow>;
    update(id: string, input: { shortcut: string; title: string; body: string }, at: Date): Promise<boolean>;
    delete(id: string): Promise<boolean>;
  };
  inbox: {
    counts(userId: string): Promise<Record<InboxQueue, number>>;
    list(queue: InboxQueue, userId: string, page: { limit: number; after: { sortAt: Date | undefined; id: string } | undefined }): Promise<Array<ConversationRow & { sortAt: Date | undefined; preview: InboundContent | OutboundReply | undefined }>>;
    find(conversationId: string): Promise<ConversationRow | undefined>;
    /** Locks the conversation row until the transaction ends (the assistant takes the same lock). */
    lock(conversationId: string): Promise<ConversationRow | undefined>;
    /** Owner and assignee in one step; the version moves so a concurrent assistant turn retries. */
    setOwnership(conversationId: string, input: { owner: Owner; assignedTo: string | undefined; keepWaitingSince: boolean }, at: Date): Promise<void>;
    timeline(patientId: string, limit: number): Promise<TimelineRow[]>;
    events(conversationId: string): Promise<Array<{ type: string; reason: string | undefined; actorType: string; actorId: string | undefined; at: Date }>>;
    /** Queued assistant messages not yet sent are withdrawn when staff take over. */
    withdrawQueuedBotMessages(patientId: string, at: Date): Promise<number>;
    setStaffAuthor(communicationId: string, userId: string): Promise<void>;
    /** A stored inbound file (photo, document…) of a patient. */
    mediaFile(mediaId: string): Promise<{ patientId: string; storageKey: string | undefined; mimeType: string; state: string } | undefined>;
  };
  notes: {
    add(input: { conversationId: string; authorId: string; body: string; mentions: string[]; at: Date }): Promise<NoteRow>;
    list(conversationId: string): Promise<NoteRow[]>;
    /** Notes that @mention the user, newest first. */
    mentioning(userId: string, limit: number): Promise<MentionRow[]>;
    /** How many notes mention the user after `since` (all when undefined). */
    countMentioning(userId: string, since: Date | undefined): Promise<number>;
  };
  patients: {
    detail(patientId: string): Promise<PatientDetailRow | undefined>;
    /** Patients having every term hash (AND), at most `limit`. */
    search(termHashes: string[], limit: number): Promise<string[]>;
    /** Replaces the patient's search terms. */
    indexTerms(patientId: string, termHashes: string[]): Promise<void>;
    /** Patients whose search terms are older than their details (or missing). */
    needingIndex(limit: number): Promise<string[]>;
    appointments(patientId: string): Promise<AppointmentRecord[]>;
    setTimeZone(patientId: string, timeZone: string | undefined, at: Date): Promise<boolean>;
    /** Display names (full name, else WhatsApp profile name) of these patients. */
    names(patientIds: string[]): Promise<Map<string, string | undefined>>;
  };
  carePlans: {
    medicationPlans(patientId: string, dosesSince: Date): Promise<MedicationPlanRow[]>;
    followUps(patientId: string): Promise<FollowUpRow[]>;
    /** Planned or reminded → cancelled; false if not found or already done. */
    cancelFollowUp(id: string, at: Date): Promise<{ patientId: string } | undefined>;
    /** The plan's patient (for audit and checks). */
    medicationPlanPatient(planId: string): Promise<string | undefined>;
  };
  alerts: {
    listOpen(limit: number): Promise<StaffAlertRow[]>;
    countOpen(): Promise<number>;
    acknowledge(id: string, by: string, at: Date): Promise<{ patientId: string | undefined; kind: string } | undefined>;
  };
  appointments: {
    between(from: Date, to: Date, practitionerId: string | undefined): Promise<Array<AppointmentRecord & { patientName: string | undefined }>>;
  };
  audit: {
    list(filter: { actorId?: string; patientId?: string; action?: string; limit: number; beforeId?: number }): Promise<AuditRow[]>;
    verifyChain(): Promise<boolean>;
  };
}

/** Runs staff work in one transaction, with the core repositories (audit, conversations…) on the same connection. */
export interface StaffTransactor {
  run<T>(fn: (staff: StaffStore, repos: Repositories) => Promise<T>): Promise<T>;
  /** Without a transaction: each statement alone (hot read paths: fewer round trips). */
  direct<T>(fn: (staff: StaffStore, repos: Repositories) => Promise<T>): Promise<T>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface TotpService {
  generateSecret(): string;
  uri(secret: string, label: string, issuer: string): string;
  /** Accepts the code of the current 30-second step and the one on either side. */
  verify(secret: string, code: string, now: Date): boolean;
}

/** Who makes a staff request: a signed-in person (session) or an integration (API token). */
export interface StaffPrincipal {
  kind: 'session' | 'token';
  userId: string | undefined;
  tokenId: string | undefined;
  role: StaffRole;
  displayName: string;
}
