/**
 * Ports for reminders and scheduled outreach (docs/reminders.md): planned sends, their
 * dispatch, medication plans, follow-ups, attendance and staff alerts. Part of `Repositories`
 * (`reminders`, `carePlans`), so planning commits in the same transaction as a booking change.
 */
import type { Language } from '../core/clinic/clinic-config.ts';
import type { OutboundReply } from '../core/messages.ts';
import type { ReminderKind, ReminderPatient, ReminderSubject } from '../core/reminders/decide-reminder-send.ts';

export interface PlannedReminder {
  /** Unique per planned send (e.g. `appt:<id>:1440`): planning twice plans once. */
  key: string;
  patientId: string;
  kind: ReminderKind;
  subjectId: string;
  dueAt: Date;
  detail?: Record<string, string | number>;
}

export interface ClaimedReminder {
  id: string;
  key: string;
  patientId: string;
  kind: ReminderKind;
  subjectId: string;
  dueAt: Date;
  attempts: number;
  /** Set when an earlier claim got as far as the outbox (a crash, or a retry). */
  communication: { id: string; status: string; providerMessageId: string | undefined; statusAt: Date | undefined } | undefined;
}

export interface DispatchPatient extends ReminderPatient {
  id: string;
  waId: string | undefined;
  userId: string | undefined;
}

export type ReminderOutcome = 'confirmed' | 'rescheduled' | 'cancelled' | 'taken' | 'snoozed' | 'skipped' | 'refill_requested' | 'booked';

export interface StaffAlertInput {
  kind: 'missed_doses' | 'daily_limit_reached' | 'reminder_failed' | 'refill_requested' | 'vital_out_of_range' | 'vital_danger' | 'document_received' | 'feedback_follow_up' | 'result_verification_locked' | 'result_verification_unavailable';
  /** One alert per key (e.g. one per day for the daily limit). */
  dedupeKey: string;
  patientId?: string;
  subjectId?: string;
  /** Ids, codes and counts only: never PHI. */
  detail?: Record<string, string | number | boolean>;
}

export interface ReminderRepository {
  plan(items: PlannedReminder[], at: Date): Promise<number>;
  /** Planned (not yet claimed) reminders of a subject → cancelled. */
  cancelForSubject(subjectId: string, reason: string, at: Date): Promise<number>;
  /** Records the patient's answer on the subject's latest sent reminder. */
  recordOutcome(subjectId: string, outcome: ReminderOutcome, at: Date): Promise<void>;
  /**
   * Claims up to `limit` due reminders (planned with send_after ≤ now, or sending with a lease
   * that ended before `reclaimBefore` — time for the status webhook of a send that did happen to
   * arrive) with FOR UPDATE SKIP LOCKED: several processes never claim the same row.
   */
  claimDue(input: { now: Date; reclaimBefore: Date; limit: number; leaseUntil: Date; workerId: string }): Promise<ClaimedReminder[]>;
  /** Extends the lease of rows still claimed by `workerId`; returns the ids still held. */
  renewLease(ids: string[], workerId: string, leaseUntil: Date): Promise<Set<string>>;
  loadPatients(ids: string[]): Promise<Map<string, DispatchPatient>>;
  loadSubjects(reminders: Array<Pick<ClaimedReminder, 'kind' | 'subjectId'>>): Promise<Map<string, ReminderSubject>>;
  /** Back to planned, due again at `until`. */
  defer(ids: string[], until: Date, reason: string, at: Date): Promise<void>;
  finish(ids: string[], state: 'skipped' | 'failed', reason: string, at: Date): Promise<void>;
  /**
   * The daily unique-recipient limit: of these patients, those allowed a business-initiated
   * message now (already messaged in the last 24 hours, or room left under `limit`); records them.
   */
  admitRecipients(sender: string, patientIds: string[], now: Date, limit: number): Promise<Set<string>>;
  /** Outbox rows (key `reminder:<id>`), created once; returns each reminder's Communication. */
  prepareCommunications(items: Array<{ reminderId: string; patientId: string; reply: OutboundReply }>, at: Date): Promise<Map<string, { id: string; status: string; providerMessageId: string | undefined }>>;
  markSent(items: Array<{ reminderId: string; communicationId: string; providerMessageId: string | undefined; sentAs: 'template' | 'session' | undefined; patientId: string; kind: ReminderKind }>, at: Date): Promise<void>;
  markSendFailed(item: { reminderId: string; communicationId: string; code?: number; title: string; reason: string }, at: Date): Promise<void>;
  alert(input: StaffAlertInput, at: Date): Promise<boolean>;
  /** Sets the provider id on an outbound message sent but not recorded (a status with its callback data). */
  adoptProviderId(communicationId: string, providerMessageId: string, at: Date): Promise<boolean>;
}

