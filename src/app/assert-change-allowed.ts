import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { canCancel, canChangeStatus } from '../core/scheduling/appointment-status.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import type { AppointmentRecord, BookingActor } from './ports.ts';

/**
 * The rules for cancelling (`change: 'cancel'`) or moving (`'move'`: pending or booked ones
 * only) an appointment. A patient is bound by the cut-off (`cancellationCutoffHours` before the
 * start) except for a request staff have not confirmed yet; staff are not. Throws `conflict`
 * or `cancellation_cutoff`.
 */
export function assertChangeAllowed(clinic: ClinicConfig, appointment: AppointmentRecord, actor: BookingActor, now: Date, change: 'cancel' | 'move'): void {
  const allowed = canChangeStatus(appointment.status, 'cancelled') && (change === 'cancel' || appointment.status === 'pending' || appointment.status === 'booked');
  if (!allowed) {
    throw new DomainError('conflict', `a ${appointment.status} appointment cannot be ${change === 'cancel' ? 'cancelled' : 'moved'}`, {
      appointmentId: appointment.id,
      status: appointment.status,
    });
  }
  if (actor.type !== 'patient' || appointment.status === 'pending') return;
  const cutoffHours = cutoffHoursOf(clinic, appointment.serviceId);
  if (!canCancel(appointment.start, now, cutoffHours)) {
    throw new DomainError('cancellation_cutoff', `changes are possible until ${cutoffHours} hours before the appointment`, {
      appointmentId: appointment.id,
      cutoffHours,
    });
  }
}

function cutoffHoursOf(clinic: ClinicConfig, serviceId: string): number {
  try {
    return getBookingRules(clinic, serviceId).cancellationCutoffHours;
  } catch {
    return clinic.scheduling.cancellationCutoffHours;
  }
}
