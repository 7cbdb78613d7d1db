import { buildPatientNotice, type PatientNotice } from '../core/assistant/build-patient-notice.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { isReplyWindowOpen } from '../core/is-reply-window-open.ts';
import type { Repositories } from './ports.ts';

/** WhatsApp's customer-service window. */
const REPLY_WINDOW_HOURS = 24;

/**
 * Queues a message the clinic starts (a waitlist offer, a decision on a request) inside the
 * caller's transaction: free-form while the patient's 24-hour window is open, else the
 * configured template. Patients who wrote STOP get nothing (`opted_out`). The same
 * `idempotencyKey` queues once. Audited as an automated disclosure.
 */
export async function queuePatientNoticeWith(
  repos: Repositories,
  clinic: ClinicConfig,
  input: { patientId: string; notice: PatientNotice; idempotencyKey: string; now: Date },
): Promise<'queued' | 'duplicate' | 'opted_out'> {
  const patient = await repos.patients.get(input.patientId);
  if (patient.optedOut) return 'opted_out';
  const windowOpen = isReplyWindowOpen(patient.lastInboundAt, input.now, REPLY_WINDOW_HOURS);
  const reply = buildPatientNotice(clinic, patient.language, input.notice, windowOpen);
  const row = await repos.communications.insertOutbound({ patientId: patient.id, reply, sender: 'system', idempotencyKey: input.idempotencyKey, businessInitiated: true, at: input.now });
  if (!row.created) return 'duplicate';
  await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
  await repos.audit.append(
    { actorType: 'system', action: `notice.${input.notice.kind}`, entityType: 'Communication', entityId: row.id, patientId: patient.id, outcome: 'success', detail: { kind: reply.kind } },
    input.now,
  );
  return 'queued';
}
