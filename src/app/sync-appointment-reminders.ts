import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { planAppointmentReminders } from '../core/reminders/plan-appointment-reminders.ts';
import { canCancel } from '../core/scheduling/appointment-status.ts';
import type { AppointmentRecord, Repositories } from './ports.ts';

/** Reminder offsets (minutes before the start) of a service: its own, else the clinic's. */
export function reminderOffsetsOf(clinic: ClinicConfig, serviceId: string): readonly number[] {
  for (const department of clinic.departments) {
    const service = department.services.find((s) => s.id === serviceId);
    if (service?.reminderOffsetsMinutes !== undefined) return service.reminderOffsetsMinutes;
  }
  return clinic.reminders.appointmentOffsetsMinutes;
}

/**
 * Keeps an appointment's reminders in step with it, inside the transaction that changed it: a
 * booked appointment gets its reminders planned (once: keys are appointment + offset); any other
 * status cancels those not yet sent. A patient's cancellation or move is recorded as the answer to
 * the last reminder, and a cancellation inside the cut-off as `cancelled_late`.
 */
export async function syncAppointmentReminders(repos: Repositories, clinic: ClinicConfig, appointment: AppointmentRecord, now: Date): Promise<void> {
  if (appointment.status === 'booked') {
    const plans = planAppointmentReminders({ appointmentId: appointment.id, start: appointment.start, offsetsMinutes: reminderOffsetsOf(clinic, appointment.serviceId), now });
    await repos.reminders.plan(
      plans.map((p) => ({ key: p.key, patientId: appointment.patientId, kind: 'appointment', subjectId: appointment.id, dueAt: p.dueAt, detail: { offsetMinutes: p.offsetMinutes } })),
      now,
    );
    return;
  }
  await repos.reminders.cancelForSubject(appointment.id, `appointment_${appointment.status}`, now);
  if (appointment.status !== 'cancelled') return;
  if (appointment.cancelReason === 'rescheduled') await repos.reminders.recordOutcome(appointment.id, 'rescheduled', now);
  if (appointment.cancelReason === 'patient_request') await repos.reminders.recordOutcome(appointment.id, 'cancelled', now);
  if (appointment.cancelReason === 'patient_request' || appointment.cancelReason === 'clinic_request') {
    const cutoffHours = clinic.departments.flatMap((d) => d.services).find((s) => s.id === appointment.serviceId)?.cancellationCutoffHours ?? clinic.scheduling.cancellationCutoffHours;
    if (!canCancel(appointment.start, now, cutoffHours) && now.getTime() < appointment.end.getTime()) {
      await repos.carePlans.setAttendance(appointment.id, 'cancelled_late', appointment.cancelReason === 'patient_request' ? 'patient' : 'staff', now);
    }
  }
}
