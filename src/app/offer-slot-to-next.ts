import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { offerFreedSlotWith, type FreedSlot } from './offer-freed-slot.ts';
import type { Clock, Transactor } from './ports.ts';
import { sendWaitlistOfferWith } from './send-waitlist-offer.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Offers a freed slot to the next patient in the waitlist and tells them (job
 * `waitlist.offer_next`, after an offer expired or was declined). Nothing happens when the slot
 * was booked meanwhile or nobody else waits for it.
 */
export async function offerSlotToNext(deps: Deps, slot: FreedSlot): Promise<{ offeredTo: string | undefined }> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const offer = await offerFreedSlotWith(repos, deps.clinic, slot, { now });
    await sendWaitlistOfferWith(repos, deps.clinic, offer, now);
    return { offeredTo: offer?.patientId };
  });
}
