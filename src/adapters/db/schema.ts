/** Kysely table types. Columns ending in `_enc` hold AES-256-GCM ciphertext; `_hash` columns hold keyed hashes. */
import type { ColumnType, Generated } from 'kysely';
import type { AppointmentStatus } from '../../core/scheduling/appointment-status.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PatientsTable {
  id: Generated<string>;
  wa_id_hash: string | null;
  user_id_hash: string | null;
  wa_id_enc: string | null;
  user_id_enc: string | null;
  profile_name_enc: string | null;
  language: string | null;
  last_inbound_at: NullableTimestamp;
  opted_out_at: NullableTimestamp;
  opted_in_at: NullableTimestamp;
  full_name_enc: string | null;
  birth_date_enc: string | null;
  time_zone: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type InboundEventState = 'pending' | 'processed' | 'quarantined' | 'ignored' | 'failed';

export interface InboundEventsTable {
  id: Generated<number>;
  dedupe_key: string;
  kind: string;
  phone_number_id: string | null;
  payload_enc: string;
  state: InboundEventState;
  reason: string | null;
  attempts: Generated<number>;
  received_at: Generated<Date>;
  processed_at: NullableTimestamp;
  sender_hash: string | null;
}

export interface CommunicationsTable {
  id: Generated<string>;
  patient_id: string;
  direction: 'inbound' | 'outbound';
  channel: Generated<string>;
  provider_message_id: string | null;
  content_kind: string;
  content_enc: string;
  status: string;
  sender: string;
  reply_to_provider_id: string | null;
  idempotency_key: string | null;
  error_code: number | null;
  error_title: string | null;
  error_reason: string | null;
  attempts: Generated<number>;
  seq: Generated<number>;
  handled_at: NullableTimestamp;
  business_initiated: Generated<boolean>;
  created_at: Timestamp;
  status_at: NullableTimestamp;
  sent_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  read_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  send_claimed_until: NullableTimestamp;
  staff_user_id: Generated<string | null>;
}

export interface MediaTable {
  id: Generated<string>;
  communication_id: string;
  patient_id: string;
  provider_media_id: string;
  mime_type: string;
  byte_size: number | null;
  sha256: string | null;
  storage_key: string | null;
  state: 'pending' | 'stored' | 'failed' | 'too_large' | 'discarded';
  reason: string | null;
  created_at: Generated<Date>;
  stored_at: NullableTimestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  recorded_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  patient_id: string | null;
  outcome: string;
  detail: ColumnType<Record<string, unknown>, string, string>;
  /** Null until the sealer links the row into the chain (ADR 7). */
  prev_hash: string | null;
  hash: string | null;
  chain_seq: number | null;
}

export interface RateBucketsTable {
  key: string;
  tokens: number;
  updated_at: Timestamp;
}

export interface ConversationsTable {
  id: Generated<string>;
  patient_id: string;
  owner: Generated<'bot' | 'staff' | 'closed'>;
  state_enc: string | null;
  version: Generated<number>;
  urgent: Generated<boolean>;
  urgent_detail_enc: string | null;
  handover_reason: string | null;
  handover_summary_enc: string | null;
  handed_over_at: NullableTimestamp;
  assigned_to: string | null;
  waiting_since: NullableTimestamp;
  last_message_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Migration 0008: the latest symptom triage of the conversation. */
  triage_level: Generated<TriageLevelColumn | null>;
  triage_at: Generated<Date | null>;
  triage_response_id: Generated<string | null>;
}

export type TriageLevelColumn = 'emergency' | 'urgent' | 'routine' | 'self_care';

