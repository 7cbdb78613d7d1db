import type { Language } from '../clinic/clinic-config.ts';
import type { AssistantRequest } from './effects.ts';

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
  /** Looking at the list of upcoming appointments. */
  | 'appointments';

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
  booking?: { serviceId: string; practitionerId?: string; start?: number; holdId?: string; fullName?: string; rescheduleOf?: string };
  /** The patient's last few texts (minutes apart), screened together: an emergency may be told in pieces. */
  recentTexts?: Array<{ at: number; text: string }>;
  /** A request the use case must answer before the next patient message is handled. */
  pendingRequest?: AssistantRequest;
}

export function initialState(): ConversationState {
  return { step: 'new', language: undefined, consent: 'unknown', misunderstandings: 0, lastPatientAt: undefined };
}
