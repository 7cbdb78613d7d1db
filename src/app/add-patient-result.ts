/**
 * Staff attach a result to a patient (ADR 0012). The file is already checked (type by its
 * bytes, size) at the HTTP edge; it is stored encrypted first, then the result row, the audit
 * row and the "your result is ready" notice commit together. The notice needs the patient's
 * consent and no STOP; it is free-form inside the 24-hour window, else the `result_ready`
 * template. It never holds the result itself.
 */
import { randomUUID } from 'node:crypto';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { isReplyWindowOpen } from '../core/is-reply-window-open.ts';
import { buildResultNotice } from '../core/results/build-result-notice.ts';
import type { AuditEntry, Clock, MediaStorage, Repositories, Transactor } from './ports.ts';
import type { ResultMimeType, ResultRecord } from './results-ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; storage: Pick<MediaStorage, 'put'> };

const REPLY_WINDOW_HOURS = 24;

export type ResultNoticeOutcome = 'queued' | 'opted_out' | 'no_consent' | 'no_template';

export async function addPatientResult(
  deps: Deps,
  input: {
    patientId: string;
    actor: Pick<AuditEntry, 'actorType' | 'actorId'>;
    createdBy: string;
    bytes: Uint8Array;
    mimeType: ResultMimeType;
    fileName: string | undefined;
    note: string | undefined;
    followUp: boolean;
  },
): Promise<{ result: ResultRecord; notice: ResultNoticeOutcome; birthDateOnFile: boolean }> {
  const birthDate = await deps.tx.run(async (repos) => (await repos.patients.getDetails(input.patientId)).birthDate); // unknown patient → not_found
  if (input.bytes.byteLength === 0) throw new DomainError('invalid_input', 'the file is empty');
  const id = randomUUID();
  const storageKey = `patients/${input.patientId}/results/${id}`;
  await deps.storage.put(storageKey, input.bytes);
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const result = await repos.results.insert({
      id,
      patientId: input.patientId,
      storageKey,
      mimeType: input.mimeType,
      byteSize: input.bytes.byteLength,
      fileName: input.fileName,
      note: input.note,
      followUp: input.followUp,
      createdBy: input.createdBy,
      at: now,
    });
    await repos.audit.append(
      { ...input.actor, action: 'result.created', entityType: 'DocumentReference', entityId: id, patientId: input.patientId, outcome: 'success', detail: { mimeType: input.mimeType, bytes: input.bytes.byteLength, followUp: input.followUp, note: input.note !== undefined } },
      now,
    );
    const notice = await notifyResultReady(repos, deps.clinic, { resultId: id, patientId: input.patientId, noticeKey: `result:${id}:notice` }, now);
    const saved = (await repos.results.find(id)) ?? result;
    return { result: saved, notice, birthDateOnFile: birthDate !== undefined };
  });
}

/**
 * Queues "your result is ready" inside the caller's transaction (consent and no STOP needed;
 * buttons inside the 24-hour window, else the template) and marks the result notified — or
 * records why not. `noticeKey` makes it idempotent.
 */
export async function notifyResultReady(
  repos: Repositories,
  clinic: ClinicConfig,
  input: { resultId: string; patientId: string; noticeKey: string },
  now: Date,
): Promise<ResultNoticeOutcome> {
  const patient = (await repos.reminders.loadPatients([input.patientId])).get(input.patientId);
  let notice: ResultNoticeOutcome;
  if (patient === undefined || patient.optedOut) notice = 'opted_out';
  else if (!patient.consented) notice = 'no_consent';
  else {
    const built = buildResultNotice(clinic, patient, isReplyWindowOpen(patient.lastInboundAt, now, REPLY_WINDOW_HOURS));
    if (!built.ok) notice = 'no_template';
    else {
      const row = await repos.communications.insertOutbound({ patientId: input.patientId, reply: built.reply, sender: 'system', idempotencyKey: input.noticeKey, businessInitiated: true, at: now });
      if (row.created) await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
      await repos.results.markNotified(input.resultId, now);
      await repos.audit.append(
        { actorType: 'system', action: 'notice.result_ready', entityType: 'Communication', entityId: row.id, patientId: input.patientId, outcome: 'success', detail: { resultId: input.resultId, as: built.as } },
        now,
      );
      notice = 'queued';
    }
  }
  if (notice !== 'queued') await repos.results.markNoticeSkipped(input.resultId, notice);
  return notice;
}
