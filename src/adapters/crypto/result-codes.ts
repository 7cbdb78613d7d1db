import { randomInt } from 'node:crypto';
import type { ResultCodes } from '../../app/answer-results-request.ts';
import type { FieldCipher } from './create-field-cipher.ts';

/** One-time codes of the results identity check: 6 random digits, stored as a keyed hash bound to the patient. */
export function resultCodes(cipher: Pick<FieldCipher, 'blindIndex'>): ResultCodes {
  return {
    issue: () => randomInt(0, 1_000_000).toString().padStart(6, '0'),
    hash: (patientId, code) => cipher.blindIndex('result_code', `${patientId}:${code}`),
  };
}
