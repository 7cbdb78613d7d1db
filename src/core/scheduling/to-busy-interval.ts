import type { Interval } from './interval.ts';

/**
 * An appointment or hold as the busy interval slot search expects: its start, and its end plus
 * the buffer of *its* service (`getBookingRules(clinic, serviceId).bufferMinutes`), so the time
 * kept free after it is not offered to the next patient.
 */
export function toBusyInterval(appointment: { readonly start: Date; readonly end: Date }, bufferMinutes: number): Interval {
  return { start: appointment.start.getTime(), end: appointment.end.getTime() + bufferMinutes * 60_000 };
}
