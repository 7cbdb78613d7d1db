import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { canChangeStatus } from '../core/scheduling/appointment-status.ts';
import { auditAppointment } from './audit-appointment.ts';
import { planVisitSurvey } from './plan-visit-survey.ts';
import type { AppointmentRecord, Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

/**
 * Staff: the patient arrived, did not come (no-show), or the visit took place (fulfilled).
 * Only changes the status rules allow (a no-show marked by mistake may become arrived); the same
 * mark twice returns the appointment unchanged; anything else is a `conflict`.
 */
export async function markAttendance(
  deps: Deps,
  input: { appointmentId: string; staffId: string; status: 'arrived' | 'noshow' | 'fulfilled' },
): Promise<AppointmentRecord> {
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const current = await repos.appointments.lock(input.appointmentId);
    if (current === undefined) throw new DomainError('not_found', 'no such appointment', { appointmentId: input.appointmentId });
    if (current.status === input.status) return current;
    if (!canChangeStatus(current.status, input.status)) {
      throw new DomainError('conflict', `a ${current.status} appointment cannot become ${input.status}`, { appointmentId: current.id, status: current.status });
    }
    if (input.status !== 'noshow' && current.start.getTime() - now.getTime() > 12 * 3_600_000) {
      throw new DomainError('invalid_input', 'attendance can be marked from 12 hours before the start', { appointmentId: current.id });
    }
    const appointment = await repos.appointments.changeStatus(current.id, { status: input.status, expectedVersion: current.version, at: now });
    if (appointment === undefined) throw new DomainError('conflict', 'the appointment changed meanwhile (or its time is taken again)', { appointmentId: current.id });
    await auditAppointment(repos, { action: `appointment.${input.status}`, appointment, actor: { type: 'staff', staffId: input.staffId }, at: now, detail: { from: current.status } });
    // Attendance for no-show analytics by reminder outcome (reminders, issue 6).
    if (input.status === 'noshow' || input.status === 'fulfilled') await repos.carePlans.setAttendance(current.id, input.status === 'noshow' ? 'no_show' : 'attended', input.staffId, now);
    // Visit feedback (ADR 13): one survey per attended visit, sent by the reminder dispatcher.
    await planVisitSurvey(repos, deps.clinic, appointment, now);
    return appointment;
  });
}
