import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { confirmBooking } from './confirm-booking.ts';
import { offerSlotToNext } from './offer-slot-to-next.ts';
import type { AppointmentRecord, Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

export type WaitlistAnswer = { outcome: 'booked'; appointment: AppointmentRecord } | { outcome: 'declined' } | { outcome: 'gone' };

/**
 * The patient's answer to a freed slot offered from the waitlist. Accepting books it if it is
 * still free (first to confirm gets it; `gone` otherwise); declining puts the patient back in
 * line for other times and offers the slot to the next patient at once. An offer that is not this patient's, or no longer open, is `gone`.
 */
export async function answerWaitlistOffer(deps: Deps, input: { patientId: string; entryId: string; start: Date; accept: boolean }): Promise<WaitlistAnswer> {
  const entry = await deps.tx.run((repos) => repos.waitlist.find(input.entryId));
  if (entry === undefined || entry.patientId !== input.patientId || entry.state !== 'offered' || entry.offeredSlot === undefined) return { outcome: 'gone' };
  // An answer to an earlier offer (this entry has been offered another time since) is not this one.
  if (entry.offeredSlot.start.getTime() !== input.start.getTime()) return { outcome: 'gone' };
  const slot = { serviceId: entry.serviceId, practitionerId: entry.offeredSlot.practitionerId, start: entry.offeredSlot.start };
  if (!input.accept) {
    await deps.tx.run((repos) => repos.waitlist.reopen(entry.id, deps.clock.now()));
    await offerSlotToNext(deps, slot);
    return { outcome: 'declined' };
  }
  try {
    const { appointment } = await confirmBooking(deps, { patientId: input.patientId, ...slot, waitlistEntryId: entry.id });
    return { outcome: 'booked', appointment };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'slot_unavailable') return { outcome: 'gone' };
    throw error;
  }
}
