import type { AppointmentRecord, AuditEntry, BookingActor, Repositories } from './ports.ts';

/** One AuditEvent-like row for a change of an appointment: ids and codes only. */
export async function auditAppointment(
  repos: Repositories,
  input: { action: string; appointment: AppointmentRecord; actor: BookingActor; at: Date; detail?: AuditEntry['detail'] },
): Promise<void> {
  const { appointment, actor } = input;
  await repos.audit.append(
    {
      actorType: actor.type,
      actorId: actor.type === 'staff' ? actor.staffId : actor.patientId,
      action: input.action,
      entityType: 'Appointment',
      entityId: appointment.id,
      patientId: appointment.patientId,
      outcome: 'success',
      detail: { status: appointment.status, practitionerId: appointment.practitionerId, serviceId: appointment.serviceId, ...input.detail },
    },
    input.at,
  );
}