/** Migration 0008: FHIR QuestionnaireResponse resources (triage answers), encrypted. */
/** One table for every QuestionnaireResponse: triage answers (resource_enc) and pre-visit answers (items_enc). */
export interface QuestionnaireResponsesTable {
  id: Generated<string>;
  patient_id: string;
  questionnaire: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  authored_at: Timestamp;
  /** Triage (migration 0008). */
  conversation_id: ColumnType<string | null, string | null | undefined, string | null>;
  triage_level: ColumnType<TriageLevelColumn | null, TriageLevelColumn | null | undefined, TriageLevelColumn | null>;
  resource_enc: ColumnType<string | null, string | null | undefined, string | null>;
  /** Pre-visit questionnaires (migration 0005). */
  appointment_id: ColumnType<string | null, string | null | undefined, string | null>;
  items_enc: ColumnType<string | null, string | null | undefined, string | null>;
  source: ColumnType<'patient' | 'staff' | null, 'patient' | 'staff' | null | undefined, 'patient' | 'staff' | null>;
  /** Visit feedback (migration 0015): rating and the comment's sentiment in the clear; the comment in items_enc. */
  rating: ColumnType<number | null, number | null | undefined, number | null>;
  sentiment: ColumnType<'positive' | 'neutral' | 'negative' | null, 'positive' | 'neutral' | 'negative' | null | undefined, 'positive' | 'neutral' | 'negative' | null>;
  sentiment_score: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ConversationEventsTable {
  id: Generated<number>;
  conversation_id: string;
  type: string;
  reason: string | null;
  actor_type: string;
  actor_id: string | null;
  at: Timestamp;
}

export interface ConsentsTable {
  id: Generated<string>;
  patient_id: string;
  decision: 'granted' | 'declined' | 'withdrawn';
  policy_version: string;
  decided_at: Timestamp;
  source_communication_id: string | null;
}

export interface AppointmentsTable {
  id: Generated<string>;
  patient_id: string;
  practitioner_id: string;
  service_id: string;
  start_at: Timestamp;
  end_at: Timestamp;
  status: AppointmentStatus;
  mode: 'in_person' | 'video';
  booked_via: 'chat' | 'staff';
  created_at: Timestamp;
  updated_at: Timestamp;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  rescheduled_from: string | null;
  version: Generated<number>;
  attendance: Generated<'attended' | 'no_show' | 'cancelled_late' | null>;
  attendance_at: NullableTimestamp;
  attendance_by: string | null;
  confirmed_at: NullableTimestamp;
}

export interface SlotHoldsTable {
  id: Generated<string>;
  patient_id: string;
  practitioner_id: string;
  service_id: string;
  start_at: Timestamp;
  end_at: Timestamp;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface WaitlistEntriesTable {
  id: Generated<string>;
  patient_id: string;
  service_id: string;
  practitioner_id: string | null;
  window_start: Timestamp;
  window_end: Timestamp;
  state: 'waiting' | 'offered' | 'booked' | 'cancelled';
  created_at: Timestamp;
  updated_at: Timestamp;
  offered_at: NullableTimestamp;
  offered_practitioner_id: string | null;
  offered_start_at: NullableTimestamp;
  appointment_id: string | null;
}

export interface ObservationsTable {
  id: Generated<string>;
  patient_id: string;
  communication_id: string | null;
  kind: string;
  interpretation: 'danger' | 'out_of_range' | 'in_range';
  resource_enc: string;
  effective_at: Timestamp;
  recorded_at: Timestamp;
}

export interface PatientVitalTargetsTable {
  patient_id: string;
  targets_enc: string;
  set_by: string;
  updated_at: Timestamp;
}

export interface RemindersTable {
  id: Generated<string>;
  key: string;
  patient_id: string;
  kind: 'appointment' | 'medication_dose' | 'refill' | 'follow_up' | 'survey';
  subject_id: string;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  due_at: Timestamp;
  send_after: Timestamp;
  state: 'planned' | 'sending' | 'sent' | 'cancelled' | 'skipped' | 'failed';
  attempts: Generated<number>;
  lease_until: NullableTimestamp;
  claimed_by: string | null;
  communication_id: string | null;
  sent_as: 'template' | 'session' | null;
  deferred_reason: string | null;
  skip_reason: string | null;
  outcome: string | null;
  outcome_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface MedicationPlansTable {
  id: Generated<string>;
  patient_id: string;
  medication_enc: string;
  dose_enc: string;
  times: string[];
  days_of_week: number[];
  start_date: ColumnType<string, string, string>;
  end_date: ColumnType<string | null, string | null, string | null>;
  time_zone: string;
  runs_out_on: ColumnType<string | null, string | null, string | null>;
  refill_days_before: number | null;
  state: 'active' | 'stopped';
  planned_until: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MedicationDosesTable {
  id: Generated<string>;
  plan_id: string;
  patient_id: string;
  scheduled_at: Timestamp;
  local_time: string;
  state: 'pending' | 'taken' | 'skipped' | 'missed' | 'cancelled';
  snoozes: Generated<number>;
  answered_at: NullableTimestamp;
}

export interface RefillRequestsTable {
  id: Generated<string>;
  plan_id: string | null;
  patient_id: string;
  runs_out_on: ColumnType<string | null, string | null, string | null>;
  state: 'open' | 'done' | 'approved' | 'declined' | 'book';
  created_at: Timestamp;
  /** Migration 0014: requests from the chat, and staff decisions. */
  source: Generated<'reminder' | 'chat'>;
  description_enc: ColumnType<string | null, string | null | undefined, string | null>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reason_enc: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Migration 0014: a patient's photo or PDF as a FHIR DocumentReference (bytes in encrypted media storage). */
export interface PatientDocumentsTable {
  id: Generated<string>;
  patient_id: string;
  media_id: string;
  communication_id: string;
  category: 'insurance_card' | 'referral' | 'report' | 'other' | null;
  categorized_by: 'caption' | 'patient' | 'staff' | null;
  caption_enc: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FollowUpsTable {
  id: Generated<string>;
  patient_id: string;
  kind: 'follow_up' | 'screening';
  service_id: string | null;
  due_on: ColumnType<string, string, string>;
  note_enc: string | null;
  state: 'planned' | 'reminded' | 'booked' | 'cancelled';
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutreachRecipientsTable {
  sender: string;
  patient_id: string;
  last_sent_at: Timestamp;
}

export interface StaffAlertsTable {
  id: Generated<string>;
  kind: string;
  dedupe_key: string;
  patient_id: string | null;
  subject_id: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
}

export interface Database {
  observations: ObservationsTable;
  patient_vital_targets: PatientVitalTargetsTable;
  patients: PatientsTable;
  inbound_events: InboundEventsTable;
  communications: CommunicationsTable;
  media: MediaTable;
  audit_events: AuditEventsTable;
  rate_buckets: RateBucketsTable;
  conversations: ConversationsTable;
  conversation_events: ConversationEventsTable;
  consents: ConsentsTable;
  appointments: AppointmentsTable;
  slot_holds: SlotHoldsTable;
  waitlist_entries: WaitlistEntriesTable;
  questionnaire_responses: QuestionnaireResponsesTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_api_tokens: StaffApiTokensTable;
  staff_login_attempts: StaffLoginAttemptsTable;
  canned_replies: CannedRepliesTable;
  conversation_notes: ConversationNotesTable;
  patient_search_terms: PatientSearchTermsTable;
  patient_search_state: PatientSearchStateTable;
  busy_versions: BusyVersionsTable;
  provider_schedules: ProviderSchedulesTable;
  reminders: RemindersTable;
  medication_plans: MedicationPlansTable;
  medication_doses: MedicationDosesTable;
  refill_requests: RefillRequestsTable;
  patient_documents: PatientDocumentsTable;
  follow_ups: FollowUpsTable;
  outreach_recipients: OutreachRecipientsTable;
  staff_alerts: StaffAlertsTable;
  results: ResultsTable;
  identity_verifications: IdentityVerificationsTable;
}

export interface PatientSearchStateTable {
  patient_id: string;
  indexed_at: Timestamp;
}

export interface StaffUsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: 'admin' | 'agent' | 'clinician';
  password_hash: string;
  language: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  totp_secret_enc: string | null;
  totp_enabled_at: NullableTimestamp;
  disabled_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  mentions_seen_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffSessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface StaffApiTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  role: 'admin' | 'agent' | 'clinician';
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface StaffLoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface CannedRepliesTable {
  id: Generated<string>;
  shortcut: string;
  title: string;
  body: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConversationNotesTable {
  id: Generated<string>;
  conversation_id: string;
  author_id: string;
  body_enc: string;
  mentions: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export interface PatientSearchTermsTable {
  patient_id: string;
  term_hash: string;
}

export interface BusyVersionsTable {
  practitioner_id: string;
  version: string;
}

export interface ProviderSchedulesTable {
  practitioner_id: string;
  /** JSON text on insert; parsed on read (jsonb). */
  weekly_hours: unknown;
  exceptions: unknown;
  updated_by: string;
  updated_at: Date;
}

export interface ResultsTable {
  id: string;
  patient_id: string;
  storage_key: string;
  mime_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  byte_size: number;
  file_name_enc: string | null;
  note_enc: string | null;
  follow_up: boolean;
  status: 'ready' | 'notified' | 'delivered';
  notice_skipped: string | null;
  created_by: string;
  created_at: Timestamp;
  notified_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  deliveries: Generated<number>;
}

export interface IdentityVerificationsTable {
  patient_id: string;
  failed_attempts: number;
  locked_at: NullableTimestamp;
  code_hash: string | null;
  code_expires_at: NullableTimestamp;
  verified_at: NullableTimestamp;
  unlocked_by: string | null;
  unlocked_at: NullableTimestamp;
  updated_at: Timestamp;
}
