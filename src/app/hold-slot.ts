import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import { slotUnavailable, type WantedSlot } from './find-alternative-slots.ts';
import { isSlotBookable } from './load-availability.ts';
import type { Clock, SlotHoldRecord, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Holds a free slot for the patient for `scheduling.holdMinutes` while they confirm. A patient
 * holds one slot at a time: their other holds are released. Throws `slot_unavailable` (with
 * `details.alternatives`) when the slot is not free, `not_found` for an unknown service.
 */
export async function holdSlot(deps: Deps, input: WantedSlot & { patientId: string }): Promise<SlotHoldRecord> {
  const rules = getBookingRules(deps.clinic, input.serviceId);
  const now = deps.clock.now();
  const wanted: WantedSlot = { serviceId: input.serviceId, practitionerId: input.practitionerId, start: input.start };
  const context = { now, patientId: input.patientId };
  return deps.tx.run(async (repos) => {
    await repos.appointments.lockPractitioner(input.practitionerId);
    if (!(await isSlotBookable(repos, deps.clinic, wanted, { now, ignoreHoldsOf: input.patientId }))) {
      throw await slotUnavailable(repos, deps.clinic, wanted, context);
    }
    const result = await repos.slotHolds.insert({
      patientId: input.patientId,
      practitionerId: input.practitionerId,
      serviceId: input.serviceId,
      start: input.start,
      end: new Date(input.start.getTime() + rules.durationMinutes * 60_000),
      at: now,
      expiresAt: new Date(now.getTime() + rules.holdMinutes * 60_000),
    });
    if (!result.ok) throw await slotUnavailable(repos, deps.clinic, wanted, context);
    await repos.slotHolds.releaseForPatient(input.patientId, { except: result.hold.id });
    return result.hold;
  });
}