export interface MedicationPlanInput {
  patientId: string;
  medication: string;
  doseText: string;
  times: string[];
  daysOfWeek: number[];
  startDate: string;
  endDate: string | undefined;
  timeZone: string;
  runsOutOn: string | undefined;
  refillDaysBefore: number | undefined;
  staffId: string;
}

export interface MedicationPlanRecord extends Omit<MedicationPlanInput, 'staffId'> {
  id: string;
  state: 'active' | 'stopped';
  plannedUntil: Date | undefined;
}

export interface DoseRecord {
  id: string;
  planId: string;
  patientId: string;
  scheduledAt: Date;
  state: 'pending' | 'taken' | 'skipped' | 'missed' | 'cancelled';
  snoozes: number;
}

export interface FollowUpRecord {
  id: string;
  patientId: string;
  kind: 'follow_up' | 'screening';
  serviceId: string | undefined;
  dueOn: string;
  state: 'planned' | 'reminded' | 'booked' | 'cancelled';
}

export interface CarePlanRepository {
  createMedicationPlan(input: MedicationPlanInput, at: Date): Promise<MedicationPlanRecord>;
  findMedicationPlan(id: string): Promise<MedicationPlanRecord | undefined>;
  stopMedicationPlan(id: string, at: Date): Promise<void>;
  /** Active plans whose doses are planned less far ahead than `horizon`. */
  plansToExtend(horizon: Date, limit: number): Promise<MedicationPlanRecord[]>;
  /** Inserts doses once (plan + time unique); returns the new ones. */
  insertDoses(planId: string, patientId: string, doses: Array<{ at: Date; localTime: string }>, plannedUntil: Date): Promise<DoseRecord[]>;
  findDose(id: string): Promise<DoseRecord | undefined>;
  answerDose(id: string, state: 'taken' | 'skipped', at: Date): Promise<boolean>;
  snoozeDose(id: string): Promise<number>;
  /** Pending doses scheduled before `before` → missed; returns the plans concerned. */
  markMissedDoses(before: Date): Promise<string[]>;
  /** How many of the plan's latest doses in a row were missed or skipped, and the first of that run. */
  missedInARow(planId: string): Promise<{ count: number; firstDoseId: string | undefined }>;
  createRefillRequest(planId: string, patientId: string, runsOutOn: string | undefined, at: Date): Promise<{ id: string; created: boolean }>;
  createFollowUp(input: { patientId: string; kind: 'follow_up' | 'screening'; serviceId: string | undefined; dueOn: string; note: string | undefined; staffId: string }, at: Date): Promise<FollowUpRecord>;
  findFollowUp(id: string): Promise<FollowUpRecord | undefined>;
  setFollowUpState(id: string, state: FollowUpRecord['state'], at: Date): Promise<void>;
  markConfirmed(appointmentId: string, at: Date): Promise<void>;
  setAttendance(appointmentId: string, attendance: 'attended' | 'no_show' | 'cancelled_late', by: string, at: Date): Promise<void>;
  /** Booked or arrived appointments that ended before `endedBefore` with no attendance recorded. */
  appointmentsAwaitingAttendance(endedBefore: Date, limit: number): Promise<Array<{ id: string; status: string; version: number; patientId: string }>>;
  listUnconfirmed(window: { from: Date; to: Date }): Promise<Array<{ appointmentId: string; patientId: string; start: Date; serviceId: string; practitionerId: string; remindersSent: number }>>;
  /** No-show rate per reminder outcome for appointments starting in the window. */
  noShowRateByReminderOutcome(window: { from: Date; to: Date }): Promise<Array<{ outcome: string; appointments: number; noShows: number; rate: number }>>;
  /** The patient's language, for staff-facing and planning decisions. */
  patientLanguage(patientId: string): Promise<Language | undefined>;
}

/** Send slots on the shared per-number token bucket (rate_buckets), for paced dispatch. */
export interface SendTokens {
  /**
   * Reserves `count` sends on bucket `key` at once (the bucket may go into debt, which every other
   * taker — the reply sender too — then waits out): `offsetsMs[i]` is when send i may start,
   * counted from the moment the answer arrived, evenly spaced at `ratePerSecond`.
   */
  reserve(key: string, ratePerSecond: number, burst: number, count: number): Promise<{ offsetsMs: number[] }>;
}
