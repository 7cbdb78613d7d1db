import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import { offerFreedSlotWith, type FreedSlot } from './offer-freed-slot.ts';
import type { Clock, Transactor } from './ports.ts';
import { sendWaitlistOfferWith } from './send-waitlist-offer.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Offers a freed slot to the next patient in the waitlist and tells them (job
 * `waitlist.offer_next`, after an offer expired or was declined). One offer of a slot is open at
 * a time: nothing happens while another patient's offer of it is still open, when the slot was
 * booked meanwhile, or when nobody else waits for it.
 */
export async function offerSlotToNext(deps: Deps, slot: FreedSlot): Promise<{ offeredTo: string | undefined }> {
  const now = deps.clock.now();
  let holdMinutes: number;
  try {
    holdMinutes = getBookingRules(deps.clinic, slot.serviceId).holdMinutes;
  } catch {
    return { offeredTo: undefined }; // a service no longer offered has no waitlist
  }
  return deps.tx.run(async (repos) => {
    if (await repos.waitlist.hasOpenOffer(slot, new Date(now.getTime() - holdMinutes * 60_000))) return { offeredTo: undefined };
    const offer = await sendWaitlistOfferWith(repos, deps.clinic, await offerFreedSlotWith(repos, deps.clinic, slot, { now }), now);
    return { offeredTo: offer?.patientId };
  });
}
