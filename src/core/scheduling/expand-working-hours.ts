/**
 * Wall-clock rules (weekly hours, holidays, exceptions) → UTC intervals. Every rule is read in
 * its own zone: weekly hours and exceptions in the provider's (`timeZone`, default the
 * clinic's), holidays and opening hours in the clinic's. A rule "08:00–12:00" is 08:00–12:00 on
 * the wall clock on every day, including the days the clocks change.
 */
import type { ClinicConfig, Provider, ProviderException, Weekday, WeeklyHours } from '../clinic/clinic-config.ts';
import { type Interval, intersectIntervals, normalizeIntervals, subtractIntervals, unionIntervals } from './interval.ts';
import { toInstant, toWallTime } from './to-instant.ts';

const dayMs = 86_400_000;
const minuteMs = 60_000;
/** Index 0 is Sunday, as `Date#getUTCDay`. */
const weekdayOfIndex: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

export interface ExpandOptions {
  /**
   * Keep the provider's weekly hours inside the clinic's `openingHours` (for in-person services:
   * the building must be open). Extra hours (exceptions) are added regardless.
   */
  withinOpeningHours?: boolean;
  /**
   * The clinic's opening hours over the same range, when the caller already has them
   * (`expandWeeklyHours(clinic.openingHours, clinic zone, range)`): saves expanding them again
   * for every provider.
   */
  openingIntervals?: readonly Interval[];
}

/**
 * When a provider works, as UTC intervals: their weekly hours (default: the clinic's opening
 * hours, in the clinic's zone) on every local day that touches `range`, whole (not clipped to
 * the range, so slot grids keep their anchor), optionally kept within opening hours, plus extra
 * hours, minus clinic holidays (whole days in the clinic's zone) and leave. Leave and holidays
 * win over extra hours.
 */
export function expandWorkingHours(
  provider: Pick<Provider, 'timeZone' | 'weeklyHours' | 'exceptions'>,
  clinic: Pick<ClinicConfig, 'clinic' | 'openingHours' | 'holidays'>,
  range: TimeRange,
  options: ExpandOptions = {},
): Interval[] {
  const clinicZone = clinic.clinic.timeZone;
  const zone = provider.timeZone ?? clinicZone;
  let weekly =
    provider.weeklyHours === undefined ? expandWeeklyHours(clinic.openingHours, clinicZone, range) : expandWeeklyHours(provider.weeklyHours, zone, range);
  if (options.withinOpeningHours === true && provider.weeklyHours !== undefined) {
    weekly = intersectIntervals(weekly, options.openingIntervals ?? expandWeeklyHours(clinic.openingHours, clinicZone, range));
  }
  const extra: Interval[] = [];
  const leave: Interval[] = [];
  // Exceptions and holidays far from the range are skipped before any zone arithmetic.
  const near = { start: range.from.getTime() - 2 * dayMs, end: range.to.getTime() + 2 * dayMs };
  for (const exception of provider.exceptions) {
    const interval = exceptionInterval(exception, zone, near);
    if (interval === undefined) continue;
    (exception.kind === 'extra' ? extra : leave).push(interval);
  }
  for (const day of holidayDays(clinic.holidays)) {
    if (day * dayMs < near.start || day * dayMs > near.end) continue;
    leave.push({ start: toInstant(clinicZone, day * dayMs), end: toInstant(clinicZone, (day + 1) * dayMs) });
  }
  return subtractIntervals(unionIntervals(weekly, extra), leave);
}

/**
 * Weekly wall-clock hours (`openingHours` shape) in `zone`, for every local day that touches
 * `range`. Times that do not exist or happen twice that day are read as `toInstant` explains
 * (e.g. 02:00–04:00 on a spring-forward night in Madrid is 03:00–04:00 CEST, one hour).
 */
export function expandWeeklyHours(hours: WeeklyHours, zone: string, range: TimeRange): Interval[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (to <= from) return [];
  const firstDay = Math.floor(toWallTime(zone, from) / dayMs);
  const lastDay = Math.floor(toWallTime(zone, to - 1) / dayMs);
  const rules = rulesOf(hours);
  const out: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * dayMs;
    for (const [open, close] of rules[(((day + 4) % 7) + 7) % 7] ?? []) {
      const start = toInstant(zone, midnight + open * minuteMs);
      const end = toInstant(zone, midnight + close * minuteMs);
      if (end > start) out.push({ start, end });
    }
  }
  return normalizeIntervals(out);
}

function exceptionInterval(exception: ProviderException, zone: string, near: Interval): Interval | undefined {
  const wall = wallTimesOf(exception);
  if (wall.end < near.start || wall.start > near.end) return undefined;
  const interval = { start: toInstant(zone, wall.start), end: toInstant(zone, wall.end) };
  return interval.end > interval.start ? interval : undefined;
}

// Parsed forms of configuration objects, remembered per object (the configuration is frozen).
const parsedRules = new WeakMap<WeeklyHours, ReadonlyArray<ReadonlyArray<readonly [number, number]>>>();
const parsedHolidays = new WeakMap<ClinicConfig['holidays'], readonly number[]>();
const parsedExceptions = new WeakMap<ProviderException, Interval>();

/** Weekly hours as [open, close] minutes of the day, indexed by `Date#getUTCDay`. */
function rulesOf(hours: WeeklyHours): ReadonlyArray<ReadonlyArray<readonly [number, number]>> {
  let rules = parsedRules.get(hours);
  if (rules === undefined) {
    rules = weekdayOfIndex.map((weekday) => hours[weekday].map((r) => [minutesOf(r.open), minutesOf(r.close)] as const));
    parsedRules.set(hours, rules);
  }
  return rules;
}

/** An exception's wall times: dates include the `to` day; date-times end at `to`. */
function wallTimesOf(exception: ProviderException): Interval {
  let wall = parsedExceptions.get(exception);
  if (wall === undefined) {
    const hasTime = exception.from.includes('T');
    const to = exception.to ?? exception.from;
    wall = hasTime
      ? { start: wallTimeOf(exception.from), end: wallTimeOf(to) }
      : { start: dayIndexOf(exception.from) * dayMs, end: (dayIndexOf(to) + 1) * dayMs };
    parsedExceptions.set(exception, wall);
  }
  return wall;
}

function holidayDays(holidays: ClinicConfig['holidays']): readonly number[] {
  let days = parsedHolidays.get(holidays);
  if (days === undefined) {
    days = holidays.map((h) => dayIndexOf(h.date));
    parsedHolidays.set(holidays, days);
  }
  return days;
}

/** `2026-03-29` → days since 1970-01-01. */
function dayIndexOf(date: string): number {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / dayMs;
}

/** `2026-03-29T08:30` → wall time. */
function wallTimeOf(dateTime: string): number {
  return dayIndexOf(dateTime) * dayMs + minutesOf(dateTime.slice(11, 16)) * minuteMs;
}

/** `08:30` → 510. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
