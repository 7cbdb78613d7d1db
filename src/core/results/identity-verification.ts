/**
 * Identity check before a result leaves the clinic in chat (ADR 0012): the patient's date of
 * birth, then a one-time code sent in a separate message. Failures of either step count
 * together; the third locks the patient out until staff lift it. Pure: the caller loads the
 * record (locked for the transaction), passes time and hashes, and saves what comes back.
 */

export interface VerificationPolicy {
  /** Failed answers (date of birth or code) before the lockout. */
  maxFailures: number;
  /** How long a one-time code stays valid. */
  codeTtlMinutes: number;
}

export const verificationPolicy: VerificationPolicy = { maxFailures: 3, codeTtlMinutes: 10 };

export interface VerificationRecord {
  failedAttempts: number;
  /** Set at the lockout; only staff clear it. */
  lockedAt: Date | undefined;
  /** Keyed hash of the outstanding one-time code (never the code itself), and its expiry. */
  codeHash: string | undefined;
  codeExpiresAt: Date | undefined;
}

export const emptyVerification = (): VerificationRecord => ({ failedAttempts: 0, lockedAt: undefined, codeHash: undefined, codeExpiresAt: undefined });

export const isLocked = (record: VerificationRecord): boolean => record.lockedAt !== undefined;

export type BirthDateJudgement =
  | { outcome: 'locked' }
  | { outcome: 'no_birth_date' }
  /** Right: the caller issues a code with `withCode`. */
  | { outcome: 'matched'; next: VerificationRecord }
  | { outcome: 'wrong'; attemptsLeft: number; next: VerificationRecord }
  | { outcome: 'locked_now'; next: VerificationRecord };

/** `candidates`: what the patient's answer can mean (ISO dates); `onFile`: the stored date of birth. */
export function judgeBirthDate(
  record: VerificationRecord,
  input: { candidates: readonly string[]; onFile: string | undefined; now: Date },
  policy: VerificationPolicy = verificationPolicy,
): BirthDateJudgement {
  if (isLocked(record)) return { outcome: 'locked' };
  if (input.onFile === undefined) return { outcome: 'no_birth_date' };
  const cleared = { ...record, codeHash: undefined, codeExpiresAt: undefined };
  if (input.candidates.includes(input.onFile)) return { outcome: 'matched', next: cleared };
  return fail(cleared, input.now, policy);
}

/** Stores a freshly issued code's hash; any earlier code stops working. */
export function withCode(record: VerificationRecord, codeHash: string, now: Date, policy: VerificationPolicy = verificationPolicy): VerificationRecord {
  return { ...record, codeHash, codeExpiresAt: new Date(now.getTime() + policy.codeTtlMinutes * 60_000) };
}

export type CodeJudgement =
  | { outcome: 'locked' }
  /** No code outstanding (used already, or never issued): start again with the date of birth. */
  | { outcome: 'no_code' }
  /** Too late: the code is dropped, not counted as a failure. */
  | { outcome: 'expired'; next: VerificationRecord }
  | { outcome: 'wrong'; attemptsLeft: number; next: VerificationRecord }
  | { outcome: 'locked_now'; next: VerificationRecord }
  /** Right: failures reset and the code is used up (single use). */
  | { outcome: 'verified'; next: VerificationRecord };

export function judgeCode(record: VerificationRecord, input: { givenHash: string; now: Date }, policy: VerificationPolicy = verificationPolicy): CodeJudgement {
  if (isLocked(record)) return { outcome: 'locked' };
  if (record.codeHash === undefined || record.codeExpiresAt === undefined) return { outcome: 'no_code' };
  if (input.now.getTime() >= record.codeExpiresAt.getTime()) return { outcome: 'expired', next: { ...record, codeHash: undefined, codeExpiresAt: undefined } };
  if (input.givenHash === record.codeHash) return { outcome: 'verified', next: emptyVerification() };
  // A wrong code keeps the code valid (a typo can be corrected) until the failures run out.
  return fail(record, input.now, policy);
}

/** Staff lifted the lockout (after checking who the patient is another way). */
export function unlock(): VerificationRecord {
  return emptyVerification();
}

function fail(record: VerificationRecord, now: Date, policy: VerificationPolicy): { outcome: 'wrong'; attemptsLeft: number; next: VerificationRecord } | { outcome: 'locked_now'; next: VerificationRecord } {
  const failedAttempts = record.failedAttempts + 1;
  if (failedAttempts >= policy.maxFailures) return { outcome: 'locked_now', next: { failedAttempts, lockedAt: now, codeHash: undefined, codeExpiresAt: undefined } };
  return { outcome: 'wrong', attemptsLeft: policy.maxFailures - failedAttempts, next: { ...record, failedAttempts } };
}
