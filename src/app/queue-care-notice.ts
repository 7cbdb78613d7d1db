import { buildCareNotice, type CareNotice } from '../core/care/build-care-notice.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { isReplyWindowOpen } from '../core/is-reply-window-open.ts';
import type { Repositories } from './ports.ts';

/** WhatsApp's customer-service window. */
const REPLY_WINDOW_HOURS = 24;

export type NoticeOutcome = 'queued' | 'duplicate' | 'opted_out' | 'no_template';

/**
 * Queues a care notice (refill decision, payment link) inside the caller's transaction, like
 * queuePatientNoticeWith: free-form while the 24-hour window is open, else the purpose's template;
 * nothing after STOP; once per `idempotencyKey`. Audited as an automated disclosure.
 */
export async function queueCareNoticeWith(repos: Repositories, clinic: ClinicConfig, input: { patientId: string; notice: CareNotice; idempotencyKey: string; now: Date }): Promise<NoticeOutcome> {
  const patient = await repos.patients.get(input.patientId);
  if (patient.optedOut) return 'opted_out';
  const windowOpen = isReplyWindowOpen(patient.lastInboundAt, input.now, REPLY_WINDOW_HOURS);
  const reply = buildCareNotice(clinic, patient.language, input.notice, windowOpen);
  if (reply === undefined) return 'no_template';
  const row = await repos.communications.insertOutbound({ patientId: patient.id, reply, sender: 'system', idempotencyKey: input.idempotencyKey, businessInitiated: true, at: input.now });
  if (!row.created) return 'duplicate';
  await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
  await repos.audit.append(
    { actorType: 'system', action: `notice.${input.notice.kind}`, entityType: 'Communication', entityId: row.id, patientId: patient.id, outcome: 'success', detail: { kind: reply.kind } },
    input.now,
  );
  return 'queued';
}
