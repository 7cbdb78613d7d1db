import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import type { MessageKey } from '../locales/en.ts';
import { translate } from '../locales/translate.ts';
import type { Choice, OutboundReply } from '../messages.ts';
import type { ConversationState, Owner } from './conversation-state.ts';
import type { Effect } from './effects.ts';

/** The working copy of one turn: flows add replies and effects and change state through it. */
export interface Turn {
  config: ClinicConfig;
  now: Date;
  state: ConversationState;
  owner: Owner;
  replies: OutboundReply[];
  effects: Effect[];
  /** The clinic has the patient's full name and date of birth. */
  patientHasDetails: boolean;
  /** Results waiting for the patient (not yet sent): "results" in free text opens them. */
  resultsWaiting?: number;
}

export function languageOf(turn: Turn): Language {
  return turn.state.language ?? turn.config.languages.default;
}

export function say(turn: Turn, key: MessageKey, params: Record<string, string> = {}): string {
  return translate(languageOf(turn), key, { clinic: turn.config.clinic.name, number: turn.config.emergency.number, privacyUrl: turn.config.consent.privacyUrl, ...params });
}

export function replyText(turn: Turn, text: string): void {
  turn.replies.push({ kind: 'text', text });
}

export function replyChoices(turn: Turn, text: string, choices: Choice[], buttonLabel?: string): void {
  turn.replies.push({ kind: 'choices', text, choices, ...(buttonLabel === undefined ? {} : { buttonLabel }) });
}
