import type { Language } from '../clinic/clinic-config.ts';

export type HandoverReason =
  | 'patient_request'
  | 'not_understood'
  | 'red_flag'
  | 'unsupported_message'
  | 'document_received'
  | 'booking_request';

/** What a turn asks the use case to record, besides state and replies (in the same transaction). */
export type Effect =
  | { type: 'consent.recorded'; decision: 'granted' | 'declined' | 'withdrawn'; version: string }
  | { type: 'language.set'; language: Language }
  | { type: 'patient.opted_out' }
  | { type: 'patient.opted_in' }
  | { type: 'conversation.handed_off'; reason: HandoverReason; summary: string; urgent: boolean }
  | { type: 'conversation.flagged_urgent'; redFlags: string[] }
  | { type: 'patient.details_recorded'; fullName: string; birthDate: string }
  /** A reminder button: ids come from the patient's tap, so the use case checks they are theirs. */
  | {
      type: 'reminder.answered';
      subject: 'appointment' | 'dose' | 'refill' | 'follow_up';
      subjectId: string;
      answer: 'confirmed' | 'taken' | 'snoozed' | 'skipped' | 'refill_requested' | 'booked';
      snoozeMinutes?: number;
    };

/** Data or actions the engine needs from outside (availability, holds, bookings); answered by the use case. */
export type AssistantRequest =
  | { type: 'availability'; serviceId: string; day?: string }
  | { type: 'hold'; serviceId: string; practitionerId: string; start: number }
  | { type: 'book'; serviceId: string; practitionerId: string; start: number; holdId?: string; rescheduleOf?: string }
  | { type: 'appointments' }
  | { type: 'cancel'; appointmentId: string };

export interface SlotOption {
  practitionerId: string;
  start: number;
}

export type RequestResult =
  | { type: 'availability'; slots: SlotOption[] }
  | { type: 'hold'; ok: true; holdId: string }
  | { type: 'hold'; ok: false; alternatives: SlotOption[] }
  | { type: 'book'; ok: true; status: 'booked' | 'pending' }
  | { type: 'book'; ok: false; alternatives: SlotOption[] }
  | { type: 'appointments'; items: Array<{ id: string; serviceId: string; practitionerId: string; start: number; status: string }> }
  | { type: 'cancel'; ok: true }
  | { type: 'cancel'; ok: false; reason: 'cutoff' | 'not_found' };
