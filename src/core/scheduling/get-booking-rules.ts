/**
 * The booking limits that apply to one service: its own values where it sets them, else the
 * clinic's `scheduling` section. Persistence and chat use this instead of reading the config.
 */
import type { ClinicConfig, Department, Service } from '../clinic/clinic-config.ts';
import { DomainError } from '../domain-error.ts';

export interface BookingRules {
  readonly service: Service;
  readonly department: Department;
  readonly durationMinutes: number;
  readonly bufferMinutes: number;
  readonly minNoticeMinutes: number;
  readonly horizonDays: number;
  readonly cancellationCutoffHours: number;
  /** Service's, else `scheduling.slotStepMinutes`, else the service's duration. */
  readonly slotStepMinutes: number;
  readonly holdMinutes: number;
  /** `instant`: the patient books; `request`: the appointment waits as `pending` for staff. */
  readonly booking: Service['booking'];
  readonly mode: Service['mode'];
}

/** Throws `not_found` for an unknown service id. */
export function getBookingRules(clinic: Pick<ClinicConfig, 'departments' | 'scheduling'>, serviceId: string): BookingRules {
  for (const department of clinic.departments) {
    const service = department.services.find((s) => s.id === serviceId);
    if (service === undefined) continue;
    const defaults = clinic.scheduling;
    return {
      service,
      department,
      durationMinutes: service.durationMinutes,
      bufferMinutes: service.bufferMinutes,
      minNoticeMinutes: service.minNoticeMinutes ?? defaults.minNoticeMinutes,
      horizonDays: service.horizonDays ?? defaults.horizonDays,
      cancellationCutoffHours: service.cancellationCutoffHours ?? defaults.cancellationCutoffHours,
      slotStepMinutes: service.slotStepMinutes ?? defaults.slotStepMinutes ?? service.durationMinutes,
      holdMinutes: defaults.holdMinutes,
      booking: service.booking,
      mode: service.mode,
    };
  }
  throw new DomainError('not_found', `unknown service "${serviceId}"`, { serviceId });
}
