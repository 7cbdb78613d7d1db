import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import { isSlotBookable } from './load-availability.ts';
import type { Clock, Repositories, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

export interface FreedSlot {
  serviceId: string;
  practitionerId: string;
  start: Date;
}

/** A freed slot offered to one waiting patient: the chat tells them; the first to confirm gets it. */
export interface WaitlistOffer {
  entryId: string;
  patientId: string;
  serviceId: string;
  practitionerId: string;
  start: Date;
  end: Date;
}

/**
 * Offers a freed slot to the next patient in the waitlist (oldest entry first) whose service,
 * practitioner (or "any") and window fit it, if the slot is still bookable. Each call offers
 * it to one more patient: entries offered this same slot, and entries with an offer still open
 * (within `scheduling.holdMinutes`), are passed over. The offer holds nothing: whoever confirms
 * first (confirmBooking with `waitlistEntryId`) gets the slot; the others hear `slot_unavailable`.
 */
export async function offerFreedSlot(deps: Deps, slot: FreedSlot): Promise<WaitlistOffer | undefined> {
  const now = deps.clock.now();
  return deps.tx.run((repos) => offerFreedSlotWith(repos, deps.clinic, slot, { now }));
}

/** offerFreedSlot inside the caller's transaction (a cancellation offers the slot it frees). */
export async function offerFreedSlotWith(
  repos: Repositories,
  clinic: ClinicConfig,
  slot: FreedSlot,
  options: { now: Date; excludePatientId?: string },
): Promise<WaitlistOffer | undefined> {
  let rules;
  try {
    rules = getBookingRules(clinic, slot.serviceId);
  } catch {
    return undefined; // a service no longer offered has no waitlist
  }
  const { now } = options;
  if (!(await isSlotBookable(repos, clinic, slot, { now }))) return undefined;
  const end = new Date(slot.start.getTime() + rules.durationMinutes * 60_000);
  const entry = await repos.waitlist.lockFirstForSlot(
    { serviceId: slot.serviceId, practitionerId: slot.practitionerId, start: slot.start, end },
    { offerOpenSince: new Date(now.getTime() - rules.holdMinutes * 60_000), ...(options.excludePatientId === undefined ? {} : { excludePatientId: options.excludePatientId }) },
  );
  if (entry === undefined) return undefined;
  await repos.waitlist.markOffered(entry.id, { practitionerId: slot.practitionerId, start: slot.start }, now);
  await repos.audit.append(
    {
      actorType: 'system',
      action: 'waitlist.offered',
      entityType: 'WaitlistEntry',
      entityId: entry.id,
      patientId: entry.patientId,
      outcome: 'success',
      detail: { serviceId: slot.serviceId, practitionerId: slot.practitionerId },
    },
    now,
  );
  return { entryId: entry.id, patientId: entry.patientId, serviceId: slot.serviceId, practitionerId: slot.practitionerId, start: slot.start, end };
}
