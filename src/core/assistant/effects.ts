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
  | { type: 'conversation.flagged_urgent'; redFlags: string[] };
