/**
 * Appointment statuses, a subset of FHIR R4 `Appointment.status`, and the changes allowed
 * between them. `proposed`: offered to and held for the patient; `pending`: requested, waiting
 * for staff (services with `booking: request`); `booked`: confirmed; `arrived`: checked in;
 * `fulfilled`: took place; `cancelled`; `noshow`.
 */
export const appointmentStatuses = ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

const allowed: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  proposed: ['pending', 'booked', 'cancelled'],
  pending: ['booked', 'cancelled'],
  booked: ['arrived', 'fulfilled', 'cancelled', 'noshow'],
  arrived: ['fulfilled', 'cancelled'],
  // A no-show marked by mistake can be corrected when the patient turns up late.
  noshow: ['arrived', 'fulfilled'],
  fulfilled: [],
  cancelled: [],
};

/** Whether `from` may change to `to` (a status never "changes" to itself). */
export function canChangeStatus(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return allowed[from].includes(to);
}

/** Statuses that keep the provider's time busy: pass these to slot search, not the others. */
export function blocksTime(status: AppointmentStatus): boolean {
  return status === 'proposed' || status === 'pending' || status === 'booked' || status === 'arrived' || status === 'fulfilled';
}

/**
 * Whether the patient may still cancel (or move) an appointment starting at `start`: until
 * `cutoffHours` hours before it, measured in real time (24 h before 10:00 on the day after a
 * clock change is 09:00 or 11:00 on the wall clock the day before). Staff are not bound by it.
 */
export function canCancel(start: Date, now: Date, cutoffHours: number): boolean {
  return now.getTime() <= start.getTime() - cutoffHours * 3_600_000;
}
