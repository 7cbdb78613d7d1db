import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { atLocalTime } from '../core/reminders/expand-dose-times.ts';
import type { Clock, Transactor } from './ports.ts';
import type { FollowUpRecord } from './reminder-ports.ts';

/**
 * Staff plan a follow-up ("book your follow-up in 6 weeks") or a screening ("annual check-up
 * due"): on `dueOn`, at the clinic's follow-up reminder time, the patient gets a reminder whose
 * "Book now" button starts booking `serviceId` (or the service list when none is given). The
 * note stays with staff (encrypted); patients see the service name only.
 */
export async function createFollowUp(
  deps: { tx: Transactor; clock: Clock; clinic: ClinicConfig },
  input: { patientId: string; kind: 'follow_up' | 'screening'; serviceId?: string; dueOn: string; note?: string; staffId: string },
): Promise<FollowUpRecord> {
  const now = deps.clock.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn)) throw new DomainError('invalid_input', 'dueOn: a date like 2027-01-15');
  if (input.serviceId !== undefined && !deps.clinic.departments.some((d) => d.services.some((s) => s.id === input.serviceId))) {
    throw new DomainError('invalid_input', `serviceId: unknown service "${input.serviceId}"`);
  }
  return deps.tx.run(async (repos) => {
    await repos.patients.get(input.patientId);
    const followUp = await repos.carePlans.createFollowUp({ patientId: input.patientId, kind: input.kind, serviceId: input.serviceId, dueOn: input.dueOn, note: input.note, staffId: input.staffId }, now);
    const dueAt = atLocalTime(input.dueOn, deps.clinic.reminders.followUpReminderTime, deps.clinic.clinic.timeZone);
    await repos.reminders.plan([{ key: `followup:${followUp.id}`, patientId: input.patientId, kind: 'follow_up', subjectId: followUp.id, dueAt: dueAt.getTime() < now.getTime() ? now : dueAt }], now);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: `${input.kind}.planned`, entityType: 'CarePlan', entityId: followUp.id, patientId: input.patientId, outcome: 'success' }, now);
    return followUp;
  });
}
