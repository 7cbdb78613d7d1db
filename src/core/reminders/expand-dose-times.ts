import { DateTime } from 'luxon';

export interface DoseSchedule {
  /** Local wall-clock times, e.g. ["08:00", "20:00"]. */
  times: readonly string[];
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  daysOfWeek: readonly number[];
  /** First and last local day (YYYY-MM-DD; last included, open-ended when undefined). */
  startDate: string;
  endDate: string | undefined;
  zone: string;
}

export interface DoseTime {
  at: Date;
  localDate: string;
  localTime: string;
}

/**
 * The dose times of a plan inside [from, to): each listed local time on each listed weekday, on
 * the wall clock of the plan's zone — 08:00 stays 08:00 across daylight-saving changes. A time
 * that does not exist on the night clocks jump forward moves to the first valid minute after
 * it; a time that happens twice when clocks go back is taken once (the first).
 */
export function expandDoseTimes(schedule: DoseSchedule, window: { from: Date; to: Date }): DoseTime[] {
  const result: DoseTime[] = [];
  const first = DateTime.fromJSDate(window.from, { zone: schedule.zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(window.to, { zone: schedule.zone }).startOf('day').plus({ days: 1 });
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    const localDate = day.toISODate() ?? '';
    if (localDate < schedule.startDate) continue;
    if (schedule.endDate !== undefined && localDate > schedule.endDate) continue;
    if (!schedule.daysOfWeek.includes(day.weekday)) continue;
    for (const localTime of [...schedule.times].sort()) {
      const at = DateTime.fromISO(`${localDate}T${localTime}`, { zone: schedule.zone }).toJSDate();
      if (at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime()) result.push({ at, localDate, localTime });
    }
  }
  return result;
}

/** The moment a local date's wall-clock time happens in `zone` (e.g. a refill reminder at 10:00). */
export function atLocalTime(localDate: string, localTime: string, zone: string): Date {
  return DateTime.fromISO(`${localDate}T${localTime}`, { zone }).toJSDate();
}

/** `localDate` moved by `days` calendar days. */
export function addDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? localDate;
}
