/**
 * A date of birth as patients type it: 03/02/1980, 3.2.1980, 03-02-1980 (day first, as in
 * Europe and Latin America) or 1980-02-03. Returns an ISO date, or undefined when it is not a
 * real date, is in the future or more than 120 years ago.
 */
export function parseBirthDate(text: string, now: Date): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso !== null ? [iso[1], iso[2], iso[3]] : dayFirst !== null ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  if (date.getTime() > now.getTime()) return undefined;
  if (now.getUTCFullYear() - y > 120) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A full name: at least two letters, no digits, at most 120 characters. */
export function parseFullName(text: string): string | undefined {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 120 || /\d/.test(name) || !/\p{L}.*\p{L}/u.test(name)) return undefined;
  return name;
}
