import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import type { WaitlistOffer } from './offer-freed-slot.ts';
import type { Repositories } from './ports.ts';
import { queuePatientNoticeWith } from './queue-patient-notice.ts';

/**
 * Tells the patient a freed slot is theirs if they confirm first, and schedules the next offer:
 * when the offer expires (`scheduling.holdMinutes`) and the slot is still free, the next patient
 * in line hears about it (job `waitlist.offer_next`). Runs in the caller's transaction, so the
 * offer, the message and the follow-up commit together.
 */
export async function sendWaitlistOfferWith(repos: Repositories, clinic: ClinicConfig, offer: WaitlistOffer | undefined, now: Date): Promise<void> {
  if (offer === undefined) return;
  await queuePatientNoticeWith(repos, clinic, {
    patientId: offer.patientId,
    notice: { kind: 'waitlist_offer', entryId: offer.entryId, serviceId: offer.serviceId, practitionerId: offer.practitionerId, start: offer.start },
    idempotencyKey: `waitlist-offer:${offer.entryId}:${offer.practitionerId}:${offer.start.getTime()}`,
    now,
  });
  await repos.jobs.enqueue(
    'waitlist.offer_next',
    { serviceId: offer.serviceId, practitionerId: offer.practitionerId, start: offer.start.getTime() },
    // A little after the offer expires, so the next one is not passed over as "still open".
    { startAfterSeconds: clinic.scheduling.holdMinutes * 60 + 5 },
  );
}
