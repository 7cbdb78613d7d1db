import { DomainError } from '../core/domain-error.ts';
import { canChangeStatus } from '../core/scheduling/appointment-status.ts';
import type { Clock, Transactor } from './ports.ts';

/**
 * Staff record whether the patient came: `attended` (→ fulfilled) or `no_show` (→ noshow). A
 * no-show marked by mistake can be corrected to attended. The automatic rule (housekeeping)
 * does the same for appointments nobody marked.
 */
export async function markAttendance(deps: { tx: Transactor; clock: Clock }, input: { appointmentId: string; attendance: 'attended' | 'no_show'; staffId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    const current = await repos.appointments.lock(input.appointmentId);
    if (current === undefined) throw new DomainError('not_found', 'no such appointment', { appointmentId: input.appointmentId });
    const target = input.attendance === 'attended' ? 'fulfilled' : 'noshow';
    if (current.status !== target) {
      if (!canChangeStatus(current.status, target)) throw new DomainError('conflict', `a ${current.status} appointment cannot be marked ${input.attendance}`, { appointmentId: current.id });
      const changed = await repos.appointments.changeStatus(current.id, { status: target, expectedVersion: current.version, at: now });
      if (changed === undefined) throw new DomainError('conflict', 'the appointment changed meanwhile', { appointmentId: current.id });
    }
    await repos.carePlans.setAttendance(current.id, input.attendance, input.staffId, now);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: `appointment.${input.attendance}`, entityType: 'Appointment', entityId: current.id, patientId: current.patientId, outcome: 'success' }, now);
  });
}
