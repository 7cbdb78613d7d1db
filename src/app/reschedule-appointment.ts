import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import { assertChangeAllowed } from './assert-change-allowed.ts';
import { auditAppointment } from './audit-appointment.ts';
import { slotUnavailable, type WantedSlot } from './find-alternative-slots.ts';
import { isSlotBookable } from './load-availability.ts';
import { offerFreedSlotWith, type WaitlistOffer } from './offer-freed-slot.ts';
import { sendWaitlistOfferWith } from './send-waitlist-offer.ts';
import type { AppointmentRecord, BookingActor, Clock, Transactor } from './ports.ts';
import { syncAppointmentReminders } from './sync-appointment-reminders.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Moves an appointment to a new slot (same service; the same or another practitioner): the new
 * appointment is booked and the old one cancelled ('rescheduled') in ONE transaction, so the
 * old slot is released only if the new one is booked. The new slot may overlap the old one.
 * Request services need staff again: the new appointment is `pending`. Same rules as
 * cancelling (`cancellation_cutoff` for patients); `slot_unavailable` with alternatives when
 * the new slot is taken, and then nothing changes. The freed old slot is offered to the waitlist.
 */
export async function rescheduleAppointment(
  deps: Deps,
  input: { appointmentId: string; actor: BookingActor; practitionerId: string; start: Date },
): Promise<{ appointment: AppointmentRecord; previous: AppointmentRecord; waitlistOffer: WaitlistOffer | undefined }> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    // Lock order (see migration 0003): the practitioner first, then rows.
    await repos.appointments.lockPractitioner(input.practitionerId);
    const current = await repos.appointments.lock(input.appointmentId);
    if (current === undefined || (input.actor.type === 'patient' && current.patientId !== input.actor.patientId)) {
      throw new DomainError('not_found', 'no such appointment', { appointmentId: input.appointmentId });
    }
    assertChangeAllowed(deps.clinic, current, input.actor, now, 'move');
    if (current.practitionerId === input.practitionerId && current.start.getTime() === input.start.getTime()) {
      return { appointment: current, previous: current, waitlistOffer: undefined };
    }
    const rules = getBookingRules(deps.clinic, current.serviceId);
    const wanted: WantedSlot = { serviceId: current.serviceId, practitionerId: input.practitionerId, start: input.start };
    const context = { now, patientId: current.patientId, ignoreAppointmentId: current.id };
    if (!(await isSlotBookable(repos, deps.clinic, wanted, { now, ignoreHoldsOf: current.patientId, ignoreAppointmentId: current.id }))) {
      throw await slotUnavailable(repos, deps.clinic, wanted, context);
    }
    // Both changes commit together or not at all; cancelling first lets the new slot overlap the old.
    const previous = await repos.appointments.changeStatus(current.id, { status: 'cancelled', expectedVersion: current.version, at: now, cancelReason: 'rescheduled' });
    if (previous === undefined) throw new DomainError('conflict', 'the appointment changed meanwhile', { appointmentId: current.id });
    const result = await repos.appointments.insert({
      patientId: current.patientId,
      practitionerId: input.practitionerId,
      serviceId: current.serviceId,
      start: input.start,
      end: new Date(input.start.getTime() + rules.durationMinutes * 60_000),
      status: rules.booking === 'request' ? 'pending' : 'booked',
      mode: rules.mode,
      bookedVia: input.actor.type === 'staff' ? 'staff' : 'chat',
      rescheduledFrom: current.id,
      at: now,
    });
    // Throwing rolls back the cancellation above: the patient keeps the old appointment.
    if (!result.ok) throw await slotUnavailable(repos, deps.clinic, wanted, context);
    const { appointment } = result;
    await repos.slotHolds.releaseForPatient(current.patientId);
    for (const changed of [previous, appointment]) await syncAppointmentReminders(repos, deps.clinic, changed, now);
    const waitlistOffer = await offerFreedSlotWith(repos, deps.clinic, current, { now, excludePatientId: current.patientId });
    // The waiting patient is told in the same transaction (and the next one when the offer expires).
    await sendWaitlistOfferWith(repos, deps.clinic, waitlistOffer, now);
    await auditAppointment(repos, { action: 'appointment.cancelled', appointment: previous, actor: input.actor, at: now, detail: { reason: 'rescheduled', replacedBy: appointment.id } });
    await auditAppointment(repos, { action: 'appointment.rescheduled', appointment, actor: input.actor, at: now, detail: { rescheduledFrom: current.id } });
    return { appointment, previous, waitlistOffer };
  });
}
