import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { anyPractitioner } from '../core/scheduling/find-availability.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import { practitionersForService } from '../core/scheduling/practitioners-for-service.ts';
import type { Clock, Transactor, WaitlistEntryRecord } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Puts the patient on the waitlist for a service, with one practitioner or any (`'any'` or
 * omitted), for slots inside [from, to). Joining again for the same service and practitioner
 * replaces the earlier entry's window and keeps its place in line.
 */
export async function joinWaitlist(
  deps: Deps,
  input: { patientId: string; serviceId: string; practitionerId?: string; from: Date; to: Date },
): Promise<WaitlistEntryRecord> {
  getBookingRules(deps.clinic, input.serviceId); // not_found for an unknown service
  const practitionerId = input.practitionerId === anyPractitioner ? undefined : input.practitionerId;
  if (practitionerId !== undefined && !practitionersForService(deps.clinic, input.serviceId).some((p) => p.id === practitionerId)) {
    throw new DomainError('invalid_input', `provider "${practitionerId}" does not offer "${input.serviceId}"`, { practitionerId, serviceId: input.serviceId });
  }
  const now = deps.clock.now();
  if (!(input.from < input.to) || input.to <= now) {
    throw new DomainError('invalid_input', 'the waitlist window must end in the future and after it starts', { from: input.from.toISOString(), to: input.to.toISOString() });
  }
  return deps.tx.run(async (repos) => {
    let queuedSince: Date | undefined;
    for (const entry of await repos.waitlist.listOpenForPatient(input.patientId)) {
      if (entry.serviceId !== input.serviceId || entry.practitionerId !== practitionerId) continue;
      await repos.waitlist.cancel(entry.id, now);
      queuedSince ??= entry.createdAt;
    }
    const entry = await repos.waitlist.insert({
      patientId: input.patientId,
      serviceId: input.serviceId,
      practitionerId,
      windowStart: input.from,
      windowEnd: input.to,
      at: now,
      queuedSince: queuedSince ?? now,
    });
    await repos.audit.append(
      {
        actorType: 'patient',
        actorId: input.patientId,
        action: 'waitlist.joined',
        entityType: 'WaitlistEntry',
        entityId: entry.id,
        patientId: input.patientId,
        outcome: 'success',
        detail: { serviceId: input.serviceId, practitionerId: practitionerId ?? null },
      },
      now,
    );
    return entry;
  });
}
