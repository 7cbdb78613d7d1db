/**
 * Slot search for one service: working hours (rules) → open intervals − appointments − holds →
 * slots, for one provider or merged over every provider offering the service ("any").
 */
import type { ClinicConfig, Provider } from '../clinic/clinic-config.ts';
import { DomainError } from '../domain-error.ts';
import { expandWeeklyHours, expandWorkingHours } from './expand-working-hours.ts';
import { getBookingRules } from './get-booking-rules.ts';
import type { Interval } from './interval.ts';
import { practitionersForService } from './practitioners-for-service.ts';
import { toInstant, toWallTime } from './to-instant.ts';
import { toSlotStarts } from './to-slots.ts';

const dayMs = 86_400_000;
const minuteMs = 60_000;

export interface AvailabilityQuery {
  readonly clinic: Pick<ClinicConfig, 'clinic' | 'openingHours' | 'holidays' | 'departments' | 'providers' | 'scheduling'>;
  readonly serviceId: string;
  /** A provider id, or `'any'` (every provider offering the service, merged). */
  readonly practitionerId: string;
  /**
   * Appointments and active holds per provider id, as `toBusyInterval` makes them (start, end +
   * own buffer). Cancelled and no-show appointments and expired holds must be left out.
   * Providers without an entry are free.
   */
  readonly busyByPractitioner: ReadonlyMap<string, readonly Interval[]>;
  readonly now: Date;
  /** First moment to look at; default `now`. */
  readonly from?: Date;
  /** Calendar days to look at in the clinic's zone, counting `from`'s day; default 14. */
  readonly days?: number;
}

export interface AvailableSlot {
  readonly practitionerId: string;
  readonly start: Date;
  readonly end: Date;
}

export const anyPractitioner = 'any';

/**
 * Free slots for `serviceId`, ascending by start (then provider id), between `from` and the end
 * of the last requested day, also limited by the service's minimum notice and booking horizon
 * (days counted in the clinic's zone; each provider's slot grid in the provider's zone).
 *
 * In-person services are kept within the clinic's opening hours; video services follow the
 * provider's hours alone.
 *
 * `'any'`: at most one slot per start time. When several providers are free at that time, the
 * one with the fewest busy minutes that day (clinic's zone) gets it; on a tie, the smallest
 * provider id. Deterministic for the same input, and it spreads bookings over the team.
 *
 * Throws `not_found` for an unknown service or provider, `invalid_input` when the provider
 * does not offer the service.
 */
export function findAvailability(query: AvailabilityQuery): AvailableSlot[] {
  const { clinic, now } = query;
  const rules = getBookingRules(clinic, query.serviceId);
  const clinicZone = clinic.clinic.timeZone;
  const offering = practitionersForService(clinic, query.serviceId);
  let providers: Provider[];
  if (query.practitionerId === anyPractitioner) {
    providers = offering;
  } else {
    const provider = clinic.providers.find((p) => p.id === query.practitionerId);
    if (provider === undefined) throw new DomainError('not_found', `unknown provider "${query.practitionerId}"`, { practitionerId: query.practitionerId });
    if (!offering.includes(provider)) {
      throw new DomainError('invalid_input', `provider "${provider.id}" does not offer "${query.serviceId}"`, { practitionerId: provider.id, serviceId: query.serviceId });
    }
    providers = [provider];
  }

  const from = (query.from ?? now).getTime();
  const firstDay = Math.floor(toWallTime(clinicZone, from) / dayMs);
  const days = Math.max(1, Math.floor(query.days ?? 14));
  const horizon = toInstant(clinicZone, toWallTime(clinicZone, now.getTime()) + rules.horizonDays * dayMs);
  const window: Interval = { start: from, end: Math.min(toInstant(clinicZone, (firstDay + days) * dayMs), horizon) };
  if (window.end <= window.start) return [];
  const range = { from: new Date(window.start), to: new Date(window.end) };
  const duration = rules.durationMinutes * minuteMs;

  const withinOpeningHours = rules.mode === 'in_person';
  const openingIntervals = withinOpeningHours && providers.length > 1 ? expandWeeklyHours(clinic.openingHours, clinicZone, range) : undefined;
  const startsByProvider = providers.map((provider) => {
    const open = expandWorkingHours(provider, clinic, range, { withinOpeningHours, ...(openingIntervals === undefined ? {} : { openingIntervals }) });
    return toSlotStarts(open, query.busyByPractitioner.get(provider.id) ?? [], {
      now,
      durationMinutes: rules.durationMinutes,
      bufferMinutes: rules.bufferMinutes,
      minNoticeMinutes: rules.minNoticeMinutes,
      horizonDays: rules.horizonDays,
      stepMinutes: rules.slotStepMinutes,
      zone: provider.timeZone ?? clinicZone,
      within: window,
    });
  });

  if (query.practitionerId !== anyPractitioner) {
    const id = providers[0]?.id ?? '';
    return (startsByProvider[0] ?? []).map((s) => ({ practitionerId: id, start: new Date(s), end: new Date(s + duration) }));
  }

  // "any": one provider per start time, the least booked that (clinic) day, then by id.
  const midnights: number[] = [];
  for (let d = 0; d <= days; d++) midnights.push(toInstant(clinicZone, (firstDay + d) * dayMs));
  /** Index of the clinic day holding `instant` (0 … days − 1; clamped). */
  const dayOf = (instant: number): number => {
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((midnights[mid] as number) <= instant) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const busyMinutes = providers.map((provider) => {
    const perDay = new Array<number>(days).fill(0);
    for (const b of query.busyByPractitioner.get(provider.id) ?? []) {
      if (b.end <= window.start || b.start >= window.end) continue;
      const d = dayOf(b.start);
      perDay[d] = (perDay[d] ?? 0) + (b.end - b.start) / minuteMs;
    }
    return perDay;
  });
  const best = new Map<number, number>(); // start → index into providers
  startsByProvider.forEach((starts, p) => {
    for (const s of starts) {
      const current = best.get(s);
      if (current === undefined || isBetter(p, current, dayOf(s))) best.set(s, p);
    }
  });
  function isBetter(p: number, q: number, day: number): boolean {
    const a = busyMinutes[p]?.[day] ?? 0;
    const b = busyMinutes[q]?.[day] ?? 0;
    if (a !== b) return a < b;
    return (providers[p] as Provider).id < (providers[q] as Provider).id;
  }
  return [...best.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, p]) => ({ practitionerId: (providers[p] as Provider).id, start: new Date(s), end: new Date(s + duration) }));
}
