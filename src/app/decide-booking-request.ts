import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { auditAppointment } from './audit-appointment.ts';
import { offerFreedSlotWith, type WaitlistOffer } from './offer-freed-slot.ts';
import { queuePatientNoticeWith } from './queue-patient-notice.ts';
import { sendWaitlistOfferWith } from './send-waitlist-offer.ts';
import type { AppointmentRecord, Clock, MediaStorage, Transactor } from './ports.ts';
import { buildCalendarReply } from '../core/assistant/build-patient-notice.ts';
import { isReplyWindowOpen } from '../core/is-reply-window-open.ts';
import { storeAppointmentCalendar } from './store-appointment-calendar.ts';
import { syncAppointmentReminders } from './sync-appointment-reminders.ts';

/** `storage`: where the calendar file of a confirmed request is kept (without it, none is sent). */
type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; storage?: Pick<MediaStorage, 'put'> | undefined };

/**
 * Staff confirm (→ `booked`) or decline (→ `cancelled`, reason `declined`) a pending request.
 * The slot stayed reserved while pending, so confirming cannot lose it. A declined slot is
 * offered to the waitlist. The patient is told either way. Repeating the same decision returns the appointment unchanged;
 * deciding anything but a pending request is a `conflict`.
 */
export async function decideBookingRequest(
  deps: Deps,
  input: { appointmentId: string; staffId: string; decision: 'confirm' | 'decline' },
): Promise<{ appointment: AppointmentRecord; waitlistOffer: WaitlistOffer | undefined }> {
  const now = deps.clock.now();
  const target = input.decision === 'confirm' ? 'booked' : 'cancelled';
  const decided = await deps.tx.run(async (repos) => {
    const current = await repos.appointments.lock(input.appointmentId);
    if (current === undefined) throw new DomainError('not_found', 'no such appointment', { appointmentId: input.appointmentId });
    if (current.status === target && (target === 'booked' || current.cancelReason === 'declined')) return { appointment: current, waitlistOffer: undefined };
    if (current.status !== 'pending') {
      throw new DomainError('conflict', `only a pending request can be decided; this one is ${current.status}`, { appointmentId: current.id, status: current.status });
    }
    const appointment = await repos.appointments.changeStatus(current.id, {
      status: target,
      expectedVersion: current.version,
      at: now,
      ...(target === 'cancelled' ? { cancelReason: 'declined' as const } : {}),
    });
    if (appointment === undefined) throw new DomainError('conflict', 'the appointment changed meanwhile', { appointmentId: current.id });
    await syncAppointmentReminders(repos, deps.clinic, appointment, now);
    const waitlistOffer = target === 'cancelled' ? await offerFreedSlotWith(repos, deps.clinic, current, { now, excludePatientId: current.patientId }) : undefined;
    // The waiting patient is told in the same transaction (and the next one when the offer expires).
    await sendWaitlistOfferWith(repos, deps.clinic, waitlistOffer, now);
    // The patient is told in the same transaction (a template when their 24-hour window is closed).
    await queuePatientNoticeWith(repos, deps.clinic, {
      patientId: appointment.patientId,
      notice: { kind: input.decision === 'confirm' ? 'request_confirmed' : 'request_declined', serviceId: appointment.serviceId, practitionerId: appointment.practitionerId, start: appointment.start },
      idempotencyKey: `request-decision:${appointment.id}`,
      now,
    });
    const actor = { type: 'staff' as const, staffId: input.staffId };
    await auditAppointment(repos, { action: input.decision === 'confirm' ? 'appointment.confirmed' : 'appointment.declined', appointment, actor, at: now });
    return { appointment, waitlistOffer };
  });
  if (input.decision === 'confirm' && decided.appointment.status === 'booked') await sendCalendarFile(deps, decided.appointment, now);
  return decided;
}

/**
 * After a confirmation, the appointment's .ics follows the notice, as after a booking in the
 * chat — inside the 24-hour window only (a document outside it would need its own template).
 * Queued once per appointment version.
 */
async function sendCalendarFile(deps: Deps, appointment: AppointmentRecord, now: Date): Promise<void> {
  const storage = deps.storage;
  if (storage === undefined) return;
  const patient = await deps.tx.run((repos) => repos.patients.get(appointment.patientId));
  if (patient.optedOut || !isReplyWindowOpen(patient.lastInboundAt, now, 24)) return;
  const key = await storeAppointmentCalendar({ clinic: deps.clinic, clock: deps.clock, storage }, appointment, patient.language);
  await deps.tx.run(async (repos) => {
    const row = await repos.communications.insertOutbound({
      patientId: patient.id,
      reply: buildCalendarReply(deps.clinic, patient.language, key),
      sender: 'system',
      idempotencyKey: `request-decision:${appointment.id}:ics:${appointment.version}`,
      businessInitiated: true,
      at: now,
    });
    if (!row.created) return;
    await repos.jobs.enqueue('outbound.send', { communicationId: row.id });
    await repos.audit.append({ actorType: 'system', action: 'notice.calendar_file', entityType: 'Communication', entityId: row.id, patientId: patient.id, outcome: 'success', detail: { appointmentId: appointment.id } }, now);
  });
}
