/**
 * What the results flow asks the use case for (identity checks need the stored date of birth,
 * a random code and the database) and what comes back. Part of the assistant's request/result
 * unions (src/core/assistant/effects.ts).
 */

export type ResultsRequest =
  | { type: 'results_start' }
  /** The patient's answer, as the dates it can mean (ISO). */
  | { type: 'results_birth_date'; candidates: string[] }
  | { type: 'results_code'; code: string };

/** A result the patient may now receive. */
export interface ResultDocument {
  resultId: string;
  storageKey: string;
  mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
  /** Staff's note for the patient (sent as the caption). */
  note?: string;
  followUp: boolean;
  createdAt: number;
}

export type ResultsRequestResult =
  | { type: 'results_start'; status: 'ask_birth_date' | 'locked' | 'none' | 'no_birth_date' }
  | { type: 'results_birth_date'; status: 'code_sent'; code: string; minutes: number }
  | { type: 'results_birth_date'; status: 'wrong'; attemptsLeft: number }
  | { type: 'results_birth_date'; status: 'locked' | 'no_birth_date' | 'none' }
  | { type: 'results_code'; status: 'verified'; documents: ResultDocument[] }
  | { type: 'results_code'; status: 'wrong'; attemptsLeft: number }
  | { type: 'results_code'; status: 'expired' | 'locked' | 'no_code' };

/** A result was sent to the patient (after identity verification): the use case marks it and audits the disclosure. */
export type ResultDisclosedEffect = { type: 'result.disclosed'; resultId: string; followUp: boolean };
