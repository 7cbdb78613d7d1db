import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import { auditAppointment } from './audit-appointment.ts';
import { slotUnavailable, type WantedSlot } from './find-alternative-slots.ts';
import { isSlotBookable } from './load-availability.ts';
import type { AppointmentRecord, BookingActor, Clock, Transactor } from './ports.ts';
import { syncAppointmentReminders } from './sync-appointment-reminders.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

export interface ConfirmBookingInput extends WantedSlot {
  patientId: string;
  /** The patient's hold on this slot, if they have one (an expired hold still books a free slot). */
  holdId?: string;
  /** The waitlist entry this booking answers (a freed slot offered to the patient). */
  waitlistEntryId?: string;
  /** Staff booking for the patient; default: the patient in the chat. */
  staffId?: string;
}

/**
 * Books the slot: `booked` for instant services, `pending` (a request staff confirm or
 * decline) for request services, in one short transaction under the practitioner's lock and
 * the database guard. Repeating a confirmation returns the same appointment (`created: false`).
 * Throws `slot_unavailable` with up to three `details.alternatives` when the slot was lost.
 */
export async function confirmBooking(deps: Deps, input: ConfirmBookingInput): Promise<{ appointment: AppointmentRecord; created: boolean }> {
  const rules = getBookingRules(deps.clinic, input.serviceId);
  const now = deps.clock.now();
  const wanted: WantedSlot = { serviceId: input.serviceId, practitionerId: input.practitionerId, start: input.start };
  const actor: BookingActor = input.staffId === undefined ? { type: 'patient', patientId: input.patientId } : { type: 'staff', staffId: input.staffId };
  return deps.tx.run(async (repos) => {
    await repos.appointments.lockPractitioner(input.practitionerId);
    const existing = await repos.appointments.findActiveAt({ patientId: input.patientId, ...wanted });
    if (existing !== undefined) return { appointment: existing, created: false };
    if (input.holdId !== undefined) {
      const hold = await repos.slotHolds.find(input.holdId);
      const matches =
        hold === undefined ||
        (hold.patientId === input.patientId &&
          hold.practitionerId === input.practitionerId &&
          hold.serviceId === input.serviceId &&
          hold.start.getTime() === input.start.getTime());
      if (!matches) throw new DomainError('invalid_input', 'the hold is for another slot', { holdId: input.holdId });
    }
    const waitlistEntry = input.waitlistEntryId === undefined ? undefined : await repos.waitlist.find(input.waitlistEntryId);
    if (input.waitlistEntryId !== undefined && waitlistEntry?.patientId !== input.patientId) {
      throw new DomainError('not_found', 'no such waitlist entry', { waitlistEntryId: input.waitlistEntryId });
    }
    const context = { now, patientId: input.patientId };
    if (!(await isSlotBookable(repos, deps.clinic, wanted, { now, ignoreHoldsOf: input.patientId }))) {
      throw await slotUnavailable(repos, deps.clinic, wanted, context);
    }
    const result = await repos.appointments.insert({
      patientId: input.patientId,
      practitionerId: input.practitionerId,
      serviceId: input.serviceId,
      start: input.start,
      end: new Date(input.start.getTime() + rules.durationMinutes * 60_000),
      status: rules.booking === 'request' ? 'pending' : 'booked',
      mode: rules.mode,
      bookedVia: actor.type === 'staff' ? 'staff' : 'chat',
      at: now,
    });
    // The last guard: the database refused an overlap the availability check did not see.
    if (!result.ok) throw await slotUnavailable(repos, deps.clinic, wanted, context);
    const { appointment } = result;
    await repos.slotHolds.releaseForPatient(input.patientId);
    if (waitlistEntry !== undefined) await repos.waitlist.markBooked(waitlistEntry.id, appointment.id, now);
    await syncAppointmentReminders(repos, deps.clinic, appointment, now);
    await auditAppointment(repos, {
      action: appointment.status === 'pending' ? 'appointment.requested' : 'appointment.booked',
      appointment,
      actor,
      at: now,
      detail: { viaHold: input.holdId !== undefined, viaWaitlist: waitlistEntry !== undefined },
    });
    return { appointment, created: true };
  });
}
