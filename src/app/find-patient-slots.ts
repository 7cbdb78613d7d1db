import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import type { AvailableSlot } from '../core/scheduling/find-availability.ts';
import { loadAvailability } from './load-availability.ts';
import type { Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Free slots for a service with one practitioner or `'any'`, ascending (group them with
 * `groupByLocalDay`). The patient's own hold does not hide its slot from them.
 */
export async function findPatientSlots(
  deps: Deps,
  input: { serviceId: string; practitionerId: string; patientId?: string; from?: Date; days?: number },
): Promise<AvailableSlot[]> {
  const now = deps.clock.now();
  return deps.tx.run((repos) =>
    loadAvailability(repos, deps.clinic, {
      serviceId: input.serviceId,
      practitionerId: input.practitionerId,
      now,
      ...(input.from === undefined ? {} : { from: input.from }),
      ...(input.days === undefined ? {} : { days: input.days }),
      ...(input.patientId === undefined ? {} : { ignoreHoldsOf: input.patientId }),
    }),
  );
}
