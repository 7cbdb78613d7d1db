import type { Language } from '../clinic/clinic-config.ts';
import type { AssistantRequest, IntakeAnswer } from './effects.ts';

/** Who speaks for the clinic in a conversation right now (STYLE.md #7). */
export type Owner = 'bot' | 'staff' | 'closed';

export type ConsentState = 'unknown' | 'granted' | 'declined' | 'withdrawn';

export type Step =
  /** No message handled yet. */
  | 'new'
  /** Waiting for agree / decline. */
  | 'consent'
  /** Waiting for a language choice; `returnTo` says where to go next. */
  | 'language'
  /** Idle at the menu: any free text is understood from scratch. */
  | 'menu'
  /** Offered near-miss FAQ buttons. */
  | 'faq_near_miss'
  /** Asked whether to withdraw consent. */
  | 'withdraw_confirm'
  /** Booking: choosing a service, a day, a time, then confirming. */
  | 'book_service'
  | 'book_day'
  | 'book_time'
  | 'book_confirm'
  /** First booking: the clinic needs the full name and date of birth (asked once, after consent). */
  | 'book_name'
  | 'book_dob'
  /** Booking: choosing a provider or "anyone". */
  | 'book_provider'
  /** Waitlist: choosing until when the patient could come. */
  | 'waitlist_window'
  /** Pre-visit questionnaire: answering question `intake.index`. */
  | 'intake'
  /** Looking at the list of upcoming appointments. */
  | 'appointments'
  /** Symptom triage (triage-flow.ts): describing, choosing the problem, a follow-up question, the advice. */
  | 'triage_describe'
  | 'triage_choose'
  | 'triage_question'
  | 'triage_outcome'
  /** Care flows (care-flows.ts): choosing or describing a medicine to refill, saying what a file is, commenting on a visit. */
  | 'refill_choose'
  | 'refill_describe'
  | 'document_category'
  | 'feedback_comment'
  /** Results (results-flow.ts): waiting for the date of birth, then the one-time code. */
  | 'results_dob'
  | 'results_code';

/** The assistant's memory of one conversation. Stored encrypted; versioned for optimistic concurrency. */
export interface ConversationState {
  step: Step;
  language: Language | undefined;
  consent: ConsentState;
  /** Misunderstood messages in a row (reset by any understood one). */
  misunderstandings: number;
  /** Where a language choice returns to. */
  returnTo?: 'consent' | 'menu';
  /** Epoch ms of the last patient message the assistant handled. */
  lastPatientAt: number | undefined;
  /** The booking in progress. */
  booking?: {
    serviceId: string;
    /** The provider asked for, or 'any'. */
    provider?: string;
    practitionerId?: string;
    start?: number;
    holdId?: string;
    fullName?: string;
    /** Set when moving this appointment instead of booking a new one. */
    rescheduleOf?: string;
  };
  /** The appointments last listed to the patient (what their choices refer to). */
  appointmentsShown?: Array<{ id: string; serviceId: string; practitionerId: string; start: number; status: string }>;
  /** The pre-visit questionnaire in progress. */
  intake?: { appointmentId: string; serviceId: string; index: number; answers: IntakeAnswer[] };
  /** The patient's last few texts (minutes apart), screened together: an emergency may be told in pieces. */
  recentTexts?: Array<{ at: number; text: string }>;
  /** A request the use case must answer before the next patient message is handled. */
  pendingRequest?: AssistantRequest;
  /** The symptom triage in progress or just finished (triage-flow.ts). */
  triage?: TriageProgress;
  /** The "not a diagnosis" line was shown in this conversation. */
  triageDisclaimerShown?: boolean;
  /** The medication plans last offered for a refill (what the patient's choice refers to). */
  refillOptions?: Array<{ id: string; medication: string }>;
  /** The visit feedback in progress: the rating given, a comment may follow. */
  feedback?: { appointmentId: string; rating: number };
}

export interface TriageProgress {
  /** The patient's description (several messages joined by line breaks). */
  text: string;
  /** Question id → answer id. */
  answers: Record<string, string>;
  /** Problems chosen from the list when the words named none. */
  presentations?: string[];
  /** The question on screen. */
  pending?: string;
  /** Questions asked so far. */
  asked: number;
  /** Set once the advice was given. */
  outcome?: { level: 'emergency' | 'urgent' | 'routine' | 'self_care'; department: string };
}

export function initialState(): ConversationState {
  return { step: 'new', language: undefined, consent: 'unknown', misunderstandings: 0, lastPatientAt: undefined };
}
