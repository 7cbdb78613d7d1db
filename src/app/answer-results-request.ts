/**
 * The identity check behind the results flow (ADR 0012), each step in one short transaction
 * with the patient's verification record locked: date of birth against the encrypted one on
 * file, then the one-time code (kept only as a keyed hash, 10 minutes, single use). Three
 * failures lock the patient out until staff lift it, and raise a staff alert. Every attempt is
 * audited (ids and outcomes only).
 */
import { isLocked, judgeBirthDate, judgeCode, verificationPolicy, withCode } from '../core/results/identity-verification.ts';
import type { ResultDocument, ResultsRequest, ResultsRequestResult } from '../core/results/results-requests.ts';
import type { Clock, Repositories, Transactor } from './ports.ts';

export interface ResultCodes {
  /** A fresh 6-digit code (cryptographically random). */
  issue(): string;
  /** Keyed hash of a code for one patient (what is stored). */
  hash(patientId: string, code: string): string;
}

type Deps = { tx: Transactor; clock: Clock; codes: ResultCodes };

export async function answerResultsRequest(deps: Deps, patientId: string, request: ResultsRequest): Promise<ResultsRequestResult> {
  const now = deps.clock.now();
  return deps.tx.run((repos) => {
    switch (request.type) {
      case 'results_start':
        return start(repos, patientId, now);
      case 'results_birth_date':
        return checkBirthDate(deps, repos, patientId, request.candidates, now);
      case 'results_code':
        return checkCode(deps, repos, patientId, request.code, now);
    }
  });
}

async function start(repos: Repositories, patientId: string, now: Date): Promise<ResultsRequestResult> {
  const verification = await repos.results.verificationOf(patientId);
  if (isLocked(verification)) return { type: 'results_start', status: 'locked' };
  if ((await repos.results.countWaiting(patientId)) === 0) return { type: 'results_start', status: 'none' };
  if ((await repos.patients.getDetails(patientId)).birthDate === undefined) {
    await raiseUnavailable(repos, patientId, now);
    return { type: 'results_start', status: 'no_birth_date' };
  }
  return { type: 'results_start', status: 'ask_birth_date' };
}

async function checkBirthDate(deps: Deps, repos: Repositories, patientId: string, candidates: string[], now: Date): Promise<ResultsRequestResult> {
  const record = await repos.results.lockVerification(patientId, now);
  if (!isLocked(record) && (await repos.results.countWaiting(patientId)) === 0) return { type: 'results_birth_date', status: 'none' };
  const onFile = (await repos.patients.getDetails(patientId)).birthDate;
  const judged = judgeBirthDate(record, { candidates, onFile, now });
  switch (judged.outcome) {
    case 'locked':
      return { type: 'results_birth_date', status: 'locked' };
    case 'no_birth_date':
      await raiseUnavailable(repos, patientId, now);
      return { type: 'results_birth_date', status: 'no_birth_date' };
    case 'matched': {
      const code = deps.codes.issue();
      await repos.results.saveVerification(patientId, withCode(judged.next, deps.codes.hash(patientId, code), now), now);
      await audit(repos, patientId, 'identity.birth_date_checked', 'success', now);
      return { type: 'results_birth_date', status: 'code_sent', code, minutes: verificationPolicy.codeTtlMinutes };
    }
    case 'wrong':
      await repos.results.saveVerification(patientId, judged.next, now);
      await audit(repos, patientId, 'identity.birth_date_checked', 'failure', now, { attemptsLeft: judged.attemptsLeft });
      return { type: 'results_birth_date', status: 'wrong', attemptsLeft: judged.attemptsLeft };
    case 'locked_now':
      await repos.results.saveVerification(patientId, judged.next, now);
      await audit(repos, patientId, 'identity.birth_date_checked', 'failure', now, { attemptsLeft: 0 });
      await lockOut(repos, patientId, now);
      return { type: 'results_birth_date', status: 'locked' };
  }
}

async function checkCode(deps: Deps, repos: Repositories, patientId: string, code: string, now: Date): Promise<ResultsRequestResult> {
  const record = await repos.results.lockVerification(patientId, now);
  const judged = judgeCode(record, { givenHash: deps.codes.hash(patientId, code), now });
  switch (judged.outcome) {
    case 'locked':
      return { type: 'results_code', status: 'locked' };
    case 'no_code':
      return { type: 'results_code', status: 'no_code' };
    case 'expired':
      await repos.results.saveVerification(patientId, judged.next, now);
      await audit(repos, patientId, 'identity.code_checked', 'failure', now, { reason: 'expired' });
      return { type: 'results_code', status: 'expired' };
    case 'wrong':
      await repos.results.saveVerification(patientId, judged.next, now);
      await audit(repos, patientId, 'identity.code_checked', 'failure', now, { attemptsLeft: judged.attemptsLeft });
      return { type: 'results_code', status: 'wrong', attemptsLeft: judged.attemptsLeft };
    case 'locked_now':
      await repos.results.saveVerification(patientId, judged.next, now);
      await audit(repos, patientId, 'identity.code_checked', 'failure', now, { attemptsLeft: 0 });
      await lockOut(repos, patientId, now);
      return { type: 'results_code', status: 'locked' };
    case 'verified': {
      await repos.results.saveVerification(patientId, judged.next, now, { verified: true });
      await audit(repos, patientId, 'identity.verified', 'success', now);
      const documents: ResultDocument[] = (await repos.results.waiting(patientId)).map((r) => ({
        resultId: r.id,
        storageKey: r.storageKey,
        mimeType: r.mimeType,
        followUp: r.followUp,
        createdAt: r.createdAt.getTime(),
        ...(r.note === undefined ? {} : { note: r.note }),
      }));
      return { type: 'results_code', status: 'verified', documents };
    }
  }
}

async function audit(repos: Repositories, patientId: string, action: string, outcome: 'success' | 'failure', at: Date, detail: Record<string, string | number> = {}): Promise<void> {
  await repos.audit.append({ actorType: 'patient', action, entityType: 'Patient', entityId: patientId, patientId, outcome, detail: { channel: 'whatsapp', ...detail } }, at);
}

async function lockOut(repos: Repositories, patientId: string, at: Date): Promise<void> {
  await repos.audit.append({ actorType: 'system', action: 'identity.locked', entityType: 'Patient', entityId: patientId, patientId, outcome: 'success', detail: { failures: verificationPolicy.maxFailures } }, at);
  await repos.reminders.alert({ kind: 'result_verification_locked', dedupeKey: `identity_locked:${patientId}:${at.getTime()}`, patientId, detail: { failures: verificationPolicy.maxFailures } }, at);
  // Visible in the conversation's timeline too (the patient was told to contact the clinic).
  const conversation = await repos.conversations.lockForPatient(patientId, at);
  await repos.conversations.addEvent(conversation.id, { type: 'identity.locked', reason: 'results', actorType: 'system' }, at);
}

/** One alert a day per patient: results are waiting but nobody can verify in chat (no date of birth on file). */
async function raiseUnavailable(repos: Repositories, patientId: string, at: Date): Promise<void> {
  await repos.reminders.alert({ kind: 'result_verification_unavailable', dedupeKey: `identity_unavailable:${patientId}:${at.toISOString().slice(0, 10)}`, patientId }, at);
}
