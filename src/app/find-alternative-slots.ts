import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { anyPractitioner, type AvailableSlot } from '../core/scheduling/find-availability.ts';
import { loadAvailability } from './load-availability.ts';
import type { Repositories } from './ports.ts';

export interface WantedSlot {
  serviceId: string;
  practitionerId: string;
  start: Date;
}

const alternativesShown = 3;

/**
 * Up to three free slots to offer the patient instead of `wanted`: the same practitioner's next
 * ones from the wanted time on, then anyone's who offers the service. Never `wanted` itself.
 */
export async function findAlternativeSlots(
  repos: Repositories,
  clinic: ClinicConfig,
  wanted: WantedSlot,
  context: { now: Date; patientId: string; ignoreAppointmentId?: string },
): Promise<AvailableSlot[]> {
  const from = wanted.start.getTime() > context.now.getTime() ? wanted.start : context.now;
  const base = {
    serviceId: wanted.serviceId,
    now: context.now,
    from,
    ignoreHoldsOf: context.patientId,
    ...(context.ignoreAppointmentId === undefined ? {} : { ignoreAppointmentId: context.ignoreAppointmentId }),
  };
  const isWanted = (s: AvailableSlot) => s.practitionerId === wanted.practitionerId && s.start.getTime() === wanted.start.getTime();
  const picked = (await loadAvailability(repos, clinic, { ...base, practitionerId: wanted.practitionerId })).filter((s) => !isWanted(s)).slice(0, alternativesShown);
  if (picked.length < alternativesShown && wanted.practitionerId !== anyPractitioner) {
    const seen = new Set(picked.map((s) => `${s.practitionerId}@${s.start.getTime()}`));
    for (const slot of await loadAvailability(repos, clinic, { ...base, practitionerId: anyPractitioner })) {
      if (picked.length >= alternativesShown) break;
      if (isWanted(slot) || seen.has(`${slot.practitionerId}@${slot.start.getTime()}`)) continue;
      picked.push(slot);
    }
  }
  return picked;
}

/** The error a patient who lost a slot gets: a stable code and the slots they can have instead. */
export async function slotUnavailable(
  repos: Repositories,
  clinic: ClinicConfig,
  wanted: WantedSlot,
  context: { now: Date; patientId: string; ignoreAppointmentId?: string },
): Promise<DomainError> {
  const alternatives = await findAlternativeSlots(repos, clinic, wanted, context);
  return new DomainError('slot_unavailable', 'that time is no longer available', {
    serviceId: wanted.serviceId,
    practitionerId: wanted.practitionerId,
    start: wanted.start.toISOString(),
    alternatives,
  });
}
