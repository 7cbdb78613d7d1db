import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import type { AvailableSlot } from '../core/scheduling/find-availability.ts';
import { loadAvailability } from './load-availability.ts';
import type { BusyTimeReader, Clock, Transactor } from './ports.ts';

/** `busy`: a cached reader of busy time (ADR 17); without it, one short transaction reads it. */
type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; busy?: BusyTimeReader | undefined };

/**
 * Free slots for a service with one practitioner or `'any'`, ascending (group them with
 * `groupByLocalDay`). The patient's own hold does not hide its slot from them.
 */
export async function findPatientSlots(
  deps: Deps,
  input: { serviceId: string; practitionerId: string; patientId?: string; from?: Date; days?: number },
): Promise<AvailableSlot[]> {
  const now = deps.clock.now();
  const request = {
    serviceId: input.serviceId,
    practitionerId: input.practitionerId,
    now,
    ...(input.from === undefined ? {} : { from: input.from }),
    ...(input.days === undefined ? {} : { days: input.days }),
    ...(input.patientId === undefined ? {} : { ignoreHoldsOf: input.patientId }),
  };
  const busy = deps.busy;
  if (busy !== undefined) return loadAvailability({ appointments: { busyTimes: busy } }, deps.clinic, request);
  return deps.tx.run((repos) => loadAvailability(repos, deps.clinic, request));
}
