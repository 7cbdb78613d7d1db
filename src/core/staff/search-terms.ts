/**
 * Words a patient can be found by, normalized so the keyed hashes of stored names and of a
 * search match: lower case, accents removed, split on anything but letters and digits. Phone
 * numbers become their digits (the search also tries the last 9 digits, for numbers typed
 * without the country code).
 */
export function toNameTerms(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return [...new Set(words)].map((w) => `name:${w}`);
}

export function toPhoneTerms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return [];
  const terms = [`phone:${digits}`];
  if (digits.length > 9) terms.push(`phone:${digits.slice(-9)}`);
  return terms;
}

/** The terms one search must all match: a number when it is mostly digits, else name words. */
export function toQueryTerms(query: string): string[] {
  const digits = query.replace(/\D/g, '');
  if (digits.length >= 6 && digits.length >= query.replace(/[\s+()-]/g, '').length) {
    return [digits.length > 9 ? `phone:${digits.slice(-9)}` : `phone:${digits}`];
  }
  return toNameTerms(query);
}
