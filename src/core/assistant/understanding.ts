/**
 * What the language layer (src/adapters/nlu, behind the `Nlu` port) tells the conversation
 * engine about one patient text. The engine decides; the NLU only scores.
 */
import type { Language } from '../clinic/clinic-config.ts';

/** Things a patient may ask for in free text at any step. */
export const assistantIntents = [
  'greeting',
  'book',
  'my_appointments',
  'opening_hours',
  'talk_to_staff',
  'menu',
  'thanks',
  'change_language',
] as const;
export type AssistantIntent = (typeof assistantIntents)[number];

export interface Scored<T> {
  value: T;
  /** 0–1 */
  score: number;
}

export interface Understanding {
  /** Detected language of this text, when the text is long or distinctive enough. */
  language?: Scored<Language>;
  /** Best intent, if any scored above the NLU's own floor. */
  intent?: Scored<AssistantIntent>;
  /** FAQ entries by id, best first (may be empty). */
  faq: Array<Scored<string>>;
  /** The text's sentiment (a lexicon score: below 0 negative), when the NLU measured it. */
  sentiment?: { vote: 'positive' | 'neutral' | 'negative'; score: number };
}
