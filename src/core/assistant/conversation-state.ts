import type { Language } from '../clinic/clinic-config.ts';

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
  | 'withdraw_confirm';

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
}

export function initialState(): ConversationState {
  return { step: 'new', language: undefined, consent: 'unknown', misunderstandings: 0, lastPatientAt: undefined };
}
