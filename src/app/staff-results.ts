/**
 * Results for staff (ADR 0012): the patient's results with their delivery status and the chat
 * identity check's state, the stored file, and lifting a lockout after staff checked who the
 * patient is. Every read and change is audited.
 */
import { DomainError } from '../core/domain-error.ts';
import { isLocked, unlock } from '../core/results/identity-verification.ts';
import { toDocumentReference } from '../core/results/to-document-reference.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { notifyResultReady } from './add-patient-result.ts';
import type { AuditEntry, Clock, MediaStorage, Transactor } from './ports.ts';
import type { ResultRecord } from './results-ports.ts';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

export function toResultItem(r: ResultRecord, options: { includeNote: boolean }) {
  return {
    id: r.id,
    mimeType: r.mimeType,
    byteSize: r.byteSize,
    fileName: r.fileName ?? null,
    note: options.includeNote ? (r.note ?? null) : null,
    hasNote: r.note !== undefined,
    followUp: r.followUp,
    status: r.status,
    noticeSkipped: r.noticeSkipped ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    notifiedAt: r.notifiedAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
  };
}

/** Notes are clinical: only clinical roles see them (`includeNotes`). */
export async function listPatientResults(deps: { tx: Transactor; clock: Clock }, input: { patientId: string; actor: Actor; includeNotes: boolean }) {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const details = await repos.patients.getDetails(input.patientId); // unknown patient → not_found
    const results = await repos.results.listForPatient(input.patientId);
    const verification = await repos.results.verificationOf(input.patientId);
    await repos.audit.append({ ...input.actor, action: 'results.viewed', entityType: 'Patient', entityId: input.patientId, patientId: input.patientId, outcome: 'success', detail: { count: results.length } }, now);
    return {
      verification: {
        locked: isLocked(verification),
        failedAttempts: verification.failedAttempts,
        lockedAt: verification.lockedAt?.toISOString() ?? null,
        unlockedAt: verification.unlockedAt?.toISOString() ?? null,
        verifiedAt: verification.verifiedAt?.toISOString() ?? null,
        birthDateOnFile: details.birthDate !== undefined,
      },
      results: results.map((r) => toResultItem(r, { includeNote: input.includeNotes })),
    };
  });
}

/** A patient's results as FHIR DocumentReferences (export). */
export async function exportPatientResults(deps: { tx: Transactor; clock: Clock }, input: { patientId: string; actor: Actor }) {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    await repos.patients.get(input.patientId);
    const results = await repos.results.listForPatient(input.patientId);
    await repos.audit.append({ ...input.actor, action: 'results.exported', entityType: 'Patient', entityId: input.patientId, patientId: input.patientId, outcome: 'success', detail: { count: results.length } }, now);
    return { resourceType: 'Bundle', type: 'collection', entry: results.map((r) => ({ resource: toDocumentReference({ ...r, deliveredAt: r.deliveredAt }) })) };
  });
}

/** The stored document (decrypted) for staff. */
export async function openResultFile(deps: { tx: Transactor; clock: Clock; storage: Pick<MediaStorage, 'get'> }, input: { resultId: string; actor: Actor }) {
  const now = deps.clock.now();
  const result = await deps.tx.run(async (repos) => {
    const found = await repos.results.find(input.resultId);
    if (found === undefined) throw new DomainError('not_found', 'result not found');
    await repos.audit.append({ ...input.actor, action: 'result.file_viewed', entityType: 'DocumentReference', entityId: found.id, patientId: found.patientId, outcome: 'success' }, now);
    return found;
  });
  return { bytes: await deps.storage.get(result.storageKey), mimeType: result.mimeType };
}

/** Lifts the chat lockout (staff checked the patient's identity another way). Idempotent; audited. */
export async function unlockResultVerification(deps: { tx: Transactor; clock: Clock }, input: { patientId: string; actor: Actor; unlockedBy: string }) {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    await repos.patients.get(input.patientId); // unknown patient → not_found
    const record = await repos.results.lockVerification(input.patientId, now);
    const wasLocked = isLocked(record);
    await repos.results.saveVerification(input.patientId, unlock(), now, { unlockedBy: input.unlockedBy });
    await repos.audit.append({ ...input.actor, action: 'identity.unlocked', entityType: 'Patient', entityId: input.patientId, patientId: input.patientId, outcome: 'success', detail: { wasLocked, failedAttempts: record.failedAttempts } }, now);
    return { locked: false, wasLocked };
  });
}

/**
 * Offers a delivered result again (the patient lost the document, changed phones, or the send
 * failed): it waits again for the identity check, and the patient is told. Audited.
 */
export async function reofferResult(deps: { tx: Transactor; clock: Clock; clinic: ClinicConfig }, input: { resultId: string; actor: Actor }) {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const result = await repos.results.find(input.resultId);
    if (result === undefined) throw new DomainError('not_found', 'result not found');
    if (result.status !== 'delivered') throw new DomainError('conflict', 'the result has not been delivered yet: the patient can already open it');
    await repos.results.reopen(result.id);
    await repos.audit.append({ ...input.actor, action: 'result.reoffered', entityType: 'DocumentReference', entityId: result.id, patientId: result.patientId, outcome: 'success', detail: { deliveries: result.deliveries } }, now);
    const notice = await notifyResultReady(repos, deps.clinic, { resultId: result.id, patientId: result.patientId, noticeKey: `result:${result.id}:notice:${result.deliveries}` }, now);
    const saved = (await repos.results.find(result.id)) ?? result;
    return { result: toResultItem(saved, { includeNote: true }), notice };
  });
}
