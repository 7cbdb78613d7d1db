import { DateTime } from 'luxon';

export interface QuietHours {
  /** Local wall-clock time quiet hours begin, e.g. "21:00". */
  start: string;
  /** Local wall-clock time they end, e.g. "08:00" (the next morning when before `start`). */
  end: string;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The first moment at or after `at` outside quiet hours, on the wall clock of `zone`: a send due
 * at 23:10 waits until 08:00 the next local morning, also across a daylight-saving change (an
 * end time that does not exist that night, e.g. 02:30 when clocks jump to 03:00, moves to the
 * first valid minute after it).
 */
export function nextSendableTime(at: Date, zone: string, quiet: QuietHours): Date {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const wrapsMidnight = start > end;
  const inQuiet = wrapsMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inQuiet) return at;
  // Quiet since the evening: the end is tomorrow; quiet since before the end: it is today.
  const endDay = wrapsMidnight && minute >= start ? local.plus({ days: 1 }) : local;
  const endAt = DateTime.fromObject(
    { year: endDay.year, month: endDay.month, day: endDay.day, hour: Math.floor(end / 60), minute: end % 60 },
    { zone },
  );
  return endAt.toJSDate();
}

/** Whether `at` falls inside quiet hours in `zone`. */
export function isQuietTime(at: Date, zone: string, quiet: QuietHours): boolean {
  return nextSendableTime(at, zone, quiet).getTime() !== at.getTime();
}
