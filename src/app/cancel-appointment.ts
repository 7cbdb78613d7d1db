import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { auditAppointment } from './audit-appointment.ts';
import { assertChangeAllowed } from './assert-change-allowed.ts';
import { offerFreedSlotWith, type WaitlistOffer } from './offer-freed-slot.ts';
import { sendWaitlistOfferWith } from './send-waitlist-offer.ts';
import type { AppointmentRecord, BookingActor, CancelReason, Clock, Transactor } from './ports.ts';
import { syncAppointmentReminders } from './sync-appointment-reminders.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Cancels an appointment (proposed, pending, booked or arrived: see `canChangeStatus`). Patients
 * may cancel only until the cut-off (`cancellationCutoffHours` before the start), else
 * `cancellation_cutoff`, except a request not yet confirmed; staff may always. The freed slot is offered to the waitlist in the same transaction (`waitlistOffer`:
 * the chat tells that patient). Cancelling again returns the cancelled appointment.
 */
export async function cancelAppointment(
  deps: Deps,
  input: { appointmentId: string; actor: BookingActor; reason?: CancelReason },
): Promise<{ appointment: AppointmentRecord; waitlistOffer: WaitlistOffer | undefined }> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const current = await repos.appointments.lock(input.appointmentId);
    if (current === undefined || (input.actor.type === 'patient' && current.patientId !== input.actor.patientId)) {
      throw new DomainError('not_found', 'no such appointment', { appointmentId: input.appointmentId });
    }
    if (current.status === 'cancelled') return { appointment: current, waitlistOffer: undefined };
    assertChangeAllowed(deps.clinic, current, input.actor, now, 'cancel');
    const appointment = await repos.appointments.changeStatus(current.id, {
      status: 'cancelled',
      expectedVersion: current.version,
      at: now,
      cancelReason: input.reason ?? (input.actor.type === 'patient' ? 'patient_request' : 'clinic_request'),
    });
    if (appointment === undefined) throw new DomainError('conflict', 'the appointment changed meanwhile', { appointmentId: current.id });
    await syncAppointmentReminders(repos, deps.clinic, appointment, now);
    const waitlistOffer = await offerFreedSlotWith(repos, deps.clinic, current, { now, excludePatientId: current.patientId });
    // The waiting patient is told in the same transaction (and the next one when the offer expires).
    await sendWaitlistOfferWith(repos, deps.clinic, waitlistOffer, now);
    await auditAppointment(repos, { action: 'appointment.cancelled', appointment, actor: input.actor, at: now, detail: { reason: appointment.cancelReason ?? null } });
    return { appointment, waitlistOffer };
  });
}
