import { DateTime } from 'luxon';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import type { AppointmentRecord, Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

export interface DayListEntry {
  appointment: AppointmentRecord;
  patient: { id: string; fullName: string | undefined; birthDate: string | undefined };
}

/**
 * Staff: one provider's appointments on a local date (the provider's zone), every status, by
 * time, with each patient's name and date of birth. Reading them is a disclosure of PHI: one
 * audit row per patient shown.
 */
export async function listProviderDay(deps: Deps, input: { practitionerId: string; date: string; staffId: string }): Promise<DayListEntry[]> {
  const provider = deps.clinic.providers.find((p) => p.id === input.practitionerId);
  if (provider === undefined) throw new DomainError('not_found', 'no such provider', { practitionerId: input.practitionerId });
  const day = DateTime.fromISO(input.date, { zone: provider.timeZone ?? deps.clinic.clinic.timeZone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new DomainError('invalid_input', 'date must be like 2026-08-03', { date: input.date });
  const now = deps.clock.now();
  return deps.tx.run(async (repos) => {
    const appointments = await repos.appointments.listForPractitioner(provider.id, { from: day.startOf('day').toJSDate(), to: day.plus({ days: 1 }).startOf('day').toJSDate() });
    const entries: DayListEntry[] = [];
    const audited = new Set<string>();
    for (const appointment of appointments) {
      const details = await repos.patients.getDetails(appointment.patientId);
      entries.push({ appointment, patient: { id: appointment.patientId, ...details } });
      if (audited.has(appointment.patientId)) continue;
      audited.add(appointment.patientId);
      await repos.audit.append(
        { actorType: 'staff', actorId: input.staffId, action: 'appointment.day_list_read', entityType: 'Appointment', entityId: appointment.id, patientId: appointment.patientId, outcome: 'success', detail: { practitionerId: provider.id, date: input.date } },
        now,
      );
    }
    return entries;
  });
}
