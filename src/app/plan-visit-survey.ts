import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import type { AppointmentRecord, Repositories } from './ports.ts';

/**
 * Plans the visit feedback survey of an appointment marked attended (ADR 13), in the caller's
 * transaction: one planned send per appointment (key `survey:<id>`, so marking twice plans once),
 * `feedback.delayMinutes` later. The reminder dispatcher sends it (consent, STOP, quiet hours,
 * the `feedback_survey` template when the 24-hour window is closed) or drops it once rated or
 * `feedback.expireDays` have passed. Appointment reminders still planned for the visit are
 * cancelled first.
 */
export async function planVisitSurvey(repos: Repositories, clinic: ClinicConfig, appointment: Pick<AppointmentRecord, 'id' | 'patientId' | 'status'>, now: Date): Promise<void> {
  if (appointment.status !== 'fulfilled') return;
  // Reminders of a visit that took place are pointless (and the survey shares their subject id).
  await repos.reminders.cancelForSubject(appointment.id, 'attended', now);
  if (!clinic.feedback.enabled) return;
  await repos.reminders.plan([{ key: `survey:${appointment.id}`, patientId: appointment.patientId, kind: 'survey', subjectId: appointment.id, dueAt: new Date(now.getTime() + clinic.feedback.delayMinutes * 60_000) }], now);
}
