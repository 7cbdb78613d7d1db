import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { anyPractitioner, findAvailability, type AvailableSlot } from '../core/scheduling/find-availability.ts';
import { getBookingRules } from '../core/scheduling/get-booking-rules.ts';
import type { Interval } from '../core/scheduling/interval.ts';
import { practitionersForService } from '../core/scheduling/practitioners-for-service.ts';
import type { Repositories } from './ports.ts';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

export interface AvailabilityRequest {
  serviceId: string;
  /** A practitioner id or 'any'. */
  practitionerId: string;
  now: Date;
  from?: Date;
  /** Calendar days in the clinic's zone, counting `from`'s day; default 14. */
  days?: number;
  /** This patient's own holds do not block them. */
  ignoreHoldsOf?: string;
  /** The appointment being moved does not block its own new time. */
  ignoreAppointmentId?: string;
}

/**
 * Free slots: reads the busy time (active appointments, live holds) of the practitioners who
 * could take the service, then runs the core slot search. Runs inside the caller's transaction.
 */
export async function loadAvailability(repos: { appointments: Pick<Repositories['appointments'], 'busyTimes'> }, clinic: ClinicConfig, request: AvailabilityRequest): Promise<AvailableSlot[]> {
  const days = Math.max(1, Math.floor(request.days ?? 14));
  const practitionerIds =
    request.practitionerId === anyPractitioner ? practitionersForService(clinic, request.serviceId).map((p) => p.id) : [request.practitionerId];
  const from = request.from ?? request.now;
  // Busy time that can touch a slot of these days: a buffer (at most 2 h) reaches back before
  // `from`; the last local day ends at most `days` × 24 h + 1 h (clock change) after `from`, and
  // a slot starting then lasts at most 8 h plus its own 2-hour buffer.
  const window = { from: new Date(from.getTime() - 2 * hourMs), to: new Date(from.getTime() + days * dayMs + 11 * hourMs) };
  const busy = await repos.appointments.busyTimes(practitionerIds, window, {
    now: request.now,
    ...(request.ignoreHoldsOf === undefined ? {} : { ignoreHoldsOf: request.ignoreHoldsOf }),
    ...(request.ignoreAppointmentId === undefined ? {} : { ignoreAppointmentId: request.ignoreAppointmentId }),
  });
  // Each interval ends later by its own service's buffer, as `toBusyInterval` does.
  const busyByPractitioner = new Map<string, Interval[]>();
  for (const group of busy) {
    const buffer = bufferMinutesOf(clinic, group.serviceId) * 60_000;
    let list = busyByPractitioner.get(group.practitionerId);
    if (list === undefined) {
      list = [];
      busyByPractitioner.set(group.practitionerId, list);
    }
    for (const i of group.intervals) list.push(buffer === 0 ? i : { start: i.start, end: i.end + buffer });
  }
  return findAvailability({
    clinic,
    serviceId: request.serviceId,
    practitionerId: request.practitionerId,
    busyByPractitioner,
    now: request.now,
    from,
    days,
  });
}

/** A service removed from the configuration still blocks its time, without a buffer. */
function bufferMinutesOf(clinic: ClinicConfig, serviceId: string): number {
  try {
    return getBookingRules(clinic, serviceId).bufferMinutes;
  } catch {
    return 0;
  }
}

/** Whether `start` is one of the free slots of this practitioner and service right now. */
export async function isSlotBookable(
  repos: Repositories,
  clinic: ClinicConfig,
  slot: { serviceId: string; practitionerId: string; start: Date },
  context: { now: Date; ignoreHoldsOf?: string; ignoreAppointmentId?: string },
): Promise<boolean> {
  if (slot.practitionerId === anyPractitioner) return false;
  const free = await loadAvailability(repos, clinic, { ...context, serviceId: slot.serviceId, practitionerId: slot.practitionerId, from: slot.start, days: 1 });
  return free.some((s) => s.start.getTime() === slot.start.getTime());
}
