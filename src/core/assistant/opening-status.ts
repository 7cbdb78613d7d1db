import { DateTime } from 'luxon';
import type { ClinicConfig, Weekday } from '../clinic/clinic-config.ts';

const weekdayKeys: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface OpeningStatus {
  open: boolean;
  /** The next moment the clinic opens (when closed now), as a UTC instant. */
  nextOpen: Date | undefined;
}

/**
 * Whether the clinic is open at `now`, from its weekly wall-clock hours in its own time zone
 * and its holidays; daylight-saving changes are handled by the time-zone library.
 */
export function openingStatus(config: Pick<ClinicConfig, 'clinic' | 'openingHours' | 'holidays'>, now: Date): OpeningStatus {
  const zone = config.clinic.timeZone;
  const holidays = new Set(config.holidays.map((h) => h.date));
  const local = DateTime.fromJSDate(now, { zone });
  for (let dayOffset = 0; dayOffset <= 14; dayOffset++) {
    const day = local.startOf('day').plus({ days: dayOffset });
    if (holidays.has(day.toISODate() ?? '')) continue;
    const intervals = config.openingHours[weekdayKeys[day.weekday - 1] as Weekday];
    for (const interval of intervals) {
      const [oh, om] = interval.open.split(':').map(Number) as [number, number];
      const [ch, cm] = interval.close.split(':').map(Number) as [number, number];
      const opens = day.set({ hour: oh, minute: om });
      const closes = day.set({ hour: ch, minute: cm });
      if (local < opens) return { open: false, nextOpen: opens.toJSDate() };
      if (local < closes) return { open: true, nextOpen: undefined };
    }
  }
  return { open: false, nextOpen: undefined };
}

/** "tomorrow at 08:00" style text in the patient's language and the clinic's zone. */
export function describeMoment(moment: Date, now: Date, zone: string, lang: string): string {
  const target = DateTime.fromJSDate(moment, { zone }).setLocale(lang);
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(target.startOf('day').diff(today, 'days').days);
  const time = target.toLocaleString(DateTime.TIME_SIMPLE);
  if (days === 0 || days === 1) {
    const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
    return `${relative} ${time}`;
  }
  return `${target.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' })} ${time}`;
}
