import type { VitalReading } from '../vitals/parse-vitals.ts';
import type { Language } from '../clinic/clinic-config.ts';
import type { QuestionnaireResponse } from '../triage/build-questionnaire-response.ts';
import type { DocumentCategory } from '../care/care-texts.ts';
import type { ResultDisclosedEffect, ResultsRequest, ResultsRequestResult } from '../results/results-requests.ts';

export type HandoverReason =
  | 'patient_request'
  | 'not_understood'
  | 'red_flag'
  | 'unsupported_message'
  | 'document_received'
  | 'booking_request'
  | 'triage_callback';

/** What a turn asks the use case to record, besides state and replies (in the same transaction). */
export type Effect =
  | { type: 'consent.recorded'; decision: 'granted' | 'declined' | 'withdrawn'; version: string }
  | { type: 'language.set'; language: Language }
  | { type: 'patient.opted_out' }
  | { type: 'patient.opted_in' }
  | { type: 'conversation.handed_off'; reason: HandoverReason; summary: string; urgent: boolean }
  | { type: 'conversation.flagged_urgent'; redFlags: string[] }
  | { type: 'patient.details_recorded'; fullName: string; birthDate: string }
  /** A symptom triage ended: store the answers; urgent and emergency flag the conversation for staff with the summary. */
  | { type: 'triage.completed'; level: 'emergency' | 'urgent' | 'routine' | 'self_care'; summary: string; response: QuestionnaireResponse }
  /** The pre-visit questionnaire of a service, answered (skipped questions have no answer). */
  | { type: 'intake.answered'; appointmentId: string; serviceId: string; answers: IntakeAnswer[] }
  /** Home measurements read from the patient's message (stored only with consent); the app judges them against the patient's targets and alerts staff. */
  | { type: 'vitals.recorded'; readings: VitalReading[] }
  /** A reminder button: ids come from the patient's tap, so the use case checks they are theirs. */
  | {
      type: 'reminder.answered';
      subject: 'appointment' | 'dose' | 'refill' | 'follow_up';
      subjectId: string;
      answer: 'confirmed' | 'taken' | 'snoozed' | 'skipped' | 'refill_requested' | 'booked';
      snoozeMinutes?: number;
    }
  /** Care flows (care-flows.ts): a refill asked for in the chat, a plan id from the list (checked) or the patient's description. */
  | { type: 'refill.requested'; planId?: string; description?: string }
  /** The patient's photo or PDF of this message becomes a document of their record (only with consent). */
  | { type: 'document.received'; category?: DocumentCategory }
  /** The patient said what their latest uncategorized files are. */
  | { type: 'document.categorized'; category: DocumentCategory }
  /** Visit feedback: the rating (1–5), then an optional comment with its sentiment. */
  | { type: 'feedback.rated'; appointmentId: string; rating: number }
  | { type: 'feedback.commented'; appointmentId: string; comment: string; sentiment?: { vote: 'positive' | 'neutral' | 'negative'; score: number } }
  | ResultDisclosedEffect;

/** One answer of a pre-visit questionnaire (FHIR QuestionnaireResponse.item). */
export interface IntakeAnswer {
  linkId: string;
  /** The question as the patient saw it. */
  text: string;
  answer: { kind: 'text'; value: string } | { kind: 'boolean'; value: boolean };
}

/** Data or actions the engine needs from outside (availability, holds, bookings); answered by the use case. */
export type AssistantRequest =
  | { type: 'availability'; serviceId: string; day?: string; sameDay?: boolean; /** A practitioner id or 'any' (default). */ practitionerId?: string }
  | { type: 'hold'; serviceId: string; practitionerId: string; start: number }
  | { type: 'book'; serviceId: string; practitionerId: string; start: number; holdId?: string }
  | { type: 'appointments' }
  | { type: 'cancel'; appointmentId: string }
  /** Move an appointment to the held slot (the old one is released only when the new one is booked). */
  | { type: 'reschedule'; appointmentId: string; practitionerId: string; start: number; holdId?: string }
  | { type: 'join_waitlist'; serviceId: string; practitionerId: string; days: number }
  /** The patient's answer to a freed slot offered from the waitlist. */
  | { type: 'waitlist_answer'; entryId: string; /** The offered start (epoch ms) the patient answers. */ start: number; accept: boolean }
  /** The patient's active medication plans, for a refill request. */
  | { type: 'refill_options' }
  | ResultsRequest;

/** A booked or requested appointment, as the chat describes it. */
export interface BookedSlot {
  appointmentId: string;
  serviceId: string;
  practitionerId: string;
  start: number;
  status: 'booked' | 'pending';
  /** Stored .ics file of the appointment (sent as a document), when the use case made one. */
  calendarKey?: string;
}

export interface SlotOption {
  practitionerId: string;
  start: number;
}

export type RequestResult =
  | { type: 'availability'; slots: SlotOption[] }
  | { type: 'hold'; ok: true; holdId: string }
  | { type: 'hold'; ok: false; alternatives: SlotOption[] }
  | ({ type: 'book'; ok: true } & BookedSlot)
  | { type: 'book'; ok: false; alternatives: SlotOption[] }
  | { type: 'appointments'; items: Array<{ id: string; serviceId: string; practitionerId: string; start: number; status: string }> }
  | { type: 'cancel'; ok: true }
  | { type: 'cancel'; ok: false; reason: 'cutoff' | 'not_found' }
  | ({ type: 'reschedule'; ok: true } & BookedSlot)
  | { type: 'reschedule'; ok: false; reason: 'taken'; alternatives: SlotOption[] }
  | { type: 'reschedule'; ok: false; reason: 'cutoff' | 'not_found' }
  | { type: 'join_waitlist'; ok: true; until: number }
  | ({ type: 'waitlist_answer'; ok: true; accepted: true } & BookedSlot)
  | { type: 'waitlist_answer'; ok: true; accepted: false }
  | { type: 'waitlist_answer'; ok: false }
  | { type: 'refill_options'; plans: Array<{ id: string; medication: string }> }
  | ResultsRequestResult;
