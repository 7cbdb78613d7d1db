import type { ClinicConfig, Weekday } from '../clinic/clinic-config.ts';
import { describeMoment, openingStatus } from './opening-status.ts';
import { languageOf, say, type Turn } from './turn.ts';

const order: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// 2024-01-01 was a Monday: used only to get localized weekday names.
const mondayUtc = Date.UTC(2024, 0, 1, 12);

/** Opening hours, today's status and the address, in the patient's language. */
export function describeOpeningHours(turn: Turn): string {
  const config: ClinicConfig = turn.config;
  const lang = languageOf(turn);
  const dayName = (i: number) => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(mondayUtc + i * 86_400_000));
  const lines = [say(turn, 'openingHoursTitle', { zone: config.clinic.timeZone })];
  order.forEach((day, i) => {
    const intervals = config.openingHours[day];
    const hours = intervals.length === 0 ? say(turn, 'closedDay') : intervals.map((x) => `${x.open}–${x.close}`).join(', ');
    lines.push(`${capitalize(dayName(i))}: ${hours}`);
  });
  const status = openingStatus(config, turn.now);
  lines.push('');
  lines.push(
    status.open
      ? say(turn, 'openNow')
      : say(turn, 'closedNow', { next: status.nextOpen === undefined ? '—' : describeMoment(status.nextOpen, turn.now, config.clinic.timeZone, lang) }),
  );
  const upcoming = config.holidays.filter((h) => h.date >= turn.now.toISOString().slice(0, 10)).slice(0, 3);
  if (upcoming.length > 0) lines.push(say(turn, 'holidaysTitle', { days: upcoming.map((h) => (h.name === undefined ? h.date : `${h.date} (${h.name})`)).join(', ') }));
  if (config.clinic.address !== undefined) lines.push(say(turn, 'addressLine', { address: config.clinic.address }));
  return lines.join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
