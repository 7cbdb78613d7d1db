/**
 * What a patient's date-of-birth answer can mean, as ISO dates: numbers day first
 * (03/02/1980, 3.2.1980, 03-02-80), ISO (1980-02-03), month names in any of Hale's languages
 * ("3 February 1980", "February 3, 1980", "3. Februar 1980", "3 de febrero de 1980",
 * "3 février 1980"), and for English also month first (02/03/1980), since English speakers
 * may write either. Ambiguous answers yield both readings; the check passes if one is the date
 * on file (ADR 0012). Impossible, future and >120-year-old dates are dropped. Pure.
 */
import { Info } from 'luxon';
import type { Language } from '../clinic/clinic-config.ts';

const LOCALES = ['en', 'de', 'es', 'fr', 'pt'] as const;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');

/** Month names and abbreviations of the five languages → month number (1–12). */
const monthNames: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const style of ['long', 'short'] as const) {
      Info.months(style, { locale }).forEach((name, index) => map.set(fold(name), index + 1));
    }
  }
  map.set('sept', 9);
  map.set('marz', 3); // März typed without the umlaut
  return map;
})();

export function birthDateCandidates(text: string, language: Language, now: Date): string[] {
  const cleaned = fold(text.trim()).replace(/\s+/g, ' ');
  const found: Array<[number, number, number]> = [];
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cleaned);
  if (iso !== null) found.push([Number(iso[1]), Number(iso[2]), Number(iso[3])]);
  const numeric = /^(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{2}|\d{4})$/.exec(cleaned);
  if (numeric !== null) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = fullYear(numeric[3] ?? '', now);
    found.push([year, b, a]);
    if (language === 'en' && a !== b) found.push([year, a, b]);
  }
  // "3 February 1980", "3. Februar 1980", "3 de febrero de 1980", "le 3 février 1980"
  const dayMonth = /^(?:le )?(\d{1,2})(?:st|nd|rd|th|er)?\.? (?:de )?([\p{L}]+)\.?,? (?:de )?(\d{4})$/u.exec(cleaned);
  if (dayMonth !== null) {
    const month = monthNames.get(dayMonth[2] ?? '');
    if (month !== undefined) found.push([Number(dayMonth[3]), month, Number(dayMonth[1])]);
  }
  // "February 3, 1980", "Feb 3rd 1980"
  const monthDay = /^([\p{L}]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(cleaned);
  if (monthDay !== null) {
    const month = monthNames.get(monthDay[1] ?? '');
    if (month !== undefined) found.push([Number(monthDay[3]), month, Number(monthDay[2])]);
  }
  const dates = found.map(([y, m, d]) => toIsoDate(y, m, d, now)).filter((d): d is string => d !== undefined);
  return [...new Set(dates)];
}

/** Two-digit years: the most recent past century that keeps the date in the past. */
function fullYear(digits: string, now: Date): number {
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + yy > now.getUTCFullYear() ? century - 100 + yy : century + yy;
}

function toIsoDate(y: number, m: number, d: number, now: Date): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  if (date.getTime() > now.getTime() || now.getUTCFullYear() - y > 120) return undefined;
  return date.toISOString().slice(0, 10);
}
