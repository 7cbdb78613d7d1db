import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { offerFreedSlotWith, type WaitlistOffer } from './offer-freed-slot.ts';
import type { Repositories } from './ports.ts';
import { queuePatientNoticeWith } from './queue-patient-notice.ts';

/** Patients who wrote STOP are passed over (they cannot be told); at most this many in one go. */
const MAX_PASSED_OVER = 10;

/**
 * Tells the patient a freed slot is theirs if they confirm first, and schedules the next offer:
 * when the offer expires (`scheduling.holdMinutes`) and the slot is still free, the next patient
 * in line hears about it (job `waitlist.offer_next`). A patient who wrote STOP cannot be told:
 * the slot goes to the next one at once. Runs in the caller's transaction, so the offer, the
 * message and the follow-up commit together. Returns the offer that was sent, if any.
 */
export async function sendWaitlistOfferWith(repos: Repositories, clinic: ClinicConfig, first: WaitlistOffer | undefined, now: Date): Promise<WaitlistOffer | undefined> {
  let offer = first;
  for (let passedOver = 0; offer !== undefined && passedOver <= MAX_PASSED_OVER; passedOver++) {
    const sent = await queuePatientNoticeWith(repos, clinic, {
      patientId: offer.patientId,
      notice: { kind: 'waitlist_offer', entryId: offer.entryId, serviceId: offer.serviceId, practitionerId: offer.practitionerId, start: offer.start },
      idempotencyKey: `waitlist-offer:${offer.entryId}:${offer.practitionerId}:${offer.start.getTime()}`,
      now,
    });
    if (sent !== 'opted_out') {
      await repos.jobs.enqueue(
        'waitlist.offer_next',
        { serviceId: offer.serviceId, practitionerId: offer.practitionerId, start: offer.start.getTime() },
        // A little after the offer expires, so it no longer counts as open.
        { startAfterSeconds: clinic.scheduling.holdMinutes * 60 + 5 },
      );
      return offer;
    }
    await repos.waitlist.reopen(offer.entryId, now);
    offer = await offerFreedSlotWith(repos, clinic, offer, { now });
  }
  return undefined;
}
